// `npm run report -- --village <code> [--week 2026-W47 | --month 2026-11] [--format pdf|xlsx|csv]
// [--lang id|en] [--out file]`: the Laporan Aspirasi Warga for offices that run it by hand.
// Without --out a PDF is stored in the database (and listed in the dashboard); spreadsheets are
// written to the current folder.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isoWeekProblem, yearMonthProblem } from "@suara-desa/shared/contracts";
import { getDatabase } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { findVillageByCode } from "@suara-desa/core/db/villageRepository";
import { monthlyPeriod, weeklyPeriod } from "@suara-desa/core/services/reports/period";
import {
  exportCommentsCsv, exportReportXlsx, generatePdfReport, storeReportFile, type ReportFormat,
} from "@suara-desa/core/services/reports/reportService";
import type { ReportLang } from "@suara-desa/core/services/reports/reportStrings";
import { parseArgs, runMain } from "./progress";

export interface ReportArgs {
  village: string;
  week?: string;
  month?: string;
  format: ReportFormat;
  lang: ReportLang;
  out?: string;
}

const USAGE = "usage: npm run report -- --village <code> [--week 2026-W47 | --month 2026-11] [--format pdf|xlsx|csv] [--lang id|en] [--out file]";

/** Parses and checks the flags; the error names the flag. */
export function parseReportArgs(argv: string[]): { ok: true; args: ReportArgs } | { ok: false; error: string } {
  const { flags, positional } = parseArgs(argv);
  const str = (k: string): string | undefined => (typeof flags[k] === "string" ? (flags[k] as string) : undefined);
  const known = new Set(["village", "week", "month", "format", "lang", "out"]);
  for (const k of Object.keys(flags)) if (!known.has(k)) return { ok: false, error: `--${k}: unknown option\n${USAGE}` };
  if (positional.length) return { ok: false, error: `unexpected argument "${positional[0]}"\n${USAGE}` };
  for (const k of known) if (flags[k] === true) return { ok: false, error: `--${k}: needs a value\n${USAGE}` };
  const village = str("village");
  if (!village) return { ok: false, error: `--village: required (the village's Kemendagri code)\n${USAGE}` };
  const week = str("week");
  const month = str("month");
  if (week && month) return { ok: false, error: "--week/--month: give one, not both" };
  // The same rules as the API's week/month parameters (shared/src/contracts).
  const weekProblem = week === undefined ? null : isoWeekProblem(week);
  if (weekProblem) return { ok: false, error: `--week: ${weekProblem}` };
  const monthProblem = month === undefined ? null : yearMonthProblem(month);
  if (monthProblem) return { ok: false, error: `--month: ${monthProblem}` };
  const format = str("format") ?? "pdf";
  if (format !== "pdf" && format !== "xlsx" && format !== "csv") return { ok: false, error: `--format: must be pdf, xlsx or csv, got "${format}"` };
  if (month && format === "xlsx") return { ok: false, error: "--format: xlsx is weekly; use --week" };
  const lang = str("lang") ?? "id";
  if (lang !== "id" && lang !== "en") return { ok: false, error: `--lang: must be id or en, got "${lang}"` };
  return { ok: true, args: { village, week, month, format, lang, out: str("out") } };
}

async function main(): Promise<number> {
  const parsed = parseReportArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`error: ${parsed.error}\n`);
    return 2;
  }
  const a = parsed.args;
  const started = performance.now();
  const db = await getDatabase();
  try {
    await prepareDatabase(db);
    const village = await findVillageByCode(db, a.village);
    if (!village) {
      process.stderr.write(`error: --village: no village with code "${a.village}"\n`);
      return 2;
    }
    const kind = a.month ? "monthly" : "weekly";
    process.stderr.write(`report: ${village.name}, ${a.month ?? a.week ?? "latest week"}, ${a.format.toUpperCase()}…\n`);
    let written: { fileName: string; target: string; bytes: number; rows: number | null };
    if (a.format === "pdf") {
      const file = await generatePdfReport(db, village.id, { kind, period: a.month ?? a.week, lang: a.lang, createdBy: "cli", store: "never" });
      let target: string;
      if (a.out) {
        target = path.resolve(a.out);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, file.body);
      } else {
        const stored = await storeReportFile(db, village, { kind, period: file.period ?? "", format: "pdf", language: a.lang, body: file.body, createdBy: "cli" });
        target = `the database (report #${stored.id}, listed on the dashboard)`;
      }
      written = { fileName: file.fileName, target, bytes: file.body.length, rows: null };
    } else {
      const key = a.month ?? a.week;
      const range = key ? (a.month ? monthlyPeriod(key) : weeklyPeriod(key)) : null;
      const file = a.format === "xlsx"
        ? await exportReportXlsx(db, village.id, { week: a.week, lang: a.lang, filters: { spam: "exclude", pii: "any", sort: "time" } })
        : await exportCommentsCsv(db, village.id, { spam: "exclude", pii: "any", sort: "time", from: range?.start, to: range?.end }, a.lang);
      const target = path.resolve(a.out ?? file.fileName);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // Streamed to a temporary name and renamed at the end: a failed run never leaves a half file
      // under the name a user (or a script) would pick up.
      const partial = `${target}.part`;
      try {
        const { rows } = await file.writeTo(fs.createWriteStream(partial));
        fs.renameSync(partial, target);
        written = { fileName: file.fileName, target, bytes: fs.statSync(target).size, rows };
      } catch (e) {
        fs.rmSync(partial, { force: true });
        throw e;
      }
    }
    const kb = (written.bytes / 1024).toFixed(1);
    const rows = written.rows === null ? "" : `, ${written.rows} comments`;
    process.stdout.write(`report: ${written.fileName} written to ${written.target} (${kb} KB${rows}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runMain(main);
}
