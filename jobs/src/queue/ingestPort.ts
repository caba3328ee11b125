// "Jalankan sekarang" and "tes koneksi" for a web server on PostgreSQL: a run goes through the
// queue like a scheduled one (so it is never a second run of a busy source, and it happens on a
// worker), and the request waits a while for its outcome; a connection test is one cheap call
// made here.
import type PgBoss from "pg-boss";
import type { Database } from "@suara-desa/core/db/client";
import type { IngestPort } from "@suara-desa/core/services/sourceService";
import { testSource, type RunSourceOptions } from "../ingest/runSource";
import { enqueueSource, QUEUES } from "./queues";

type RunOutcome = Awaited<ReturnType<IngestPort["run"]>>;

const queued = (): RunOutcome => ({ status: "queued", read: 0, new: 0, updated: 0, rejected: 0, done: false, error: null });

export function createQueuedIngestPort(
  db: Database,
  boss: PgBoss,
  opts: RunSourceOptions & { waitMs?: number; pollMs?: number } = {},
): IngestPort {
  const waitMs = opts.waitMs ?? 45_000;
  const pollMs = opts.pollMs ?? 500;
  return {
    async run(sourceId) {
      const id = await enqueueSource(boss, sourceId);
      // Null: a run of this source is already waiting; the worker will do that one.
      if (!id) return queued();
      const deadline = Date.now() + waitMs;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, pollMs));
        const job = await boss.getJobById(QUEUES.source, id);
        if (!job) break;
        const output = (job.output ?? {}) as Partial<RunOutcome> & { message?: string };
        if (job.state === "completed") {
          return { status: output.status ?? "ok", read: output.read ?? 0, new: output.new ?? 0, updated: output.updated ?? 0, rejected: 0, done: true, error: output.error ?? null };
        }
        if (job.state === "failed" || job.state === "retry") {
          return { status: "failed", read: 0, new: 0, updated: 0, rejected: 0, done: false, error: output.message ?? "Gagal; akan dicoba lagi otomatis." };
        }
      }
      return queued();
    },
    test: (sourceId) => testSource(db, sourceId, opts),
    // The queue keeps one run per source; a click while one runs simply waits for the next.
    isRunning: () => false,
  };
}
