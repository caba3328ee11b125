// In-process scheduler: a croner job wakes every minute and runs every API source whose interval
// (Source.intervalMinutes, else INGEST_INTERVAL_MINUTES) has elapsed since its last run. One source
// never runs twice at once: croner's `protect` skips a tick while the previous one is still busy,
// and runSource refuses a source that is already running (e.g. a "jalankan sekarang" click).
import { Cron } from "croner";
import { env } from "@suara-desa/core/env";
import type { Database } from "@suara-desa/core/db/client";
import { markAbandonedRuns } from "@suara-desa/core/db/jobRunRepository";
import { listSchedulableSources, type SourceRow } from "@suara-desa/core/db/sourceRepository";
import { generateWeeklyReports } from "@suara-desa/core/services/reports/reportService";
import { purgeExpiredComments, RETENTION_PURGE_SCHEDULE } from "@suara-desa/core/services/privacyService";
import { startAlertLoop } from "./alerts/dispatch";
import { isSourceRunning, rateLimitPause, runSource, type RunSourceOptions, type RunSourceResult } from "./ingest/runSource";

export interface SchedulerOptions {
  intervalMinutes?: number;
  /** Cron pattern of the wake-up; every minute by default. */
  pattern?: string;
  runOptions?: RunSourceOptions;
  now?: () => Date;
  log?: (msg: string) => void;
}

/** Sources whose interval has elapsed (pure: no clock, no I/O). Sources waiting for a new login,
 * paused, or pausing after a rate limit (Source.settings.rateLimit) are not run on their own. */
export function dueSources(sources: SourceRow[], now: Date, defaultIntervalMinutes: number): SourceRow[] {
  return sources.filter((s) => {
    if (s.status === "paused" || s.status === "needs_login") return false;
    if (rateLimitPause(s.settings, now)) return false;
    if (!s.lastRunAt) return true;
    const interval = (s.intervalMinutes ?? defaultIntervalMinutes) * 60_000;
    // Half a minute of slack so a 15-minute source is not pushed to minute 16 by tick jitter.
    return now.getTime() - s.lastRunAt.getTime() >= interval - 30_000;
  });
}

/** Runs every due source once, one after the other (2-core machines; SQLite has one writer). */
export async function runDueSources(db: Database, opts: SchedulerOptions = {}): Promise<RunSourceResult[]> {
  const now = (opts.now ?? (() => new Date()))();
  const interval = opts.intervalMinutes ?? env().INGEST_INTERVAL_MINUTES;
  // A CLI import or run killed while the server is up is closed at the next tick.
  await markAbandonedRuns(db);
  const due = dueSources(await listSchedulableSources(db), now, interval).filter((s) => !isSourceRunning(s.id));
  const results: RunSourceResult[] = [];
  for (const s of due) {
    try {
      const r = await runSource(db, s.id, opts.runOptions);
      opts.log?.(`ingest source ${s.id} (${s.platform}): ${r.status}, ${r.new} new, ${r.updated} updated${r.error ? ` — ${r.error}` : ""}`);
      results.push(r);
    } catch (err) {
      // A source deleted between listing and running: nothing to do.
      opts.log?.(`ingest source ${s.id}: ${(err as Error).message}`);
    }
  }
  return results;
}

export interface SchedulerHandle {
  /** Runs due sources now (what a tick does). */
  tick(): Promise<RunSourceResult[]>;
  stop(): void;
}

let current: SchedulerHandle | null = null;

/** Starts the in-process scheduler (one per process; a second call returns the first). */
export function startScheduler(db: Database, opts: SchedulerOptions = {}): SchedulerHandle {
  if (current) return current;
  const tick = () => runDueSources(db, opts);
  const job = new Cron(opts.pattern ?? "* * * * *", { name: "suara-desa-ingest", protect: true, catch: (e) => opts.log?.(`scheduler: ${(e as Error).message}`) }, async () => {
    await tick();
  });
  const catchLog = (what: string) => (e: unknown) => opts.log?.(`scheduler ${what}: ${(e as Error).message}`);
  // The BPD chair finds last week's Laporan Aspirasi Warga ready on Monday morning.
  const reports = new Cron("0 7 * * 1", { name: "suara-desa-weekly-report", timezone: "Asia/Jakarta", protect: true, catch: catchLog("report") }, async () => {
    await generateWeeklyReports(db, new Date());
  });
  // Retention (UU PDP): raw comments past a village's retention period go; aggregates stay.
  const retention = new Cron(RETENTION_PURGE_SCHEDULE.cron, { name: "suara-desa-retention", timezone: RETENTION_PURGE_SCHEDULE.timeZone, protect: true, catch: catchLog("retention") }, async () => {
    await purgeExpiredComments(db, new Date());
  });
  // Alerts: the outbox is read every 10 seconds (urgent comments reach someone within a minute).
  const stopAlerts = startAlertLoop(db, { log: opts.log });
  current = {
    tick,
    stop() {
      stopAlerts();
      job.stop();
      reports.stop();
      retention.stop();
      current = null;
    },
  };
  return current;
}

/** Stops the scheduler started by startScheduler, if any. */
export function stop(): void {
  current?.stop();
}
