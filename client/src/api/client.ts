// Fetch wrapper for the Suara Desa API: every response is { data } or { error: { code, message } }.
import type { ApiErrorBody } from "@suara-desa/shared/contracts";

export type QueryParams = Record<string, string | number | undefined | null>;

/** An error the UI can explain: network failure, an HTTP status, or the server's { error } body. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let unauthorizedHandler: (() => void) | null = null;

/** Called on any 401 (session expired or logged out elsewhere) so the app can show the login. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/**
 * Builds "/api/path?a=1&b=2" with empty parameters dropped and keys sorted, so the URL doubles as
 * the cache key: every parameter that changes the request is in it, in a stable order.
 */
export function buildUrl(path: string, params: QueryParams = {}): string {
  const entries = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const search = new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
  return search ? `${path}?${search}` : path;
}

/** Sends a JSON body (PATCH/POST) and returns the JSON response; throws ApiError on failure. */
export async function sendJson<Body>(url: string, method: "POST" | "PATCH" | "PUT" | "DELETE", payload: unknown): Promise<Body> {
  let res: Response;
  try {
    // A JSON body is what the server's CSRF check expects from a same-origin client.
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
  } catch (err) {
    throw new ApiError("network", err instanceof Error ? err.message : String(err), 0);
  }
  return readBody<Body>(res);
}

async function readBody<Body>(res: Response): Promise<Body> {
  if (res.status === 204) return undefined as Body; // DELETE answers with no content
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* non-JSON body (proxy error page): reported below by status */
  }
  if (res.status === 401) unauthorizedHandler?.();
  if (!res.ok || body === null || typeof body !== "object") {
    const e = (body as Partial<ApiErrorBody> | null)?.error;
    throw new ApiError(e?.code ?? "http", e?.message ?? `HTTP ${res.status}`, res.status);
  }
  return body as Body;
}

/** GETs a URL built by buildUrl() and returns the whole JSON body; throws ApiError on failure. */
export async function getJson<Body>(url: string, signal?: AbortSignal): Promise<Body> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError("network", err instanceof Error ? err.message : String(err), 0);
  }
  return readBody<Body>(res);
}

/** The file name of a Content-Disposition header (attachment; filename="…"), or null. */
export function attachmentFileName(disposition: string | null): string | null {
  const m = /filename="([^"]+)"/.exec(disposition ?? "") ?? /filename=([^;\s]+)/.exec(disposition ?? "");
  return m ? m[1] : null;
}

/**
 * Downloads a generated file (report, export) and hands it to the browser to save. Fetched rather
 * than followed as a link so an error — a busy server (429), a bad period (400) — reaches the
 * page as a message instead of a broken download; the request is a same-origin fetch, which the
 * server requires of anything that generates a file.
 */
export async function downloadFile(url: string, fallbackName: string, signal?: AbortSignal): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin", signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError("network", err instanceof Error ? err.message : String(err), 0);
  }
  if (!res.ok) {
    await readBody(res);
    throw new ApiError("http", `HTTP ${res.status}`, res.status); // readBody always throws on !ok
  }
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch (err) {
    // The server cuts the connection when an export fails half-way: never save half a file.
    if (signal?.aborted) throw err;
    throw new ApiError("network", err instanceof Error ? err.message : String(err), 0);
  }
  const href = URL.createObjectURL(blob);
  try {
    const a = document.createElement("a");
    a.href = href;
    a.download = attachmentFileName(res.headers.get("content-disposition")) ?? fallbackName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // Some browsers read the blob after click() returns: free it once the save has surely begun.
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  }
}
