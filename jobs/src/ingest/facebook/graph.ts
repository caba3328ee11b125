// Graph API transport shared by the Facebook Page and Instagram connectors: builds URLs under
// META_GRAPH_URL, adds the token, classifies Graph error codes into connector errors.
import { AuthError, BadRequestError, RateLimitError, TransientError } from "../errors";
import { getJson, withRetry } from "../http";
import type { ConnectorContext } from "../connector";

interface GraphErrorBody { error?: { message?: string; type?: string; code?: number; error_subcode?: number; fbtrace_id?: string } }

const AUTH_CODES = new Set([102, 190]);
// 4 app, 17 user, 32 page, 613 custom; 80001–80014 business-use-case limits.
const RATE_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014]);
const TRANSIENT_CODES = new Set([1, 2]);

/**
 * When a throttled app/Page/business may call again, from the usage headers Meta sends with a
 * limit: `estimated_time_to_regain_access` (minutes) appears only in X-Business-Use-Case-Usage
 * (`{"<business id>": [{type, call_count, total_cputime, total_time, estimated_time_to_regain_access}]}`)
 * and sometimes X-Page-Usage; X-App-Usage (`{call_count, total_cputime, total_time}`, percentages of
 * a rolling hour) never has it. The latest estimate over all headers wins. No positive estimate
 * means "unknown" (null), never "now": the runner then backs off instead of retrying at once.
 */
export function regainAt(headers: Headers, now: Date): Date | null {
  let minutes = 0;
  for (const name of ["x-business-use-case-usage", "x-page-usage", "x-app-usage"]) {
    const raw = headers.get(name);
    if (!raw) continue;
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (!parsed || typeof parsed !== "object") continue;
      // BUC: an object of arrays per business id; Page/App: one flat object.
      const entries = "call_count" in parsed || "estimated_time_to_regain_access" in parsed
        ? [parsed]
        : Object.values(parsed).flatMap((v) => (Array.isArray(v) ? v : [v]));
      for (const e of entries) {
        const m = Number((e as { estimated_time_to_regain_access?: unknown } | null)?.estimated_time_to_regain_access);
        if (Number.isFinite(m) && m > minutes) minutes = m;
      }
    } catch {
      // Malformed usage header: the limit stands, reset unknown.
    }
  }
  return minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : null;
}

/** Turns a Graph error response into a typed connector error. */
export function graphError(status: number, body: unknown, headers: Headers, now: Date): Error {
  const e = (body as GraphErrorBody | null)?.error;
  const label = e ? `Graph ${e.code ?? "?"}${e.error_subcode ? `/${e.error_subcode}` : ""}: ${e.message ?? ""}` : `HTTP ${status}`;
  if (e?.code !== undefined) {
    if (AUTH_CODES.has(e.code)) return new AuthError(label, status, e.code);
    if (RATE_CODES.has(e.code)) return new RateLimitError(label, regainAt(headers, now), status, e.code);
    if (TRANSIENT_CODES.has(e.code) || status >= 500) return new TransientError(label, status, e.code);
    if (e.code === 100) return new BadRequestError(label, status, e.code);
  }
  if (status === 429) return new RateLimitError(label, regainAt(headers, now), status);
  if (status >= 500) return new TransientError(label, status);
  if (status === 401) return new AuthError(label, status);
  return new BadRequestError(label, status, e?.code ?? null);
}

/** A `paging.next` URL without the token (cursors are stored; tokens never are). Returns null when
 * it does not point under our Graph base URL, so the token is never sent elsewhere. */
export function stripNext(next: string | undefined, baseUrl: string): string | null {
  if (!next) return null;
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return null;
  }
  if (url.origin !== new URL(baseUrl).origin) return null;
  url.searchParams.delete("access_token");
  url.searchParams.delete("appsecret_proof");
  return url.toString();
}

/** Builds a URL under the Graph base, e.g. graphUrl(base, "123/comments", {limit: "100"}). */
export function graphUrl(baseUrl: string, path: string, params: Record<string, string>): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}/${path}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** GET with token, timeout, retries and Graph error classification. */
export async function graphGet<T>(ctx: ConnectorContext, url: string): Promise<T> {
  return withRetry(async () => {
    const u = new URL(url);
    u.searchParams.set("access_token", ctx.token);
    const res = await getJson(u.toString(), { timeoutMs: ctx.timeoutMs });
    const body = res.body as (GraphErrorBody & T) | null;
    if (res.status >= 200 && res.status < 300 && body && !body.error) return body as T;
    if (res.status >= 200 && res.status < 300 && !body) throw new TransientError(`empty body (HTTP ${res.status})`, res.status);
    throw graphError(res.status, body, res.headers, ctx.now());
  }, ctx.retry);
}
