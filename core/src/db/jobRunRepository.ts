// JobRun rows: one per import, ingest run or retag, so the dashboard can show what ran and failed.
// A run records its process (host + pid) and a heartbeat that a timer refreshes while the process
// lives; a run whose process was killed (SIGKILL, power loss) is marked "abandoned" by the next
// process to start (server, worker, CLI) or by the schedulers' ticks, instead of "running" forever.
import os from "node:os";
import type { Database } from "./client";
import { jobRunDetailsColumn, type JobRunDetails } from "./jsonColumns";

export type JobKind = "import" | "ingest" | "retag" | "rollup" | "report";
export type JobStatus = "ok" | "partial" | "failed";

/** Shown in the Admin and Sumber Data pages for a run whose process died. */
export const ABANDONED_RUN_ERROR = "Proses berhenti mendadak sebelum selesai (dihentikan paksa atau mesin mati). Data yang sudah tersimpan tetap ada; sisanya diambil pada jalan berikutnya.";

/** How often a live run refreshes its heartbeat. */
export const HEARTBEAT_MS = 30_000;
/** A run on another machine (or from before heartbeats) is abandoned after this much silence:
 * ten missed heartbeats, so a loaded machine or a long rate-limit wait never loses a live run. */
export const STALE_AFTER_MS = 5 * 60_000;

// Runs of this process still going, with their heartbeat timers.
const live = new Map<number, NodeJS.Timeout>();

function beat(db: Database, id: number): void {
  db.prisma.jobRun.update({ where: { id }, data: { heartbeatAt: new Date() } }).catch(() => {
    // The database is closing or briefly unavailable; the next beat (or the finish) catches up.
  });
}

/** Records the start of a job; returns its id. */
export async function startJobRun(db: Database, input: { kind: JobKind; villageId?: number | null; sourceId?: number | null }): Promise<number> {
  const row = await db.prisma.jobRun.create({
    data: {
      kind: input.kind, villageId: input.villageId ?? null, sourceId: input.sourceId ?? null, status: "running",
      host: os.hostname(), pid: process.pid, heartbeatAt: new Date(),
    },
  });
  const timer = setInterval(() => beat(db, row.id), HEARTBEAT_MS);
  // A heartbeat never keeps a finished CLI command alive.
  timer.unref();
  live.set(row.id, timer);
  return row.id;
}

/** Refreshes a run's heartbeat now (e.g. after each batch). */
export async function touchJobRun(db: Database, id: number): Promise<void> {
  await db.prisma.jobRun.update({ where: { id }, data: { heartbeatAt: new Date() } });
}

/** Records the end of a job with its counts. */
export async function finishJobRun(
  db: Database,
  id: number,
  result: { status: JobStatus; read: number; new: number; updated: number; rejected: number; error?: string | null; details?: JobRunDetails },
): Promise<void> {
  const timer = live.get(id);
  if (timer) clearInterval(timer);
  live.delete(id);
  await db.prisma.jobRun.update({
    where: { id },
    data: {
      status: result.status,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
      read: result.read,
      new: result.new,
      updated: result.updated,
      rejected: result.rejected,
      error: result.error ?? null,
      details: result.details === undefined ? null : jobRunDetailsColumn.serialise(result.details),
    },
  });
}

/** Is process `pid` alive on this machine? (EPERM: alive, owned by another user.) */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Why a "running" row is no longer running, or null when it may still be. */
export function abandonedReason(
  run: { id: number; host: string | null; pid: number | null; heartbeatAt: Date | null; startedAt: Date },
  now: Date,
  self: { host: string; pid: number; liveIds: ReadonlySet<number>; alive: (pid: number) => boolean },
): string | null {
  const silentMs = now.getTime() - (run.heartbeatAt ?? run.startedAt).getTime();
  if (run.host !== null && run.host === self.host && run.pid !== null) {
    if (run.pid === self.pid) return self.liveIds.has(run.id) ? null : "an earlier process with this pid";
    if (!self.alive(run.pid)) return `process ${run.pid} is gone`;
    // The pid may have been reused by an unrelated process: the heartbeat decides.
    return silentMs > STALE_AFTER_MS ? `no heartbeat for ${Math.round(silentMs / 60_000)} min` : null;
  }
  // Another machine (PostgreSQL workers), or a row from before heartbeats: only silence tells.
  return silentMs > STALE_AFTER_MS ? `no heartbeat for ${Math.round(silentMs / 60_000)} min` : null;
}

/**
 * Marks runs whose process is gone as "abandoned" (finishedAt now, an Indonesian error for the UI).
 * Safe with several processes and machines: a run is only taken when its process is dead on this
 * machine or its heartbeat went silent, and only while it is still "running". Returns their ids.
 */
export async function markAbandonedRuns(db: Database, now = new Date()): Promise<number[]> {
  const running = await db.prisma.jobRun.findMany({
    where: { status: "running" },
    select: { id: true, host: true, pid: true, heartbeatAt: true, startedAt: true },
  });
  const self = { host: os.hostname(), pid: process.pid, liveIds: new Set(live.keys()), alive: processAlive };
  const ids: number[] = [];
  for (const run of running) {
    if (abandonedReason(run, now, self) === null) continue;
    // The status guard keeps a run that finished meanwhile as it finished.
    const { count } = await db.prisma.jobRun.updateMany({
      where: { id: run.id, status: "running" },
      data: { status: "abandoned", finishedAt: now, error: ABANDONED_RUN_ERROR },
    });
    if (count > 0) ids.push(run.id);
  }
  return ids;
}

/** When a village's data last arrived: the last successful ingest or import run, or a source's last success. */
export async function findLastFetch(db: Database, villageId: number): Promise<{ lastFetchAt: Date | null; needsLogin: number; sources: number }> {
  const [run, sources] = await Promise.all([
    db.prisma.jobRun.findFirst({ where: { villageId, kind: { in: ["ingest", "import"] }, status: { in: ["ok", "partial"] }, finishedAt: { not: null } }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
    db.prisma.source.findMany({ where: { villageId }, select: { lastSuccessAt: true, status: true } }),
  ]);
  const times = [run?.finishedAt ?? null, ...sources.map((s) => s.lastSuccessAt)].filter((d): d is Date => d !== null).map((d) => d.getTime());
  return { lastFetchAt: times.length ? new Date(Math.max(...times)) : null, needsLogin: sources.filter((s) => s.status === "needs_login").length, sources: sources.length };
}

/**
 * Records how far a running job is (`done` of `total` items) so a screen can show progress; it is
 * also a heartbeat. `updated` carries `done`, `details.total` the total.
 */
export async function recordJobProgress(db: Database, id: number, done: number, total: number): Promise<void> {
  await db.prisma.jobRun.update({ where: { id }, data: { updated: done, heartbeatAt: new Date(), details: jobRunDetailsColumn.serialise({ total }) } });
}

/** The latest run of one kind in a village, with its progress. */
export async function findLastVillageRun(db: Database, villageId: number, kind: JobKind) {
  const run = await db.prisma.jobRun.findFirst({
    where: { villageId, kind },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true, startedAt: true, finishedAt: true, updated: true, error: true, details: true },
  });
  return run && { ...run, details: jobRunDetailsColumn.parse(run.details) };
}
