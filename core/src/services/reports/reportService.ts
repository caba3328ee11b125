// Generates, stores and lists Laporan Aspirasi Warga files. Stored files live next to the database
// (data/reports/<village code>/<file>), one Report row per (village, kind, period, format, language).
import fs from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { isoDateProblem, isoWeekProblem, yearMonthProblem } from "@suara-desa/shared/contracts";
import { addDays, isoWeekOfDay, localDay } from "@suara-desa/shared/time";
import { sqlitePath, type Database } from "../../db/client";
import { finishJobRun, startJobRun } from "../../db/jobRunRepository";
import { findAllVillages, getReport, getReportContent, listReports, upsertReport, type ReportRow } from "../../db/reportRepository";
import { findDaysWithData } from "../../db/rollupRepository";
import { findTopicsForVillage } from "../../db/topicRepository";
import { getVillage } from "../../db/villageRepository";
import type { AuthContext } from "@suara-desa/shared/auth";
import { badRequest, notFound, unauthorized } from "../../errors";
import { assertCanExport, assertCanViewRawPersonalData, canExport } from "../../policies/access";
import { assertSearchAllowed } from "../commentService";
import { recordAudit } from "../auditService";
import { writeCommentsCsv } from "./csvExport";
import { exportRowPages, XLSX_MAX_ROWS, type ExportQuery } from "./exportRows";
import { renderReportPdf } from "./pdfReport";
import { monthlyPeriod, weeklyPeriod, type ReportKind, type ReportPeriod } from "./period";
import { getReportData } from "./reportData";
import { fill, formatDay, reportStrings, villageDisplayName, type ReportLang } from "./reportStrings";
import { writeReportXlsx } from "./xlsxReport";
import type { StoredReportDTO } from "@suara-desa/shared/contracts";
import { queueWeeklyDigest } from "../alertService";

export type ReportFormat = "pdf" | "xlsx" | "csv";

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

export interface GeneratedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  /** The report period (2026-W47, 2026-11) when the file covers one. */
  period: string | null;
  report: StoredReportDTO | null;
}

/**
 * A file written straight to its destination (an HTTP response, a file) instead of being built in
 * memory: everything that can fail on bad input (village, period, filters) is checked before it
 * is returned, so a caller can still answer with an error before the first byte.
 */
export interface StreamedFile {
  fileName: string;
  contentType: string;
  period: string | null;
  /** Writes the whole file to `out` and ends it; rejects with ExportAborted if `out` closes first. */
  writeTo(out: Writable): Promise<{ rows: number; truncated: boolean }>;
}

export type { StoredReportDTO };

type Village = NonNullable<Awaited<ReturnType<typeof getVillage>>>;

/** "Desa Mulyasari" -> "desa-mulyasari" (ASCII, for file names). */
export function slugify(name: string): string {
  const slug = name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || "desa";
}

/** laporan-aspirasi-desa-mulyasari-2026-W47.pdf (English: …-2026-W47-en.pdf). */
export function reportFileName(villageName: string, period: string, format: ReportFormat, lang: ReportLang): string {
  return `laporan-aspirasi-${slugify(villageDisplayName(villageName, "id"))}-${period}${lang === "en" ? "-en" : ""}.${format}`;
}

async function requireVillage(db: Database, villageId: number): Promise<Village> {
  const v = await getVillage(db, villageId);
  if (!v) throw notFound("Desa");
  return v;
}

/** The latest week (or month) with data; the current week when there is none. */
async function defaultPeriodKey(db: Database, village: Village, kind: ReportKind, now: Date): Promise<string> {
  const [latest] = await findDaysWithData(db, village.id);
  const day = latest ?? localDay(now, village.timeZone);
  return kind === "weekly" ? isoWeekOfDay(day) : day.slice(0, 7);
}

