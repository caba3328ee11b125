// Background jobs on PostgreSQL, with pg-boss 10 (its tables live in the "pgboss" schema of the
// same database). Every `npm run worker` process registers the same schedules; pg-boss fires each
// one once across all of them. The queues:
//   ingest-tick    every minute: enqueue one ingest-source job per due source
//   ingest-source  one run of one source; singleton per source (never two at once, on any machine)
//   nlp-scan       every 15 minutes: enqueue nlp-batch jobs for comments tagged by an older model
//   nlp-batch      re-tag up to NLP_BATCH_SIZE comments of one village (an id range)
//   retag-village  "Analisis ulang komentar" from the Admin page: one village, with progress
//   weekly-report  Monday 07:00 WIB: last week's Laporan Aspirasi Warga for every village
//   retention      02:30 WIB: raw comments past a village's retention period are deleted
// SQLite keeps the in-process scheduler (jobs/src/scheduler.ts): one process, one writer.
import PgBoss from "pg-boss";
import type { Database } from "@suara-desa/core/db/client";
import { withAdvisoryLock } from "@suara-desa/core/db/locks";
import { findAllVillageIds } from "@suara-desa/core/db/villageRepository";
import { findStaleIds } from "@suara-desa/core/db/ingestRepository";
import { PGBOSS_SCHEMA } from "@suara-desa/core/db/jobQueueRepository";
import { markAbandonedRuns } from "@suara-desa/core/db/jobRunRepository";
import { listSchedulableSources } from "@suara-desa/core/db/sourceRepository";
import { env } from "@suara-desa/core/env";
import { generateWeeklyReports } from "@suara-desa/core/services/reports/reportService";
import { purgeExpiredComments, RETENTION_PURGE_SCHEDULE } from "@suara-desa/core/services/privacyService";
import { runSource, type RunSourceOptions, type RunSourceResult } from "../ingest/runSource";
import { getVillagePipeline } from "@suara-desa/core/ingest/villagePipeline";
import { retagRange, retagVillage } from "../retag";
import { dueSources } from "../scheduler";

