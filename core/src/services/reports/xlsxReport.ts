// The report workbook: Ringkasan (figures and trend of the period), Komentar (the explorer's current
// filter), Topik (topics with counts, negative share and change) and Kasus (follow-up cases). Every text cell goes through
// safeCell so a comment typed as "=…" stays text even when the sheet is re-saved as CSV.
// Written with exceljs' streaming WorkbookWriter: each comment row is committed (serialised and
// zipped) as it comes, and the writer waits for the destination between pages, so a workbook of
// 100,000 rows needs the memory of one page and never holds the event loop for long.
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { safeCell } from "./cellSafety";
import { EXPORT_YIELD_ROWS, type ExportPage } from "./exportRows";
import type { ReportData } from "./reportData";
import { fill, formatLocalDateTime, periodLabel, reportStrings, villageDisplayName } from "./reportStrings";
import { drained, ExportAborted, yieldToEventLoop } from "./streamSink";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EDEF" } };

/** "2026-11-18 19:00" (village wall time) as a Date whose UTC fields are that wall time: Excel dates carry no zone. */
function wallTimeCell(localTime: string): Date {
  return new Date(`${localTime.replace(" ", "T")}:00Z`);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { bottom: { style: "thin" } };
  });
}

/** Streams the workbook to `out` and ends it; returns the comment rows written and whether the sheet was cut. */
export async function writeReportXlsx(
  out: Writable,
  data: ReportData,
  comments: { pages: AsyncIterable<ExportPage>; filters: string },
): Promise<{ rows: number; truncated: boolean }> {
  const s = reportStrings(data.lang);
  let closedEarly = false;
  const onClose = () => {
    if (!out.writableFinished) closedEarly = true;
  };
  out.on("close", onClose);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "Suara Desa";
  wb.created = data.generatedAt;
  wb.title = `${s.title} — ${villageDisplayName(data.village.name, data.lang)}`;

  // Ringkasan: a few dozen rows, committed with the sheet.
  const sum = wb.addWorksheet(s.sheetSummary);
  sum.columns = [{ width: 34 }, { width: 22 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }];
  sum.addRow([safeCell(s.title)]).font = { bold: true, size: 14 };
  const info: Array<[string, string | number]> = [
    [s.village, `${villageDisplayName(data.village.name, data.lang)}, ${fill(s.place, { kecamatan: data.village.kecamatan, kabupaten: data.village.kabupaten })}`],
    [s.period, periodLabel(data.period, data.lang)],
    [s.generated, formatLocalDateTime(data.generatedAt, data.village.timeZone, data.lang)],
    [s.filters, comments.filters || s.none],
  ];
  for (const [k, v] of info) sum.addRow([k, typeof v === "string" ? safeCell(v) : v]).getCell(1).font = { bold: true };
  sum.addRow([]);
  styleHeader(sum.addRow([s.item, s.value, s.previous]));
  const t = data.totals;
  const p = data.previous;
  const figures: Array<[string, number, number | null]> = [
    [s.comments, t.comments, p?.comments ?? null],
    [s.positif, t.positif, p?.positif ?? null],
    [s.netral, t.netral, p?.netral ?? null],
    [s.negatif, t.negatif, p?.negatif ?? null],
    [s.spam, t.spam, p?.spam ?? null],
  ];
  for (const [k, v, prev] of figures) sum.addRow([k, v, prev]);
  const shareRow = sum.addRow([s.negativeShare, t.comments ? t.negatif / t.comments : null, p && p.comments ? p.negatif / p.comments : null]);
  shareRow.getCell(2).numFmt = "0.0%";
  shareRow.getCell(3).numFmt = "0.0%";
  sum.addRow([]);
  sum.addRow([data.period.kind === "weekly" ? s.trendWeekly : s.trendMonthly]).font = { bold: true };
  styleHeader(sum.addRow([s.period, s.comments, s.positif, s.netral, s.negatif, s.spam]));
  for (const tr of data.trend) sum.addRow([tr.period.key, tr.comments, tr.positif, tr.netral, tr.negatif, tr.spam]);
  sum.commit();

  // Komentar: one committed row per comment, page by page.
  const com = wb.addWorksheet(s.sheetComments, { views: [{ state: "frozen", ySplit: 1 }] });
  const c = s.col;
  com.columns = [
    { header: c.id, key: "id", width: 9 },
    // A real date cell holding the village's wall time: Excel sorts and filters it as a date.
    { header: c.time, key: "localTime", width: 17, style: { numFmt: "d mmm yyyy hh:mm" } },
    { header: c.platform, key: "platform", width: 11 },
    { header: c.author, key: "author", width: 16 },
    { header: c.text, key: "text", width: 70, style: { alignment: { wrapText: true, vertical: "top" } } },
    { header: c.sentiment, key: "sentiment", width: 10 },
    { header: c.sentimentOrigin, key: "sentimentOrigin", width: 10 },
    { header: c.topics, key: "topics", width: 28 },
    { header: c.likes, key: "likes", width: 7 },
    { header: c.language, key: "language", width: 8 },
    { header: c.spam, key: "spam", width: 7 },
    { header: c.personalData, key: "personalData", width: 12 },
    { header: c.url, key: "url", width: 30 },
  ];
  com.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 13 } };
  const header = com.getRow(1);
  styleHeader(header);
  header.commit();
  const yesNo = (b: boolean) => (b ? s.yes : s.no);
  let rows = 0;
  let truncated = false;
  for await (const page of comments.pages) {
    for (const [i, r] of page.rows.entries()) {
      // exceljs spends ~0.2 ms on a row: let other requests in every few dozen rows.
      if (i > 0 && i % EXPORT_YIELD_ROWS === 0) await yieldToEventLoop();
      com.addRow({
        ...r,
        localTime: wallTimeCell(r.localTime),
        author: safeCell(r.author),
        text: safeCell(r.text),
        topics: safeCell(r.topics),
        url: safeCell(r.url),
        spam: yesNo(r.spam),
        personalData: yesNo(r.personalData),
      }).commit();
    }
    rows += page.rows.length;
    truncated ||= page.truncated;
    // Let the zip and the socket take this page before the next one is read.
    await yieldToEventLoop();
    await drained(out);
    if (closedEarly) throw new ExportAborted();
  }
  if (truncated) {
    const note = com.addRow([fill(s.truncated, { n: rows })]);
    note.font = { italic: true };
    note.commit();
  }
  com.commit();

  // Topik
  const top = wb.addWorksheet(s.sheetTopics, { views: [{ state: "frozen", ySplit: 1 }] });
  top.columns = [
    { header: "key", key: "key", width: 22 },
    { header: s.topic, key: "name", width: 30 },
    { header: s.count, key: "count", width: 10 },
    { header: s.negatif, key: "negatif", width: 10 },
    { header: s.negShort, key: "share", width: 11, style: { numFmt: "0.0%" } },
    { header: s.previous, key: "previous", width: 12 },
    { header: s.change, key: "delta", width: 11 },
  ];
  styleHeader(top.getRow(1));
  for (const tp of data.topics) {
    top.addRow({ key: tp.key, name: safeCell(tp.name), count: tp.count, negatif: tp.negatif, share: tp.count ? tp.negatif / tp.count : 0, previous: tp.previous, delta: tp.delta });
  }
  top.commit();

  // Kasus: every issue opened in the period and every one still open, with local dates.
  const cases = wb.addWorksheet(s.sheetCases, { views: [{ state: "frozen", ySplit: 1 }] });
  cases.columns = [10, 18, 24, 14, 9, 22, 10, 18, 26, 10, 70].map((width, i) => ({ header: s.caseCols[i], width }));
  styleHeader(cases.getRow(1));
  const localTime = new Intl.DateTimeFormat(s.locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: data.village.timeZone });
  const listed = new Map([...data.followUp.opened, ...data.followUp.open].map((c) => [c.id, c]));
  for (const c of [...listed.values()].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id - b.id)) {
    cases.addRow([
      c.id, localTime.format(c.openedAt), safeCell(c.topicKey ? (data.topicNames[c.topicKey] ?? c.topicKey) : s.noTopic),
      s.intents[c.intent] ?? c.intent, c.urgent ? s.yes : s.no, s.caseStatuses[c.status] ?? c.status, c.overdue ? s.yes : s.no,
      c.firstReplyAt ? localTime.format(c.firstReplyAt) : "", safeCell(c.forwardedTo ?? ""), c.comments, safeCell(c.title),
    ]).commit();
  }
  cases.commit();

  // Writes the workbook's own parts and ends `out` (the zip is piped into it).
  const finished = new Promise<void>((resolve, reject) => {
    if (out.writableFinished) return resolve();
    out.once("finish", resolve);
    out.once("close", () => (out.writableFinished ? resolve() : reject(new ExportAborted())));
  });
  await wb.commit();
  await finished;
  out.off("close", onClose);
  return { rows, truncated };
}
