// Who may reach what, over EVERY route in the router table: a new route that is not classified
// here fails the first test, so it cannot escape the 401/403 matrix or the fuzz test.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { createIngestRunner } from "@suara-desa/jobs/ingest/runSource";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { addAlertChannel } from "@suara-desa/core/services/alertService";
import { CLI_ACTOR } from "@suara-desa/core/services/auditService";
import { fillPath, listApiRoutes, type RouteInfo } from "../helpers/routes";
import { as, loginAs } from "../helpers/session";
import { createTempDatabase } from "../helpers/tempDb";

/** Routes anyone may call without a session. */
const PUBLIC = new Set(["GET /api/health", "POST /api/auth/login", "GET /api/auth/setup", "POST /api/auth/setup", "GET /api/public/villages/:code"]);
/** Routes about the caller only (any logged-in user). */
const SELF = new Set(["GET /api/auth/me", "POST /api/auth/logout", "POST /api/auth/password", "GET /api/villages", "GET /api/registry/villages", "GET /api/comparison",
  // Login callbacks: they finish only a login the same user started (state bound to user and village).
  "GET /api/oauth/x/callback", "GET /api/oauth/meta/callback"]);
/**
 * Pages the platforms send the browser back to: without a session they redirect to the sources
 * page with a message (a browser navigation, not an API call) and do nothing else.
 */
const BROWSER_RETURNS = new Set(["GET /api/oauth/x/callback", "GET /api/oauth/meta/callback"]);
/** Deployment-wide administration: admins only. */
const ADMIN_ONLY = new Set([
  "GET /api/users", "POST /api/users", "PATCH /api/users/:userId", "POST /api/users/:userId/password",
  "GET /api/audit", "POST /api/villages", "GET /api/admin/jobs",
]);
/** Routes whose path names a village's data (directly or through a comment/source/report id). */
const SCOPED_PARAMS = ["villageId", "commentId", "sourceId", "reportId", "caseId", "channelId", "replyId", "id"];

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let routes: RouteInfo[];
let params: Record<string, string | number>;
let outsider: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;
let member: ReturnType<typeof as>;

const key = (r: RouteInfo) => `${r.method} ${r.path}`;
/** `:id` names a source under /api/sources and a stored report under /api/reports. */
const paramsFor = (path: string) => (path.startsWith("/api/sources/") ? { ...params, id: params.sourceId } : params);
const call = (client: ReturnType<typeof as> | null, r: RouteInfo, body: unknown = {}) => {
  const url = fillPath(r.path, paramsFor(r.path));
  const m = r.method.toLowerCase() as "get" | "post" | "patch" | "put" | "delete";
  const req = client ? client[m](url) : request(app)[m](url);
  return m === "get" ? req : req.send(body as object);
};

beforeAll(async () => {
  env = await createTempDatabase();
  // The real ingest runner: the test sources have no token, so a run fails cleanly without network.
  app = createApp({ db: env.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000, ingest: createIngestRunner(env.db) });
  const villageA = (await createVillage(env.db, { name: "Desa A" })).id;
  const villageB = (await createVillage(env.db, { name: "Desa B" })).id;
  const source = await env.db.prisma.source.create({ data: { villageId: villageA, platform: "facebook", accountId: "111", name: "Page A" } });
  const r = await storeBatch(env.db, {
    villageId: villageA, sourceId: source.id, posts: [],
    comments: [incomingComment({ externalId: "a1", text: "Jalan rusak parah di RT 03, kapan diperbaiki pak? hubungi 081234567890" })],
  });
  await finishImport(env.db, villageA, r.days);
  const comment = await env.db.prisma.comment.findFirstOrThrow({ where: { villageId: villageA } });
  // The comment asks for a repair: ingestion opened its follow-up case.
  const followUp = await env.db.prisma.followUpCase.findFirstOrThrow({ where: { villageId: villageA } });
  const alertChannel = (await addAlertChannel(env.db, CLI_ACTOR, villageA, { kind: "email", target: "bpd@desa-a.test" })).channel;
  const report = await env.db.prisma.report.create({
    data: { villageId: villageA, kind: "weekly", period: "2026-W47", format: "pdf", filePath: "missing.pdf", bytes: 1 },
  });
  routes = listApiRoutes(app);
  outsider = as(app, await loginAs(app, env.db, "pimpinan", [villageB]));
  member = as(app, await loginAs(app, env.db, "viewer", [villageA]));
  admin = as(app, await loginAs(app, env.db, "admin", []));
  params = {
    villageId: villageA, commentId: comment.id, sourceId: source.id, reportId: report.id, id: report.id,
    key: "infrastruktur", userId: 1, pick: "p".repeat(32), pseudonym: comment.authorPseudonym, caseId: followUp.id, channelId: alertChannel.id,
  };
});
afterAll(() => env.cleanup());

