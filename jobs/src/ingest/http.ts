// Shared HTTP habits of the connectors: a JSON GET with a hard timeout that turns every network
// failure into a typed error, and one retry loop (exponential backoff with jitter for transient
// failures, a bounded wait for short rate limits). Connectors decide what a status means; this
// file only knows "transient" vs "not".
import { ConnectorError, RateLimitError, TransientError } from "./errors";

export interface RetryPolicy {
  /** Attempts after the first one for transient failures. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A rate limit that resets sooner than this is waited out; a later one ends the run. */
  maxRateWaitMs: number;
  /** How many rate-limit waits one call may do before giving up for this run. */
  maxRateWaits?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Called before every wait (for the JobRun details and logs). */
  onWait?: (info: { reason: "transient" | "rate_limit"; ms: number; attempt: number; error: string }) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 500, maxDelayMs: 30_000, maxRateWaitMs: 60_000, maxRateWaits: 2 };

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Backoff before retry `attempt` (1-based): base·2^(attempt-1), capped, with ±25 % jitter. */
export function backoffMs(attempt: number, policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">, random: () => number = Math.random): number {
  const raw = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(raw * (0.75 + random() * 0.5));
}

/** Runs `fn`, retrying transient failures and waiting out short rate limits; rethrows the rest. */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const wait = policy.sleep ?? sleep;
  const now = policy.now ?? Date.now;
  let transientAttempts = 0;
  let rateWaits = 0;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof TransientError && transientAttempts < policy.retries) {
        transientAttempts += 1;
        const ms = backoffMs(transientAttempts, policy);
        policy.onWait?.({ reason: "transient", ms, attempt: transientAttempts, error: err.message });
        await wait(ms);
        continue;
      }
      if (err instanceof RateLimitError && rateWaits < (policy.maxRateWaits ?? 2)) {
        // Unknown reset: treat as "long" so we defer instead of hammering the API.
        const ms = err.resetAt ? Math.max(0, err.resetAt.getTime() - now()) : Number.POSITIVE_INFINITY;
        if (ms <= policy.maxRateWaitMs) {
          rateWaits += 1;
          policy.onWait?.({ reason: "rate_limit", ms, attempt: rateWaits, error: err.message });
          await wait(ms);
          continue;
        }
      }
      throw err;
    }
  }
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** GET a JSON document with a hard timeout. Network failures, timeouts and unparsable bodies become
 * TransientError; any HTTP status is returned for the caller to classify. */
export async function getJson(url: string, opts: { timeoutMs: number; headers?: Record<string, string> }): Promise<JsonResponse> {
  let res: Response;
  let text: string;
  try {
    // The signal also covers reading the body, so a server that stalls mid-body times out too.
    res = await fetch(url, { headers: { accept: "application/json", ...opts.headers }, signal: AbortSignal.timeout(opts.timeoutMs) });
    text = await res.text();
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    const e = err as Error;
    const what = e.name === "TimeoutError" || e.name === "AbortError" ? `timeout after ${opts.timeoutMs} ms` : e.message;
    throw new TransientError(`request failed: ${what}`);
  }
  let body: unknown = null;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new TransientError(`truncated or invalid JSON (HTTP ${res.status}, ${text.length} bytes)`, res.status);
    }
  }
  return { status: res.status, headers: res.headers, body };
}

/** Parses an epoch-seconds header such as x-rate-limit-reset. */
export function epochHeader(value: string | null | undefined): Date | null {
  if (!value) return null;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : null;
}
