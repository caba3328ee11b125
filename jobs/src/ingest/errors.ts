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

/** Rate limited (X 429, Graph codes 4/17/32/613). `resetAt` null when the API does not say. */
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

/** One Indonesian sentence an official can act on (stored as Source.lastError). */
export function plainMessage(err: unknown): string {
  if (err instanceof AuthError) return "Token akses kedaluwarsa atau dicabut — perlu login ulang.";
  if (err instanceof RateLimitError) {
    const at = err.resetAt ? ` Batas dibuka lagi sekitar ${err.resetAt.toISOString().slice(11, 16)} UTC.` : "";
    return `Batas permintaan API tercapai; pengambilan dilanjutkan pada jadwal berikutnya.${at}`;
  }
  if (err instanceof TransientError) return "Layanan platform sedang bermasalah atau lambat; akan dicoba lagi otomatis.";
  if (err instanceof BadRequestError) return `Permintaan ditolak platform (periksa ID akun/halaman): ${err.message}`;
  return `Kesalahan tak terduga: ${err instanceof Error ? err.message : String(err)}`;
}
