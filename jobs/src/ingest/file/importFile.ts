// File import: CSV (header row) or JSONL with the same field names, streamed in batches so a
// million-row file never sits in memory. Good rows are kept, bad rows are listed with their line.
import fs from "node:fs";
import path from "node:path";
import type { Database } from "../../../../server/src/db/client";
import { finishJobRun, startJobRun } from "../../../../server/src/db/jobRunRepository";
import { ensureSource } from "../../../../server/src/db/sourceRepository";
import { refreshRollups, storeBatch } from "../store";
import type { IncomingComment } from "../types";
import { CsvReader, type CsvRecord } from "./csv";
import { IMPORT_FIELDS, REQUIRED_FIELDS, rowToComment, type ImportField } from "./rows";

export type ImportFormat = "csv" | "jsonl";

export interface ImportOptions {
  villageCode: string;
  /** Our field -> the file's column/key, e.g. { text: "isi", published_at: "waktu" }. */
  mapping?: Partial<Record<ImportField, string>>;
  format?: ImportFormat;
  batchSize?: number;
  onProgress?: (p: { bytes: number; totalBytes: number; rows: number }) => void;
}

export interface ImportSummary {
  file: string;
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectedRows: Array<{ line: number; reason: string }>;
}

/** A problem with the whole file (not one row): reported as one line, exit status 2. */
export class ImportFileError extends Error {}

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

const MAX_LISTED_REJECTIONS = 1000;

/** Imports one file into a village. Idempotent: the same file twice adds nothing the second time. */
export async function importFile(db: Database, file: string, opts: ImportOptions): Promise<ImportSummary> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ImportFileError(`${file}: file not found`);
  const format = opts.format ?? detectFormat(file);
  const village = await db.prisma.village.findUnique({ where: { code: opts.villageCode } });
  if (!village) throw new ImportFileError(`--village: no village with code "${opts.villageCode}"`);
  const source = await ensureSource(db, { villageId: village.id, platform: "file", accountId: "import", name: "Impor berkas" });
  const totalBytes = fs.statSync(file).size;
  const batchSize = opts.batchSize ?? 2000;
  const mapping = opts.mapping ?? {};
  const colOf = (f: ImportField) => mapping[f] ?? f;

  const summary: ImportSummary = { file, read: 0, new: 0, updated: 0, unchanged: 0, rejected: 0, rejectedRows: [] };
  const days = new Set<string>();
  let batch: IncomingComment[] = [];
  const reject = (line: number, reason: string) => {
    summary.rejected++;
    if (summary.rejectedRows.length < MAX_LISTED_REJECTIONS) summary.rejectedRows.push({ line, reason });
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const r = await storeBatch(db, { villageId: village.id, sourceId: source.id, posts: [], comments: batch });
    summary.new += r.new;
    summary.updated += r.updated;
    summary.unchanged += r.unchanged;
    r.days.forEach((d) => days.add(d));
    batch = [];
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
          header = rec.fields.map((h) => h.trim());
          index = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, header!.indexOf(colOf(f))]).filter(([, i]) => (i as number) >= 0));
          const missing = REQUIRED_FIELDS.filter((f) => index[f] === undefined);
          if (missing.length) {
            throw new ImportFileError(`${file}: header (line 1) lacks required column(s) ${missing.map(colOf).join(", ")}`);
          }
          continue;
        }
        if (rec.fields.length !== header.length) {
          summary.read++;
          reject(rec.line, `has ${rec.fields.length} columns, the header has ${header.length}`);
          continue;
        }
        const row: Record<string, unknown> = {};
        for (const [f, i] of Object.entries(index)) row[f] = rec.fields[i as number];
        accept(rec.line, row);
      }
    };

    let lineNo = 0;
    let carry = "";
    const onJsonLines = (text: string, final: boolean) => {
      const lines = (carry + text).split("\n");
      carry = final ? "" : lines.pop()!;
      for (const raw of lines) {
        lineNo++;
        const l = raw.replace(/\r$/, "").replace(/^\uFEFF/, "");
        if (l.trim() === "") continue;
        let obj: unknown;
        try {
          obj = JSON.parse(l);
        } catch {
          summary.read++;
          reject(lineNo, "not valid JSON");
          continue;
        }
        if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
          summary.read++;
          reject(lineNo, "not a JSON object");
          continue;
        }
        const o = obj as Record<string, unknown>;
        const row: Record<string, unknown> = {};
        for (const f of IMPORT_FIELDS) if (colOf(f) in o) row[f] = o[colOf(f)];
        accept(lineNo, row);
      }
    };

    let bytes = 0;
    for await (const chunk of fs.createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
      bytes += Buffer.byteLength(chunk as string);
      if (format === "csv") onCsv(csv.push(chunk as string));
      else onJsonLines(chunk as string, false);
      while (batch.length >= batchSize) {
        const rest = batch.slice(batchSize);
        batch = batch.slice(0, batchSize);
        await flush();
        batch = rest;
      }
      opts.onProgress?.({ bytes, totalBytes, rows: summary.read });
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
      onJsonLines("", true);
    }
    await flush();
    await refreshRollups(db, village.id, [...days]);
    await finishJobRun(db, runId, {
      status: summary.rejected > 0 ? "partial" : "ok",
      read: summary.read, new: summary.new, updated: summary.updated, rejected: summary.rejected,
      details: { file: path.basename(file), rejectedRows: summary.rejectedRows.slice(0, 100) },
    });
    return summary;
  } catch (e) {
    // Batches already stored stay stored (each is its own transaction); record what happened.
    await refreshRollups(db, village.id, [...days]);
    await finishJobRun(db, runId, {
      status: "failed", read: summary.read, new: summary.new, updated: summary.updated, rejected: summary.rejected,
      error: (e as Error).message,
    });
    throw e;
  }
}
