// Authors are stored as a keyed hash: stable per platform account (so "one author's comments" and
// "remove all comments of one author" work) but not reversible without the secret.
import { createHmac } from "node:crypto";
import { env } from "../../../server/src/env";

/** Keyed pseudonym of a platform author (16 hex chars). */
export function authorPseudonym(platform: string, authorKey: string, secret = env().PSEUDONYM_SECRET): string {
  return createHmac("sha256", secret).update(`${platform}:${authorKey.trim().toLowerCase()}`).digest("hex").slice(0, 16);
}
