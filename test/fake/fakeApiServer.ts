// A local stand-in for the X API v2 and the Meta Graph API: node:http on 127.0.0.1 with a random
// port, answering in the real response shapes (X: data/includes.users/meta with next_token and
// newest_id, x-rate-limit-* headers, problem+json errors; Graph: data/paging.cursors/paging.next
// with absolute URLs back to this server, {error:{message,type,code,error_subcode,fbtrace_id}}).
// Faults are injected per request: 429 with reset, 500/503, never answering, truncated JSON,
// items repeated across pages and token expiry.
// Logins too ("Hubungkan akun"): X OAuth 2.0 with PKCE (/i/oauth2/authorize consents at once and
// redirects with a code; POST /2/oauth2/token takes HTTP Basic client credentials, checks the
// S256 challenge, answers token_type/expires_in/access_token/scope/refresh_token, rotates refresh
// tokens; GET /2/users/me) and Facebook Login (/{version}/dialog/oauth, /oauth/access_token for
// the code and for fb_exchange_token, /me/accounts with Page tokens and instagram_business_account).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { XTweet, XUser } from "@suara-desa/jobs/ingest/x/normalize";
import type { FbComment, FbPost } from "@suara-desa/jobs/ingest/facebook/normalize";
import type { IgMedia, IgReply } from "@suara-desa/jobs/ingest/instagram/normalize";

export const GRAPH_VERSION = "v23.0";

// Error bodies are the captured ones under test/fixtures/<source>/.
const FIXTURES = path.resolve(__dirname, "../fixtures");
const fixture = (p: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(FIXTURES, p), "utf8")) as Record<string, unknown>;
const X_401 = fixture("x/error-401.json");
const X_429 = fixture("x/error-429.json");
const GRAPH_190 = fixture("facebook/error-190.json");
const GRAPH_32 = fixture("facebook/error-32.json");

export interface FakeDataset {
  x?: { accountId: string; handle: string; name: string; mentions: XTweet[]; posts: XTweet[]; replies: XTweet[]; users: XUser[] };
  facebook?: { pageId: string; name: string; posts: FbPost[]; comments: Record<string, FbComment[]> };
  instagram?: { userId: string; username: string; media: IgMedia[]; comments: Record<string, IgReply[]>; replies: Record<string, IgReply[]> };
}

export type Fault =
  /** Graph: `usage` picks the limit hit and the usage header sent with it, as Meta does: "buc"
   * (X-Business-Use-Case-Usage with estimated_time_to_regain_access, code 32), "page"
   * (X-Page-Usage without an estimate, code 32) or "app" (X-App-Usage, never an estimate, code 4). */
  | { kind: "rate_limit"; resetInSec: number; usage?: "buc" | "page" | "app" }
  | { kind: "server_error"; status: 500 | 503 }
  | { kind: "timeout" }
  | { kind: "truncated" }
  | { kind: "repeat" }
  | { kind: "expire_token" }
  /** Writes: the platform applies the write, then the connection drops before the answer. */
  | { kind: "drop_after_apply" };

export interface FakeRequest {
  n: number; method: string; path: string; query: Record<string, string>; fault: Fault | null; status: number;
  /** Items (tweets, posts, comments) the answer carried: what X bills as "posts read". */
  items: number;
}

export interface FakeServerOptions {
  dataset: FakeDataset;
  token: string;
  /** Items per page whatever the client asks (small pages exercise pagination). */
  pageSize?: number;
  /** Nested replies returned inside an Instagram comment before paging to /replies. */
  nestedReplies?: number;
  /** Decides a fault for request number n (1-based). */
  faults?: (n: number, path: string) => Fault | null;
  /** The API's clock (rate-limit resets, the 7-day search window); real time by default. */
  now?: () => number;
  /** Delay before every answer (lets a test kill a client mid-run). */
  delayMs?: number;
  /** The registered apps of "Hubungkan akun" (X OAuth 2.0 client, Meta app). */
  apps?: { x?: { clientId: string; clientSecret: string }; meta?: { appId: string; appSecret: string } };
}

/** What the imitated user does on the consent page. */
export type Consent = "allow" | "deny";

