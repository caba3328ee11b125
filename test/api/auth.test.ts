// Accounts and sessions end to end: first-run setup, login, session fixation, logout, sliding
// expiry, CSRF, the per-username-and-address throttle with an injected clock, the per-IP rate
// limit, Secure cookies, headers.
import { createHash } from "node:crypto";
import express from "express";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { csrfProtection } from "@suara-desa/server/auth/csrf";
import { loadSession } from "@suara-desa/server/auth/middleware";
import type { RateLimitOptions } from "@suara-desa/core/auth/rateLimit";
import { securityHeaders } from "@suara-desa/server/auth/security";
import { SESSION_COOKIE } from "@suara-desa/core/auth/session";
import type { Database } from "@suara-desa/core/db/client";
import { errorHandler } from "@suara-desa/server/middleware/errorHandler";
import { authRouter } from "@suara-desa/server/routes/auth";
import { createApp } from "@suara-desa/server/app";
import { parseEnv } from "@suara-desa/core/env";
import { createUser, ensureDemoAccount } from "@suara-desa/core/services/authService";
import { createVillage } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let clock: Date;
const now = () => clock;

/** The app as createApp() mounts the auth layer: headers, JSON, session, CSRF, routers, errors. */
function buildApp(db: Database, rateLimit: RateLimitOptions = { max: 1000 }) {
  const app = express();
  app.set("trust proxy", "loopback");
  app.set("query parser", "simple");
  app.use(securityHeaders());
  app.use(express.json());
  app.use(loadSession(db, { now }));
  app.use(csrfProtection());
  app.use(authRouter(db, { now, rateLimit }));
  app.post("/api/echo", (req, res) => void res.json({ data: { auth: req.auth ?? null } }));
  app.use(errorHandler(() => {}));
  return app;
}

function sessionCookie(res: request.Response): string | null {
  const raw = res.headers["set-cookie"] as unknown as string[] | undefined;
  const c = raw?.find((s) => s.startsWith(`${SESSION_COOKIE}=`));
  return c ?? null;
}
const tokenOf = (setCookie: string) => setCookie.split(";")[0].slice(SESSION_COOKIE.length + 1);
const cookie = (token: string) => `${SESSION_COOKIE}=${token}`;

function loginAs(app: express.Express, username: string, password: string) {
  return request(app).post("/api/auth/login").send({ username, password });
}

beforeAll(async () => {
  env = await createTempDatabase();
});
afterAll(() => env.cleanup());
beforeEach(async () => {
  clock = new Date("2026-11-28T03:00:00Z");
  // Every test starts at the same instant; the throttle lives in the database, so start it empty.
  await env.db.prisma.loginThrottle.deleteMany();
});

describe("first-run setup", () => {
  it("is offered only while no user exists, creates an admin and logs them in", async () => {
    const app = buildApp(env.db);
    expect((await request(app).get("/api/auth/setup").expect(200)).body).toEqual({ data: { needed: true } });

    const bad = await request(app).post("/api/auth/setup").send({ username: "ad", password: "short", displayName: "" }).expect(400);
    expect(bad.body.error.message).toMatch(/username:.*password:.*displayName:/);

    const res = await request(app).post("/api/auth/setup").send({ username: "Kades", password: "rahasia-desa-1", displayName: "Pak Kades" }).expect(201);
    expect(res.body.data.user).toMatchObject({ username: "kades", role: "admin", displayName: "Pak Kades" });
    expect(res.body.data.user).not.toHaveProperty("passwordHash");
    const set = sessionCookie(res)!;
    const me = await request(app).get("/api/auth/me").set("Cookie", cookie(tokenOf(set))).expect(200);
    expect(me.body.data.user.username).toBe("kades");

    expect((await request(app).get("/api/auth/setup")).body.data.needed).toBe(false);
    const again = await request(app).post("/api/auth/setup").send({ username: "intruder", password: "rahasia-desa-2", displayName: "X" }).expect(409);
    expect(again.body.error.code).toBe("conflict");
    expect(await env.db.prisma.user.count({ where: { username: "intruder" } })).toBe(0);
    // The demo account is only created on an empty database.
    expect(await ensureDemoAccount(env.db, { password: "demo-password" })).toEqual({ created: false, password: null });
  });
});

