// Turns one imported row (CSV or JSONL, same field names) into an IncomingComment, or a reason
// naming the field that is wrong. Pure.
import { createHash } from "node:crypto";
import { PLATFORMS, type Platform } from "@suara-desa/shared/contracts";
import { localTimeToUtc } from "@suara-desa/shared/time";
import { MAX_AUTHOR_CHARS, MAX_ID_CHARS, MAX_TEXT_CHARS, MAX_URL_CHARS } from "../limits";
import type { IncomingComment } from "@suara-desa/core/ingest/types";

export const IMPORT_FIELDS = ["id", "text", "published_at", "platform", "author", "post_id", "parent_id", "likes", "url"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: ImportField[] = ["text", "published_at"];

export type RowResult = { ok: true; comment: IncomingComment } | { ok: false; reason: string };

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Parses `published_at`: ISO 8601 with a zone, or a local `YYYY-MM-DD[ HH:mm[:ss]]` in the village zone. */
export function parsePublishedAt(value: string, timeZone: string): Date | null {
  const v = value.trim();
  if (ISO_WITH_ZONE.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = LOCAL.exec(v);
  if (!m) return null;
  const [, day, hh = "00", mm = "00", ss = "00"] = m;
  const check = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== day) return null;
  if (+hh > 23 || +mm > 59 || +ss > 59) return null;
  return new Date(localTimeToUtc(day, +hh * 60 + +mm, timeZone).getTime() + +ss * 1000);
}

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === "" ? null : s;
}

/** Validates and converts one row. */
export function rowToComment(row: Record<string, unknown>, timeZone: string): RowResult {
  const text = typeof row.text === "string" ? row.text.trim() : row.text == null ? "" : null;
  if (text === null) return { ok: false, reason: "text: must be a string" };
  if (text === "") return { ok: false, reason: "text: is empty" };
  if (text.length > MAX_TEXT_CHARS) return { ok: false, reason: `text: longer than ${MAX_TEXT_CHARS} characters` };

  const publishedRaw = str(row.published_at);
  if (!publishedRaw) return { ok: false, reason: "published_at: is missing" };
  const publishedAt = parsePublishedAt(publishedRaw, timeZone);
  if (!publishedAt) return { ok: false, reason: `published_at: "${publishedRaw.slice(0, 40)}" is not ISO 8601 or YYYY-MM-DD HH:mm` };

  const platformRaw = (str(row.platform) ?? "file").toLowerCase();
  if (!(PLATFORMS as readonly string[]).includes(platformRaw)) {
    return { ok: false, reason: `platform: "${platformRaw.slice(0, 20)}" is not one of ${PLATFORMS.join(", ")}` };
  }
  const platform = platformRaw as Platform;

  let likeCount = 0;
  const likesRaw = str(row.likes);
  if (likesRaw !== null) {
    if (!/^\d{1,9}$/.test(likesRaw)) return { ok: false, reason: `likes: "${likesRaw.slice(0, 20)}" is not a whole number` };
    likeCount = Number(likesRaw);
  }

  const url = str(row.url);
  if (url !== null && !/^https?:\/\//i.test(url)) return { ok: false, reason: "url: must start with http:// or https://" };
  if (url !== null && url.length > MAX_URL_CHARS) return { ok: false, reason: `url: longer than ${MAX_URL_CHARS} characters` };

  const author = str(row.author);
  if (author !== null && author.length > MAX_AUTHOR_CHARS) return { ok: false, reason: `author: longer than ${MAX_AUTHOR_CHARS} characters` };
  const postExternalId = str(row.post_id);
  const parentExternalId = str(row.parent_id);
  for (const [field, v] of [["post_id", postExternalId], ["parent_id", parentExternalId]] as const) {
    if (v !== null && v.length > MAX_ID_CHARS) return { ok: false, reason: `${field}: longer than ${MAX_ID_CHARS} characters` };
  }
  // Without an id the key is a hash of what makes the comment itself, so re-importing the same
  // export is idempotent.
  const externalId =
    str(row.id) ??
    "h_" + createHash("sha256").update([platform, author ?? "", publishedAt.toISOString(), text].join("\u0000")).digest("hex").slice(0, 32);
  if (externalId.length > MAX_ID_CHARS) return { ok: false, reason: `id: longer than ${MAX_ID_CHARS} characters` };

  return {
    ok: true,
    comment: {
      platform,
      externalId,
      postExternalId,
      parentExternalId,
      authorId: author,
      authorName: author,
      text,
      publishedAt,
      likeCount,
      url,
    },
  };
}
