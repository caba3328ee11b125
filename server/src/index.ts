// Boots Suara Desa: migrate, load the demo village into an empty database, serve the API and
// dashboard, and run background jobs in-process (SQLite) or send them to `npm run worker`
// processes through pg-boss (PostgreSQL).
import { createApp } from "./app";
import { getDatabase } from "./db/client";
import { prepareDatabase } from "./db/prepare";
import { env } from "./env";
import { ensureDemoAccount } from "./services/authService";
import type { IngestPort } from "./services/sourceService";

const log = (m: string) => {
  if (env().LOG_LEVEL !== "silent") console.log(`[suara-desa] ${m}`);
};

async function main(): Promise<void> {
  const config = env();
  const started = performance.now();
  const db = await getDatabase();
  const applied = await prepareDatabase(db);
  if (applied.length) log(`migrations applied: ${applied.join(", ")}`);
  if (config.SEED_DEMO === "auto") {
    const { seedIfEmpty } = await import("../../prisma/seed");
    const seeded = await seedIfEmpty(db);
    if (seeded) log(`empty database: loaded demo village Desa Mulyasari (${seeded.new} comments analysed in ${seeded.ms} ms)`);
    // Only alongside the demo: a production database without users shows the first-run setup page.
    const demo = await ensureDemoAccount(db, { password: config.DEMO_PASSWORD });
    if (demo.created) {
      log(`demo account created — username: demo, password: ${config.DEMO_PASSWORD ? "(DEMO_PASSWORD)" : demo.password}`);
    }
  }
  let scheduler: { stop(): void } | null = null;
  let ingest: IngestPort;
  if (db.provider === "postgres") {
    // PostgreSQL: jobs run on `npm run worker` processes (pg-boss); this server only sends them.
    const { openBoss } = await import("../../jobs/src/queue/queues");
    const { createQueuedIngestPort } = await import("../../jobs/src/queue/ingestPort");
    const boss = await openBoss(db, "client", log);
    ingest = createQueuedIngestPort(db, boss, { log });
    scheduler = { stop: () => void boss.stop({ graceful: false }) };
    log("background jobs run on `npm run worker` processes (PostgreSQL + pg-boss)");
  } else {
    const { createIngestRunner } = await import("../../jobs/src/ingest/runSource");
    ingest = createIngestRunner(db, { log });
    if (config.SCHEDULER === "on") {
      const { startScheduler } = await import("../../jobs/src/scheduler");
      scheduler = startScheduler(db, { log });
    }
  }
  const app = createApp({ db, log, ingest });
  const server = app.listen(config.PORT, config.HOST, () => {
    log(`ready in ${Math.round(performance.now() - started)} ms — open http://localhost:${config.PORT}`);
  });
  const shutdown = () => {
    scheduler?.stop();
    server.close();
    void db.close().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
