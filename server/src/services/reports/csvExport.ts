// CSV of the explorer's current filter: RFC 4180 (comma, CRLF, fields with comma/quote/line break
// quoted, quotes doubled), UTF-8 with a byte-order mark so Excel shows Indonesian text and emoji
// correctly, and every text cell neutralised against formula injection.
import { safeCell } from "./cellSafety";
import type { ExportRow } from "./exportRows";
import { reportStrings, type ReportLang } from "./reportStrings";

const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field. */
export function csvField(value: string | number | boolean): string {
  const s = String(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV file (BOM + header + rows) as a string. */
export function renderCommentsCsv(rows: ExportRow[], lang: ReportLang): string {
  const s = reportStrings(lang);
  const c = s.col;
  const header = [c.id, c.date, c.day, c.platform, c.author, c.text, c.sentiment, c.sentimentOrigin, c.topics, c.likes, c.language, c.spam, c.personalData, c.url];
  const lines = [header.map(csvField).join(",")];
  const yesNo = (b: boolean) => (b ? s.yes : s.no);
  for (const r of rows) {
    lines.push(
      [
        r.id, r.localTime, r.day, r.platform, safeCell(r.author), safeCell(r.text), r.sentiment, r.sentimentOrigin,
        safeCell(r.topics), r.likes, r.language, yesNo(r.spam), yesNo(r.personalData), safeCell(r.url),
      ].map(csvField).join(","),
    );
  }
  return BOM + lines.join("\r\n") + "\r\n";
}
