// File import: CSV (header row) or JSONL with the same field names, streamed in batches so a
// million-row file never sits in memory. Good rows are kept, bad rows are listed with their line.
// The encoding is decided before anything is stored (encoding.ts); readers keep at most the
// limits of limits.ts of any field or line, so memory stays flat whatever the file holds.
import fs from "node:fs";
import path from "node:path";
import type { Database } from "@suara-desa/core/db/client";
import { findVillageByCode } from "@suara-desa/core/db/villageRepository";
import { finishJobRun, startJobRun } from "@suara-desa/core/db/jobRunRepository";
import { ensureSource } from "@suara-desa/core/db/sourceRepository";
import { BatchPipeline } from "@suara-desa/core/ingest/batchPipeline";
import { sharedNlpPool, type NlpPool } from "@suara-desa/core/ingest/nlpPool";
import { finishImport, retainedFromDay } from "@suara-desa/core/ingest/store";
import type { IngestTimings } from "@suara-desa/core/ingest/timings";
import type { IncomingComment } from "@suara-desa/core/ingest/types";
import { MAX_COLUMNS, MAX_RECORD_CHARS, limitOfField } from "../limits";
import { CsvReader, type CsvRecord } from "./csv";
import { detectEncoding, readText } from "./encoding";
import { ImportFileError } from "./importFileError";
import { LineReader, type TextLine } from "./lines";
import { IMPORT_FIELDS, REQUIRED_FIELDS, rowToComment, type ImportField } from "./rows";

export { ImportFileError };

export type ImportFormat = "csv" | "jsonl";

export interface ImportOptions {
  villageCode: string;
  /** Our field -> the file's column/key, e.g. { text: "isi", published_at: "waktu" }. */
  mapping?: Partial<Record<ImportField, string>>;
  format?: ImportFormat;
  batchSize?: number;
  onProgress?: (p: { bytes: number; totalBytes: number; rows: number }) => void;
  /** Filled with where the time went (benchmarks, --json). */
  timings?: IngestTimings;
  /** NLP threads to use (null: this thread); by default the shared pool for files of 1 MB and more. */
  nlpPool?: NlpPool | null;
}

/** Files from this size on are analysed on the NLP threads (smaller ones are done before threads would start). */
export const NLP_POOL_MIN_BYTES = 1_000_000;

export interface ImportSummary {
  file: string;
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Rows not stored because they were published before the village's retention cut-off. */
  expired: number;
  /** That cut-off's local day, when rows were refused for it. */
  retainedFrom?: string;
  rejected: number;
  rejectedRows: Array<{ line: number; reason: string }>;
  /** Things the office should know about the whole file, e.g. that it was converted from another encoding. */
  notices: string[];
}

/** Picks the format from the extension. */
export function detectFormat(file: string): ImportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  throw new ImportFileError(`${file}: unknown format "${ext || "(none)"}" — use .csv or .jsonl`);
}

/** Parses a `--map` value like "text=isi,published_at=waktu". */
export function parseMapping(spec: string): Partial<Record<ImportField, string>> {
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [ours, theirs] = part.split("=").map((s) => s?.trim());
    if (!ours || !theirs) throw new ImportFileError(`--map: "${part}" is not field=column`);
    if (!(IMPORT_FIELDS as readonly string[]).includes(ours)) {
      throw new ImportFileError(`--map: "${ours}" is not a field (${IMPORT_FIELDS.join(", ")})`);
    }
    mapping[ours as ImportField] = theirs;
  }
  return mapping;
}

/** Rejected rows listed in a summary (all are counted). */
export const MAX_LISTED_REJECTIONS = 1000;

/** Why a header cannot be used, with a hint when the file is not comma-separated. */
function headerProblem(file: string, rec: CsvRecord, missing: string[]): string {
  let hint = "";
  if (rec.fields.length === 1) {
    const only = rec.fields[0];
    if (only.includes(";")) hint = ' — the columns are separated by ";": save the file as "CSV UTF-8 (Comma delimited)"';
    else if (only.includes("\t")) hint = ' — the columns are separated by tabs: save the file as "CSV UTF-8 (Comma delimited)"';
  }
  return `${file}: header (line ${rec.line}) lacks required column(s) ${missing.join(", ")}${hint}`;
}

