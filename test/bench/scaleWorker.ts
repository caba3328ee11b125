// Child process of `npm run bench:scale`: imports village files into one database through the real
// import path, as one `npm run worker` process would, and reports on stdout as JSON lines: one per
// file, then its own peak RSS. The parent runs several of these against one PostgreSQL.
// Usage: node --import tsx test/bench/scaleWorker.ts <databaseUrl> <villageCode>=<file.jsonl> ...
import { openDatabase } from "@suara-desa/core/db/client";
import { ensureSecrets } from "@suara-desa/core/secrets";
import { newIngestTimings, type IngestTimings } from "@suara-desa/core/ingest/timings";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";

/** One finished file; times are epoch ms so the parent can span all workers. */
export interface WorkerFileReport {
  type: "file";
  code: string;
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  firstRejection: string | null;
  seconds: number;
  startedAt: number;
  endedAt: number;
}

/** The last line: the process's peak resident set size in bytes, its CPU time (all threads) and where its import time went. */
export interface WorkerDoneReport {
  type: "done";
  peakRss: number;
  cpuSeconds: number;
  /** Milliseconds per phase, summed over its files (phases on the NLP threads overlap the others). */
  timings: IngestTimings;
}

const emit = (r: WorkerFileReport | WorkerDoneReport) => process.stdout.write(JSON.stringify(r) + "\n");

const [url, ...jobs] = process.argv.slice(2);
if (!url || jobs.length === 0) throw new Error("usage: scaleWorker.ts <databaseUrl> <villageCode>=<file.jsonl> ...");

const db = await openDatabase(url);
const timings = newIngestTimings();
// The parent prepared the database (and its secrets); this process loads the same secrets.
await ensureSecrets(db);
try {
  for (const job of jobs) {
    const eq = job.indexOf("=");
    const code = job.slice(0, eq);
    const file = job.slice(eq + 1);
    const startedAt = Date.now();
    const t0 = performance.now();
    // Default batch size, as `npm run ingest -- --file` uses.
    const s = await importFile(db, file, { villageCode: code, timings });
    const r = s.rejectedRows[0];
    emit({
      type: "file", code, read: s.read, new: s.new, updated: s.updated, unchanged: s.unchanged, rejected: s.rejected,
      firstRejection: r ? `line ${r.line}: ${r.reason}` : null,
      seconds: (performance.now() - t0) / 1000, startedAt, endedAt: Date.now(),
    });
  }
} finally {
  await db.close();
}
// maxRSS is the kernel's high-water mark in KiB: exact, unlike sampling.
const usage = process.resourceUsage();
emit({ type: "done", peakRss: usage.maxRSS * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, timings });
