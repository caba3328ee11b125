// Typed connector failures. The runner decides what to do from the type alone: retry, wait,
// defer to the next run or stop and ask for a new token. Messages shown to officials come from
// plainMessage() (Indonesian), never from raw API bodies.

/** Base class: every connector failure carries the HTTP status (if any) and the API's own code. */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
    readonly apiCode: number | string | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Token expired, revoked or wrong (X 401/403, Graph code 190/102). Never retried. */
export class AuthError extends ConnectorError {}

/** Rate limited (X 429, Graph codes 4/17/32/613). `resetAt` null when the API does not say
 * (never "now": an unknown reset must not be retried at once). */
export class RateLimitError extends ConnectorError {
  constructor(
    message: string,
    readonly resetAt: Date | null,
    status: number | null = 429,
    apiCode: number | string | null = null,
  ) {
    super(message, status, apiCode);
  }
}

/** Server errors, timeouts, connection resets, truncated or unparsable bodies: retried with backoff. */
export class TransientError extends ConnectorError {}

/** The API rejected a parameter (Graph code 100, X 400). Recorded; retrying cannot help. */
export class BadRequestError extends ConnectorError {}

/** Source status a failure leads to. */
export function statusForError(err: unknown): "needs_login" | "error" | "active" {
  if (err instanceof AuthError) return "needs_login";
  // A rate limit or a transient failure is not the source's fault: it stays active and the
  // next scheduled run resumes from the saved cursor.
  if (err instanceof RateLimitError || err instanceof TransientError) return "active";
  return "error";
}

// Indonesia's zones by their everyday names; other zones (tests, servers abroad) by IANA name.
const ZONE_NAMES: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

/** "14.05 WIB", or "29 Nov 14.05 WIB" when `at` is not on `now`'s local day; in the village's zone. */
export function localTime(at: Date, timeZone: string, now: Date = new Date()): string {
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const time = new Intl.DateTimeFormat("id-ID", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  const date = day(at) === day(now) ? "" : `${new Intl.DateTimeFormat("id-ID", { timeZone, day: "numeric", month: "short" }).format(at)} `;
  return `${date}${time} ${ZONE_NAMES[timeZone] ?? timeZone}`;
}

/** First pause after a rate limit whose reset the API does not give; doubled per repeat. */
export const RATE_LIMIT_BACKOFF_MS = 15 * 60_000;
/** Longest pause: Meta's business-use-case windows are 24 hours. */
export const RATE_LIMIT_BACKOFF_MAX_MS = 24 * 60 * 60_000;

/**
 * When a rate-limited source may run again: the API's own reset when it gave one (at least a minute
 * ahead, since it just refused), otherwise an exponential pause from 15 minutes (`strikes`: rate
 * limits in a row, 1 for the first) up to 24 hours.
 */
export function rateLimitRetryAt(resetAt: Date | null, strikes: number, now: Date): { at: Date; estimated: boolean } {
  if (resetAt) return { at: new Date(Math.max(resetAt.getTime(), now.getTime() + 60_000)), estimated: false };
  const ms = Math.min(RATE_LIMIT_BACKOFF_MAX_MS, RATE_LIMIT_BACKOFF_MS * 2 ** Math.max(0, strikes - 1));
  return { at: new Date(now.getTime() + ms), estimated: true };
}

/** One Indonesian sentence an official can act on (stored as Source.lastError). `retry` is when the
 * runner will try a rate-limited source again, shown in the village's time zone. */
export function plainMessage(err: unknown, opts: { timeZone?: string; now?: Date; retry?: { at: Date; estimated: boolean } | null } = {}): string {
  if (err instanceof AuthError) return "Token akses kedaluwarsa atau dicabut — perlu login ulang.";
  if (err instanceof RateLimitError) {
    const tz = opts.timeZone ?? "Asia/Jakarta";
    const retry = opts.retry ?? (err.resetAt ? { at: err.resetAt, estimated: false } : null);
    if (!retry) return "Batas permintaan API tercapai; pengambilan dilanjutkan pada jadwal berikutnya.";
    const when = localTime(retry.at, tz, opts.now);
    return retry.estimated
      ? `Batas permintaan API tercapai dan platform tidak menyebut kapan dibuka lagi; dicoba lagi sekitar ${when}.`
      : `Batas permintaan API tercapai; pengambilan dilanjutkan sekitar ${when}, saat batas dibuka lagi.`;
  }
  if (err instanceof TransientError) return "Layanan platform sedang bermasalah atau lambat; akan dicoba lagi otomatis.";
  if (err instanceof BadRequestError) return `Permintaan ditolak platform (periksa ID akun/halaman): ${err.message}`;
  return `Kesalahan tak terduga: ${err instanceof Error ? err.message : String(err)}`;
}
