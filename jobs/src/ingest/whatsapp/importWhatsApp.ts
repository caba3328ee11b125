// Imports a WhatsApp chat export (.txt) into a village: parse, store idempotently (the same export
// twice adds nothing; a longer export of the same chat adds only the new messages), refresh
// rollups, record a JobRun. Returns the same summary shape as the CSV/JSONL import. The file is
// streamed twice (date order, then messages) with the same encoding rules and limits as CSV.
import fs from "node:fs";
import path from "node:path";
import type { Database } from "@suara-desa/core/db/client";
import { findVillageByCode } from "@suara-desa/core/db/villageRepository";
import { finishJobRun, startJobRun } from "@suara-desa/core/db/jobRunRepository";
import { ensureSource } from "@suara-desa/core/db/sourceRepository";
import { finishImport, retainedFromDay, storeBatch } from "@suara-desa/core/ingest/store";
import { detectEncoding, readText } from "../file/encoding";
import { MAX_LISTED_REJECTIONS, type ImportSummary } from "../file/importFile";
import { ImportFileError } from "../file/importFileError";
import { LineReader } from "../file/lines";
import { MAX_FIELD_CHARS } from "../limits";
import type { IncomingComment } from "@suara-desa/core/ingest/types";
import { DateOrderDetector, WhatsAppParser } from "./parse";

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
export async function importWhatsApp(
  db: Database,
  file: string,
  opts: { villageCode: string; chatName?: string; batchSize?: number; onProgress?: (p: { bytes: number; totalBytes: number; rows: number }) => void },
): Promise<WhatsAppImportSummary> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ImportFileError(`${file}: file not found`);
  const village = await findVillageByCode(db, opts.villageCode);
  if (!village) throw new ImportFileError(`--village: no village with code "${opts.villageCode}"`);
  const chatName = opts.chatName ?? chatNameFromFile(file);
  // Decided (or refused) before anything is stored or a run is recorded.
  const encoding = await detectEncoding(file);
  const totalBytes = fs.statSync(file).size;

  // First pass: the date order (day-first or month-first) can only be told from the whole file.
  const order = new DateOrderDetector();
  {
    const lines = new LineReader(MAX_FIELD_CHARS);
    for await (const chunk of readText(file, encoding.encoding)) for (const l of lines.push(chunk.text)) order.push(l.text);
    for (const l of lines.end()) order.push(l.text);
  }

  const source = await ensureSource(db, { villageId: village.id, platform: "file", accountId: `whatsapp:${chatName}`, name: `WhatsApp: ${chatName}` });
  const summary: WhatsAppImportSummary = {
    file, read: 0, new: 0, updated: 0, unchanged: 0, expired: 0, rejected: 0, rejectedRows: [], skipped: 0,
    notices: encoding.notice ? [encoding.notice] : [],
  };
  let batch: IncomingComment[] = [];
  const parser = new WhatsAppParser({ timeZone: village.timeZone, chatName, monthFirst: order.monthFirst() }, {
    comment: (c) => {
      summary.read++;
      batch.push(c);
    },
    reject: (line, reason) => {
      summary.read++;
      summary.rejected++;
      if (summary.rejectedRows.length < MAX_LISTED_REJECTIONS) summary.rejectedRows.push({ line, reason });
    },
  });
  const runId = await startJobRun(db, { kind: "import", villageId: village.id, sourceId: source.id });
  const days = new Set<string>();
  const size = opts.batchSize ?? 2000;
  const store = async (comments: IncomingComment[]) => {
    const r = await storeBatch(db, { villageId: village.id, sourceId: source.id, posts: [], comments });
    summary.new += r.new;
    summary.updated += r.updated;
    summary.unchanged += r.unchanged;
    summary.expired += r.expired;
    r.days.forEach((d) => days.add(d));
  };
  try {
    // Second pass: parse and store in batches, so an export of any size is never held whole.
    const lines = new LineReader(MAX_FIELD_CHARS);
    let bytes = 0;
    for await (const chunk of readText(file, encoding.encoding)) {
      bytes += chunk.bytes;
      for (const l of lines.push(chunk.text)) parser.push(l);
      while (batch.length >= size) {
        const full = batch.slice(0, size);
        batch = batch.slice(size);
        await store(full);
      }
      opts.onProgress?.({ bytes, totalBytes, rows: summary.read });
    }
    for (const l of lines.end()) parser.push(l);
    parser.end();
    summary.skipped = parser.skipped;
    for (let i = 0; i < batch.length; i += size) await store(batch.slice(i, i + size));
    batch = [];
    if (summary.expired > 0) summary.retainedFrom = await retainedFromDay(db, village.id);
    if (days.size) await finishImport(db, village.id, [...days].sort());
    await finishJobRun(db, runId, {
      status: summary.rejected ? "partial" : "ok", read: summary.read, new: summary.new, updated: summary.updated, rejected: summary.rejected,
      details: { format: "whatsapp", chatName, skipped: summary.skipped, expired: summary.expired, notices: summary.notices, rejectedRows: summary.rejectedRows.slice(0, 100) },
    });
  } catch (err) {
    // Batches already stored stay stored (each is its own transaction); their days are rolled up.
    if (days.size) await finishImport(db, village.id, [...days].sort());
    await finishJobRun(db, runId, { status: "failed", read: summary.read, new: summary.new, updated: summary.updated, rejected: summary.rejected, error: (err as Error).message });
    throw err;
  }
  return summary;
}
