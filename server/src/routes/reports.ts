// Report and export downloads: stored reports, the weekly/monthly PDF, the explorer's CSV and the
// week's workbook. The CSV and XLSX take exactly the explorer's filters (minus paging). Admin,
// pimpinan and perangkat of the village may download (policies/access canExport); every download is
// audited.
import { Router, type Response } from "express";
import { z } from "zod";
import { CommentListQuerySchema, IsoWeek, VillageParamsSchema } from "../../../shared/src/contracts";
import type { Database } from "../db/client";
import { validate } from "../middleware/validate";
import { MONTH_RE } from "../services/reports/period";
import { REPORT_LANGS } from "../services/reports/reportStrings";
import { requireAuth } from "../auth/middleware";
import {
  downloadCommentsCsv, downloadPdfReport, downloadReportXlsx, getStoredReportFileFor, listStoredReportsFor, type GeneratedFile,
} from "../services/reports/reportService";

const Lang = z.enum(REPORT_LANGS).default("id");
const Month = z.string().regex(MONTH_RE, "must be a month like 2026-11");
const ExportFilters = CommentListQuerySchema.omit({ cursor: true, limit: true });

export const VillageReportListSchema = VillageParamsSchema;
export const VillageReportWeeklySchema = VillageParamsSchema.extend({ week: IsoWeek.optional(), lang: Lang });
export const VillageReportMonthlySchema = VillageParamsSchema.extend({ month: Month.optional(), lang: Lang });
export const VillageCommentExportSchema = VillageParamsSchema.extend(ExportFilters.shape).extend({ lang: Lang });
export const VillageReportXlsxSchema = VillageCommentExportSchema.extend({ week: IsoWeek.optional() });
export const ReportDownloadSchema = z.object({ id: z.coerce.number().int().positive() });

/** Sends a generated file as an attachment with an ASCII file name. */
function sendFile(res: Response, file: GeneratedFile): void {
  res.setHeader("Content-Type", file.contentType);
  res.setHeader("Content-Disposition", `attachment; filename="${file.fileName}"`);
  res.setHeader("Cache-Control", "no-store");
  res.send(file.body);
}

/** Routes under /api: /villages/:villageId/reports…, /villages/:villageId/exports…, /reports/:id/download. */
export function reportsRouter(db: Database): Router {
  const router = Router();

  router.get("/villages/:villageId/reports", requireAuth, validate(VillageReportListSchema), async (req, res) => {
    const q = req.input as z.infer<typeof VillageReportListSchema>;
    res.json({ data: await listStoredReportsFor(db, req.auth, q.villageId) });
  });

  router.get("/villages/:villageId/reports/weekly.pdf", requireAuth, validate(VillageReportWeeklySchema), async (req, res) => {
    const q = req.input as z.infer<typeof VillageReportWeeklySchema>;
    sendFile(res, await downloadPdfReport(db, req.auth, q.villageId, { kind: "weekly", period: q.week, lang: q.lang }));
  });

  router.get("/villages/:villageId/reports/monthly.pdf", requireAuth, validate(VillageReportMonthlySchema), async (req, res) => {
    const q = req.input as z.infer<typeof VillageReportMonthlySchema>;
    sendFile(res, await downloadPdfReport(db, req.auth, q.villageId, { kind: "monthly", period: q.month, lang: q.lang }));
  });

  router.get("/villages/:villageId/exports/comments.csv", requireAuth, validate(VillageCommentExportSchema), async (req, res) => {
    const { villageId, lang, ...filters } = req.input as z.infer<typeof VillageCommentExportSchema>;
    sendFile(res, await downloadCommentsCsv(db, req.auth, villageId, filters, lang));
  });

  router.get("/villages/:villageId/exports/report.xlsx", requireAuth, validate(VillageReportXlsxSchema), async (req, res) => {
    const { villageId, lang, week, ...filters } = req.input as z.infer<typeof VillageReportXlsxSchema>;
    sendFile(res, await downloadReportXlsx(db, req.auth, villageId, { week, lang, filters }));
  });

  router.get("/reports/:id/download", requireAuth, validate(ReportDownloadSchema), async (req, res) => {
    const q = req.input as z.infer<typeof ReportDownloadSchema>;
    const file = await getStoredReportFileFor(db, req.auth, q.id);
    res.setHeader("Content-Type", file.contentType);
    res.setHeader("Content-Disposition", `attachment; filename="${file.fileName}"`);
    res.send(file.body);
  });

  return router;
}
