// "Hubungkan akun" end to end against the project's imitation of X and the Graph API: the app
// sends the browser to the consent page, the imitation redirects back with a code, the callback
// (with the session cookie, as a browser would) stores sealed tokens. Also: 401 -> 400 -> 403 on
// the new routes, state replay / mismatch / another user / expiry refused, tokens unreadable in
// the database, X refresh before expiry and after a 401, "perlu login ulang" when refresh fails,
// one-click reconnect, and the Facebook page picker.
import { createHash } from "node:crypto";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { parseEnv, type Env } from "@suara-desa/core/env";
import { createIngestRunner } from "@suara-desa/jobs/ingest/runSource";
import { createReplyPort } from "@suara-desa/jobs/replies/platformWriter";
import { getSource } from "@suara-desa/core/db/sourceRepository";
import { openSecret } from "@suara-desa/core/services/secretBox";
import { sourceAccessToken } from "@suara-desa/core/services/sourceTokens";
import { ConnectError, finishXConnect, startXConnect } from "@suara-desa/core/services/oauthService";
import { FIXTURE_NOW, fixtureDataset } from "../fake/datasets";
import { startFakeApiServer, type FakeServer } from "../fake/fakeApiServer";
import { createVillage } from "../factories/village";
import { as, loginAs } from "../helpers/session";
import { createTempDatabase } from "../helpers/tempDb";

const PAGE_TOKEN = "EAAB-page-token-oauth";
const APPS = { x: { clientId: "dGVzdC1jbGllbnQtaWQ", clientSecret: "x-client-secret-123" }, meta: { appId: "987654321012345", appSecret: "meta-app-secret-456" } };

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let fake: FakeServer;
let config: Env;
let app: ReturnType<typeof createApp>;
let villageA: number;
let villageB: number;
let admin: ReturnType<typeof as>;
let otherAdmin: ReturnType<typeof as>;
let adminUserId: number;
let viewerA: ReturnType<typeof as>;
let perangkatB: ReturnType<typeof as>;
const dataset = fixtureDataset();

beforeAll(async () => {
  temp = await createTempDatabase();
  fake = await startFakeApiServer({ dataset, token: PAGE_TOKEN, pageSize: 50, now: () => FIXTURE_NOW, apps: APPS });
  config = parseEnv({
    NODE_ENV: "test", X_CLIENT_ID: APPS.x.clientId, X_CLIENT_SECRET: APPS.x.clientSecret, X_AUTHORIZE_URL: `${fake.url}/i/oauth2/authorize`,
    X_TOKEN_URL: `${fake.url}/2/oauth2/token`, X_API_URL: fake.xBaseUrl, META_APP_ID: APPS.meta.appId, META_APP_SECRET: APPS.meta.appSecret,
    META_DIALOG_URL: `${fake.graphBaseUrl}/dialog/oauth`, META_GRAPH_URL: fake.graphBaseUrl, HTTP_TIMEOUT_MS: "2000",
  });
  const ingest = createIngestRunner(temp.db, { xApiUrl: fake.xBaseUrl, graphUrl: fake.graphBaseUrl, oauth: config, timeoutMs: 2_000, now: () => new Date(FIXTURE_NOW), retry: { retries: 0 } });
  app = createApp({ db: temp.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000, ingest, config });
  villageA = (await createVillage(temp.db, { name: "Desa A" })).id;
  villageB = (await createVillage(temp.db, { name: "Desa B" })).id;
  admin = as(app, await loginAs(app, temp.db, "admin", []));
  adminUserId = (await temp.db.prisma.user.findFirstOrThrow({ where: { role: "admin" }, orderBy: { id: "asc" } })).id;
  otherAdmin = as(app, await loginAs(app, temp.db, "admin", []));
  viewerA = as(app, await loginAs(app, temp.db, "viewer", [villageA]));
  perangkatB = as(app, await loginAs(app, temp.db, "perangkat", [villageB]));
});
afterAll(async () => {
  await fake?.close();
  await temp?.cleanup();
});

/** Opens the platform page the app answered with; the imitated user consents (or not) and is redirected back. */
async function consent(url: string): Promise<string> {
  const res = await fetch(url, { redirect: "manual" });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get("location")!);
  return `${back.pathname}${back.search}`;
}

/** Starts a login as `who` and follows it to the callback URL (path + query) the browser would open. */
async function startAndConsent(who: ReturnType<typeof as>, platform: "x" | "meta", body: Record<string, unknown> = {}): Promise<string> {
  const res = await who.post(`/api/villages/${villageA}/oauth/${platform}/start`).send(body).expect(200);
  return consent(res.body.data.url as string);
}