export interface FakeServer {
  url: string;
  xBaseUrl: string;
  graphBaseUrl: string;
  requests: FakeRequest[];
  /** Comments hidden on Facebook/Instagram through the API (is_hidden / hide). */
  hiddenComments: Set<string>;
  setFaults(fn: ((n: number, path: string) => Fault | null) | null): void;
  /** Replaces the valid token (after an expiry the old one stays invalid). */
  setToken(token: string): void;
  /** The token the fake accepts now (a test "logs in again" with it after an expiry). */
  currentToken(): string;
  /** Whether the imitated user accepts or refuses the next consent pages. */
  setConsent(consent: Consent): void;
  /** X access tokens issued by logins stop working now (X ended them before their expiry). */
  expireXAccessTokens(): void;
  /** X refresh tokens stop working (the user revoked the app): the next refresh is refused. */
  revokeXRefreshTokens(): void;
  /** Tokens issued through the X token endpoint, in order (tests check what is stored). */
  issuedX: Array<{ accessToken: string; refreshToken: string }>;
  close(): Promise<void>;
}

const byIdDesc = (a: { id: string }, b: { id: string }) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0);

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}
function decodeCursor(token: string | undefined): number {
  if (!token) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString());
  return m ? Number(m[1]) : 0;
}

/** Starts the fake API server. */
export async function startFakeApiServer(opts: FakeServerOptions): Promise<FakeServer> {
  let validToken = opts.token;
  const expired = new Set<string>();
  let faultFn = opts.faults ?? null;
  const pageSize = opts.pageSize ?? 5;
  const nested = opts.nestedReplies ?? 2;
  const requests: FakeRequest[] = [];
  const hiddenComments = new Set<string>();
  let origin = "";
  const now = opts.now ?? Date.now;
  /** Items in the answer being built (read into the request log). */
  let served = 0;
  let consent: Consent = "allow";
  let oauthSeq = 0;
  const xCodes = new Map<string, { redirectUri: string; challenge: string; scope: string }>();
  /** Issued X access tokens and when they stop working (the API's clock). */
  const xAccess = new Map<string, number>();
  const xRefreshTokens = new Set<string>();
  const issuedX: Array<{ accessToken: string; refreshToken: string }> = [];
  const metaCodes = new Map<string, { redirectUri: string; challenge: string | null }>();
  const metaUserTokens = new Set<string>();
  /** A user-context or app-only token X accepts now. */
  const xTokenOk = (token: string | undefined) => !!token && (token === validToken || (xAccess.get(token) ?? 0) > now());

  /** One page of `items` from the offset in `token`; "repeat" also serves the previous page's
   * last item again (what a client sees when items shift between requests). */
  function paginate<T>(items: T[], token: string | undefined, limit: number, repeat: boolean) {
    const offset = decodeCursor(token);
    const size = Math.max(1, Math.min(limit || pageSize, pageSize));
    const start = repeat && offset > 0 ? offset - 1 : offset;
    const page = items.slice(start, offset + size);
    const next = offset + size < items.length ? encodeCursor(offset + size) : null;
    return { page, next, start };
  }

  function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, truncate = false) {
    let text = JSON.stringify(body);
    if (truncate) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  }

  function xHeaders(remaining = 449): Record<string, string> {
    return { "x-rate-limit-limit": "450", "x-rate-limit-remaining": String(remaining), "x-rate-limit-reset": String(Math.floor(now() / 1000) + 900) };
  }

  function xTweets(tweets: XTweet[], query: Record<string, string>, tokenParam: string, repeat: boolean) {
    const users = opts.dataset.x?.users ?? [];
    let list = [...tweets].sort(byIdDesc);
    if (query.since_id) list = list.filter((t) => BigInt(t.id) > BigInt(query.since_id));
    if (query.start_time) list = list.filter((t) => Date.parse(t.created_at!) >= Date.parse(query.start_time));
    const { page, next } = paginate(list, query[tokenParam], Number(query.max_results ?? 10), repeat);
    served = page.length;
    if (page.length === 0) return { meta: { result_count: 0 } };
    const authors = new Set(page.map((t) => t.author_id));
    return {
      data: page,
      includes: { users: users.filter((u) => authors.has(u.id)) },
      meta: { newest_id: page[0].id, oldest_id: page[page.length - 1].id, result_count: page.length, ...(next ? { next_token: next } : {}) },
    };
  }

  function handleX(path: string, query: Record<string, string>, auth: string | undefined, res: http.ServerResponse, fault: Fault | null): number {
    const x = opts.dataset.x;
    const token = auth?.replace(/^Bearer /, "");
    if (!x || !xTokenOk(token)) {
      sendJson(res, 401, X_401);
      return 401;
    }
    if (path === "/2/users/me") {
      // Only a user-context token (a login) has a "me"; the app-only bearer gets 403 from X.
      if (token === validToken && !xAccess.has(token!)) {
        sendJson(res, 403, { title: "Unsupported Authentication", detail: "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].", type: "https://api.twitter.com/2/problems/unsupported-authentication", status: 403 });
        return 403;
      }
      sendJson(res, 200, { data: { id: x.accountId, name: x.name, username: x.handle } }, xHeaders());
      return 200;
    }
    if (fault?.kind === "rate_limit") {
      const reset = Math.floor(now() / 1000) + fault.resetInSec;
      sendJson(res, 429, X_429, { "x-rate-limit-limit": "450", "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(reset) });
      return 429;
    }
    const repeat = fault?.kind === "repeat";
    const truncate = fault?.kind === "truncated";
    let m: RegExpExecArray | null;
    if ((m = /^\/2\/users\/([^/]+)\/mentions$/.exec(path)) && m[1] === x.accountId) {
      sendJson(res, 200, xTweets(x.mentions, query, "pagination_token", repeat), xHeaders(), truncate);
    } else if ((m = /^\/2\/users\/([^/]+)\/tweets$/.exec(path)) && m[1] === x.accountId) {
      sendJson(res, 200, xTweets(x.posts, query, "pagination_token", repeat), xHeaders(), truncate);
    } else if (path === "/2/tweets/search/recent") {
      const ids = new Set([...(query.query ?? "").matchAll(/conversation_id:(\d+)/g)].map((g) => g[1]));
      // Negated mention operators (`-@handle`), as recent search applies them: a post that
      // mentions the account is left out.
      const excluded = [...(query.query ?? "").matchAll(/(?:^|\s)-@(\w+)/g)].map((g) => g[1].toLowerCase());
      const mentionsExcluded = (t: XTweet) => excluded.some((h) => new RegExp(`(^|[^\\w])@${h}(?!\\w)`, "i").test(t.text ?? ""));
      if (ids.size === 0) {
        sendJson(res, 400, { errors: [{ parameters: { query: [query.query ?? ""] }, message: "Invalid query" }], title: "Invalid Request", detail: "One or more parameters to your request was invalid.", type: "https://api.twitter.com/2/problems/invalid-request" });
        return 400;
      }
      const windowStart = now() - 7 * 86_400_000;
      if (query.start_time && Date.parse(query.start_time) < windowStart - 5_000) {
        sendJson(res, 400, { errors: [{ parameters: { start_time: [query.start_time] }, message: "Invalid 'start_time': must be within the last 7 days" }], title: "Invalid Request", detail: "One or more parameters to your request was invalid.", type: "https://api.twitter.com/2/problems/invalid-request" });
        return 400;
      }
      sendJson(res, 200, xTweets(x.replies.filter((t) => ids.has(t.conversation_id!) && !mentionsExcluded(t)), query, "next_token", repeat), xHeaders(), truncate);
    } else if ((m = /^\/2\/users\/([^/]+)$/.exec(path)) && m[1] === x.accountId) {
      sendJson(res, 200, { data: { id: x.accountId, name: x.name, username: x.handle } }, xHeaders(), truncate);
    } else {
      sendJson(res, 404, { errors: [{ message: "The requested resource could not be found." }], title: "Not Found Error", detail: "Not found", type: "https://api.twitter.com/2/problems/resource-not-found" });
      return 404;
    }
    return 200;
  }

  function graphError(res: http.ServerResponse, status: number, code: number, message: string, subcode?: number) {
    sendJson(res, status, { error: { message, type: "OAuthException", code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: `Fake${Math.random().toString(36).slice(2, 12)}` } });
  }

  function graphList<T>(items: T[], path: string, query: Record<string, string>, repeat: boolean) {
    const { page, next, start } = paginate(items, query.after, Number(query.limit ?? 25), repeat);
    served = page.length;
    const paging: Record<string, unknown> = { cursors: { before: encodeCursor(start), after: encodeCursor(start + page.length) } };
    if (next) {
      const u = new URL(`${origin}${path}`);
      for (const [k, v] of Object.entries(query)) if (k !== "after") u.searchParams.set(k, v);
      u.searchParams.set("after", next);
      paging.next = u.toString();
    }
    return { data: page, paging };
  }

  function handleGraph(path: string, query: Record<string, string>, res: http.ServerResponse, fault: Fault | null): number {
    if (path === `/${GRAPH_VERSION}/oauth/access_token`) return metaToken(query, res);
    if (path === `/${GRAPH_VERSION}/me/accounts`) return metaAccounts(query, res);
    const token = query.access_token;
    if (!token || token !== validToken) {
      if (token && expired.has(token)) sendJson(res, 400, GRAPH_190);
      else graphError(res, 400, 190, "Invalid OAuth access token - Cannot parse access token");
      return 400;
    }
    if (fault?.kind === "rate_limit") {
      if (fault.usage === "app") {
        res.setHeader("x-app-usage", JSON.stringify({ call_count: 100, total_cputime: 14, total_time: 37 }));
        graphError(res, 400, 4, "(#4) Application request limit reached");
        return 400;
      }
      if (fault.usage === "page") res.setHeader("x-page-usage", JSON.stringify({ call_count: 100, total_cputime: 6, total_time: 11 }));
      else res.setHeader("x-business-use-case-usage", JSON.stringify({ "104512345678901": [{ type: "pages", call_count: 100, total_cputime: 12, total_time: 30, estimated_time_to_regain_access: Math.ceil(fault.resetInSec / 60) }] }));
      sendJson(res, 400, GRAPH_32);
      return 400;
    }
    const repeat = fault?.kind === "repeat";
    const truncate = fault?.kind === "truncated";
    const parts = path.split("/").filter(Boolean); // [v23.0, id, edge?]
    const [, id, edge] = parts;
    const fb = opts.dataset.facebook;
    const ig = opts.dataset.instagram;
    let body: unknown;
    if (fb && id === fb.pageId && edge === "posts") {
      const since = query.since ? Number(query.since) * 1000 : 0;
      const posts = fb.posts.filter((p) => Date.parse(p.created_time.replace(/(\d{2})(\d{2})$/, "$1:$2")) >= since).sort((a, b) => b.created_time.localeCompare(a.created_time));
      body = graphList(posts, path, query, repeat);
    } else if (fb && edge === "comments" && (fb.comments[id] || knownFbComment(id))) {
      // A comment without replies answers an empty list, as Graph does.
      const list = [...(fb.comments[id] ?? [])].sort((a, b) => (query.order === "reverse_chronological" ? b.created_time.localeCompare(a.created_time) : a.created_time.localeCompare(b.created_time)));
      body = graphList(list, path, query, repeat);
    } else if (ig && id === ig.userId && edge === "media") {
      body = graphList([...ig.media].sort((a, b) => b.timestamp.localeCompare(a.timestamp)), path, query, repeat);
    } else if (ig && edge === "comments" && ig.comments[id]) {
      const listed = graphList(ig.comments[id], path, query, repeat);
      body = {
        ...listed,
        data: listed.data.map((c) => {
          const replies = ig.replies[c.id] ?? [];
          if (replies.length === 0) return c;
          const first = replies.slice(0, nested);
          const paging: Record<string, unknown> = { cursors: { before: encodeCursor(0), after: encodeCursor(first.length) } };
          if (replies.length > nested) paging.next = `${origin}/${GRAPH_VERSION}/${c.id}/replies?access_token=${encodeURIComponent(token)}&fields=id%2Ctext%2Ctimestamp%2Cusername&limit=${nested}&after=${encodeCursor(nested)}`;
          return { ...c, replies: { data: first, paging } };
        }),
      };
    } else if (ig && edge === "replies" && (ig.replies[id] || knownIgComment(id))) {
      body = graphList(ig.replies[id] ?? [], path, query, repeat);
    } else if (!edge && fb && id === fb.pageId) {
      body = { name: fb.name, id: fb.pageId };
    } else if (!edge && ig && id === ig.userId) {
      body = { username: ig.username, id: ig.userId };
    } else {
      graphError(res, 400, 100, `(#100) Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 33);
      return 400;
    }
    sendJson(res, 200, body, {}, truncate);
    return 200;
  }

  // --- Logins ("Hubungkan akun") ---

  function oauthError(res: http.ServerResponse, status: number, error: string, description: string): number {
    sendJson(res, status, { error, error_description: description });
    return status;
  }

  /** The consent pages: the imitated user answers at once (allow or deny) with a redirect. */
  function consentPage(path: string, query: Record<string, string>, res: http.ServerResponse): number {
    const isX = path === "/i/oauth2/authorize";
    const app = isX ? opts.apps?.x?.clientId : opts.apps?.meta?.appId;
    if (!app || query.client_id !== app || !query.redirect_uri || !query.state) {
      res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
      res.end("<p>Something went wrong. You weren't able to give access to the App.</p>");
      return 400;
    }
    // Facebook takes a PKCE challenge when one is given (S256 or plain); X requires S256.
    const badMetaPkce = !isX && query.code_challenge !== undefined && !["S256", "plain"].includes(query.code_challenge_method ?? "plain");
    if ((isX && (query.response_type !== "code" || query.code_challenge_method !== "S256" || !query.code_challenge)) || badMetaPkce) {
      res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
      res.end("<p>Something went wrong. You weren't able to give access to the App.</p>");
      return 400;
    }
    const back = new URL(query.redirect_uri);
    if (consent === "deny") {
      back.searchParams.set("error", "access_denied");
      if (!isX) {
        back.searchParams.set("error_code", "200");
        back.searchParams.set("error_description", "Permissions error");
        back.searchParams.set("error_reason", "user_denied");
      }
    } else {
      const code = `${isX ? "x" : "fb"}-code-${++oauthSeq}`;
      if (isX) xCodes.set(code, { redirectUri: query.redirect_uri, challenge: query.code_challenge, scope: query.scope ?? "" });
      else {
        const c = query.code_challenge;
        // A plain challenge is the verifier itself; keep the S256 form of either.
        metaCodes.set(code, { redirectUri: query.redirect_uri, challenge: c === undefined ? null : query.code_challenge_method === "S256" ? c : createHash("sha256").update(c).digest("base64url") });
      }
      back.searchParams.set("code", code);
    }
    back.searchParams.set("state", query.state);
    res.writeHead(302, { location: back.toString() });
    res.end();
    return 302;
  }

  /** POST /2/oauth2/token (application/x-www-form-urlencoded, HTTP Basic client authentication). */
  function xTokenEndpoint(form: URLSearchParams, auth: string | undefined, res: http.ServerResponse): number {
    const app = opts.apps?.x;
    const basic = app ? `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`).toString("base64")}` : null;
    if (!basic || auth !== basic) return oauthError(res, 401, "unauthorized_client", "Missing valid authorization header");
    const invalid = () => oauthError(res, 400, "invalid_request", "Value passed for the token was invalid.");
    let scope: string;
    if (form.get("grant_type") === "authorization_code") {
      const code = xCodes.get(form.get("code") ?? "");
      if (!code) return invalid();
      xCodes.delete(form.get("code")!); // single use
      const verifier = form.get("code_verifier") ?? "";
      if (code.redirectUri !== form.get("redirect_uri") || createHash("sha256").update(verifier).digest("base64url") !== code.challenge) return invalid();
      scope = code.scope;
    } else if (form.get("grant_type") === "refresh_token") {
      const old = form.get("refresh_token") ?? "";
      if (!xRefreshTokens.has(old)) return invalid();
      xRefreshTokens.delete(old); // rotated: the old one is spent
      scope = "tweet.read tweet.write users.read offline.access";
    } else {
      return oauthError(res, 400, "invalid_request", "Missing required parameter [grant_type].");
    }
    const n = ++oauthSeq;
    const accessToken = `x-user-access-${n}`;
    const refreshToken = `x-user-refresh-${n}`;
    xAccess.set(accessToken, now() + 7200_000);
    xRefreshTokens.add(refreshToken);
    issuedX.push({ accessToken, refreshToken });
    sendJson(res, 200, { token_type: "bearer", expires_in: 7200, access_token: accessToken, scope, ...(scope.includes("offline.access") ? { refresh_token: refreshToken } : {}) });
    return 200;
  }

  /** GET /oauth/access_token: a code for a short-lived user token, or fb_exchange_token for a long-lived one. */
  function metaToken(query: Record<string, string>, res: http.ServerResponse): number {
    const app = opts.apps?.meta;
    if (!app || query.client_id !== app.appId) {
      graphError(res, 400, 101, "Error validating application. Invalid application ID.");
      return 400;
    }
    if (query.client_secret !== app.appSecret) {
      graphError(res, 400, 1, "Error validating client secret.");
      return 400;
    }
    const n = ++oauthSeq;
    if (query.grant_type === "fb_exchange_token") {
      if (!metaUserTokens.has(query.fb_exchange_token ?? "")) {
        graphError(res, 400, 190, "Invalid OAuth access token - Cannot parse access token");
        return 400;
      }
      const long = `EAAfake-user-long-${n}`;
      metaUserTokens.add(long);
      sendJson(res, 200, { access_token: long, token_type: "bearer", expires_in: 5_183_944 });
      return 200;
    }
    const issued = metaCodes.get(query.code ?? "");
    if (issued === undefined) {
      graphError(res, 400, 100, "This authorization code has been used.", 36009);
      return 400;
    }
    metaCodes.delete(query.code);
    // A code issued for a PKCE challenge needs the verifier that hashes to it.
    if (issued.challenge !== null && createHash("sha256").update(query.code_verifier ?? "").digest("base64url") !== issued.challenge) {
      graphError(res, 400, 100, "Invalid code verifier.");
      return 400;
    }
    if (issued.redirectUri !== query.redirect_uri) {
      graphError(res, 400, 100, "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request", 36008);
      return 400;
    }
    const short = `EAAfake-user-short-${n}`;
    metaUserTokens.add(short);
    sendJson(res, 200, { access_token: short, token_type: "bearer", expires_in: 5_400 });
    return 200;
  }

  /** GET /me/accounts: the dataset's Page (its token is the one the fake accepts) and a second Page without Instagram. */
  function metaAccounts(query: Record<string, string>, res: http.ServerResponse): number {
    if (!metaUserTokens.has(query.access_token ?? "")) {
      graphError(res, 400, 190, "Invalid OAuth access token - Cannot parse access token");
      return 400;
    }
    const fields = (query.fields ?? "id,name").split(/,(?![^{]*})/);
    const withIg = fields.some((f) => f.startsWith("instagram_business_account"));
    const fb = opts.dataset.facebook;
    const ig = opts.dataset.instagram;
    const pages: Array<Record<string, unknown>> = [];
    if (fb) pages.push({ id: fb.pageId, name: fb.name, category: "Government organization", tasks: ["ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"], access_token: validToken, ...(withIg && ig ? { instagram_business_account: { id: ig.userId, username: ig.username } } : {}) });
    pages.push({ id: "104599900000001", name: "Karang Taruna Mulyasari", category: "Community", tasks: ["MODERATE", "CREATE_CONTENT"], access_token: `EAAfake-page-karang-taruna-${oauthSeq}` });
    const keep = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => k === "id" || fields.some((f) => f === k || f.startsWith(`${k}{`))));
    sendJson(res, 200, { data: pages.map(keep), paging: { cursors: { before: encodeCursor(0), after: encodeCursor(pages.length) } } });
    return 200;
  }

  const server = http.createServer((req, res) => {
    if (opts.delayMs) setTimeout(() => answer(req, res), opts.delayMs);
    else answer(req, res);
  });

  function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", origin);
    const query = Object.fromEntries(url.searchParams);
    const n = requests.length + 1;
    let fault = faultFn ? faultFn(n, url.pathname) : null;
    const entry: FakeRequest = { n, method: req.method ?? "GET", path: url.pathname, query, fault, status: 0, items: 0 };
    served = 0;
    requests.push(entry);
    if (fault?.kind === "expire_token") {
      // The current token stops working from now on; the test hands out a new one.
      expired.add(validToken);
      validToken = `${validToken}-renewed-${n}`;
      fault = null;
    }
    if (fault?.kind === "timeout") return; // never answer; the client's timeout must fire
    if (fault?.kind === "server_error") {
      if (url.pathname.startsWith("/2/")) sendJson(res, fault.status, { title: "Service Unavailable", detail: "Service Unavailable", type: "about:blank", status: fault.status });
      else graphError(res, fault.status, 2, "An unexpected error has occurred. Please retry your request later.");
      entry.status = fault.status;
      return;
    }
    if (req.method === "GET" && (url.pathname === "/i/oauth2/authorize" || url.pathname === `/${GRAPH_VERSION}/dialog/oauth`)) {
      entry.status = consentPage(url.pathname, query, res);
      return;
    }
    if (req.method === "POST" && url.pathname === "/2/oauth2/token") {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        entry.status = xTokenEndpoint(new URLSearchParams(raw), req.headers.authorization, res);
      });
      return;
    }
    if (req.method === "POST") {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        entry.status = handleWrite(url.pathname, query, req.headers.authorization, raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, res, fault);
      });
      return;
    }
    entry.status = url.pathname.startsWith("/2/") ? handleX(url.pathname, query, req.headers.authorization, res, fault) : handleGraph(url.pathname, query, res, fault);
    entry.items = entry.status === 200 ? served : 0;
  }

  function knownFbComment(id: string): boolean {
    return Object.values(opts.dataset.facebook?.comments ?? {}).some((list) => list.some((c) => c.id === id));
  }
  function knownIgComment(id: string): boolean {
    const ig = opts.dataset.instagram;
    return [...Object.values(ig?.comments ?? {}), ...Object.values(ig?.replies ?? {})].some((list) => list.some((c) => c.id === id));
  }

  /** Writes (replies, hiding), in the real shapes; "drop_after_apply" applies, then cuts the connection. */
  let writeSeq = 0;
  function handleWrite(path: string, query: Record<string, string>, auth: string | undefined, body: Record<string, unknown>, res: http.ServerResponse, fault: Fault | null): number {
    const drop = fault?.kind === "drop_after_apply";
    const reply = (status: number, b: unknown) => {
      if (drop) {
        res.socket?.destroy();
        return 0;
      }
      sendJson(res, status, b);
      return status;
    };
    writeSeq++;
    const created = new Date(now()).toISOString();
    if (path === "/2/tweets") {
      const x = opts.dataset.x;
      if (!x || !xTokenOk(auth?.replace(/^Bearer /, ""))) {
        sendJson(res, 401, X_401);
        return 401;
      }
      const to = (body.reply as { in_reply_to_tweet_id?: string } | undefined)?.in_reply_to_tweet_id;
      const parent = [...x.mentions, ...x.replies, ...x.posts].find((t) => t.id === to);
      if (!to || !parent) {
        sendJson(res, 400, { title: "Invalid Request", detail: "One or more parameters to your request was invalid.", type: "https://api.twitter.com/2/problems/invalid-request", errors: [{ message: "The tweet you are replying to does not exist" }] });
        return 400;
      }
      const id = String(1_900_000_000_000_000_000n + BigInt(writeSeq));
      x.posts.push({ id, text: String(body.text ?? ""), author_id: x.accountId, conversation_id: parent.conversation_id ?? parent.id, created_at: created, in_reply_to_user_id: parent.author_id, referenced_tweets: [{ type: "replied_to", id: to }], edit_history_tweet_ids: [id] });
      return reply(201, { data: { id, text: body.text, edit_history_tweet_ids: [id] } });
    }
    const token = query.access_token;
    if (!token || token !== validToken) {
      graphError(res, 400, 190, "Invalid OAuth access token - Cannot parse access token");
      return 400;
    }
    const [, id, edge] = path.split("/").filter(Boolean);
    const fb = opts.dataset.facebook;
    const ig = opts.dataset.instagram;
    if (fb && edge === "comments" && knownFbComment(id)) {
      const newId = `${id.split("_")[0]}_${9_000_000 + writeSeq}`;
      (fb.comments[id] ??= []).push({ id: newId, message: String(body.message ?? ""), created_time: created.replace(/\.\d{3}Z$/, "+0000"), from: { id: fb.pageId, name: fb.name }, parent: { id } });
      return reply(200, { id: newId });
    }
    if (ig && edge === "replies" && knownIgComment(id)) {
      const newId = String(18_000_000_000_000_000 + writeSeq);
      (ig.replies[id] ??= []).push({ id: newId, text: String(body.message ?? ""), timestamp: created.replace(/\.\d{3}Z$/, "+0000"), username: ig.username });
      return reply(200, { id: newId });
    }
    if (!edge && ((fb && knownFbComment(id) && "is_hidden" in query) || (ig && knownIgComment(id) && "hide" in query))) {
      hiddenComments[query.is_hidden === "true" || query.hide === "true" ? "add" : "delete"](id);
      return reply(200, { success: true });
    }
    graphError(res, 400, 100, `(#100) Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 33);
    return 400;
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    xBaseUrl: `${origin}/2`,
    graphBaseUrl: `${origin}/${GRAPH_VERSION}`,
    requests,
    hiddenComments,
    setFaults(fn) { faultFn = fn; },
    setToken(token) { validToken = token; },
    currentToken: () => validToken,
    setConsent(c) { consent = c; },
    expireXAccessTokens() { for (const t of xAccess.keys()) xAccess.set(t, 0); },
    revokeXRefreshTokens() { xRefreshTokens.clear(); },
    issuedX,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
