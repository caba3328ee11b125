// Boots the HTTP side of Suara Desa: migrate, load the demo village into an empty database, serve
// the API and dashboard. The background side (in-process schedules on SQLite, pg-boss on
// PostgreSQL) comes from jobs/ through main.ts, so this app never imports it.
import type { Server } from "node:http";
import type { Express } from "express";
import { createApp } from "./app";
import { getDatabase, sqlitePath, type Database } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { env } from "@suara-desa/core/env";
import { describeHolder, readLockHolder } from "@suara-desa/core/processLock";
import { ensureDemoAccount } from "@suara-desa/core/services/authService";
import type { BackgroundJobs } from "@suara-desa/core/services/sourceService";

const log = (m: string) => {
  if (env().LOG_LEVEL !== "silent") console.log(`[suara-desa] ${m}`);
};

/** Options of {@link serve}: how to open the background side once the database is ready. */
export type OpenBackgroundJobs = (db: Database, opts: { log: (m: string) => void }) => Promise<BackgroundJobs>;

/** Boots the server; resolves once it listens and the background jobs have started. */
export async function serve(openBackgroundJobs: OpenBackgroundJobs): Promise<void> {
  const config = env();
  const started = performance.now();
  const db = await getDatabase({ keepOpen: true });
  const applied = await prepareDatabase(db, { log });
  if (applied.length) log(`migrations applied: ${applied.join(", ")}`);
  if (config.SEED_DEMO === "auto") {
    const { seedIfEmpty } = await import("../../prisma/seed");
    const seeded = await seedIfEmpty(db);
    if (seeded) log(`empty database: loaded demo villages Desa Mulyasari and Mulyasejati (${seeded.new} comments analysed in ${seeded.ms} ms)`);
    // Only alongside the demo: a production database without users shows the first-run setup page.
    const demo = await ensureDemoAccount(db, { password: config.DEMO_PASSWORD });
    if (demo.created) {
      log(`demo account created — username: demo, password: ${config.DEMO_PASSWORD ? "(DEMO_PASSWORD)" : demo.password}`);
    }
  }
  const jobs = await openBackgroundJobs(db, { log });
  const app = createApp({ db, log, ingest: jobs.ingest, replies: jobs.replies, retag: jobs.retag });
  // Listen before starting the schedule: a start that cannot serve must not run background jobs.
  const server = await listen(app, config.PORT, config.HOST, db.provider === "sqlite" ? sqlitePath(db.url) : null);
  jobs.start();
  log(`ready in ${Math.round(performance.now() - started)} ms — open http://localhost:${config.PORT}`);
  const shutdown = () => {
    jobs.stop();
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
