// The sources API (supertest): 401 -> 400 (field named) -> 403 -> 200 on every route, add/list/
// edit/delete, tokens never returned, "tes koneksi" and "jalankan sekarang" against the fake Graph
// API. The app here mounts only this router; req.auth comes from a test header standing in for
// the session cookie (the session middleware has its own tests).
import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngestRunner } from "@suara-desa/jobs/ingest/runSource";
import type { AuthContext } from "@suara-desa/shared/auth";
import { errorHandler } from "@suara-desa/server/middleware/errorHandler";
import { sourcesRouter } from "@suara-desa/server/routes/sources";
import { getSource } from "@suara-desa/core/db/sourceRepository";
import { openSecret } from "@suara-desa/core/services/secretBox";
import { FIXTURE_NOW, fixtureDataset } from "../fake/datasets";
import { startFakeApiServer, type FakeServer } from "../fake/fakeApiServer";
import { createTempDatabase } from "../helpers/tempDb";
import { createVillage } from "./helpers/sourceFactory";

const TOKEN = "EAAB-page-token-fixture";
let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let fake: FakeServer;
let app: express.Express;
let villageId: number;

beforeAll(async () => {
  temp = await createTempDatabase();
  fake = await startFakeApiServer({ dataset: fixtureDataset(), token: TOKEN, pageSize: 2, now: () => FIXTURE_NOW });
  villageId = await createVillage(temp.db);
  // The account the x-test-auth header speaks for (userId 1): audit entries point at it.
  await temp.db.prisma.user.create({ data: { id: 1, username: "admin", passwordHash: "-", role: "admin" } });
  app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    const h = req.headers["x-test-auth"];
    req.auth = typeof h === "string" ? (JSON.parse(h) as AuthContext) : undefined;
    next();
  });
  const ingest = createIngestRunner(temp.db, { graphUrl: fake.graphBaseUrl, xApiUrl: fake.xBaseUrl, timeoutMs: 1_000, now: () => new Date(FIXTURE_NOW) });
  app.use(sourcesRouter({ db: temp.db, ingest }));
  app.use(errorHandler(() => {}));
});
afterAll(async () => {
  await fake?.close();
  await temp?.cleanup();
});

const as = (role: AuthContext["role"], villageIds: number[] = []) => JSON.stringify({ userId: 1, username: role, role, villageIds } satisfies AuthContext);
const ADMIN = () => as("admin");

