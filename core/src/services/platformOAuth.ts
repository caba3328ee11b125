// The platforms' side of "Hubungkan akun", over HTTP: X OAuth 2.0 (Authorization Code with PKCE,
// confidential client: the token endpoint takes HTTP Basic client_id:client_secret) and Facebook
// Login (code -> user token -> long-lived user token -> the Pages it manages, each with its Page
// token and linked Instagram professional account). Used by the server (finishing a login) and by
// the jobs (refreshing an X token before a run or a reply), hence in core.
import { createHash, randomBytes } from "node:crypto";
import { env, type Env } from "../env";

/** X scopes: read and write posts, read the account, and a refresh token (offline.access). */
export const X_SCOPES = ["tweet.read", "tweet.write", "users.read", "offline.access"] as const;
/** Facebook Login permissions for reading and answering a Page's and its Instagram account's comments. */
export const META_SCOPES = [
  "pages_show_list", "pages_read_engagement", "pages_read_user_content", "pages_manage_engagement",
  "instagram_basic", "instagram_manage_comments", "business_management",
] as const;

/** The settings this file reads (a subset of Env, so tests can pass their own). */
export type OAuthConfig = Pick<
  Env,
  "X_CLIENT_ID" | "X_CLIENT_SECRET" | "X_AUTHORIZE_URL" | "X_TOKEN_URL" | "X_API_URL" | "META_APP_ID" | "META_APP_SECRET" | "META_DIALOG_URL" | "META_GRAPH_URL" | "HTTP_TIMEOUT_MS"
>;

/** The process configuration's OAuth settings. */
export function oauthConfig(): OAuthConfig {
  return env();
}

/**
 * A platform said no (`rejected`: the code or refresh token is invalid, used or revoked — a new
 * login is needed) or could not be reached (`unavailable`: network, time-out, 5xx — try later).
 */
export class OAuthError extends Error {
  constructor(readonly kind: "rejected" | "unavailable", message: string) {
    super(message);
    this.name = "OAuthError";
  }
}

export interface XTokens {
  accessToken: string;
  refreshToken: string | null;
  /** When the access token stops working (X: two hours). */
  expiresAt: Date | null;
  scope: string[];
}

export interface XAccount { id: string; username: string; name: string }

export interface MetaPage {
  id: string;
  name: string;
  accessToken: string;
  instagram: { id: string; username: string | null } | null;
}

/** The S256 code challenge of a PKCE verifier: BASE64URL(SHA256(verifier)), RFC 7636 §4.2. */
export function pkceChallenge(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

/** A random PKCE verifier (43 characters of base64url, RFC 7636) and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: pkceChallenge(verifier) };
}

/** Is the X app configured (client id and secret)? */
export const xConfigured = (c: OAuthConfig): boolean => Boolean(c.X_CLIENT_ID && c.X_CLIENT_SECRET);
/** Is the Meta app configured (app id and secret)? */
export const metaConfigured = (c: OAuthConfig): boolean => Boolean(c.META_APP_ID && c.META_APP_SECRET);

/** The X consent page to send the browser to. */
export function xAuthorizeUrl(c: OAuthConfig, p: { redirectUri: string; state: string; challenge: string }): string {
  const u = new URL(c.X_AUTHORIZE_URL);
  u.search = new URLSearchParams({
    response_type: "code", client_id: c.X_CLIENT_ID ?? "", redirect_uri: p.redirectUri, scope: X_SCOPES.join(" "),
    state: p.state, code_challenge: p.challenge, code_challenge_method: "S256",
  }).toString();
  return u.toString();
}

/**
 * The Facebook Login dialog to send the browser to. With a PKCE challenge (S256), which Facebook
 * Login's manually built code flow accepts ("OIDC Code Flow with PKCE for Manually Built Facebook
 * Login Flows"): a code caught on its way back is useless without the verifier kept on our side.
 */
export function metaDialogUrl(c: OAuthConfig, p: { redirectUri: string; state: string; challenge: string }): string {
  const u = new URL(c.META_DIALOG_URL);
  u.search = new URLSearchParams({
    client_id: c.META_APP_ID ?? "", redirect_uri: p.redirectUri, state: p.state, response_type: "code", scope: META_SCOPES.join(","),
    code_challenge: p.challenge, code_challenge_method: "S256",
  }).toString();
  return u.toString();
}

async function send(url: string, init: RequestInit, timeoutMs: number, platform: string): Promise<{ status: number; json: Record<string, unknown> | null }> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (e) {
    const err = e as Error;
    throw new OAuthError("unavailable", `${platform} tidak dapat dihubungi (${err.name === "TimeoutError" ? `tidak menjawab dalam ${timeoutMs} ms` : err.message})`);
  }
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  if (res.status >= 500 || (res.status < 300 && json === null)) throw new OAuthError("unavailable", `${platform} menjawab ${res.status}`);
  return { status: res.status, json };
}