describe("login", () => {
  beforeAll(async () => {
    await createUser(env.db, { username: "siti", password: "sandi-siti-123", role: "admin" });
  });

  it("logs in with JSON and sets an httpOnly, SameSite=Lax cookie holding a token whose hash is stored", async () => {
    const app = buildApp(env.db);
    const res = await loginAs(app, "Siti", "sandi-siti-123").expect(200);
    expect(res.body.data.user).toMatchObject({ username: "siti", role: "admin" });
    const set = sessionCookie(res)!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Secure/); // plain http (the demo)
    const token = tokenOf(set);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(await env.db.prisma.session.findUnique({ where: { id: token } })).toBeNull();
    const row = await env.db.prisma.session.findUnique({ where: { id: createHash("sha256").update(token).digest("hex") } });
    expect(row?.expiresAt.getTime()).toBe(clock.getTime() + 12 * 3600_000);
  });

  it("marks the cookie Secure behind a TLS proxy", async () => {
    const res = await loginAs(buildApp(env.db), "siti", "sandi-siti-123").set("X-Forwarded-Proto", "https").expect(200);
    expect(sessionCookie(res)).toMatch(/Secure/);
  });

  it("marks every session cookie Secure when PUBLIC_URL is https://, even if the proxy forgets X-Forwarded-Proto", async () => {
    const app = createApp({ db: env.db, clientDir: null, config: { ...parseEnv({ NODE_ENV: "test" }), PUBLIC_URL: "https://suara.desa.example" } });
    const res = await loginAs(app, "siti", "sandi-siti-123").expect(200);
    expect(sessionCookie(res)).toMatch(/; Secure/);
    const out = await request(app).post("/api/auth/logout").set("Cookie", cookie(tokenOf(sessionCookie(res)!))).set("Content-Type", "application/json").expect(200);
    expect(sessionCookie(out)).toMatch(/; Secure/);
    // Without PUBLIC_URL, plain http keeps working for the demo on a laptop.
    const plain = createApp({ db: env.db, clientDir: null, config: parseEnv({ NODE_ENV: "test" }) });
    expect(sessionCookie(await loginAs(plain, "siti", "sandi-siti-123").expect(200))).not.toMatch(/Secure/);
  });

  it("answers wrong password and unknown user with the same 401 and no cookie", async () => {
    const app = buildApp(env.db);
    const wrong = await loginAs(app, "siti", "salah-sandi").expect(401);
    const unknown = await loginAs(app, "tidakada", "salah-sandi").expect(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.body.error.message).toBe("Nama pengguna atau kata sandi salah");
    expect(sessionCookie(wrong)).toBeNull();
    const bad = await request(app).post("/api/auth/login").send({ username: "siti" }).expect(400);
    expect(bad.body.error.message).toContain("password:");
    // Clean up the failure counter for the tests below.
    await loginAs(app, "siti", "sandi-siti-123").expect(200);
  });

  it("issues a new session at every login and destroys the one presented (session fixation)", async () => {
    const app = buildApp(env.db);
    const first = tokenOf(sessionCookie(await loginAs(app, "siti", "sandi-siti-123").expect(200))!);
    const second = await request(app).post("/api/auth/login").set("Cookie", cookie(first)).send({ username: "siti", password: "sandi-siti-123" }).expect(200);
    const next = tokenOf(sessionCookie(second)!);
    expect(next).not.toBe(first);
    await request(app).get("/api/auth/me").set("Cookie", cookie(first)).expect(401);
    await request(app).get("/api/auth/me").set("Cookie", cookie(next)).expect(200);

    // A token planted by an attacker before login is never adopted.
    const planted = "A".repeat(43);
    const after = await request(app).post("/api/auth/login").set("Cookie", cookie(planted)).send({ username: "siti", password: "sandi-siti-123" }).expect(200);
    expect(tokenOf(sessionCookie(after)!)).not.toBe(planted);
    await request(app).get("/api/auth/me").set("Cookie", cookie(planted)).expect(401);
  });

  it("logout destroys the session server-side and clears the cookie", async () => {
    const app = buildApp(env.db);
    const token = tokenOf(sessionCookie(await loginAs(app, "siti", "sandi-siti-123"))!);
    const out = await request(app).post("/api/auth/logout").set("Cookie", cookie(token)).set("Content-Type", "application/json").expect(200);
    expect(sessionCookie(out)).toMatch(/Expires=Thu, 01 Jan 1970/);
    await request(app).get("/api/auth/me").set("Cookie", cookie(token)).expect(401);
    await request(app).post("/api/auth/logout").set("Cookie", cookie(token)).set("Content-Type", "application/json").expect(401);
  });

  it("slides the 12-hour expiry with activity and ends it after 12 idle hours", async () => {
    const app = buildApp(env.db);
    const token = tokenOf(sessionCookie(await loginAs(app, "siti", "sandi-siti-123"))!);
    clock = new Date(clock.getTime() + 11 * 3600_000);
    const seen = await request(app).get("/api/auth/me").set("Cookie", cookie(token)).expect(200);
    expect(sessionCookie(seen)).toBeTruthy(); // the cookie's expiry slides too
    clock = new Date(clock.getTime() + 11 * 3600_000); // 22 h after login, 11 h idle
    await request(app).get("/api/auth/me").set("Cookie", cookie(token)).expect(200);
    clock = new Date(clock.getTime() + 12 * 3600_000 + 1000);
    await request(app).get("/api/auth/me").set("Cookie", cookie(token)).expect(401);
  });

  it("rejects a disabled user's login and existing sessions", async () => {
    await createUser(env.db, { username: "mantan", password: "sandi-mantan-1", role: "admin" });
    const app = buildApp(env.db);
    const token = tokenOf(sessionCookie(await loginAs(app, "mantan", "sandi-mantan-1").expect(200))!);
    await env.db.prisma.user.update({ where: { username: "mantan" }, data: { disabled: true } });
    await request(app).get("/api/auth/me").set("Cookie", cookie(token)).expect(401);
    expect((await loginAs(app, "mantan", "sandi-mantan-1").expect(403)).body.error.code).toBe("disabled");
    expect((await loginAs(app, "mantan", "salah-sandi-1").expect(401)).body.error.code).toBe("unauthorized");
  });
});

