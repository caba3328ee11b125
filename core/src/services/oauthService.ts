// "Hubungkan akun": connecting a village's X account (OAuth 2.0 with PKCE) or its Facebook Page
// and the Page's Instagram account (Facebook Login) without copying ids and tokens by hand.
// A login is started by someone who may manage the village's sources; its random state is kept
// server-side (hashed) with the PKCE verifier (sealed), bound to that user and village, usable
// once, for 10 minutes. The callback must come back in the same user's session. Tokens are sealed
// before they are stored, like pasted ones. Facebook Login ends at a page picker: the Pages and
// their tokens wait (sealed, 10 minutes, same user and village) until one is chosen.
import { createHash, randomBytes } from "node:crypto";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { MetaPageChoiceDTO, OAuthProvidersDTO, SourceDTO } from "@suara-desa/shared/contracts";
import type { Database } from "../db/client";
import { createOAuthSession, findOAuthSession, takeOAuthSession, type OAuthSessionKind, type OAuthSessionRow } from "../db/oauthRepository";
import { createSource, findSourceByAccount, getSource, updateSource, type SourceRow } from "../db/sourceRepository";
import { villageExists } from "../db/villageRepository";
import { badRequest, HttpError, notFound } from "../errors";
import { assertCanConnectSources, assertCanReadVillage } from "../policies/access";
import { recordAudit } from "./auditService";
import {
  metaConfigured, metaDialogUrl, metaPages, metaUserToken, OAuthError, oauthConfig, pkcePair, xAuthorizeUrl, xConfigured, xExchangeCode, xMe,
  type MetaPage, type OAuthConfig,
} from "./platformOAuth";
import { openSecret, sealSecret } from "./secretBox";
import { presentSourceById } from "./sourceService";

/** How long a started login or a page picker stays usable. */
export const OAUTH_TTL_MS = 10 * 60_000;

type Auth = AuthContext | null | undefined;

/**
 * Why a login could not finish, as a short code the sources page turns into a sentence
 * (the callback is a browser navigation, so it redirects with the code rather than answering JSON).
 */
export type ConnectFailure = "denied" | "state" | "platform" | "no_pages" | "other_account" | "unavailable";

export class ConnectError extends Error {
  constructor(readonly reason: ConnectFailure, message: string, readonly villageId: number | null = null) {
    super(message);
    this.name = "ConnectError";
  }
}

interface Deps { config?: OAuthConfig; now?: () => Date }

const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

/** Which logins are offered: the app credentials of each platform are set. */
export function oauthProviders(auth: Auth, villageId: number, deps: Deps = {}): OAuthProvidersDTO {
  assertCanReadVillage(auth, villageId);
  const c = deps.config ?? oauthConfig();
  return { x: { configured: xConfigured(c) }, meta: { configured: metaConfigured(c) } };
}

async function checkStart(db: Database, auth: Auth, villageId: number, sourceId: number | null, platforms: string[]): Promise<void> {
  assertCanConnectSources(auth, villageId);
  if (!(await villageExists(db, villageId))) throw notFound("Desa");
  if (sourceId !== null) {
    const s = await getSource(db, sourceId);
    if (!s || s.villageId !== villageId) throw notFound("Sumber");
    if (!platforms.includes(s.platform)) throw badRequest(`sourceId: sumber ${s.platform} tidak dihubungkan lewat login ini`);
  }
}

const notConfigured = (names: string) => new HttpError(409, "not_configured", `Login belum diatur di server ini: isi ${names} di pengaturan`);

/** Starts connecting an X account: returns the X consent page to send the browser to. */
export async function startXConnect(
  db: Database, auth: Auth, input: { villageId: number; sourceId?: number | null; redirectUri: string }, deps: Deps = {},
): Promise<{ url: string }> {
  const c = deps.config ?? oauthConfig();
  await checkStart(db, auth, input.villageId, input.sourceId ?? null, ["x"]);
  if (!xConfigured(c)) throw notConfigured("X_CLIENT_ID dan X_CLIENT_SECRET");
  const state = randomBytes(24).toString("base64url");
  const { verifier, challenge } = pkcePair();
  const now = (deps.now ?? (() => new Date()))();
  await createOAuthSession(db, {
    stateHash: hashState(state), kind: "x", userId: auth!.userId, villageId: input.villageId, sourceId: input.sourceId ?? null,
    redirectUri: input.redirectUri, secretEnc: sealSecret(verifier), expiresAt: new Date(now.getTime() + OAUTH_TTL_MS),
  }, now);
  return { url: xAuthorizeUrl(c, { redirectUri: input.redirectUri, state, challenge }) };
}

