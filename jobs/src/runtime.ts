// The background side of `npm start`: on SQLite the server process runs sources and schedules
// itself (under a lock, so two servers on one database file never both run them); on PostgreSQL
// it only queues jobs for `npm run worker` processes (pg-boss).
import { sqlitePath, type Database } from "@suara-desa/core/db/client";
import { env } from "@suara-desa/core/env";
import { acquireSchedulerLock, type ProcessLock } from "@suara-desa/core/processLock";
import type { BackgroundJobs } from "@suara-desa/core/services/sourceService";

/** Opens the background jobs for the server process of `npm start`. */
export async function openBackgroundJobs(db: Database, opts: { log: (m: string) => void }): Promise<BackgroundJobs> {
  const { log } = opts;
  const config = env();
  // Loaded on demand: a SQLite server never loads pg-boss, a PostgreSQL one never the connectors.
  if (db.provider === "postgres") {
    const { openBoss } = await import("./queue/queues");
    const { createQueuedIngestPort } = await import("./queue/ingestPort");
    const boss = await openBoss(db, "client", log);
    log("background jobs run on `npm run worker` processes (PostgreSQL + pg-boss)");
    const { createReplyPort } = await import("./replies/platformWriter");
    const { enqueueRetagVillage, QUEUES } = await import("./queue/queues");
    const { hasPendingVillageJob } = await import("@suara-desa/core/db/jobQueueRepository");
    return {
      ingest: createQueuedIngestPort(db, boss, { log }),
      replies: createReplyPort(db),
      retag: {
        start: async (villageId, { all }) => ((await enqueueRetagVillage(boss, villageId, all)) ? "queued" : "running"),
        isPending: (villageId) => hasPendingVillageJob(db, QUEUES.retagVillage, villageId),
      },
      start: () => {},
      stop: () => void boss.stop({ graceful: false }),
    };
  }
  const { createIngestRunner } = await import("./ingest/runSource");
  const { startScheduler } = await import("./scheduler");
  const { createReplyPort } = await import("./replies/platformWriter");
  const { createInProcessRetagPort } = await import("./retagPort");
  let lock: ProcessLock | null = null;
  let scheduler: { stop(): void } | null = null;
  return {
    ingest: createIngestRunner(db, { log }),
    replies: createReplyPort(db),
    retag: createInProcessRetagPort(db, { log }),
    start: () => {
      if (config.SCHEDULER !== "on") return;
      lock = acquireSchedulerLock(sqlitePath(db.url), { port: config.PORT });
      scheduler = startScheduler(db, { log });
    },
    stop: () => {
      scheduler?.stop();
      lock?.release();
    },
  };
}