describe("CSRF", () => {
  let token: string;
  let app: express.Express;
  beforeAll(async () => {
    await createUser(env.db, { username: "budi", password: "sandi-budi-123", role: "admin" });
    app = buildApp(env.db);
    token = tokenOf(sessionCookie(await loginAs(app, "budi", "sandi-budi-123").expect(200))!);
  });

  it("rejects a cross-origin POST with 403 csrf, even with a valid session", async () => {
    const res = await request(app).post("/api/echo").set("Host", "desa.example").set("Origin", "https://evil.example")
      .set("Cookie", cookie(token)).send({}).expect(403);
    expect(res.body.error.code).toBe("csrf");
    await request(app).post("/api/echo").set("Host", "desa.example").set("Referer", "https://evil.example/page")
      .set("Cookie", cookie(token)).type("form").send("a=1").expect(403);
    await request(app).post("/api/echo").set("Host", "desa.example").set("Origin", "null").send({}).expect(403);
    // Same host name on another port is another origin.
    await request(app).post("/api/echo").set("Host", "desa.example").set("Origin", "http://desa.example:8080").send({}).expect(403);
    // A cross-site login attempt (login CSRF) is refused too.
    await request(app).post("/api/auth/login").set("Host", "desa.example").set("Origin", "https://evil.example")
      .send({ username: "budi", password: "sandi-budi-123" }).expect(403);
  });

  it("accepts same-origin requests from the browser (Origin or Referer)", async () => {
    const res = await request(app).post("/api/echo").set("Host", "desa.example").set("Origin", "http://desa.example")
      .set("Cookie", cookie(token)).send({}).expect(200);
    expect(res.body.data.auth.username).toBe("budi");
    await request(app).post("/api/echo").set("Host", "desa.example").set("Referer", "https://desa.example/jelajahi").type("form").send("a=1").expect(200);
  });

  it("accepts JSON without Origin (scripts) and rejects a form post without Origin", async () => {
    const login = await request(app).post("/api/auth/login").set("Content-Type", "application/json; charset=utf-8")
      .send(JSON.stringify({ username: "budi", password: "sandi-budi-123" })).expect(200);
    expect(login.headers.origin).toBeUndefined();
    await request(app).post("/api/echo").type("form").send("username=budi").expect(403);
    await request(app).post("/api/echo").set("Content-Type", "text/plain").send("{}").expect(403);
    await request(app).delete("/api/echo").expect(403);
    await request(app).post("/api/echo").set("X-Requested-With", "suara-desa-cli").expect(200);
    await request(app).get("/api/auth/setup").set("Origin", "https://evil.example").expect(200); // reads are not state-changing
  });
});