describe("the route table", () => {
  it("has every route classified: public, self, admin-only or village-scoped", () => {
    const unclassified = routes.filter((r) => {
      const k = key(r);
      const scoped = SCOPED_PARAMS.some((p) => r.path.includes(`:${p}`));
      return !PUBLIC.has(k) && !SELF.has(k) && !ADMIN_ONLY.has(k) && !scoped;
    });
    expect(unclassified.map(key)).toEqual([]);
    expect(routes.length).toBeGreaterThan(15);
  });
});

describe("without a session", () => {
  it("every non-public route answers 401, whatever the input", async () => {
    for (const r of routes.filter((x) => !PUBLIC.has(key(x)) && !BROWSER_RETURNS.has(key(x)))) {
      const res = await call(null, r, { anything: 1 });
      expect([key(r), res.status]).toEqual([key(r), 401]);
      expect(res.body.error.code).toBe("unauthorized");
    }
  });

  it("a platform's return to a login callback goes to the sources page with a message, whatever the input", async () => {
    for (const r of routes.filter((x) => BROWSER_RETURNS.has(key(x)))) {
      const res = await call(null, r, { anything: 1 });
      expect([key(r), res.status, res.headers.location]).toEqual([key(r), 303, "/sumber?hubungkanGagal=session"]);
    }
  });
});

describe("a user of village B", () => {
  it("cannot reach village A's data by any route (403 or 404, and nothing of A in the body)", async () => {
    for (const r of routes.filter((x) => SCOPED_PARAMS.some((p) => x.path.includes(`:${p}`)))) {
      // Valid input for every route, so the answer is about authorisation, not validation.
      const res = await call(outsider, r, { sentiment: "netral", topics: [], retentionMonths: 12, name: "x", platform: "facebook", accountId: "222", token: "token-rahasia", key: "topik_baru", nameId: "Topik", nameEn: "Topic", keywords: ["kata"],
        ...(r.path.includes("/cases") ? { status: "dijawab" } : {}), kind: "email", target: "bpd@desa.test", text: "Terima kasih", enabled: true, templates: [{ name: "x", text: "Halo" }], caseIds: [Number(params.caseId), Number(params.caseId) + 1], commentIds: [Number(params.commentId)], firstReplyHours: 48, urgentReplyHours: 2, resolutionDays: {}, pageId: "104512345678901" });
      expect([key(r), [403, 404].includes(res.status)]).toEqual([key(r), true]);
      expect(JSON.stringify(res.body)).not.toMatch(/Jalan rusak|Desa A|Page A/);
    }
  });

  it("does not see village A in the village list", async () => {
    const res = await outsider.get("/api/villages").expect(200);
    expect(res.body.data.map((v: { name: string }) => v.name)).toEqual(["Desa B"]);
  });

  it("compares only the villages it may read: village A has no row", async () => {
    const res = await outsider.get("/api/comparison").expect(200);
    expect(res.body.data.rows.map((r: { village: { name: string } }) => r.village.name)).toEqual(["Desa B"]);
    expect(JSON.stringify(res.body)).not.toMatch(/Jalan rusak|Desa A|Page A/);
    const all = await admin.get("/api/comparison").expect(200);
    expect(all.body.data.rows.map((r: { village: { name: string } }) => r.village.name)).toEqual(["Desa A", "Desa B"]);
  });

  it("cannot use admin-only routes (403)", async () => {
    for (const r of routes.filter((x) => ADMIN_ONLY.has(key(x)))) {
      // Valid input, so the answer is about authorisation (validation comes first: 401 -> 400 -> 403).
      const res = await call(outsider, r, { username: "pengguna.baru", password: "sandi-yang-panjang", role: "viewer", code: "32.15.04.2006" });
      expect([key(r), res.status]).toEqual([key(r), 403]);
    }
  });
});