async function xToken(c: OAuthConfig, form: Record<string, string>, now: Date): Promise<XTokens> {
  if (!xConfigured(c)) throw new OAuthError("rejected", "X_CLIENT_ID dan X_CLIENT_SECRET belum diatur");
  const basic = Buffer.from(`${encodeURIComponent(c.X_CLIENT_ID!)}:${encodeURIComponent(c.X_CLIENT_SECRET!)}`).toString("base64");
  const { status, json } = await send(
    c.X_TOKEN_URL,
    { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}`, accept: "application/json" }, body: new URLSearchParams({ ...form, client_id: c.X_CLIENT_ID! }).toString() },
    c.HTTP_TIMEOUT_MS,
    "X",
  );
  if (status !== 200 || typeof json?.access_token !== "string") {
    throw new OAuthError("rejected", `X menolak: ${String(json?.error_description ?? json?.error ?? status)}`);
  }
  const expiresIn = Number(json.expires_in);
  return {
    accessToken: json.access_token,
    refreshToken: typeof json.refresh_token === "string" ? json.refresh_token : null,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(now.getTime() + expiresIn * 1000) : null,
    scope: typeof json.scope === "string" ? json.scope.split(" ").filter(Boolean) : [],
  };
}

/** Exchanges an authorization code (with its PKCE verifier) for tokens. */
export function xExchangeCode(c: OAuthConfig, p: { code: string; verifier: string; redirectUri: string }, now: Date = new Date()): Promise<XTokens> {
  return xToken(c, { grant_type: "authorization_code", code: p.code, redirect_uri: p.redirectUri, code_verifier: p.verifier }, now);
}

/** New tokens from a refresh token (X rotates it: the old one stops working). */
export function xRefresh(c: OAuthConfig, refreshToken: string, now: Date = new Date()): Promise<XTokens> {
  return xToken(c, { grant_type: "refresh_token", refresh_token: refreshToken }, now);
}

/** The account a user-context token speaks for (GET /2/users/me). */
export async function xMe(c: OAuthConfig, accessToken: string): Promise<XAccount> {
  const { status, json } = await send(`${c.X_API_URL.replace(/\/+$/, "")}/users/me`, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } }, c.HTTP_TIMEOUT_MS, "X");
  const data = json?.data as { id?: string; username?: string; name?: string } | undefined;
  if (status !== 200 || !data?.id) throw new OAuthError("rejected", `X menolak: ${String(json?.detail ?? json?.title ?? status)}`);
  return { id: data.id, username: data.username ?? "", name: data.name ?? data.username ?? data.id };
}

async function graphGet(c: OAuthConfig, path: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const u = new URL(`${c.META_GRAPH_URL.replace(/\/+$/, "")}/${path}`);
  u.search = new URLSearchParams(params).toString();
  return graphGetUrl(c, u.toString());
}

async function graphGetUrl(c: OAuthConfig, url: string): Promise<Record<string, unknown>> {
  const { status, json } = await send(url, { headers: { accept: "application/json" } }, c.HTTP_TIMEOUT_MS, "Facebook");
  if (status !== 200 || !json) {
    const e = json?.error as { message?: string } | undefined;
    throw new OAuthError("rejected", `Facebook menolak: ${e?.message ?? status}`);
  }
  return json;
}

/**
 * Facebook Login: code (with its PKCE verifier) -> short-lived user token -> long-lived user token
 * (about 60 days). An empty verifier: a login started before dialogs carried a challenge.
 */
export async function metaUserToken(c: OAuthConfig, p: { code: string; redirectUri: string; verifier: string }): Promise<string> {
  if (!metaConfigured(c)) throw new OAuthError("rejected", "META_APP_ID dan META_APP_SECRET belum diatur");
  const short = await graphGet(c, "oauth/access_token", {
    client_id: c.META_APP_ID!, client_secret: c.META_APP_SECRET!, redirect_uri: p.redirectUri, code: p.code, ...(p.verifier ? { code_verifier: p.verifier } : {}),
  });
  if (typeof short.access_token !== "string") throw new OAuthError("rejected", "Facebook tidak memberi token");
  const long = await graphGet(c, "oauth/access_token", { grant_type: "fb_exchange_token", client_id: c.META_APP_ID!, client_secret: c.META_APP_SECRET!, fb_exchange_token: short.access_token });
  if (typeof long.access_token !== "string") throw new OAuthError("rejected", "Facebook tidak memberi token jangka panjang");
  return long.access_token;
}

/** Most Pages one login lists (four pages of 100): a village manages one or a few. */
const MAX_PAGE_REQUESTS = 4;

/**
 * The Pages the user manages (GET /me/accounts), each with its Page token — which does not expire
 * when asked with a long-lived user token — and its linked Instagram professional account.
 */
export async function metaPages(c: OAuthConfig, userToken: string): Promise<MetaPage[]> {
  const out: MetaPage[] = [];
  let body = await graphGet(c, "me/accounts", { fields: "id,name,access_token,instagram_business_account{id,username}", limit: "100", access_token: userToken });
  for (let n = 1; ; n++) {
    for (const p of (body.data as Array<Record<string, unknown>> | undefined) ?? []) {
      if (typeof p.id !== "string" || typeof p.access_token !== "string") continue;
      const ig = p.instagram_business_account as { id?: string; username?: string } | undefined;
      out.push({ id: p.id, name: typeof p.name === "string" ? p.name : p.id, accessToken: p.access_token, instagram: ig?.id ? { id: ig.id, username: ig.username ?? null } : null });
    }
    const next = (body.paging as { next?: string } | undefined)?.next;
    // Only follow links back to the Graph itself: the token rides in them.
    if (!next || n >= MAX_PAGE_REQUESTS || new URL(next).origin !== new URL(c.META_GRAPH_URL).origin) return out;
    body = await graphGetUrl(c, next);
  }
}
