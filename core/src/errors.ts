// Every error the API returns comes from these factories and leaves through one handler as
// { error: { code, message } }.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before trying again: sent as Retry-After (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, "bad_request", message);
export const unauthorized = (message = "Silakan masuk terlebih dahulu") => new HttpError(401, "unauthorized", message);
export const forbidden = (message = "Anda tidak berhak mengakses data ini") => new HttpError(403, "forbidden", message);
export const notFound = (what: string) => new HttpError(404, "not_found", `${what} tidak ditemukan`);
export const conflict = (message: string) => new HttpError(409, "conflict", message);