function presentReport(r: ReportRow, villageName: string): StoredReportDTO {
  return {
    id: r.id,
    kind: r.kind as ReportKind,
    period: r.period,
    format: r.format as ReportFormat,
    language: r.language as ReportLang,
    bytes: r.bytes,
    fileName: reportFileName(villageName, r.period, r.format as ReportFormat, r.language as ReportLang),
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    downloadUrl: `/api/reports/${r.id}/download`,
  };
}

/** Stores the file in the database (replacing an older copy of the same report). */
export async function storeReportFile(
  db: Database,
  village: Village,
  input: { kind: ReportKind; period: string; format: ReportFormat; language: ReportLang; body: Buffer; createdBy: string | null },
): Promise<StoredReportDTO> {
  const fileName = reportFileName(village.name, input.period, input.format, input.language);
  const row = await upsertReport(db, {
    villageId: village.id, kind: input.kind, period: input.period, format: input.format, language: input.language,
    filePath: `${village.code}/${fileName}`, content: input.body, bytes: input.body.length, createdBy: input.createdBy,
  });
  return presentReport(row, village.name);
}

export interface PdfRequest {
  kind: ReportKind;
  /** 2026-W47 or 2026-11; default: the latest period with data. */
  period?: string;
  lang: ReportLang;
  now?: Date;
  /** Who asked (null: the scheduler). */
  createdBy?: string | null;
  /** "auto": store when the period is over (a half-week report is not worth keeping); "always" / "never". */
  store?: "auto" | "always" | "never";
}

/**
 * Checks a period key with the same rules as the API's schemas (shared/src/contracts), so the
 * scheduler, the CLI and any other caller can never build or store a report for 9999-W52 or 0000-01.
 */
export function assertValidPeriod(kind: ReportKind, key: string): void {
  const problem = kind === "weekly" ? isoWeekProblem(key) : yearMonthProblem(key);
  if (problem) throw badRequest(`${kind === "weekly" ? "week" : "month"}: ${problem}`);
}

/** Builds the weekly or monthly PDF; stores it according to `store`. */
export async function generatePdfReport(db: Database, villageId: number, req: PdfRequest): Promise<GeneratedFile> {
  if (req.period !== undefined) assertValidPeriod(req.kind, req.period);
  const village = await requireVillage(db, villageId);
  const now = req.now ?? new Date();
  const key = req.period ?? (await defaultPeriodKey(db, village, req.kind, now));
  // A default taken from stored data is checked too: a comment dated 1970 must not yield a junk report.
  assertValidPeriod(req.kind, key);
  const period: ReportPeriod = req.kind === "weekly" ? weeklyPeriod(key) : monthlyPeriod(key);
  const data = await getReportData(db, village.id, period, { lang: req.lang, now });
  const body = await renderReportPdf(data);
  const mode = req.store ?? "auto";
  const store = mode === "always" || (mode === "auto" && period.end < localDay(now, village.timeZone));
  const report = store
    ? await storeReportFile(db, village, { kind: req.kind, period: key, format: "pdf", language: req.lang, body, createdBy: req.createdBy ?? null })
    : null;
  return { fileName: reportFileName(village.name, key, "pdf", req.lang), contentType: CONTENT_TYPES.pdf, body, period: key, report };
}

function checkRange(q: { from?: string; to?: string }): void {
  for (const field of ["from", "to"] as const) {
    const value = q[field];
    const problem = value === undefined ? null : isoDateProblem(value);
    if (problem) throw badRequest(`${field}: ${problem}`);
  }
  if (q.from && q.to && q.from > q.to) throw badRequest("from: must not be after to");
}

/** The active filters as key=value pairs (for the audit log). */
function describeFilters(q: ExportQuery): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === "" || (k === "spam" && v === "exclude") || (k === "pii" && v === "any") || (k === "sort" && v === "time")) continue;
    parts.push(`${k}=${String(v)}`);
  }
  return parts.join(", ");
}

/**
 * The active filters in words, as the explorer's chips say them ("Topik: Infrastruktur; Dari
 * tanggal: 16 November 2026"), for the workbook's Ringkasan sheet.
 */