const outcome = (location: string) => Object.fromEntries(new URL(location, "http://localhost").searchParams);

describe("the new routes: 401 -> 400 -> 403", () => {
  it("401 without a session", async () => {
    for (const r of [
      request(app).get(`/api/villages/${villageA}/oauth/providers`),
      request(app).post(`/api/villages/${villageA}/oauth/x/start`).send({}),
      request(app).post(`/api/villages/${villageA}/oauth/meta/start`).send({}),
      request(app).get(`/api/villages/${villageA}/oauth/meta/pages/${"p".repeat(32)}`),
      request(app).post(`/api/villages/${villageA}/oauth/meta/pages/${"p".repeat(32)}`).send({ pageId: "1" }),
    ]) expect((await r).status).toBe(401);
  });

  it("a callback reached without a session (it ended during the platform login) goes back to the sources page with a message", async () => {
    for (const platform of ["x", "meta"]) {
      const res = await request(app).get(`/api/oauth/${platform}/callback?state=a&code=b`).expect(303);
      expect(res.headers.location.startsWith("/sumber?")).toBe(true);
      expect(outcome(res.headers.location)).toEqual({ hubungkanGagal: "session" });
    }
  });

  it("400 naming the field", async () => {
    const bad = await admin.post(`/api/villages/${villageA}/oauth/x/start`).send({ sourceId: "abc" }).expect(400);
    expect(bad.body.error.message).toMatch(/sourceId/);
    const page = await admin.post(`/api/villages/${villageA}/oauth/meta/pages/${"p".repeat(32)}`).send({ pageId: "satu" }).expect(400);
    expect(page.body.error.message).toMatch(/pageId: harus ID Halaman/);
  });

  it("403 for a viewer of the village and for a user of another village", async () => {
    expect((await viewerA.post(`/api/villages/${villageA}/oauth/x/start`).send({})).status).toBe(403);
    expect((await viewerA.post(`/api/villages/${villageA}/oauth/meta/start`).send({})).status).toBe(403);
    expect((await perangkatB.post(`/api/villages/${villageA}/oauth/x/start`).send({})).status).toBe(403);
    expect((await perangkatB.get(`/api/villages/${villageA}/oauth/providers`)).status).toBe(403);
    // Members may see which logins exist (the page explains a disabled button).
    const p = await viewerA.get(`/api/villages/${villageA}/oauth/providers`).expect(200);
    expect(p.body.data).toEqual({ x: { configured: true }, meta: { configured: true } });
  });

  it("a source of another village cannot be the reconnect target", async () => {
    const b = await temp.db.prisma.source.create({ data: { villageId: villageB, platform: "x", accountId: "555" } });
    expect((await admin.post(`/api/villages/${villageA}/oauth/x/start`).send({ sourceId: b.id })).status).toBe(404);
  });

  it("409 with the settings to fill when the app credentials are not set", async () => {
    const bare = createApp({ db: temp.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000, config: parseEnv({ NODE_ENV: "test" }) });
    const client = as(bare, await loginAs(bare, temp.db, "admin", []));
    const res = await client.post(`/api/villages/${villageA}/oauth/x/start`).send({}).expect(409);
    expect(res.body.error.message).toMatch(/X_CLIENT_ID/);
    expect((await client.get(`/api/villages/${villageA}/oauth/providers`).expect(200)).body.data).toEqual({ x: { configured: false }, meta: { configured: false } });
  });
});

