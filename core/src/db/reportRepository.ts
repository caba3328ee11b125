// Reads behind the Laporan Aspirasi Warga (quotes, period texts, per-source counts, model versions)
// and the stored Report rows.
import type { Prisma } from "./generated/client";
import type { Database } from "./client";
import { commentFilterSql } from "./commentRepository";
import { sqlAll } from "./sql";

export interface QuoteCandidate {
  id: number;
  text: string;
  normalizedText: string | null;
  piiSpans: string | null;
  authorPseudonym: string;
  platform: string;
  publishedAt: Date;
  day: string;
  likeCount: number;
  sentimentLabel: string | null;
  humanSentiment: string | null;
}

/** The most-liked non-spam comments of a topic (effective labels, as in the explorer) in [from, to]. */
export async function findQuoteCandidates(
  db: Database,
  villageId: number,
  topic: string,
  from: string,
  to: string,
  take: number,
): Promise<QuoteCandidate[]> {
  const { where, params } = await commentFilterSql(db, villageId, { topic, from, to, spam: "exclude", pii: "any" });
  const rows = await sqlAll<Omit<QuoteCandidate, "publishedAt"> & { publishedAt: string | Date }>(db,
    `SELECT c.id, c.text, c."normalizedText", c."piiSpans", c."authorPseudonym", c.platform, c."publishedAt", c.day,
        c."likeCount", c."sentimentLabel", c."humanSentiment"
      FROM "Comment" c WHERE ${where} ORDER BY c."likeCount" DESC, c."publishedAt" DESC, c.id DESC LIMIT ${Math.floor(take)}`, params);
  return rows.map((r) => ({ ...r, publishedAt: new Date(r.publishedAt) }));
}

/** Comments per source (null: file imports without a source) in [from, to], spam included. */
export async function countCommentsBySource(db: Database, villageId: number, from: string, to: string): Promise<Map<number | null, number>> {
  const rows = await db.prisma.comment.groupBy({
    by: ["sourceId"],
    where: { villageId, day: { gte: from, lte: to } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.sourceId, r._count._all]));
}

/** Failed or partial ingest runs per source that started in [fromUtc, toUtc). */
export async function countFailedRuns(db: Database, villageId: number, fromUtc: Date, toUtc: Date): Promise<Map<number, number>> {
  const rows = await db.prisma.jobRun.groupBy({
    by: ["sourceId"],
    where: { villageId, sourceId: { not: null }, status: { in: ["failed", "partial"] }, startedAt: { gte: fromUtc, lt: toUtc } },
    _count: { _all: true },
  });
  const out = new Map<number, number>();
  for (const r of rows) if (r.sourceId !== null) out.set(r.sourceId, r._count._all);
  return out;
}

/** The model name/version pairs that tagged the comments of [from, to], most used first. */
export async function findModelVersions(db: Database, villageId: number, from: string, to: string): Promise<Array<{ name: string; version: string; count: number }>> {
  const rows = await db.prisma.comment.groupBy({
    by: ["modelName", "modelVersion"],
    where: { villageId, day: { gte: from, lte: to }, modelName: { not: null } },
    _count: { _all: true },
  });
  return rows
    .map((r) => ({ name: r.modelName ?? "", version: r.modelVersion ?? "", count: r._count._all }))
    .sort((a, b) => b.count - a.count);
}

/** A village by its Kemendagri code. */
export function findVillageByCode(db: Database, code: string) {
  return db.prisma.village.findUnique({ where: { code } });
}

/** A stored report without its file (lists and metadata never load the bytes). */
export type ReportRow = Prisma.ReportGetPayload<{ omit: { content: true } }>;

export interface ReportInput {
  villageId: number;
  kind: string;
  period: string;
  format: string;
  language: string;
  filePath: string;
  content: Buffer;
  bytes: number;
  createdBy: string | null;
}

/** Inserts or replaces the stored report of (village, kind, period, format, language). */
export async function upsertReport(db: Database, input: ReportInput): Promise<ReportRow> {
  const { villageId, kind, period, format, language } = input;
  const content = new Uint8Array(input.content);
  return db.prisma.report.upsert({
    where: { villageId_kind_period_format_language: { villageId, kind, period, format, language } },
    create: { ...input, content },
    update: { filePath: input.filePath, content, bytes: input.bytes, createdBy: input.createdBy, createdAt: new Date() },
    omit: { content: true },
  });
}

/** Stored reports of a village, newest period first. */
export async function listReports(db: Database, villageId: number): Promise<ReportRow[]> {
  return db.prisma.report.findMany({ where: { villageId }, omit: { content: true }, orderBy: [{ period: "desc" }, { kind: "asc" }, { format: "asc" }, { language: "asc" }] });
}

/** One stored report, or null. */
export async function getReport(db: Database, id: number): Promise<ReportRow | null> {
  return db.prisma.report.findUnique({ where: { id }, omit: { content: true } });
}

/** One stored report with its file, or null. */
export async function getReportContent(db: Database, id: number) {
  return db.prisma.report.findUnique({ where: { id } });
}

/** Every village (the weekly scheduler walks them). */
export function findAllVillages(db: Database) {
  return db.prisma.village.findMany({ orderBy: { id: "asc" } });
}