describe("sources API", () => {
  let id: number;

  it("401 without a session on every route", async () => {
    const calls = [
      request(app).get(`/api/villages/${villageId}/sources`),
      request(app).post(`/api/villages/${villageId}/sources`).send({}),
      request(app).patch("/api/sources/1").send({}),
      request(app).post("/api/sources/1/test"),
      request(app).post("/api/sources/1/run"),
      request(app).delete("/api/sources/1"),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(401);
  });

  it("403: only admins manage sources; members of another village cannot list them", async () => {
    const body = { platform: "facebook", accountId: "104512345678901", token: TOKEN };
    for (const role of ["pimpinan", "perangkat", "viewer"] as const) {
      const res = await request(app).post(`/api/villages/${villageId}/sources`).set("x-test-auth", as(role, [villageId])).send(body);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/Hanya admin/);
    }
    expect((await request(app).get(`/api/villages/${villageId}/sources`).set("x-test-auth", as("viewer", [villageId + 1000]))).status).toBe(403);
    expect((await request(app).get(`/api/villages/${villageId}/sources`).set("x-test-auth", as("viewer", [villageId]))).status).toBe(200);
  });

  it("400 names the bad field", async () => {
    const res = await request(app).post(`/api/villages/${villageId}/sources`).set("x-test-auth", ADMIN()).send({ platform: "tiktok", accountId: "1", token: "12345678" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("bad_request");
    expect(res.body.error.message).toMatch(/^platform: /);
    const short = await request(app).post(`/api/villages/${villageId}/sources`).set("x-test-auth", ADMIN()).send({ platform: "facebook", accountId: "1", token: "abc" });
    expect(short.body.error.message).toMatch(/token: token terlalu pendek/);
  });

  it("404 for an unknown village", async () => {
    const res = await request(app).post(`/api/villages/99999/sources`).set("x-test-auth", ADMIN()).send({ platform: "facebook", accountId: "104512345678901", token: TOKEN });
    expect(res.status).toBe(404);
  });

  it("201 adds a source; the token is stored sealed and never returned", async () => {
    const res = await request(app).post(`/api/villages/${villageId}/sources`).set("x-test-auth", ADMIN()).send({ platform: "facebook", accountId: "104512345678901", token: "wrong-token-1", intervalMinutes: 30 });
    expect(res.status).toBe(201);
    id = res.body.data.id;
    expect(res.body.data).toMatchObject({ platform: "facebook", status: "active", hasToken: true, intervalMinutes: 30, lastRun: null });
    expect(JSON.stringify(res.body)).not.toContain("wrong-token-1");
    const row = (await getSource(temp.db, id))!;
    expect(row.tokenEnc).not.toContain("wrong-token-1");
    expect(openSecret(row.tokenEnc!)).toBe("wrong-token-1");
  });

  it("409 for the same account twice", async () => {
    const res = await request(app).post(`/api/villages/${villageId}/sources`).set("x-test-auth", ADMIN()).send({ platform: "facebook", accountId: "104512345678901", token: TOKEN });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^accountId: /);
  });

  it("tes koneksi with a bad token: not ok, source needs a new login", async () => {
    const res = await request(app).post(`/api/sources/${id}/test`).set("x-test-auth", ADMIN());
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ok: false, source: { status: "needs_login" } });
    expect(res.body.data.message).toMatch(/perlu login ulang/);
  });

  it("PATCH with a new token clears needs_login; tes koneksi then succeeds", async () => {
    const patch = await request(app).patch(`/api/sources/${id}`).set("x-test-auth", ADMIN()).send({ token: TOKEN });
    expect(patch.status).toBe(200);
    expect(patch.body.data.status).toBe("active");
    const test = await request(app).post(`/api/sources/${id}/test`).set("x-test-auth", ADMIN());
    expect(test.body.data).toMatchObject({ ok: true, name: "Pemerintah Desa Mulyasari" });
  });

  it("jalankan sekarang stores the comments and the list shows the run", async () => {
    let done = false;
    for (let i = 0; i < 10 && !done; i++) {
      const res = await request(app).post(`/api/sources/${id}/run`).set("x-test-auth", ADMIN());
      expect(res.status).toBe(200);
      expect(res.body.data.run.error).toBeNull();
      done = res.body.data.run.done;
    }
    const list = await request(app).get(`/api/villages/${villageId}/sources`).set("x-test-auth", ADMIN());
    expect(list.status).toBe(200);
    const dto = list.body.data.find((s: { id: number }) => s.id === id);
    expect(dto.comments).toBe(4); // three residents' comments and the Page's own answer
    expect(dto.lastRun).toMatchObject({ status: "ok" });
    expect(dto.lastError).toBeNull();
    expect(dto.xPostsReadThisMonth).toBeNull();
    expect(JSON.stringify(list.body)).not.toMatch(/tokenEnc|EAAB/);
  });

  it("PATCH validates, DELETE removes (comments stay)", async () => {
    const member = as("perangkat", [villageId]);
    expect((await request(app).patch(`/api/sources/${id}`).set("x-test-auth", member).send({ intervalMinutes: 5 })).status).toBe(403);
    expect((await request(app).post(`/api/sources/${id}/test`).set("x-test-auth", member)).status).toBe(403);
    expect((await request(app).post(`/api/sources/${id}/run`).set("x-test-auth", member)).status).toBe(403);
    expect((await request(app).delete(`/api/sources/${id}`).set("x-test-auth", member)).status).toBe(403);
    const bad = await request(app).patch(`/api/sources/${id}`).set("x-test-auth", ADMIN()).send({ intervalMinutes: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^intervalMinutes: /);
    const del = await request(app).delete(`/api/sources/${id}`).set("x-test-auth", ADMIN());
    expect(del.status).toBe(204);
    expect((await request(app).delete(`/api/sources/${id}`).set("x-test-auth", ADMIN())).status).toBe(404);
    expect(await temp.db.prisma.comment.count({ where: { villageId } })).toBe(4);
    // Every change is audited, and no token ever reaches the log.
    const audit = await temp.db.prisma.auditLog.findMany({ where: { action: "source.change", target: `source:${id}` }, orderBy: { id: "asc" } });
    expect(audit.map((a) => JSON.parse(a.details ?? "{}").op)).toEqual(expect.arrayContaining(["add", "edit", "remove"]));
    expect(JSON.stringify(audit)).not.toMatch(/token-|EAA/);
  });
});
