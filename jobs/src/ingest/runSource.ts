// One bounded run of one API source: load it, open its token, read pages from the saved cursor,
// store each page together with the cursor that follows it (one transaction), then record the
// JobRun and the source's health. Idempotency never depends on the cursor: re-reading a page is
// harmless (upsert on village + platform + externalId); a cursor only moves past items already stored.
import { env } from "@suara-desa/core/env";
import type { Database } from "@suara-desa/core/db/client";
import { finishJobRun, startJobRun } from "@suara-desa/core/db/jobRunRepository";
import { getSource, recordRunResult, updateSource, type SourceRow, type SourceStatus } from "@suara-desa/core/db/sourceRepository";
import { tryLockSource } from "@suara-desa/core/db/locks";
import type { OAuthConfig } from "@suara-desa/core/services/platformOAuth";
import { sourceAccessToken, TokenExpiredError, TokenRefreshUnavailableError } from "@suara-desa/core/services/sourceTokens";
import type { ConnectorContext } from "./connector";
import { getVillage } from "@suara-desa/core/db/villageRepository";
import { AuthError, BadRequestError, TransientError, localTime, plainMessage, RateLimitError, rateLimitRetryAt, statusForError } from "./errors";
import { DEFAULT_RETRY, sleep as realSleep, type RetryPolicy } from "./http";
import { baseUrlFor, createConnector, isApiPlatform } from "./registry";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import type { RetryWait, SourceSettings } from "@suara-desa/core/db/jsonColumns";

export interface RunSourceOptions {
  /** Pages (API calls) per run; the rest waits for the next run. */
  maxPages?: number;
  /** Items (posts + comments) per run. */
  maxItems?: number;
  timeoutMs?: number;
  xApiUrl?: string;
  graphUrl?: string;
  /** Where X tokens are refreshed (default: the settings). */
  oauth?: OAuthConfig;
  retry?: Partial<RetryPolicy>;
  now?: () => Date;
  log?: (msg: string) => void;
}

export interface RunSourceResult {
  sourceId: number;
  jobRunId: number | null;
  status: "ok" | "partial" | "failed" | "skipped";
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Comments not stored because they are older than the village's retention. */
  expired: number;
  rejected: number;
  pages: number;
  postsRead: number;
  /** True when the run finished a full pass over the source. */
  done: boolean;
  /** Plain Indonesian message (also stored as Source.lastError). */
  error: string | null;
  errorKind: string | null;
  /** The source's status after the run ("needs_login": stuck until a new token is given). */
  sourceStatus: SourceStatus | null;
  /** After a rate limit: when the scheduler will try again (ISO), and whether that is a guess. */
  retryAt: string | null;
  retryEstimated: boolean;
  /** The village's time zone, for printing times. */
  timeZone: string;
}

/** Back-off state kept in Source.settings.rateLimit after a rate-limited run. */
export type RateLimitState = NonNullable<SourceSettings["rateLimit"]>;

/** The rate-limit pause recorded on a source, if one is in force at `now`. */
export function rateLimitPause(settings: SourceSettings, now: Date): RateLimitState | null {
  const rl = settings.rateLimit;
  if (!rl) return null;
  const until = Date.parse(rl.until);
  return Number.isFinite(until) && until > now.getTime() ? rl : null;
}

/** Waits of this length or more report their progress every PROGRESS_EVERY_MS. */
const PROGRESS_EVERY_MS = 10_000;

const running = new Set<number>();

/** Is a run of this source in progress in this process? */
export function isSourceRunning(sourceId: number): boolean {
  return running.has(sourceId);
}

/** Adds posts read to the per-month counter kept in settings.xUsage (X bills per post read). */
export function addPostsRead(settings: SourceSettings, now: Date, read: number): SourceSettings {
  const month = now.toISOString().slice(0, 7);
  const prev = settings.xUsage;
  const base = prev && prev.month === month ? prev.postsRead : 0;
  return { ...settings, xUsage: { month, postsRead: base + read } };
}

/** The source's access token (an X login refreshed when due, or `force`d after a 401), as connector errors. */
async function tokenFor(db: Database, source: SourceRow, opts: RunSourceOptions, force: boolean): Promise<string> {
  try {
    return await sourceAccessToken(db, source, { now: (opts.now ?? (() => new Date()))(), force, config: opts.oauth });
  } catch (err) {
    if (err instanceof TokenExpiredError) throw new AuthError(err.message);
    if (err instanceof TokenRefreshUnavailableError) throw new TransientError(err.message);
    throw err;
  }
}

/** Can a 401 be cured by refreshing (an X login with a refresh token)? */
const refreshable = (source: SourceRow) => source.platform === "x" && source.refreshTokenEnc !== null;

