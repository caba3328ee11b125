// Imports a WhatsApp chat export (.txt) into a village: parse, store idempotently (the same export
// twice adds nothing; a longer export of the same chat adds only the new messages), refresh
// rollups, record a JobRun. Returns the same summary shape as the CSV/JSONL import.
import fs from "node:fs";
import path from "node:path";
import type { Database } from "../../../../server/src/db/client";
import { finishJobRun, startJobRun } from "../../../../server/src/db/jobRunRepository";
import { ensureSource } from "../../../../server/src/db/sourceRepository";
import { refreshRollups, storeBatch } from "../store";
import { parseWhatsApp } from "./parse";
import type { ImportSummary } from "../file/importFile";

export interface WhatsAppImportSummary extends ImportSummary {
  /** System lines and media placeholders skipped on purpose. */
  skipped: number;
}

/** "WhatsApp Chat with Warga Mulyasari.txt" / "Chat WhatsApp dengan Warga Mulyasari.txt" -> "Warga Mulyasari". */
export function chatNameFromFile(file: string): string {
  const base = path.basename(file).replace(/\.txt$/i, "");
  return base.replace(/^(whatsapp chat (with|-)|chat whatsapp (dengan|-))\s*/i, "").trim() || base;
}

/** Imports one export file; `chatName` defaults to the name in the file name. */
export async function importWhatsApp(db: Database, file: string, opts: { villageCode: string; chatName?: string; batchSize?: number }): Promise<WhatsAppImportSummary> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`${file}: file not found`);
  const village = await db.prisma.village.findUnique({ where: { code: opts.villageCode } });
  if (!village) throw new Error(`--village: no village with code "${opts.villageCode}"`);
  const chatName = opts.chatName ?? chatNameFromFile(file);
  const parsed = parseWhatsApp(fs.readFileSync(file, "utf8"), { timeZone: village.timeZone, chatName });
  const source = await ensureSource(db, { villageId: village.id, platform: "file", accountId: `whatsapp:${chatName}`, name: `WhatsApp: ${chatName}` });
  const summary: WhatsAppImportSummary = {
    file, read: parsed.comments.length + parsed.rejected.length, new: 0, updated: 0, unchanged: 0,
    rejected: parsed.rejected.length, rejectedRows: parsed.rejected.slice(0, 100), skipped: parsed.skipped,
  };
  const runId = await startJobRun(db, { kind: "import", villageId: village.id, sourceId: source.id });
  const days = new Set<string>();
  try {
    const size = opts.batchSize ?? 2000;
    for (let i = 0; i < parsed.comments.length; i += size) {
      const r = await storeBatch(db, { villageId: village.id, sourceId: source.id, posts: [], comments: parsed.comments.slice(i, i + size) });
      summary.new += r.new;
      summary.updated += r.updated;
      summary.unchanged += r.unchanged;
      r.days.forEach((d) => days.add(d));
    }
    if (days.size) await refreshRollups(db, village.id, [...days].sort());
    await finishJobRun(db, runId, { status: summary.rejected ? "partial" : "ok", read: summary.read, new: summary.new, updated: summary.updated, rejected: summary.rejected, details: { format: "whatsapp", chatName, skipped: summary.skipped, rejectedRows: summary.rejectedRows } });
  } catch (err) {
    await finishJobRun(db, runId, { status: "failed", read: summary.read, new: summary.new, updated: summary.updated, rejected: summary.rejected, error: (err as Error).message });
    throw err;
  }
  return summary;
}