export function describeFiltersInWords(q: ExportQuery, lang: ReportLang, topicName: (key: string, fallback: string) => string, names = false): string {
  const s = reportStrings(lang);
  const w = s.filterWords;
  const parts: string[] = [];
  const add = (template: string, v?: string) => parts.push(fill(template, { v: v ?? "" }));
  if (q.topic) add(w.topic, topicName(q.topic, q.topic));
  if (q.sentiment) add(w.sentiment, s.sentiments[q.sentiment] ?? q.sentiment);
  if (q.intent) add(w.intent, s.intents[q.intent] ?? q.intent);
  if (q.needsReply) add(w.needsReply);
  if (q.urgent) add(w.urgent);
  if (q.caseStatus) add(w.caseStatus, s.caseStatuses[q.caseStatus] ?? q.caseStatus);
  if (q.platform) add(w.platform, s.platforms[q.platform] ?? q.platform);
  if (q.language) add(w.language, s.languages[q.language] ?? q.language);
  if (q.q) add(w.q, q.q);
  if (q.from) add(w.from, formatDay(q.from, lang));
  if (q.to) add(w.to, formatDay(q.to, lang));
  if (q.spam === "include") add(w.spamInclude);
  if (q.spam === "only") add(w.spamOnly);
  if (q.pii === "only") add(w.piiOnly);
  if (q.pii === "exclude") add(w.piiExclude);
  if (q.sort === "likes") add(w.sortLikes);
  if (names) add(w.names);
  return parts.join("; ");
}

async function topicNamer(db: Database, villageId: number, lang: ReportLang): Promise<(key: string, fallback: string) => string> {
  const names = new Map((await findTopicsForVillage(db, villageId)).map((t) => [t.key, lang === "en" ? t.nameEn : t.nameId]));
  return (k, f) => names.get(k) ?? f;
}

/** Export options beyond the explorer's filters. */
export interface ExportOptions {
  /** Authors by name instead of pseudonym: only for roles allowed raw personal data (checked and audited by the caller). */
  names?: boolean;
}

/** CSV of the explorer's filter, every matching comment; the name carries the date range or the export date. */
export async function exportCommentsCsv(db: Database, villageId: number, q: ExportQuery, lang: ReportLang, now = new Date(), opts: ExportOptions = {}): Promise<StreamedFile> {
  checkRange(q);
  const village = await requireVillage(db, villageId);
  const topicName = await topicNamer(db, village.id, lang);
  const range = q.from || q.to ? `${q.from ?? "awal"}_${q.to ?? "akhir"}` : localDay(now, village.timeZone);
  return {
    fileName: `komentar-${slugify(villageDisplayName(village.name, "id"))}-${range}.csv`,
    contentType: CONTENT_TYPES.csv,
    period: null,
    writeTo: async (out) => ({ ...(await writeCommentsCsv(out, exportRowPages(db, village, q, { topicName, names: opts.names }), lang)), truncated: false }),
  };
}

/**
 * XLSX with a week's summary and topics and a Komentar sheet (at most XLSX_MAX_ROWS rows: the sheet
 * says so when it is cut; the CSV has them all). Comments of `scope` "week" (default; the weekly
 * review's "Data minggu …", the CLI): the week's (`week`, or the latest with data), narrowed by any
 * other filter, unless the filter names its own dates. Of "filter" (the explorer's "Komentar sesuai
 * filter"): exactly the filter's, and the summary covers the week of the filter's last date (or
 * the latest week with data).
 */
