// The rows of a comment export: exactly the explorer's filter and order (same where-clause, same
// keyset pagination), presented as the API presents them (personal data redacted, effective
// labels), except that the author is always the pseudonym — an exported file leaves the system.
import type { CommentListQuery } from "../../../../shared/src/contracts";
import { utcOffsetMinutes } from "../../../../shared/src/time";
import type { Database } from "../../db/client";
import { findComments, type CommentFilterQuery } from "../../db/commentRepository";
import { presentComment } from "../../presenters/commentPresenter";

/** Upper bound of one export; beyond it the file says it was cut. */
export const EXPORT_MAX_ROWS = 100_000;
const PAGE = 1000;

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

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD HH:mm" of instant `d` in `timeZone`. */
export function localDateTime(d: Date, timeZone: string): string {
  const l = new Date(d.getTime() + utcOffsetMinutes(d, timeZone) * 60_000);
  return `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())} ${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`;
}

/** All comments matching the explorer filters, in the explorer's order (bounded). */
export async function findExportRows(
  db: Database,
  village: { id: number; timeZone: string },
  q: ExportQuery,
  topicName: (key: string, fallback: string) => string = (_k, f) => f,
): Promise<{ rows: ExportRow[]; truncated: boolean }> {
  const out: ExportRow[] = [];
  let after: { value: string | number; id: number } | null = null;
  for (;;) {
    const page = await findComments(db, village.id, q, q.sort, PAGE, after);
    for (const row of page.rows) {
      const c = presentComment(row);
      out.push({
        id: c.id,
        localTime: localDateTime(row.publishedAt, village.timeZone),
        day: row.day,
        platform: c.platform,
        author: `warga-${row.authorPseudonym.slice(0, 8)}`,
        text: c.text,
        sentiment: c.sentiment?.label ?? "",
        sentimentOrigin: c.sentiment?.origin ?? "",
        topics: c.topics.map((t) => topicName(t.key, t.name)).join("; "),
        likes: c.likeCount,
        language: c.language ?? "",
        spam: c.spam,
        personalData: c.hasPersonalData,
        url: c.url ?? "",
      });
      if (out.length >= EXPORT_MAX_ROWS) return { rows: out, truncated: page.hasMore || row !== page.rows.at(-1) };
    }
    const last = page.rows.at(-1);
    if (!page.hasMore || !last) break;
    after = { value: q.sort === "likes" ? last.likeCount : last.publishedAt.toISOString(), id: last.id };
  }
  return { rows: out, truncated: false };
}