/** Starts Facebook Login for a Page and its Instagram account: returns the dialog to send the browser to. */
export async function startMetaConnect(
  db: Database, auth: Auth, input: { villageId: number; sourceId?: number | null; redirectUri: string }, deps: Deps = {},
): Promise<{ url: string }> {
  const c = deps.config ?? oauthConfig();
  await checkStart(db, auth, input.villageId, input.sourceId ?? null, ["facebook", "instagram"]);
  if (!metaConfigured(c)) throw notConfigured("META_APP_ID dan META_APP_SECRET");
  const state = randomBytes(24).toString("base64url");
  const { verifier, challenge } = pkcePair();
  const now = (deps.now ?? (() => new Date()))();
  await createOAuthSession(db, {
    stateHash: hashState(state), kind: "meta", userId: auth!.userId, villageId: input.villageId, sourceId: input.sourceId ?? null,
    redirectUri: input.redirectUri, secretEnc: sealSecret(verifier), expiresAt: new Date(now.getTime() + OAUTH_TTL_MS),
  }, now);
  return { url: metaDialogUrl(c, { redirectUri: input.redirectUri, state, challenge }) };
}

/**
 * Takes the login this state started, if it is known, unexpired, unused, and was started by this
 * user for a village the user may still connect. Any other state is refused, and a used one
 * stays used.
 */
async function takeLogin(db: Database, auth: Auth, state: string | undefined, kind: OAuthSessionKind, now: Date): Promise<OAuthSessionRow> {
  if (!state) throw new ConnectError("state", "state: tidak ada");
  const row = await takeOAuthSession(db, hashState(state), kind, now);
  if (!row) throw new ConnectError("state", "state: tidak dikenal, sudah dipakai atau kedaluwarsa");
  if (!auth || row.userId !== auth.userId) throw new ConnectError("state", "state: dimulai oleh pengguna lain", row.villageId);
  try {
    assertCanConnectSources(auth, row.villageId);
  } catch {
    throw new ConnectError("state", "state: pengguna tidak lagi berhak atas desa ini", row.villageId);
  }
  if (!(await villageExists(db, row.villageId))) throw new ConnectError("state", "state: desa sudah dihapus");
  return row;
}

function platformFailure(err: unknown, villageId: number): ConnectError {
  if (err instanceof OAuthError) return new ConnectError(err.kind === "unavailable" ? "unavailable" : "platform", err.message, villageId);
  throw err;
}

/** Stores the sealed tokens on the village's source of this account (created when missing). */
async function upsertConnected(
  db: Database, auth: AuthContext, villageId: number,
  a: { platform: "x" | "facebook" | "instagram"; accountId: string; handle: string | null; name: string; token: string; refreshToken: string | null; expiresAt: Date | null; login: "x" | "meta" },
): Promise<SourceRow> {
  const sealed = { tokenEnc: sealSecret(a.token), refreshTokenEnc: a.refreshToken ? sealSecret(a.refreshToken) : null, tokenExpiresAt: a.expiresAt };
  const found = await findSourceByAccount(db, villageId, a.platform, a.accountId);
  let row: SourceRow;
  if (found) {
    row = await updateSource(db, found.id, {
      ...sealed, handle: a.handle ?? found.handle, name: found.name ?? a.name, settings: { ...found.settings, oauth: a.login },
      // A new login ends "perlu login ulang"; a paused source stays paused.
      ...(found.status === "needs_login" || found.status === "error" ? { status: "active" as const } : {}),
    });
  } else {
    row = await createSource(db, { villageId, platform: a.platform, accountId: a.accountId, handle: a.handle, name: a.name, settings: { oauth: a.login } });
    row = await updateSource(db, row.id, sealed);
  }
  // Which account was connected, never a token.
  await recordAudit(db, auth, { action: "source.change", villageId, target: `source:${row.id}`, details: { op: found ? "reconnect" : "connect", platform: a.platform, accountId: a.accountId } });
  return row;
}

/** Finishes an X login (the callback): the village's X source gets the new sealed tokens. */
export async function finishXConnect(
  db: Database, auth: Auth, input: { state?: string; code?: string; error?: string }, deps: Deps = {},
): Promise<{ villageId: number; source: SourceDTO }> {
  const c = deps.config ?? oauthConfig();
  const now = (deps.now ?? (() => new Date()))();
  const login = await takeLogin(db, auth, input.state, "x", now);
  if (input.error || !input.code) throw new ConnectError("denied", `X: ${input.error ?? "tidak ada kode"}`, login.villageId);
  let tokens, me;
  try {
    tokens = await xExchangeCode(c, { code: input.code, verifier: openSecret(login.secretEnc), redirectUri: login.redirectUri }, now);
    me = await xMe(c, tokens.accessToken);
  } catch (err) {
    throw platformFailure(err, login.villageId);
  }
  if (login.sourceId !== null) {
    const target = await getSource(db, login.sourceId);
    if (target && target.accountId !== me.id) throw new ConnectError("other_account", `X: masuk sebagai @${me.username}, bukan akun sumber ini`, login.villageId);
  }
  const row = await upsertConnected(db, auth!, login.villageId, {
    platform: "x", accountId: me.id, handle: me.username || null, name: me.name, token: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt, login: "x",
  });
  return { villageId: login.villageId, source: await presentSourceById(db, row.id) };
}