describe("roles inside one village", () => {
  it("a viewer reads but cannot correct labels nor see raw personal data", async () => {
    const id = params.commentId;
    const list = await member.get(`/api/villages/${params.villageId}/comments`).expect(200);
    expect(list.body.data[0].text).not.toContain("081234567890");
    expect((await member.patch(`/api/comments/${id}/labels`).send({ sentiment: "negatif" })).status).toBe(403);
    expect((await member.get(`/api/comments/${id}?raw=1`)).status).toBe(403);
  });

  it("an admin may view raw personal data, and the view is audited", async () => {
    const res = await admin.get(`/api/comments/${params.commentId}?raw=1`).expect(200);
    expect(res.body.data.comment.text).toContain("081234567890");
    const audit = await admin.get("/api/audit").expect(200);
    expect(audit.body.data.some((e: { action: string; target: string }) => e.action === "pii.view" && e.target === `comment:${params.commentId}`)).toBe(true);
  });
});

// Random malformed input against every route, as an admin (so requests get past authentication
// into validation and services): the answer may be 4xx, never 5xx.
describe("API fuzz", () => {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
  const junk = (): unknown =>
    pick<() => unknown>([
      () => "",
      () => "x".repeat(Math.floor(rnd() * 5000)),
      () => -1,
      () => 1e308,
      () => Number.MAX_SAFE_INTEGER + 2,
      () => "2026-W99",
      () => "2026-02-30",
      () => "'; DROP TABLE \"Comment\"; --",
      () => "\u0000\uffff😀",
      () => ["a", 1],
      () => ({ nested: { deep: [null] } }),
      () => null,
      () => true,
      () => "../../etc/passwd",
      () => "%",
      () => "\"NEAR(",
    ])();
  const FIELDS = ["week", "month", "topic", "sentiment", "platform", "language", "q", "from", "to", "spam", "pii", "sort", "cursor",
    "limit", "raw", "lang", "format", "username", "password", "role", "villageIds", "topics", "retentionMonths", "code", "token",
    "accountId", "displayName", "disabled", "intervalMinutes", "settings", "name", "handle", "status", "intent", "urgent",
    "needsReply", "overdue", "assigneeId", "note", "forwardedTo", "reason", "caseIds", "commentIds", "firstReplyHours", "resolutionDays"];

  it("never answers 5xx to 30 random malformed requests per route", async () => {
    const failures: string[] = [];
    for (const r of routes) {
      for (let i = 0; i < 30; i++) {
        const obj: Record<string, unknown> = {};
        for (let f = 0; f < 1 + Math.floor(rnd() * 4); f++) obj[pick(FIELDS)] = junk();
        const base = paramsFor(r.path);
        const pathParams = Object.fromEntries(Object.keys(base).map((k) => [k, rnd() < 0.5 ? base[k] : encodeURIComponent(String(junk()))]));
        const url = fillPath(r.path, pathParams);
        const query = new URLSearchParams(Object.entries(obj).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])).toString();
        const m = r.method.toLowerCase() as "get" | "post" | "patch" | "put" | "delete";
        const req = admin[m](`${url}?${query}`);
        const res = await (m === "get" ? req : rnd() < 0.2 ? req.set("Content-Type", "application/json").send("{bad json") : req.send(obj));
        if (res.status >= 500) failures.push(`${r.method} ${url}?${query} -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
