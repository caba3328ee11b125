// Authors are stored as a keyed hash: stable per platform account (so "one author's comments" and
// "remove all comments of one author" work) but not reversible without the secret. An install that
// moved away from earlier secrets re-keyed its stored pseudonyms (core/src/secrets.ts); new ones
// are computed through the same chain, so an author keeps one pseudonym across the move.
import { createHmac } from "node:crypto";
import { rekeyPseudonym, secrets, type InstallSecrets } from "../secrets";

type PseudonymKeys = Pick<InstallSecrets, "pseudonymSecret" | "pseudonymChain">;

/**
 * The author key of a comment that came without an author id or name (a file import without those
 * columns): every such comment of a platform shares one pseudonym, so it names nobody in particular.
 */
export const ANONYMOUS_AUTHOR_KEY = "anonim";

/** Keyed pseudonym of a platform author (16 hex chars). */
export function authorPseudonym(platform: string, authorKey: string, keys: PseudonymKeys = secrets()): string {
  const [first, ...later] = [...keys.pseudonymChain, keys.pseudonymSecret];
  let p = createHmac("sha256", first).update(`${platform}:${authorKey.trim().toLowerCase()}`).digest("hex").slice(0, 16);
  for (const secret of later) p = rekeyPseudonym(secret, p);
  return p;
}