interface PendingPages { pages: MetaPage[] }

/**
 * Finishes Facebook Login (the callback). A reconnect of a source whose Page is among the user's
 * Pages is applied at once; otherwise the Pages wait for the picker under a new one-time key.
 */
export async function finishMetaConnect(
  db: Database, auth: Auth, input: { state?: string; code?: string; error?: string }, deps: Deps = {},
): Promise<{ villageId: number; pick: string | null; sources: SourceDTO[] }> {
  const c = deps.config ?? oauthConfig();
  const now = (deps.now ?? (() => new Date()))();
  const login = await takeLogin(db, auth, input.state, "meta", now);
  if (input.error || !input.code) throw new ConnectError("denied", `Facebook: ${input.error ?? "tidak ada kode"}`, login.villageId);
  let pages: MetaPage[];
  try {
    pages = await metaPages(c, await metaUserToken(c, { code: input.code, redirectUri: login.redirectUri, verifier: openSecret(login.secretEnc) }));
  } catch (err) {
    throw platformFailure(err, login.villageId);
  }
  if (pages.length === 0) throw new ConnectError("no_pages", "Facebook: akun ini tidak mengelola Halaman apa pun", login.villageId);
  if (login.sourceId !== null) {
    const target = await getSource(db, login.sourceId);
    const page = target && pages.find((p) => (target.platform === "facebook" ? p.id === target.accountId : p.instagram?.id === target.accountId));
    if (page) return { villageId: login.villageId, pick: null, sources: await connectPage(db, auth!, login.villageId, page) };
  }
  const pick = randomBytes(24).toString("base64url");
  await createOAuthSession(db, {
    stateHash: hashState(pick), kind: "meta_pages", userId: auth!.userId, villageId: login.villageId, sourceId: null, redirectUri: login.redirectUri,
    secretEnc: sealSecret(JSON.stringify({ pages } satisfies PendingPages)), expiresAt: new Date(now.getTime() + OAUTH_TTL_MS),
  }, now);
  return { villageId: login.villageId, pick, sources: [] };
}

async function pendingPages(db: Database, auth: Auth, villageId: number, pick: string, now: Date, take: boolean): Promise<MetaPage[]> {
  assertCanConnectSources(auth, villageId);
  const row = take ? await takeOAuthSession(db, hashState(pick), "meta_pages", now) : await findOAuthSession(db, hashState(pick), "meta_pages", now);
  // Another user's or another village's picker is as unknown as an expired one.
  if (!row || row.userId !== auth.userId || row.villageId !== villageId) throw notFound("Pilihan Halaman (login Facebook kedaluwarsa; hubungkan lagi)");
  return (JSON.parse(openSecret(row.secretEnc)) as PendingPages).pages;
}

/** The Pages a finished Facebook Login offers (names and Instagram accounts, no tokens). */
export async function listMetaPages(db: Database, auth: Auth, villageId: number, pick: string, deps: Deps = {}): Promise<MetaPageChoiceDTO[]> {
  const pages = await pendingPages(db, auth, villageId, pick, (deps.now ?? (() => new Date()))(), false);
  return pages.map((p) => ({ id: p.id, name: p.name, instagram: p.instagram }));
}

async function connectPage(db: Database, auth: AuthContext, villageId: number, page: MetaPage): Promise<SourceDTO[]> {
  const rows = [await upsertConnected(db, auth, villageId, { platform: "facebook", accountId: page.id, handle: null, name: page.name, token: page.accessToken, refreshToken: null, expiresAt: null, login: "meta" })];
  if (page.instagram) {
    const ig = page.instagram;
    rows.push(await upsertConnected(db, auth, villageId, { platform: "instagram", accountId: ig.id, handle: ig.username, name: ig.username ? `@${ig.username}` : page.name, token: page.accessToken, refreshToken: null, expiresAt: null, login: "meta" }));
  }
  const out: SourceDTO[] = [];
  for (const r of rows) out.push(await presentSourceById(db, r.id));
  return out;
}

/** Connects the chosen Page (and its Instagram account) to the village; the picker is used up. */
export async function chooseMetaPage(db: Database, auth: Auth, input: { villageId: number; pick: string; pageId: string }, deps: Deps = {}): Promise<SourceDTO[]> {
  const now = (deps.now ?? (() => new Date()))();
  const pages = await pendingPages(db, auth, input.villageId, input.pick, now, false);
  const page = pages.find((p) => p.id === input.pageId);
  if (!page) throw badRequest("pageId: Halaman ini tidak ada dalam daftar login Facebook");
  // Used once: of two submits, only the one that takes the picker connects.
  await pendingPages(db, auth, input.villageId, input.pick, now, true);
  return connectPage(db, auth!, input.villageId, page);
}