async function connectorFor(db: Database, source: SourceRow, opts: RunSourceOptions, force = false) {
  if (!isApiPlatform(source.platform)) throw new BadRequestError(`platform ${source.platform} is not an API source`);
  const token = await tokenFor(db, source, opts, force);
  const e = env();
  const now = opts.now ?? (() => new Date());
  const ctx: ConnectorContext = {
    accountId: source.accountId,
    handle: source.handle,
    token,
    baseUrl: baseUrlFor(source.platform, { xApiUrl: opts.xApiUrl ?? e.X_API_URL, graphUrl: opts.graphUrl ?? e.META_GRAPH_URL }),
    timeoutMs: opts.timeoutMs ?? e.HTTP_TIMEOUT_MS,
    retry: { ...DEFAULT_RETRY, now: () => now().getTime(), ...opts.retry },
    now,
    settings: source.settings,
  };
  return createConnector(source.platform, ctx);
}

/** Runs one source once, bounded by maxPages/maxItems. Never throws for connector failures: they
 * are recorded on the JobRun and the source. */
export async function runSource(db: Database, sourceId: number, opts: RunSourceOptions = {}): Promise<RunSourceResult> {
  const result: RunSourceResult = {
    sourceId, jobRunId: null, status: "skipped", read: 0, new: 0, updated: 0, unchanged: 0, expired: 0, rejected: 0, pages: 0, postsRead: 0, done: false, error: null, errorKind: null,
    sourceStatus: null, retryAt: null, retryEstimated: false, timeZone: "Asia/Jakarta",
  };
  if (running.has(sourceId)) {
    result.error = "Sumber ini sedang diproses; dilewati.";
    return result;
  }
  // Taken before the first await so two concurrent calls cannot both pass the check.
  running.add(sourceId);
  let source: SourceRow | null;
  let unlock: (() => Promise<void>) | null;
  try {
    unlock = await tryLockSource(db, sourceId);
  } catch (err) {
    running.delete(sourceId);
    throw err;
  }
  if (!unlock) {
    running.delete(sourceId);
    result.error = "Sumber ini sedang diproses di mesin lain; dilewati.";
    return result;
  }
  try {
    source = await getSource(db, sourceId);
  } catch (err) {
    running.delete(sourceId);
    await unlock();
    throw err;
  }
  if (!source) {
    running.delete(sourceId);
    await unlock();
    throw new Error(`source ${sourceId} does not exist`);
  }
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? (() => {});
  try {
    result.timeZone = (await getVillage(db, source.villageId))?.timeZone ?? result.timeZone;
  } catch (err) {
    running.delete(sourceId);
    await unlock();
    throw err;
  }
  const tz = result.timeZone;
  const maxPages = opts.maxPages ?? 50;
  const maxItems = opts.maxItems ?? 5000;
  const days = new Set<string>();
  const waits: RetryWait[] = [];
  let failure: unknown = null;
  try {
    result.jobRunId = await startJobRun(db, { kind: "ingest", villageId: source.villageId, sourceId });
    try {
      const baseSleep = opts.retry?.sleep ?? realSleep;
      const connectorOpts: RunSourceOptions = {
        ...opts,
        retry: {
          ...opts.retry,
          onWait: (w) => {
            waits.push(w);
            const until = new Date(now().getTime() + w.ms);
            log(`source ${sourceId}: ${w.reason === "rate_limit" ? "rate limit" : "temporary error"} (${w.error}); waiting ${formatMs(w.ms)} until ${localTime(until, tz, now())}${w.reason === "transient" ? `, retry ${w.attempt}` : ""}…`);
            opts.retry?.onWait?.(w);
          },
          // Long waits say how much is left, so a terminal never looks stuck.
          sleep: async (ms) => {
            let left = ms;
            while (left > PROGRESS_EVERY_MS) {
              await baseSleep(PROGRESS_EVERY_MS);
              left -= PROGRESS_EVERY_MS;
              log(`source ${sourceId}: still waiting, ${formatMs(left)} left…`);
            }
            if (left > 0) await baseSleep(left);
          },
        },
      };
      let connector = await connectorFor(db, source, connectorOpts);
      // X may end a login before its stated expiry: one refresh and one more try per run.
      let refreshed = false;
      let cursor = source.cursor;
      while (result.pages < maxPages && result.read < maxItems) {
        let page;
        try {
          page = await connector.fetchPage(cursor);
        } catch (err) {
          if (!(err instanceof AuthError) || refreshed || !refreshable(source)) throw err;
          refreshed = true;
          log(`source ${sourceId}: X refused the token; refreshing the login once`);
          connector = await connectorFor(db, (await getSource(db, sourceId)) ?? source, connectorOpts, true);
          continue;
        }
        const stored = await storeBatch(db, { villageId: source.villageId, sourceId, posts: page.posts, comments: page.comments, cursor: page.nextCursor });
        cursor = page.nextCursor;
        result.pages += 1;
        result.read += stored.read;
        result.new += stored.new;
        result.updated += stored.updated;
        result.unchanged += stored.unchanged;
        result.expired += stored.expired;
        result.rejected += page.rejected;
        result.postsRead += page.postsRead;
        for (const d of stored.days) days.add(d);
        log(`source ${sourceId}: page ${result.pages}, ${page.comments.length} comments, ${stored.new} new${stored.expired ? `, ${stored.expired} past the village's retention (not stored)` : ""}`);
        if (page.done) { result.done = true; break; }
      }
    } catch (err) {
      failure = err;
    }
    try {
      // Also after a failure: the pages stored before it must show up in the charts.
      if (days.size > 0) await finishImport(db, source.villageId, [...days].sort());
    } catch (err) {
      failure ??= err;
    }
  } finally {
    try {
      await finishRun(db, source, result, failure, waits, now(), log);
    } finally {
      running.delete(sourceId);
      await unlock();
    }
  }
  return result;
}

function formatMs(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1_000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

async function finishRun(db: Database, source: SourceRow, result: RunSourceResult, failure: unknown, waits: RetryWait[], at: Date, log: (msg: string) => void): Promise<void> {
  // Re-read: settings may have been edited while the run was going.
  const current = await getSource(db, source.id);
  let settings = current?.settings ?? source.settings;
  let settingsChanged = false;
  let retry: { at: Date; estimated: boolean } | null = null;
  if (failure instanceof RateLimitError) {
    // Rate limits in a row grow the pause when the API does not say when it reopens.
    const prev = settings.rateLimit;
    const strikes = (prev?.strikes ?? 0) + 1;
    retry = rateLimitRetryAt(failure.resetAt, strikes, at);
    settings = { ...settings, rateLimit: { until: retry.at.toISOString(), strikes, estimated: retry.estimated } satisfies RateLimitState };
    settingsChanged = true;
    result.retryAt = retry.at.toISOString();
    result.retryEstimated = retry.estimated;
    log(`source ${source.id}: rate limited; next try ${retry.estimated ? "about " : ""}${localTime(retry.at, result.timeZone, at)}`);
  } else if (settings.rateLimit !== undefined) {
    const { rateLimit: _cleared, ...rest } = settings;
    settings = rest;
    settingsChanged = true;
  }
  if (failure) {
    result.status = result.pages > 0 ? "partial" : "failed";
    result.error = plainMessage(failure, { timeZone: result.timeZone, now: at, retry });
    result.errorKind = failure instanceof Error ? failure.name : "Error";
  } else {
    result.status = "ok";
  }
  if (source.platform === "x" && result.postsRead > 0) {
    settings = addPostsRead(settings, at, result.postsRead);
    settingsChanged = true;
  }
  const status: SourceStatus = source.status === "paused" ? "paused" : failure ? statusForError(failure) : "active";
  result.sourceStatus = status;
  await recordRunResult(db, source.id, { at, ok: !failure, error: result.error, status, settings: settingsChanged ? settings : undefined });
  if (result.jobRunId !== null) {
    await finishJobRun(db, result.jobRunId, {
      status: result.status as "ok" | "partial" | "failed",
      read: result.read,
      new: result.new,
      updated: result.updated,
      rejected: result.rejected,
      error: failure ? `${result.errorKind}: ${(failure as Error).message ?? String(failure)}` : null,
      details: {
        pages: result.pages,
        postsRead: result.postsRead,
        done: result.done,
        unchanged: result.unchanged,
        expired: result.expired,
        waits,
        ...(failure instanceof RateLimitError ? { rateLimitResetAt: failure.resetAt?.toISOString() ?? null, retryAt: result.retryAt, retryEstimated: result.retryEstimated } : {}),
      },
    });
  }
}

/** "Tes koneksi": one cheap authenticated call. A success clears a "needs login" status. */
export async function testSource(db: Database, sourceId: number, opts: RunSourceOptions = {}): Promise<{ ok: boolean; name: string | null; message: string }> {
  const source = await getSource(db, sourceId);
  if (!source) throw new Error(`source ${sourceId} does not exist`);
  try {
    const testOpts: RunSourceOptions = { ...opts, retry: { retries: 1, maxRateWaitMs: 0, ...opts.retry } };
    let name: string;
    try {
      ({ name } = await (await connectorFor(db, source, testOpts)).testConnection());
    } catch (err) {
      if (!(err instanceof AuthError) || !refreshable(source)) throw err;
      ({ name } = await (await connectorFor(db, (await getSource(db, sourceId)) ?? source, testOpts, true)).testConnection());
    }
    if (source.status === "needs_login" || source.status === "error") await updateSource(db, sourceId, { status: "active" });
    return { ok: true, name, message: `Terhubung sebagai ${name}.` };
  } catch (err) {
    if (err instanceof AuthError) await updateSource(db, sourceId, { status: "needs_login" });
    const timeZone = (await getVillage(db, source.villageId))?.timeZone;
    return { ok: false, name: null, message: plainMessage(err, { timeZone }) };
  }
}

/** What the HTTP API needs from ingestion ("jalankan sekarang", "tes koneksi"), bound to a database. */
export function createIngestRunner(db: Database, opts: RunSourceOptions = {}) {
  return {
    run: (sourceId: number) => runSource(db, sourceId, opts),
    test: (sourceId: number) => testSource(db, sourceId, opts),
    isRunning: (sourceId: number) => isSourceRunning(sourceId),
  };
}
