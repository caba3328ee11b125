// `npm run worker`: a background worker for PostgreSQL deployments. Start one or more on any
// machine that reaches the database: each migrates (under a lock), registers the schedules and
// handles the queues of jobs/src/queue/queues.ts. Stops cleanly on SIGINT/SIGTERM, letting the
// jobs in hand finish (up to 30 s; an unfinished job is retried by another worker).
import { getDatabase } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { env } from "@suara-desa/core/env";
import { runMain } from "./cli/progress";
import { ensureSchedules, openBoss, startWorkers } from "./queue/queues";
import { startAlertLoop } from "./alerts/dispatch";

async function main(): Promise<number> {
  const config = env();
  const log = (m: string) => {
    if (config.LOG_LEVEL !== "silent") console.log(`[worker ${process.pid}] ${m}`);
  };
  const db = await getDatabase({ keepOpen: true });
  if (db.provider !== "postgres") {
    process.stderr.write("error: DATABASE_URL: npm run worker needs PostgreSQL (postgresql://…); with SQLite the server runs jobs itself (SCHEDULER=on)\n");
    await db.close();
    return 2;
  }
  const applied = await prepareDatabase(db, { log });
  if (applied.length) log(`migrations applied: ${applied.join(", ")}`);
  const boss = await openBoss(db, "worker", log);
  await ensureSchedules(boss);
  await startWorkers(db, boss, { log, concurrency: config.WORKER_CONCURRENCY });
  // Every worker reads the alert outbox; leases keep two workers from sending one message.
  const stopAlerts = startAlertLoop(db, { log });
  log(`ready: ${config.WORKER_CONCURRENCY} ingest and NLP job(s) at a time`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  log("stopping: finishing the jobs in hand");
  stopAlerts();
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  await db.close();
  return 0;
}

runMain(main);