export async function exportReportXlsx(
  db: Database,
  villageId: number,
  req: { week?: string; lang: ReportLang; filters: ExportQuery; now?: Date; scope?: "week" | "filter" } & ExportOptions,
): Promise<StreamedFile> {
  checkRange(req.filters);
  if (req.week !== undefined) assertValidPeriod("weekly", req.week);
  const village = await requireVillage(db, villageId);
  const now = req.now ?? new Date();
  const filterDay = req.filters.to ?? req.filters.from;
  const week = req.week ?? (filterDay ? isoWeekOfDay(filterDay) : await defaultPeriodKey(db, village, "weekly", now));
  assertValidPeriod("weekly", week);
  const period = weeklyPeriod(week);
  const ownDates = req.scope === "filter" || req.filters.from || req.filters.to;
  const filters: ExportQuery = ownDates ? req.filters : { ...req.filters, from: period.start, to: period.end };
  const [data, topicName] = await Promise.all([getReportData(db, village.id, period, { lang: req.lang, now, figuresOnly: true }), topicNamer(db, village.id, req.lang)]);
  return {
    fileName: reportFileName(village.name, week, "xlsx", req.lang),
    contentType: CONTENT_TYPES.xlsx,
    period: week,
    writeTo: (out) =>
      writeReportXlsx(out, data, {
        pages: exportRowPages(db, village, filters, { topicName, max: XLSX_MAX_ROWS, names: req.names }),
        filters: describeFiltersInWords(filters, req.lang, topicName, req.names),
      }),
  };
}

/** Stored reports of a village. */
export async function listStoredReports(db: Database, villageId: number): Promise<StoredReportDTO[]> {
  const village = await requireVillage(db, villageId);
  return (await listReports(db, villageId)).map((r) => presentReport(r, village.name));
}

export interface StoredReportFile { body: Buffer; fileName: string; contentType: string }

/**
 * The file of a stored report: from the database, or (reports stored by an older version) from
 * data/reports next to the SQLite file, checked to lie inside that folder.
 */
export async function getStoredReportFile(db: Database, id: number): Promise<StoredReportFile> {
  const r = await getReportContent(db, id);
  if (!r) throw notFound("Laporan");
  const village = await requireVillage(db, r.villageId);
  let body = r.content ? Buffer.from(r.content) : null;
  if (!body && db.provider === "sqlite") {
    const root = path.resolve(path.dirname(sqlitePath(db.url)), "reports");
    const abs = path.resolve(root, r.filePath);
    if (abs.startsWith(root + path.sep) && fs.existsSync(abs)) body = fs.readFileSync(abs);
  }
  if (!body) throw notFound("Berkas laporan");
  const format = r.format as ReportFormat;
  return { body, fileName: reportFileName(village.name, r.period, format, r.language as ReportLang), contentType: CONTENT_TYPES[format] ?? "application/octet-stream" };
}

export interface WeeklyRunResult { villageId: number; week: string; status: "stored" | "empty" | "failed"; reportId: number | null; error?: string }

/**
 * For the scheduler (Monday 07:00 WIB): the PDF of last week for every village, in Indonesian,
 * stored and recorded as a JobRun. A village without comments last week gets no report.
 */
export async function generateWeeklyReports(db: Database, now: Date): Promise<WeeklyRunResult[]> {
  const results: WeeklyRunResult[] = [];
  for (const v of await findAllVillages(db)) {
    const week = isoWeekOfDay(addDays(localDay(now, v.timeZone), -7));
    const period = weeklyPeriod(week);
    const runId = await startJobRun(db, { kind: "report", villageId: v.id });
    try {
      const days = await findDaysWithData(db, v.id);
      if (!days.some((d) => d >= period.start && d <= period.end)) {
        results.push({ villageId: v.id, week, status: "empty", reportId: null });
        await finishJobRun(db, runId, { status: "ok", read: 0, new: 0, updated: 0, rejected: 0, details: { week, skipped: "no comments" } });
        continue;
      }
      const file = await generatePdfReport(db, v.id, { kind: "weekly", period: week, lang: "id", now, createdBy: null, store: "always" });
      results.push({ villageId: v.id, week, status: "stored", reportId: file.report?.id ?? null });
      // The officials' channels get the five-line digest with the PDF (dedupe: one per week).
      await queueWeeklyDigest(db, v.id, week, file.report?.id ?? null);
      await finishJobRun(db, runId, { status: "ok", read: 0, new: 1, updated: 0, rejected: 0, details: { week, reportId: file.report?.id, bytes: file.body.length } });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      results.push({ villageId: v.id, week, status: "failed", reportId: null, error });
      await finishJobRun(db, runId, { status: "failed", read: 0, new: 0, updated: 0, rejected: 0, error });
    }
  }
  return results;
}