describe("lockout and rate limit", () => {
  beforeAll(async () => {
    await createUser(env.db, { username: "rina", password: "sandi-rina-123", role: "admin" });
    await createUser(env.db, { username: "joko", password: "sandi-joko-123", role: "admin" });
  });

  it("answers an unknown username exactly like an existing one, however many failures", async () => {
    const app = buildApp(env.db);
    const answers = async (username: string) => {
      const out: Array<{ status: number; error: unknown; retryAfter: unknown }> = [];
      for (let i = 1; i <= 7; i++) {
        const r = await loginAs(app, username, `salah-${i}`);
        out.push({ status: r.status, error: r.body.error, retryAfter: r.headers["retry-after"] });
      }
      return out;
    };
    const known = await answers("rina");
    const unknown = await answers("bukan-siapa-siapa");
    expect(unknown).toEqual(known);
    // Four plain refusals, then the fifth failure throttles this address for this name: 429, not 423.
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 429, 429]);
    expect(known[4].error).toEqual({ code: "rate_limited", message: expect.stringContaining("15 menit") });
    expect(known[4].retryAfter).toBe("900");
    expect(known.some((a) => a.status === 423)).toBe(false);
  });

  it("throttles one address for one username only: the owner elsewhere logs in, the right password waits 15 minutes here", async () => {
    const app = buildApp(env.db);
    const attacker = "10.9.9.9";
    for (let i = 1; i <= 5; i++) await loginAs(app, "joko", `salah-${i}`).set("X-Forwarded-For", attacker);
    // The attacker's address is throttled for joko, even with the right password…
    const refused = await loginAs(app, "joko", "sandi-joko-123").set("X-Forwarded-For", attacker).expect(429);
    expect(sessionCookie(refused)).toBeNull();
    // …but joko from his own address is not locked out, and other names from that address still work.
    await loginAs(app, "joko", "sandi-joko-123").set("X-Forwarded-For", "10.1.1.1").expect(200);
    await loginAs(app, "rina", "sandi-rina-123").set("X-Forwarded-For", attacker).expect(200);
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    await loginAs(app, "joko", "sandi-joko-123").set("X-Forwarded-For", attacker).expect(200);
  });

  it("shares the throttle between server processes (it is kept in the database)", async () => {
    // Two apps on one database stand for two server processes behind a load balancer.
    const a = buildApp(env.db);
    const b = buildApp(env.db);
    const ip = "10.7.7.7";
    for (let i = 1; i <= 2; i++) await loginAs(a, "rina", "salah").set("X-Forwarded-For", ip).expect(401);
    for (let i = 1; i <= 2; i++) await loginAs(b, "rina", "salah").set("X-Forwarded-For", ip).expect(401);
    await loginAs(a, "rina", "salah").set("X-Forwarded-For", ip).expect(429);
    await loginAs(b, "rina", "sandi-rina-123").set("X-Forwarded-For", ip).expect(429);
    const perIp = buildApp(env.db, { max: 2 });
    const other = buildApp(env.db, { max: 2 });
    await loginAs(perIp, "tidakada", "salah").set("X-Forwarded-For", "10.8.8.8").expect(401);
    await loginAs(other, "tidakada2", "salah").set("X-Forwarded-For", "10.8.8.8").expect(401);
    await loginAs(perIp, "tidakada3", "salah").set("X-Forwarded-For", "10.8.8.8").expect(429);
  });

  it("counts failures only until a success: a success clears them", async () => {
    const app = buildApp(env.db);
    for (let i = 0; i < 4; i++) await loginAs(app, "joko", "salah").expect(401);
    await loginAs(app, "joko", "sandi-joko-123").expect(200);
    for (let i = 0; i < 4; i++) await loginAs(app, "joko", "salah").expect(401);
    await loginAs(app, "joko", "sandi-joko-123").expect(200);
  });

  it("stores neither addresses nor typed usernames in the throttle", async () => {
    await loginAs(buildApp(env.db), "sandi-rahasia-salah-ketik", "x").set("X-Forwarded-For", "10.4.4.4").expect(401);
    const rows = await env.db.prisma.loginThrottle.findMany();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("limits login attempts per IP with 429 and Retry-After, and lets them through after the window", async () => {
    const app = buildApp(env.db, { max: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) await loginAs(app, "tidakada", "salah").expect(401);
    const limited = await loginAs(app, "joko", "sandi-joko-123").expect(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(60);
    // Another IP (through the trusted proxy) is not affected.
    await loginAs(app, "joko", "sandi-joko-123").set("X-Forwarded-For", "10.1.2.3").expect(200);
    clock = new Date(clock.getTime() + 61_000);
    await loginAs(app, "joko", "sandi-joko-123").expect(200);
  });

  it("uses 10 attempts per minute by default", async () => {
    const app = buildApp(env.db, {});
    // Different names, so only the per-address limit can refuse the eleventh.
    for (let i = 0; i < 10; i++) await loginAs(app, `tidakada-${i}`, "salah").expect(401);
    const r = await loginAs(app, "tidakada-10", "salah").expect(429);
    expect(r.body.error.message).toContain("dari alamat ini");
  });
});

describe("security headers", () => {
  it("sends a CSP fitting the built client, without upgrade-insecure-requests on plain http", async () => {
    const res = await request(buildApp(env.db)).get("/api/auth/setup").expect(200);
    const csp = res.headers["content-security-policy"];
    for (const d of [
      "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
      "connect-src 'self'", "font-src 'self' data:", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'",
    ]) expect(csp).toContain(d);
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("demo account", () => {
  it("creates `demo` (admin, every village) on an empty database with a random password", async () => {
    const fresh = await createTempDatabase();
    try {
      const a = await createVillage(fresh.db);
      const b = await createVillage(fresh.db);
      const r = await ensureDemoAccount(fresh.db);
      expect(r.created).toBe(true);
      expect(r.password).toMatch(/^[A-Za-z0-9]{12}$/);
      const user = await fresh.db.prisma.user.findUniqueOrThrow({ where: { username: "demo" }, include: { villages: true } });
      expect(user.role).toBe("admin");
      expect(user.villages.map((v) => v.villageId).sort()).toEqual([a.id, b.id].sort());
      await loginAs(buildApp(fresh.db), "demo", r.password!).expect(200);
      expect(await ensureDemoAccount(fresh.db)).toEqual({ created: false, password: null });
    } finally {
      await fresh.cleanup();
    }
  });
});
