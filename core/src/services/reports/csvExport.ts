// CSV of the explorer's current filter: RFC 4180 (comma, CRLF, fields with comma/quote/line break
// quoted, quotes doubled), UTF-8 with a byte-order mark so Excel shows Indonesian text and emoji
// correctly, and every text cell neutralised against formula injection. Written page by page, so
// the whole result (no row limit) goes out with the memory of one page.
import type { Writable } from "node:stream";
import { safeCell } from "./cellSafety";
import { EXPORT_YIELD_ROWS, type ExportPage, type ExportRow } from "./exportRows";
import { reportStrings, type ReportLang } from "./reportStrings";
import { endStream, writeChunk, yieldToEventLoop } from "./streamSink";

const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field. */
export function csvField(value: string | number | boolean): string {
  const s = String(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** BOM and header line. */
function csvHeader(lang: ReportLang): string {
  const c = reportStrings(lang).col;
  const header = [c.id, c.time, c.date, c.platform, c.author, c.text, c.sentiment, c.sentimentOrigin, c.topics, c.likes, c.language, c.spam, c.personalData, c.url];
  return BOM + header.map(csvField).join(",") + "\r\n";
}

/** The lines of some rows, each ending in CRLF. */
function csvLines(rows: ExportRow[], lang: ReportLang): string {
  const s = reportStrings(lang);
  const yesNo = (b: boolean) => (b ? s.yes : s.no);
  let out = "";
  for (const r of rows) {
    out += [
      r.id, r.localTime, r.day, r.platform, safeCell(r.author), safeCell(r.text), r.sentiment, r.sentimentOrigin,
      safeCell(r.topics), r.likes, r.language, yesNo(r.spam), yesNo(r.personalData), safeCell(r.url),
    ].map(csvField).join(",") + "\r\n";
  }
  return out;
}

/** The CSV file (BOM + header + rows) as a string: for small, in-memory row sets. */
export function renderCommentsCsv(rows: ExportRow[], lang: ReportLang): string {
  return csvHeader(lang) + csvLines(rows, lang);
}

/** Streams the CSV of every page to `out` and ends it; returns the number of rows written. */
export async function writeCommentsCsv(out: Writable, pages: AsyncIterable<ExportPage>, lang: ReportLang): Promise<{ rows: number }> {
  let rows = 0;
  await writeChunk(out, csvHeader(lang));
  for await (const page of pages) {
    for (let i = 0; i < page.rows.length; i += EXPORT_YIELD_ROWS) {
      await writeChunk(out, csvLines(page.rows.slice(i, i + EXPORT_YIELD_ROWS), lang));
      await yieldToEventLoop();
    }
    rows += page.rows.length;
  }
  await endStream(out);
  return { rows };
}
