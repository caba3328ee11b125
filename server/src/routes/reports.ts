// Report and export downloads: stored reports, the weekly/monthly PDF, the explorer's CSV and the
// week's workbook. The CSV and XLSX take exactly the explorer's filters (minus paging) and stream
// (every row for the CSV, at most XLSX_MAX_ROWS for the workbook); authors by name only for roles
// allowed raw personal data that ask for it (names=1). Admin, pimpinan and perangkat of
// the village may download (policies/access canExport); every download is audited. Generating
// downloads answer only same-origin requests (middleware/sameOrigin) and run a bounded number at a
// time (middleware/exportLimit).
import { Router, type Response } from "express";
import { z } from "zod";
import { CommentListQuerySchema, IsoWeek, VillageParamsSchema, YearMonth } from "@suara-desa/shared/contracts";
import type { Database } from "@suara-desa/core/db/client";
import { validated } from "../middleware/validate";
import { ExportLimiter, limitExports } from "../middleware/exportLimit";
import { sameOriginOnly } from "../middleware/sameOrigin";
import { REPORT_LANGS } from "@suara-desa/core/services/reports/reportStrings";
import { ExportAborted } from "@suara-desa/core/services/reports/streamSink";
import { requireAuth } from "../auth/middleware";
import {
  downloadCommentsCsv, downloadPdfReport, downloadReportXlsx, getStoredReportFileFor, listStoredReportsFor,
  type GeneratedFile, type StreamedFile,
} from "@suara-desa/core/services/reports/reportService";

const Lang = z.enum(REPORT_LANGS).default("id");
const ExportFilters = CommentListQuerySchema.omit({ cursor: true, limit: true });

export const VillageReportListSchema = VillageParamsSchema;
export const VillageReportWeeklySchema = VillageParamsSchema.extend({ week: IsoWeek.optional(), lang: Lang });
export const VillageReportMonthlySchema = VillageParamsSchema.extend({ month: YearMonth.optional(), lang: Lang });
/** `names=1`: authors by name (roles allowed raw personal data only; audited). */
export const VillageCommentExportSchema = VillageParamsSchema.extend(ExportFilters.shape).extend({ lang: Lang, names: z.enum(["0", "1"]).default("0") });
export const VillageReportXlsxSchema = VillageCommentExportSchema.extend({ week: IsoWeek.optional() });
export const ReportDownloadSchema = z.object({ id: z.coerce.number().int().positive() });

export interface ReportsRouterOptions {
  /** Shared by every generating download of this process; defaults to 2 per user, 4 in total. */
  limiter?: ExportLimiter;
  log?: (msg: string) => void;
}

function attachmentHeaders(res: Response, file: { fileName: string; contentType: string }): void {
  res.setHeader("Content-Type", file.contentType);
  res.setHeader("Content-Disposition", `attachment; filename="${file.fileName}"`);
  // A report holds residents' comments: no browser or proxy cache may keep a copy.
  res.setHeader("Cache-Control", "no-store");
}

/** Sends a generated file as an attachment with an ASCII file name. */
function sendFile(res: Response, file: GeneratedFile): void {
  attachmentHeaders(res, file);
  res.send(file.body);
}

/**
 * Streams a file into the response. A failure before the first byte becomes the usual JSON error;
 * after it the status line is gone, so the connection is cut and the browser reports the download
 * as failed instead of saving half a file as if it were whole.
 */
async function sendStream(res: Response, file: StreamedFile, log: (msg: string) => void): Promise<void> {
  attachmentHeaders(res, file);
  try {
    await file.writeTo(res);
  } catch (e) {
    if (!res.headersSent) throw e;
    if (!(e instanceof ExportAborted)) log(`export ${file.fileName} failed after the first byte: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    res.destroy();
  }
}

/** Routes under /api: /villages/:villageId/reports…, /villages/:villageId/exports…, /reports/:id/download. */
export function reportsRouter(db: Database, opts: ReportsRouterOptions = {}): Router {
  const router = Router();
  const log = opts.log ?? ((m: string) => console.error(m));
  const limiter = opts.limiter ?? new ExportLimiter({ perUser: 2, perServer: 4 });
  // 401 first, then a cross-site request is refused before its parameters are even read.
  const generating = [requireAuth, sameOriginOnly()] as const;

  router.get("/villages/:villageId/reports", requireAuth, validated(VillageReportListSchema, async (req, res) => {
    res.json({ data: await listStoredReportsFor(db, req.auth, req.input.villageId) });
  }));

  router.get("/villages/:villageId/reports/weekly.pdf", ...generating, validated(VillageReportWeeklySchema, limitExports(limiter), async (req, res) => {
    sendFile(res, await downloadPdfReport(db, req.auth, req.input.villageId, { kind: "weekly", period: req.input.week, lang: req.input.lang }));
  }));

  router.get("/villages/:villageId/reports/monthly.pdf", ...generating, validated(VillageReportMonthlySchema, limitExports(limiter), async (req, res) => {
    sendFile(res, await downloadPdfReport(db, req.auth, req.input.villageId, { kind: "monthly", period: req.input.month, lang: req.input.lang }));
  }));

  router.get("/villages/:villageId/exports/comments.csv", ...generating, validated(VillageCommentExportSchema, limitExports(limiter), async (req, res) => {
    const { villageId, lang, names, ...filters } = req.input;
    await sendStream(res, await downloadCommentsCsv(db, req.auth, villageId, filters, lang, { names: names === "1" }), log);
  }));

  router.get("/villages/:villageId/exports/report.xlsx", ...generating, validated(VillageReportXlsxSchema, limitExports(limiter), async (req, res) => {
    const { villageId, lang, week, names, ...filters } = req.input;
    await sendStream(res, await downloadReportXlsx(db, req.auth, villageId, { week, lang, filters, names: names === "1" }), log);
  }));

  // Reads a stored file (no generation), but is audited: same-origin like the others.
  router.get("/reports/:id/download", ...generating, validated(ReportDownloadSchema, async (req, res) => {
    const file = await getStoredReportFileFor(db, req.auth, req.input.id);
    attachmentHeaders(res, file);
    res.send(file.body);
  }));

  return router;
}