describe("X: OAuth 2.0 with PKCE", () => {
  let callback: string;
  let sourceId: number;

  it("sends the browser to X with the client, the scopes, a state and an S256 challenge", async () => {
    const res = await admin.post(`/api/villages/${villageA}/oauth/x/start`).send({}).expect(200);
    const u = new URL(res.body.data.url as string);
    expect(`${u.origin}${u.pathname}`).toBe(`${fake.url}/i/oauth2/authorize`);
    expect(u.searchParams.get("client_id")).toBe(APPS.x.clientId);
    expect(u.searchParams.get("scope")).toBe("tweet.read tweet.write users.read offline.access");
    expect(u.searchParams.get("code_challenge_method")).toBe("S256");
    expect(u.searchParams.get("redirect_uri")).toMatch(/\/api\/oauth\/x\/callback$/);
    // The state is kept only as a hash.
    const state = u.searchParams.get("state")!;
    const rows = await temp.db.prisma.oAuthSession.findMany();
    expect(JSON.stringify(rows)).not.toContain(state);
    callback = await consent(u.toString());
  });

  it("the callback stores the account with sealed access and refresh tokens", async () => {
    const res = await admin.get(callback).expect(303);
    expect(outcome(res.headers.location)).toEqual({ desa: String(villageA), terhubung: "x" });
    const row = await temp.db.prisma.source.findFirstOrThrow({ where: { villageId: villageA, platform: "x" } });
    sourceId = row.id;
    expect(row.accountId).toBe(dataset.x.accountId);
    expect(row.handle).toBe(dataset.x.handle);
    const issued = fake.issuedX.at(-1)!;
    expect(openSecret(row.tokenEnc!)).toBe(issued.accessToken);
    expect(openSecret(row.refreshTokenEnc!)).toBe(issued.refreshToken);
    expect(row.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 7_000_000);
    // Not readable at rest: no column of any row holds either token.
    const raw = JSON.stringify(await temp.db.prisma.$queryRawUnsafe(`SELECT * FROM "Source"`), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(raw).not.toContain(issued.accessToken);
    expect(raw).not.toContain(issued.refreshToken);
    const list = await admin.get(`/api/villages/${villageA}/sources`).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(issued.accessToken);
    expect(list.body.data.find((s: { id: number }) => s.id === sourceId).connected).toBe(true);
  });

  it("the same callback a second time is refused (a state works once)", async () => {
    const issued = fake.issuedX.length;
    const res = await admin.get(callback).expect(303);
    expect(outcome(res.headers.location)).toEqual({ hubungkanGagal: "state" });
    expect(fake.issuedX.length).toBe(issued);
  });

  it("an unknown state is refused before any code is exchanged", async () => {
    const fresh = await startAndConsent(admin, "x");
    const forged = fresh.replace(/state=[^&]+/, "state=tebakan-penyerang");
    const requests = fake.requests.length;
    const res = await admin.get(forged).expect(303);
    expect(outcome(res.headers.location)).toEqual({ hubungkanGagal: "state" });
    expect(fake.requests.slice(requests).some((r) => r.path === "/2/oauth2/token")).toBe(false);
  });

  it("a login finished in another user's session is refused, and the code is not used", async () => {
    const victim = await startAndConsent(admin, "x");
    const issued = fake.issuedX.length;
    const res = await otherAdmin.get(victim).expect(303);
    expect(outcome(res.headers.location)).toEqual({ desa: String(villageA), hubungkanGagal: "state" });
    expect(fake.issuedX.length).toBe(issued);
  });

  it("a refused consent says so", async () => {
    fake.setConsent("deny");
    try {
      const res = await admin.get(await startAndConsent(admin, "x")).expect(303);
      expect(outcome(res.headers.location)).toEqual({ desa: String(villageA), hubungkanGagal: "denied" });
    } finally {
      fake.setConsent("allow");
    }
  });

  it("a state older than 10 minutes is refused", async () => {
    const t0 = new Date("2026-11-24T06:00:00Z");
    const auth = { userId: adminUserId, username: "admin", role: "admin" as const, villageIds: [] };
    const { url } = await startXConnect(temp.db, auth, { villageId: villageA, redirectUri: "http://localhost/api/oauth/x/callback" }, { config, now: () => t0 });
    const state = new URL(url).searchParams.get("state")!;
    const late = finishXConnect(temp.db, auth, { state, code: "x-code-1" }, { config, now: () => new Date(t0.getTime() + 10 * 60_000 + 1) });
    await expect(late).rejects.toBeInstanceOf(ConnectError);
    await expect(late).rejects.toMatchObject({ reason: "state" });
  });

  it("a run refreshes the token shortly before it expires, and stores the rotated pair", async () => {
    await temp.db.prisma.source.update({ where: { id: sourceId }, data: { tokenExpiresAt: new Date(FIXTURE_NOW + 60_000) } });
    const before = fake.issuedX.length;
    const res = await admin.post(`/api/sources/${sourceId}/run`).send({}).expect(200);
    expect(res.body.data.run.error).toBeNull();
    expect(res.body.data.run.new).toBeGreaterThan(0);
    expect(fake.issuedX.length).toBe(before + 1);
    const row = (await getSource(temp.db, sourceId))!;
    expect(openSecret(row.tokenEnc!)).toBe(fake.issuedX.at(-1)!.accessToken);
    expect(openSecret(row.refreshTokenEnc!)).toBe(fake.issuedX.at(-1)!.refreshToken);
    expect(row.tokenExpiresAt!.getTime()).toBe(FIXTURE_NOW + 7_200_000);
  });

  it("a 401 before the stated expiry refreshes once and the run goes on", async () => {
    fake.expireXAccessTokens();
    const before = fake.issuedX.length;
    const res = await admin.post(`/api/sources/${sourceId}/run`).send({}).expect(200);
    expect(res.body.data.run.error).toBeNull();
    expect(res.body.data.source.status).toBe("active");
    expect(fake.issuedX.length).toBe(before + 1);
  });

  it("two processes refreshing one login at once: one refresh, both get the working token", async () => {
    const stale = (await getSource(temp.db, sourceId))!;
    const before = fake.issuedX.length;
    const [a, b] = await Promise.all([
      sourceAccessToken(temp.db, stale, { force: true, config, now: new Date(FIXTURE_NOW) }),
      sourceAccessToken(temp.db, stale, { force: true, config, now: new Date(FIXTURE_NOW) }),
    ]);
    expect(fake.issuedX.length).toBe(before + 1);
    expect(a).toBe(fake.issuedX.at(-1)!.accessToken);
    expect(b).toBe(a);
    expect((await getSource(temp.db, sourceId))!.status).toBe("active");
  });

  it("a reply refreshes a login about to expire, then posts with it (tweet.write)", async () => {
    // The reply port runs on the real clock: the stored expiry is a minute away from now.
    await temp.db.prisma.source.update({ where: { id: sourceId }, data: { tokenExpiresAt: new Date(Date.now() + 60_000) } });
    const before = fake.issuedX.length;
    const port = createReplyPort(temp.db, { xApiUrl: fake.xBaseUrl, oauth: config, timeoutMs: 2_000 });
    const out = await port.post({ sourceId, platform: "x", externalId: dataset.x.mentions[0].id }, "Terima kasih, laporan diteruskan");
    expect(out.ok).toBe(true);
    expect(fake.issuedX.length).toBe(before + 1);
    expect(openSecret((await getSource(temp.db, sourceId))!.tokenEnc!)).toBe(fake.issuedX.at(-1)!.accessToken);
  });

  it("a refused refresh marks the source 'perlu login ulang'; one click on reconnect fixes it", async () => {
    fake.expireXAccessTokens();
    fake.revokeXRefreshTokens();
    const res = await admin.post(`/api/sources/${sourceId}/run`).send({}).expect(200);
    expect(res.body.data.source.status).toBe("needs_login");
    expect(res.body.data.source.lastError).toMatch(/perlu login ulang/);

    const back = await admin.get(await startAndConsent(admin, "x", { sourceId })).expect(303);
    expect(outcome(back.headers.location)).toEqual({ desa: String(villageA), terhubung: "x" });
    const row = (await getSource(temp.db, sourceId))!;
    expect(row.status).toBe("active");
    expect(openSecret(row.tokenEnc!)).toBe(fake.issuedX.at(-1)!.accessToken);
    expect(await temp.db.prisma.source.count({ where: { villageId: villageA, platform: "x" } })).toBe(1);
  });

  it("a pasted token replaces the login (no refresh overwrites it)", async () => {
    await admin.patch(`/api/sources/${sourceId}`).send({ token: "AAAA-pasted-bearer-token" }).expect(200);
    const row = (await getSource(temp.db, sourceId))!;
    expect(row.refreshTokenEnc).toBeNull();
    expect(row.tokenExpiresAt).toBeNull();
    expect(openSecret(row.tokenEnc!)).toBe("AAAA-pasted-bearer-token");
  });
});

describe("Facebook Login: the Page and its Instagram account", () => {
  let pick: string;

  it("the callback exchanges the code for a long-lived token and offers the Pages to pick from", async () => {
    const start = await admin.post(`/api/villages/${villageA}/oauth/meta/start`).send({}).expect(200);
    const u = new URL(start.body.data.url as string);
    expect(u.searchParams.get("client_id")).toBe(APPS.meta.appId);
    expect(u.searchParams.get("scope")).toContain("pages_manage_engagement");
    expect(u.searchParams.get("code_challenge_method")).toBe("S256");
    const requests = fake.requests.length;
    const res = await admin.get(await consent(u.toString())).expect(303);
    const o = outcome(res.headers.location);
    expect(o.desa).toBe(String(villageA));
    pick = o.pilihHalaman;
    expect(pick).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const calls = fake.requests.slice(requests).filter((r) => r.path.endsWith("/oauth/access_token"));
    expect(calls.map((r) => r.query.grant_type ?? "code")).toEqual(["code", "fb_exchange_token"]);
    // The code went with the verifier of the dialog's challenge (the imitation refuses any other).
    expect(createHash("sha256").update(calls[0].query.code_verifier ?? "").digest("base64url")).toBe(u.searchParams.get("code_challenge"));
  });

  it("a code caught on its way back is useless without the verifier kept on the server", async () => {
    const start = await admin.post(`/api/villages/${villageA}/oauth/meta/start`).send({}).expect(200);
    const back = new URL(await consent(start.body.data.url as string), "http://localhost");
    const code = back.searchParams.get("code")!;
    const res = await fetch(`${fake.graphBaseUrl}/oauth/access_token?${new URLSearchParams({
      client_id: APPS.meta.appId, client_secret: APPS.meta.appSecret, redirect_uri: new URL(start.body.data.url as string).searchParams.get("redirect_uri")!, code,
    })}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/code verifier/);
  });

  it("lists the Pages without their tokens, to the user who logged in only", async () => {
    const res = await admin.get(`/api/villages/${villageA}/oauth/meta/pages/${pick}`).expect(200);
    expect(res.body.data).toEqual([
      { id: dataset.facebook.pageId, name: dataset.facebook.name, instagram: { id: dataset.instagram.userId, username: dataset.instagram.username } },
      { id: "104599900000001", name: "Karang Taruna Mulyasari", instagram: null },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(PAGE_TOKEN);
    expect((await otherAdmin.get(`/api/villages/${villageA}/oauth/meta/pages/${pick}`)).status).toBe(404);
    expect((await perangkatB.get(`/api/villages/${villageA}/oauth/meta/pages/${pick}`)).status).toBe(403);
    expect((await admin.get(`/api/villages/${villageB}/oauth/meta/pages/${pick}`)).status).toBe(404);
  });

  it("choosing a Page creates the Facebook and Instagram sources with the sealed Page token, once", async () => {
    const bad = await admin.post(`/api/villages/${villageA}/oauth/meta/pages/${pick}`).send({ pageId: "123" }).expect(400);
    expect(bad.body.error.message).toMatch(/pageId/);
    const res = await admin.post(`/api/villages/${villageA}/oauth/meta/pages/${pick}`).send({ pageId: dataset.facebook.pageId }).expect(201);
    expect(res.body.data.map((s: { platform: string; accountId: string }) => `${s.platform}:${s.accountId}`)).toEqual([
      `facebook:${dataset.facebook.pageId}`, `instagram:${dataset.instagram.userId}`,
    ]);
    for (const s of res.body.data as Array<{ id: number }>) {
      const row = (await getSource(temp.db, s.id))!;
      expect(row.tokenEnc).not.toContain(PAGE_TOKEN);
      expect(openSecret(row.tokenEnc!)).toBe(PAGE_TOKEN);
      const test = await admin.post(`/api/sources/${s.id}/test`).send({}).expect(200);
      expect(test.body.data.ok).toBe(true);
    }
    expect((await admin.post(`/api/villages/${villageA}/oauth/meta/pages/${pick}`).send({ pageId: dataset.facebook.pageId })).status).toBe(404);
  });

  it("reconnecting a Page source that needs login is one click (no picker)", async () => {
    const fb = await temp.db.prisma.source.findFirstOrThrow({ where: { villageId: villageA, platform: "facebook" } });
    await temp.db.prisma.source.update({ where: { id: fb.id }, data: { status: "needs_login" } });
    const res = await admin.get(await startAndConsent(admin, "meta", { sourceId: fb.id })).expect(303);
    expect(outcome(res.headers.location)).toEqual({ desa: String(villageA), terhubung: "meta" });
    expect((await getSource(temp.db, fb.id))!.status).toBe("active");
  });

  it("a forged or replayed Facebook state is refused", async () => {
    const cb = await startAndConsent(admin, "meta");
    const forged = await admin.get(cb.replace(/state=[^&]+/, "state=palsu")).expect(303);
    expect(outcome(forged.headers.location)).toEqual({ hubungkanGagal: "state" });
    await admin.get(cb).expect(303);
    const replay = await admin.get(cb).expect(303);
    expect(outcome(replay.headers.location)).toEqual({ hubungkanGagal: "state" });
  });
});