// ---------- the API's entry points: authorised (admin, pimpinan, perangkat of the village) and audited ----------

/** Weekly/monthly PDF for a dashboard user; stored when the period is over. */
export async function downloadPdfReport(db: Database, auth: AuthContext | undefined, villageId: number, req: Omit<PdfRequest, "createdBy" | "store">): Promise<GeneratedFile> {
  assertCanExport(auth, villageId);
  const file = await generatePdfReport(db, villageId, { ...req, createdBy: auth.username, store: "auto" });
  await recordAudit(db, auth, { action: "export", villageId, target: `report:${req.kind}:${file.period}`, details: { format: "pdf", lang: req.lang } });
  return file;
}

/**
 * Who may take names out of the system: authors leave under their pseudonym (the one the screen
 * lists) unless a role allowed raw personal data asks for names; that request is audited.
 */
function assertCanExportNames(auth: AuthContext, villageId: number, opts: ExportOptions): void {
  if (opts.names) assertCanViewRawPersonalData(auth, villageId);
}

/** The explorer's CSV for a dashboard user (text redacted; names only on request of a raw-data role). */
export async function downloadCommentsCsv(
  db: Database, auth: AuthContext | undefined, villageId: number, q: ExportQuery, lang: ReportLang, opts: ExportOptions = {},
): Promise<StreamedFile> {
  assertCanExport(auth, villageId);
  assertSearchAllowed(auth, villageId, q.q);
  assertCanExportNames(auth, villageId, opts);
  const file = await exportCommentsCsv(db, villageId, q, lang, new Date(), opts);
  await recordAudit(db, auth, { action: "export", villageId, target: "comments.csv", details: { format: "csv", filters: describeFilters(q), names: opts.names === true } });
  return file;
}

/** The workbook for a dashboard user: the week's comments when a week is named, else the explorer filter's. */
export async function downloadReportXlsx(
  db: Database,
  auth: AuthContext | undefined,
  villageId: number,
  req: { week?: string; lang: ReportLang; filters: ExportQuery } & ExportOptions,
): Promise<StreamedFile> {
  assertCanExport(auth, villageId);
  assertSearchAllowed(auth, villageId, req.filters.q);
  assertCanExportNames(auth, villageId, req);
  const file = await exportReportXlsx(db, villageId, { ...req, scope: req.week ? "week" : "filter" });
  await recordAudit(db, auth, { action: "export", villageId, target: `report:weekly:${file.period}`, details: { format: "xlsx", filters: describeFilters(req.filters), names: req.names === true } });
  return file;
}

/** Stored reports of a village, for a user who may export. */
export async function listStoredReportsFor(db: Database, auth: AuthContext | undefined, villageId: number): Promise<StoredReportDTO[]> {
  assertCanExport(auth, villageId);
  return listStoredReports(db, villageId);
}

/** A stored report's file, for a user who may export that village's data. */
export async function getStoredReportFileFor(db: Database, auth: AuthContext | undefined, id: number): Promise<StoredReportFile> {
  const r = await getReport(db, id);
  // Same answer for "not there" and "not yours", so ids of other villages' reports leak nothing.
  if (!r || !canExport(auth, r.villageId)) {
    if (!auth) throw unauthorized();
    throw notFound("Laporan");
  }
  const file = await getStoredReportFile(db, id);
  await recordAudit(db, auth, { action: "export", villageId: r.villageId, target: `report:${id}`, details: { format: r.format, period: r.period } });
  return file;
}