export const QUEUES = {
  tick: "ingest-tick",
  source: "ingest-source",
  nlpScan: "nlp-scan",
  nlpBatch: "nlp-batch",
  retagVillage: "retag-village",
  weeklyReport: "weekly-report",
  retention: "retention",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface SourceJob { sourceId: number }
export interface NlpBatchJob { villageId: number; afterId: number; toId: number }
/** `all`: every comment of the village, not only those on an older model (re-applies officials' corrections). */
export interface RetagVillageJob { villageId: number; all?: boolean }

export const NLP_BATCH_SIZE = 2000;

/** Retry settings (env: JOB_RETRY_LIMIT, JOB_RETRY_DELAY_SECONDS); backoff doubles each time. */
function retryOptions() {
  const e = env();
  return { retryLimit: e.JOB_RETRY_LIMIT, retryDelay: e.JOB_RETRY_DELAY_SECONDS, retryBackoff: true };
}

/**
 * Opens pg-boss on the database. A "worker" maintains the queues and fires schedules; a "client"
 * (the web server) only sends jobs.
 */
export async function openBoss(db: Database, role: "worker" | "client", log: (m: string) => void = () => {}): Promise<PgBoss> {
  if (db.provider !== "postgres") throw new Error("pg-boss needs PostgreSQL (DATABASE_URL=postgresql://…)");
  const boss = new PgBoss({
    connectionString: db.url,
    schema: PGBOSS_SCHEMA,
    application_name: `suara-desa-${role}`,
    max: role === "worker" ? 4 : 2,
    supervise: role === "worker",
    schedule: role === "worker",
    // Failed jobs stay listed for admins for two weeks before pg-boss archives them.
    archiveFailedAfterSeconds: 14 * 86_400,
  });
  boss.on("error", (e: Error) => log(`pg-boss: ${e.message}`));
  await boss.start();
  // pg-boss's create_queue() deadlocks when several processes create queues at once (workers
  // started together): one process at a time, under an advisory lock.
  await withAdvisoryLock(db, QUEUE_SETUP_LOCK, () => ensureQueues(boss));
  return boss;
}

const QUEUE_SETUP_LOCK = 7_302_154;

/** Creates the queues (idempotent) and applies the current retry settings. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  const retry = retryOptions();
  const defs: Array<[QueueName, PgBoss.Queue["policy"], object]> = [
    // "short": at most one queued tick; a slow tick never piles up more.
    [QUEUES.tick, "short", { retryLimit: 0, expireInSeconds: 5 * 60 }],
    // "stately" + singletonKey per source: one queued and one active job per source at most.
    [QUEUES.source, "stately", { ...retry, expireInSeconds: 30 * 60 }],
    [QUEUES.nlpScan, "short", { retryLimit: 0, expireInSeconds: 15 * 60 }],
    [QUEUES.nlpBatch, "stately", { ...retry, expireInSeconds: 15 * 60 }],
    // One waiting and one running re-analysis per village (singletonKey per village).
    [QUEUES.retagVillage, "stately", { ...retry, expireInSeconds: 2 * 60 * 60 }],
    [QUEUES.weeklyReport, "short", { ...retry, expireInSeconds: 60 * 60 }],
    [QUEUES.retention, "short", { ...retry, expireInSeconds: 60 * 60 }],
  ];
  for (const [name, policy, options] of defs) {
    if (await boss.getQueue(name)) await boss.updateQueue(name, { name, policy, ...options });
    else await boss.createQueue(name, { name, policy, ...options });
  }
}

/** Registers the schedules (idempotent: every worker does it at start). */
export async function ensureSchedules(boss: PgBoss): Promise<void> {
  await boss.schedule(QUEUES.tick, "* * * * *");
  await boss.schedule(QUEUES.nlpScan, "*/15 * * * *");
  await boss.schedule(QUEUES.weeklyReport, "0 7 * * 1", {}, { tz: "Asia/Jakarta" });
  await boss.schedule(QUEUES.retention, RETENTION_PURGE_SCHEDULE.cron, {}, { tz: RETENTION_PURGE_SCHEDULE.timeZone });
}

/** Sends one run of a source; null when one is already waiting (the singleton keeps one). */
export function enqueueSource(boss: PgBoss, sourceId: number): Promise<string | null> {
  return boss.send(QUEUES.source, { sourceId } satisfies SourceJob, { singletonKey: `source:${sourceId}` });
}

/** Sends one re-analysis of a village; null when one is already waiting. */
export function enqueueRetagVillage(boss: PgBoss, villageId: number, all = false): Promise<string | null> {
  return boss.send(QUEUES.retagVillage, { villageId, all } satisfies RetagVillageJob, { singletonKey: `retag:${villageId}` });
}

/** What a tick does: one job per due source. Returns the ids enqueued (not already waiting). */
export async function enqueueDueSources(db: Database, boss: PgBoss, now = new Date()): Promise<number[]> {
  // A worker killed on another machine never restarts there: its runs are closed from here once
  // their heartbeat has gone silent.
  await markAbandonedRuns(db);
  const due = dueSources(await listSchedulableSources(db), now, env().INGEST_INTERVAL_MINUTES);
  const sent: number[] = [];
  for (const s of due) if (await enqueueSource(boss, s.id)) sent.push(s.id);
  return sent;
}

const cleanVersions = new Map<number, string>();

/**
 * What an NLP scan does: for every village, the comments tagged by another model version (a new
 * model, or a taxonomy edit) become batches of NLP_BATCH_SIZE. Returns the number of batches sent.
 */
export async function enqueueStaleBatches(db: Database, boss: PgBoss): Promise<number> {
  let sent = 0;
  const villages = await findAllVillageIds(db);
  for (const v of villages) {
    const { model } = await getVillagePipeline(db, v.id);
    // New comments are always tagged with the current version, so a village found clean stays
    // clean until its version changes: scan each (village, version) to the end only once per process.
    if (cleanVersions.get(v.id) === model.version) continue;
    const ids = await findStaleIds(db, v.id, model.version);
    if (ids.length === 0) cleanVersions.set(v.id, model.version);
    const jobs: PgBoss.JobInsert<NlpBatchJob>[] = [];
    for (let i = 0; i < ids.length; i += NLP_BATCH_SIZE) {
      const afterId = i === 0 ? 0 : ids[i - 1];
      const toId = ids[Math.min(i + NLP_BATCH_SIZE, ids.length) - 1];
      jobs.push({ name: QUEUES.nlpBatch, data: { villageId: v.id, afterId, toId }, singletonKey: `nlp:${v.id}:${afterId}` });
    }
    // insert() skips jobs whose singleton is already waiting, like send().
    if (jobs.length > 0) await boss.insert(jobs);
    sent += jobs.length;
  }
  return sent;
}

/** Connector failures worth retrying with backoff; a login or rate limit waits for the next tick. */
function shouldRetry(r: RunSourceResult): boolean {
  return r.status === "failed" && r.errorKind !== "AuthError" && r.errorKind !== "RateLimitError" && r.errorKind !== "BadRequestError";
}

export interface WorkerOptions {
  /** Jobs of each kind one process runs at once (env WORKER_CONCURRENCY). */
  concurrency?: number;
  runOptions?: RunSourceOptions;
  log?: (m: string) => void;
}

/** Starts handling every queue in this process. */
export async function startWorkers(db: Database, boss: PgBoss, opts: WorkerOptions = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  const concurrency = opts.concurrency ?? env().WORKER_CONCURRENCY;
  const poll = { pollingIntervalSeconds: 1 };
  await boss.work(QUEUES.tick, poll, async () => {
    const sent = await enqueueDueSources(db, boss);
    if (sent.length) log(`tick: enqueued source(s) ${sent.join(", ")}`);
  });
  await boss.work(QUEUES.nlpScan, poll, async () => {
    const n = await enqueueStaleBatches(db, boss);
    if (n) log(`nlp-scan: enqueued ${n} batch(es)`);
  });
  // pg-boss 10 runs one job at a time per work() registration: register `concurrency` of them.
  for (let i = 0; i < concurrency; i++) {
    await boss.work<SourceJob>(QUEUES.source, poll, async ([job]) => {
      const r = await runSource(db, job.data.sourceId, { ...opts.runOptions, log: opts.runOptions?.log });
      log(`ingest source ${r.sourceId}: ${r.status}, ${r.new} new, ${r.updated} updated${r.error ? ` — ${r.error}` : ""}`);
      if (shouldRetry(r)) throw new Error(r.error ?? "ingest failed");
      return { status: r.status, read: r.read, new: r.new, updated: r.updated, jobRunId: r.jobRunId, error: r.error };
    });
    await boss.work<NlpBatchJob>(QUEUES.nlpBatch, poll, async ([job]) => {
      const n = await retagRange(db, job.data.villageId, job.data.afterId, job.data.toId);
      log(`nlp-batch village ${job.data.villageId} (${job.data.afterId}, ${job.data.toId}]: ${n} re-tagged`);
      return { retagged: n };
    });
  }
  await boss.work<RetagVillageJob>(QUEUES.retagVillage, poll, async ([job]) => {
    const r = await retagVillage(db, job.data.villageId, { all: job.data.all === true });
    log(`retag-village ${r.villageId}: ${r.retagged} re-tagged`);
    return { retagged: r.retagged };
  });
  await boss.work(QUEUES.weeklyReport, poll, async () => {
    const results = await generateWeeklyReports(db, new Date());
    const failed = results.filter((r) => r.status === "failed");
    log(`weekly-report: ${results.filter((r) => r.status === "stored").length} stored, ${failed.length} failed`);
    if (failed.length) throw new Error(`reports failed for village(s) ${failed.map((r) => r.villageId).join(", ")}: ${failed[0].error}`);
    return { stored: results.filter((r) => r.status === "stored").length };
  });
  await boss.work(QUEUES.retention, poll, async () => {
    const r = await purgeExpiredComments(db, new Date());
    log(`retention: ${JSON.stringify(r)}`);
    return r;
  });
}
