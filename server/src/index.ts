// Boots Suara Desa: migrate, load the demo village into an empty database, serve the API and
// dashboard, and run background jobs in-process (SQLite) or send them to `npm run worker`
// processes through pg-boss (PostgreSQL).
import type { Server } from "node:http";
import type { Express } from "express";
import { createApp } from "./app";
import { getDatabase, sqlitePath } from "./db/client";
import { prepareDatabase } from "./db/prepare";
import { env } from "./env";
import { acquireSchedulerLock, describeHolder, readLockHolder, type ProcessLock } from "./processLock";
import { ensureDemoAccount } from "./services/authService";
import type { IngestPort } from "./services/sourceService";

const log = (m: string) => {
  if (env().LOG_LEVEL !== "silent") console.log(`[suara-desa] ${m}`);
};

async function main(): Promise<void> {
  const config = env();
  const started = performance.now();
  const db = await getDatabase();
  const applied = await prepareDatabase(db, { log });
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
  }
  const app = createApp({ db, log, ingest });
  // Listen before starting the scheduler: a start that cannot serve must not run background jobs.
  const server = await listen(app, config.PORT, config.HOST, db.provider === "sqlite" ? sqlitePath(db.url) : null);
  let lock: ProcessLock | null = null;
  if (db.provider === "sqlite" && config.SCHEDULER === "on") {
    lock = acquireSchedulerLock(sqlitePath(db.url), { port: config.PORT });
    const { startScheduler } = await import("../../jobs/src/scheduler");
    scheduler = startScheduler(db, { log });
  }
  log(`ready in ${Math.round(performance.now() - started)} ms — open http://localhost:${config.PORT}`);
  const shutdown = () => {
    scheduler?.stop();
    lock?.release();
    server.close();
    void db.close().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

/**
 * Listens on port/host; rejects with a message naming the setting (and, when the port is held by
 * another Suara Desa server on the same database, its pid) instead of Express 5's default of
 * handing the error to a callback that would ignore it.
 */
function listen(app: Express, port: number, host: string, databaseFile: string | null): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (!error) return resolve(server);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") {
        const holder = databaseFile ? readLockHolder(databaseFile) : null;
        const who = holder && holder.port === port ? `another Suara Desa server (${describeHolder(holder)})` : "another program";
        reject(new Error(`PORT: port ${port} on ${host} is already in use by ${who}; stop it or set another PORT`));
      } else if (code === "EACCES") {
        reject(new Error(`PORT: no permission to listen on port ${port} (ports below 1024 need privileges; put a reverse proxy in front)`));
      } else if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
        reject(new Error(`HOST: ${host} is not an address of this machine`));
      } else {
        reject(error);
      }
    });
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