/** Imports one file into a village. Idempotent: the same file twice adds nothing the second time. */
export async function importFile(db: Database, file: string, opts: ImportOptions): Promise<ImportSummary> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ImportFileError(`${file}: file not found`);
  const format = opts.format ?? detectFormat(file);
  const village = await findVillageByCode(db, opts.villageCode);
  if (!village) throw new ImportFileError(`--village: no village with code "${opts.villageCode}"`);
  // Decided (or refused) before anything is stored or a run is recorded.
  const encoding = await detectEncoding(file);
  const source = await ensureSource(db, { villageId: village.id, platform: "file", accountId: "import", name: "Impor berkas" });
  const totalBytes = fs.statSync(file).size;
  const batchSize = opts.batchSize ?? 2000;
  const mapping = opts.mapping ?? {};
  const colOf = (f: ImportField) => mapping[f] ?? f;

  const summary: ImportSummary = { file, read: 0, new: 0, updated: 0, unchanged: 0, expired: 0, rejected: 0, rejectedRows: [], notices: [] };
  if (encoding.notice) summary.notices.push(encoding.notice);
  const days = new Set<string>();
  let batch: IncomingComment[] = [];
  const reject = (line: number, reason: string) => {
    summary.rejected++;
    if (summary.rejectedRows.length < MAX_LISTED_REJECTIONS) summary.rejectedRows.push({ line, reason });
  };
  // Large files analyse the next batches on the NLP threads while this one is written.
  const pool = opts.nlpPool !== undefined ? opts.nlpPool : totalBytes >= NLP_POOL_MIN_BYTES ? sharedNlpPool() : null;
  const batches = new BatchPipeline(db, pool, (r) => {
    summary.new += r.new;
    summary.updated += r.updated;
    summary.unchanged += r.unchanged;
    summary.expired += r.expired;
    r.days.forEach((d) => days.add(d));
  }, opts.timings);
  const flush = async () => {
    if (batch.length === 0) return;
    const comments = batch;
    batch = [];
    await batches.push({ villageId: village.id, sourceId: source.id, posts: [], comments });
  };
  const accept = (line: number, row: Record<string, unknown>) => {
    summary.read++;
    const res = rowToComment(row, village.timeZone);
    if (res.ok) batch.push(res.comment);
    else reject(line, res.reason);
  };

  const runId = await startJobRun(db, { kind: "import", villageId: village.id, sourceId: source.id });
  try {
    let header: string[] | null = null;
    let index: Partial<Record<ImportField, number>> = {};
    const csv = new CsvReader();
    const onCsv = (recs: CsvRecord[]) => {
      for (const rec of recs) {
        if (!header) {
          if (rec.tooLong || rec.recordTooLong || rec.fieldCount) {
            throw new ImportFileError(`${file}: header (line ${rec.line}) is too long (at most ${MAX_COLUMNS} columns of short names) — is this a CSV file with a header row?`);
          }
          header = rec.fields.map((h) => h.trim());
          index = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, header!.indexOf(colOf(f))]).filter(([, i]) => (i as number) >= 0));
          const missing = REQUIRED_FIELDS.filter((f) => index[f] === undefined);
          if (missing.length) throw new ImportFileError(headerProblem(file, rec, missing.map(colOf)));
          continue;
        }
        const columns = rec.fieldCount ?? rec.fields.length;
        if (columns !== header.length) {
          summary.read++;
          reject(rec.line, `has ${columns} columns, the header has ${header.length}`);
          continue;
        }
        if (rec.recordTooLong) {
          summary.read++;
          reject(rec.line, `row longer than ${MAX_RECORD_CHARS} characters`);
          continue;
        }
        // A field cut by the reader is over its column's limit; columns we do not import may be any size.
        const cut = rec.tooLong && (Object.entries(index) as Array<[ImportField, number]>).find(([, i]) => rec.tooLong!.includes(i));
        if (cut) {
          summary.read++;
          reject(rec.line, `${cut[0]}: longer than ${limitOfField(cut[0])} characters`);
          continue;
        }
        const row: Record<string, unknown> = {};
        for (const [f, i] of Object.entries(index)) row[f] = rec.fields[i as number];
        accept(rec.line, row);
      }
    };

    const lines = new LineReader(MAX_RECORD_CHARS);
    const onJsonLines = (batchOfLines: TextLine[]) => {
      for (const { line, text, cut } of batchOfLines) {
        const l = text.replace(/^\uFEFF/, "");
        if (!cut && l.trim() === "") continue;
        if (cut) {
          summary.read++;
          reject(line, `line longer than ${MAX_RECORD_CHARS} characters`);
          continue;
        }
        let obj: unknown;
        try {
          obj = JSON.parse(l);
        } catch {
          summary.read++;
          reject(line, "not valid JSON");
          continue;
        }
        if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
          summary.read++;
          reject(line, "not a JSON object");
          continue;
        }
        const o = obj as Record<string, unknown>;
        const row: Record<string, unknown> = {};
        for (const f of IMPORT_FIELDS) if (colOf(f) in o) row[f] = o[colOf(f)];
        accept(line, row);
      }
    };

    let bytes = 0;
    let t0 = performance.now();
    for await (const chunk of readText(file, encoding.encoding)) {
      bytes += chunk.bytes;
      if (format === "csv") onCsv(csv.push(chunk.text));
      else onJsonLines(lines.push(chunk.text));
      if (opts.timings) opts.timings.parse += performance.now() - t0;
      while (batch.length >= batchSize) {
        const rest = batch.slice(batchSize);
        batch = batch.slice(0, batchSize);
        await flush();
        batch = rest;
      }
      opts.onProgress?.({ bytes, totalBytes, rows: summary.read });
      t0 = performance.now();
    }
    if (format === "csv") {
      try {
        onCsv(csv.end());
      } catch (e) {
        if (e instanceof ImportFileError) throw e;
        summary.read++;
        reject(Number(/line (\d+)/.exec(String(e))?.[1] ?? 0), (e as Error).message.replace(/^line \d+: /, ""));
      }
      if (!header) throw new ImportFileError(`${file}: empty file (a header row with text and published_at is required)`);
    } else {
      onJsonLines(lines.end());
    }
    await flush();
    await batches.drain();
    if (summary.expired > 0) summary.retainedFrom = await retainedFromDay(db, village.id);
    await finishImport(db, village.id, [...days], opts.timings);
    await finishJobRun(db, runId, {
      status: summary.rejected > 0 ? "partial" : "ok",
      read: summary.read, new: summary.new, updated: summary.updated, rejected: summary.rejected,
      details: { file: path.basename(file), expired: summary.expired, notices: summary.notices, rejectedRows: summary.rejectedRows.slice(0, 100) },
    });
    return summary;
  } catch (e) {
    // Batches already stored stay stored (each is its own transaction); record what happened.
    await finishImport(db, village.id, [...days]);
    await finishJobRun(db, runId, {
      status: "failed", read: summary.read, new: summary.new, updated: summary.updated, rejected: summary.rejected,
      error: (e as Error).message,
    });
    throw e;
  }
}
