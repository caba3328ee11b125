// The rows of a comment export: exactly the explorer's filter and order (same where-clause, same
// keyset pagination), presented as the explorer's list presents them to the same reader (personal
// data redacted, effective labels, the author's pseudonym), so file rows and screen rows match.
// A role allowed raw personal data may ask for authors' names (the caller checks and audits).
import type { CommentListQuery } from "@suara-desa/shared/contracts";
import { utcOffsetMinutes } from "@suara-desa/shared/time";
import type { Database } from "../../db/client";
import { findComments, type CommentFilterQuery } from "../../db/commentRepository";
import { presentAuthor, presentComment } from "../../presenters/commentPresenter";

/**
 * Rows per page read from the database. The read is one synchronous step on SQLite (about 25 ms
 * for 200 rows on the shared 2-core VM); the writers then yield every EXPORT_YIELD_ROWS rows, so
 * with the per-server limit of 4 exports a health check or another user's page waits well under
 * 100 ms behind them (`npm run bench:export` prints the event-loop delay).
 */
export const EXPORT_PAGE = 200;

/** Rows serialised between two yields to the event loop. */
export const EXPORT_YIELD_ROWS = 50;

/** Rows a workbook holds at most (Excel slows to a crawl past this); the CSV has no limit. */
export const XLSX_MAX_ROWS = 100_000;

export type ExportQuery = CommentFilterQuery & { sort: CommentListQuery["sort"] };

export interface ExportRow {
  id: number;
  /** Local wall time "2026-11-18 19:00" in the village's time zone. */
  localTime: string;
  day: string;
  platform: string;
  author: string;
  text: string;
  sentiment: string;
  sentimentOrigin: string;
  topics: string;
  likes: number;
  language: string;
  spam: boolean;
  personalData: boolean;
  url: string;
}

/** A page of export rows; `truncated` on the last page when `max` cut the result. */
export interface ExportPage {
  rows: ExportRow[];
  truncated: boolean;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD HH:mm" of instant `d` in `timeZone`. */
export function localDateTime(d: Date, timeZone: string): string {
  const l = new Date(d.getTime() + utcOffsetMinutes(d, timeZone) * 60_000);
  return `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())} ${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`;
}

/**
 * The comments matching the explorer filters, in the explorer's order, one page at a time (keyset
 * pagination: memory holds one page whatever the total). Stops after `max` rows when given, and
 * then marks the last page truncated if more rows matched.
 */
export async function* exportRowPages(
  db: Database,
  village: { id: number; timeZone: string },
  q: ExportQuery,
  opts: { topicName?: (key: string, fallback: string) => string; max?: number; pageSize?: number; names?: boolean } = {},
): AsyncGenerator<ExportPage> {
  const topicName = opts.topicName ?? ((_k: string, f: string) => f);
  const max = opts.max ?? Infinity;
  const pageSize = opts.pageSize ?? EXPORT_PAGE;
  let after: { value: string | number; id: number } | null = null;
  let total = 0;
  for (;;) {
    const page = await findComments(db, village.id, q, q.sort, Math.min(pageSize, max - total), after);
    const rows = page.rows.map((row): ExportRow => {
      const c = presentComment(row);
      return {
        id: c.id,
        localTime: localDateTime(row.publishedAt, village.timeZone),
        day: row.day,
        platform: c.platform,
        author: opts.names ? presentAuthor(row, true) : c.author, // the list's display rule, so rows can be matched
        text: c.text,
        sentiment: c.sentiment?.label ?? "",
        sentimentOrigin: c.sentiment?.origin ?? "",
        topics: c.topics.map((t) => topicName(t.key, t.name)).join("; "),
        likes: c.likeCount,
        language: c.language ?? "",
        spam: c.spam,
        personalData: c.hasPersonalData,
        url: c.url ?? "",
      };
    });
    total += rows.length;
    const last = page.rows.at(-1);
    const done = !page.hasMore || !last;
    const cut = !done && total >= max;
    if (rows.length) yield { rows, truncated: cut };
    if (done || cut) return;
    after = { value: q.sort === "likes" ? last.likeCount : last.publishedAt.toISOString(), id: last.id };
  }
}
