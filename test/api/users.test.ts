// Account administration, the audit log and the village registry: 401 without a session, 400
// naming the field, 403 for the wrong role, then the behaviour.
import type express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@suara-desa/shared/auth";
import { createUser } from "@suara-desa/core/services/authService";
import { createVillage } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { createApp } from "@suara-desa/server/app";
import { loginCookie } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: express.Express;
let villageA: number;
let villageB: number;
const cookies: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  env = await createTempDatabase();
  // The real application (all routers, session and CSRF middleware), as in production.
  app = createApp({ db: env.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000 });
  villageA = (await createVillage(env.db, { name: "Desa A" })).id;
  villageB = (await createVillage(env.db, { name: "Desa B" })).id;
  for (const role of ["admin", "pimpinan", "viewer"] as const) {
    await createUser(env.db, { username: `u-${role}`, password: `sandi-${role}-1`, role, villageIds: [villageA] });
    cookies[role] = await loginCookie(app, `u-${role}`, `sandi-${role}-1`);
  }
});
afterAll(() => env.cleanup());

describe("/api/users", () => {
  it("walks 401 -> 400 -> 403 -> 201 on create", async () => {
    const body = { username: "perangkat1", password: "sandi-perangkat", role: "perangkat", villageIds: [villageB] };
    await request(app).post("/api/users").send(body).expect(401);
    const bad = await request(app).post("/api/users").set("Cookie", cookies.admin!).send({ ...body, role: "lurah", username: "x" }).expect(400);
    expect(bad.body.error.message).toMatch(/username:.*role:/);
    await request(app).post("/api/users").set("Cookie", cookies.pimpinan!).send(body).expect(403);
    await request(app).post("/api/users").set("Cookie", cookies.viewer!).send(body).expect(403);
    const created = await request(app).post("/api/users").set("Cookie", cookies.admin!).send(body).expect(201);
    expect(created.body.data).toMatchObject({ username: "perangkat1", role: "perangkat", disabled: false, villages: [expect.objectContaining({ id: villageB })] });
    await request(app).post("/api/users").set("Cookie", cookies.admin!).send(body).expect(409);
    // Non-admins need a village; unknown villages are named.
    const noVillage = await request(app).post("/api/users").set("Cookie", cookies.admin!).send({ ...body, username: "tanpa-desa", villageIds: [] }).expect(400);
    expect(noVillage.body.error.message).toContain("village");
    const unknown = await request(app).post("/api/users").set("Cookie", cookies.admin!).send({ ...body, username: "desa-hilang", villageIds: [9999] }).expect(400);
    expect(unknown.body.error.message).toContain("villageIds: no village with id 9999");
    // The new account can log in and sees only its village.
    const c = await loginCookie(app, "perangkat1", "sandi-perangkat");
    const me = await request(app).get("/api/auth/me").set("Cookie", c).expect(200);
    expect(me.body.data.user.villages.map((v: { id: number }) => v.id)).toEqual([villageB]);
  });

  it("lists users for admins only, never with password hashes", async () => {
    await request(app).get("/api/users").expect(401);
    await request(app).get("/api/users").set("Cookie", cookies.pimpinan!).expect(403);
    const res = await request(app).get("/api/users").set("Cookie", cookies.admin!).expect(200);
    expect(res.body.data.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(["u-admin", "u-viewer", "perangkat1"]));
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it("changes role and villages, disables (ending sessions) and resets passwords", async () => {
    await createUser(env.db, { username: "warga-staf", password: "sandi-staf-1", role: "viewer", villageIds: [villageA] });
    const user = await env.db.prisma.user.findUniqueOrThrow({ where: { username: "warga-staf" } });
    const staffCookie = await loginCookie(app, "warga-staf", "sandi-staf-1");

    await request(app).patch(`/api/users/${user.id}`).send({ role: "perangkat" }).expect(401);
    const bad = await request(app).patch(`/api/users/abc`).set("Cookie", cookies.admin!).send({ role: "perangkat" }).expect(400);
    expect(bad.body.error.message).toContain("userId:");
    await request(app).patch(`/api/users/${user.id}`).set("Cookie", cookies.viewer!).send({ role: "admin" }).expect(403);
    await request(app).patch(`/api/users/99999`).set("Cookie", cookies.admin!).send({ role: "viewer" }).expect(404);

    const up = await request(app).patch(`/api/users/${user.id}`).set("Cookie", cookies.admin!).send({ role: "perangkat", villageIds: [villageA, villageB] }).expect(200);
    expect(up.body.data.role).toBe("perangkat");
    expect(up.body.data.villages.map((v: { id: number }) => v.id)).toEqual([villageA, villageB]);
    // The running session sees the new role and villages at once.
    const me = await request(app).get("/api/auth/me").set("Cookie", staffCookie).expect(200);
    expect(me.body.data.user.role).toBe("perangkat");

    await request(app).patch(`/api/users/${user.id}`).set("Cookie", cookies.admin!).send({ disabled: true }).expect(200);
    await request(app).get("/api/auth/me").set("Cookie", staffCookie).expect(401);
    expect(await env.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);

    await request(app).patch(`/api/users/${user.id}`).set("Cookie", cookies.admin!).send({ disabled: false }).expect(200);
    const pw = await request(app).post(`/api/users/${user.id}/password`).set("Cookie", cookies.admin!).send({ password: "pendek" }).expect(400);
    expect(pw.body.error.message).toContain("password:");
    await request(app).post(`/api/users/${user.id}/password`).set("Cookie", cookies.admin!).send({ password: "sandi-baru-123" }).expect(200);
    await request(app).post("/api/auth/login").send({ username: "warga-staf", password: "sandi-staf-1" }).expect(401);
    await loginCookie(app, "warga-staf", "sandi-baru-123");
  });

  it("keeps at least one active admin", async () => {
    const admin = await env.db.prisma.user.findUniqueOrThrow({ where: { username: "u-admin" } });
    const res = await request(app).patch(`/api/users/${admin.id}`).set("Cookie", cookies.admin!).send({ role: "viewer", villageIds: [villageA] }).expect(409);
    expect(res.body.error.message).toContain("admin aktif");
    await request(app).patch(`/api/users/${admin.id}`).set("Cookie", cookies.admin!).send({ disabled: true }).expect(409);
  });
});

describe("/api/audit", () => {
  it("is admin-only and lists user changes newest first with a cursor", async () => {
    await request(app).get("/api/audit").expect(401);
    await request(app).get("/api/audit").set("Cookie", cookies.pimpinan!).expect(403);
    const bad = await request(app).get("/api/audit?cursor=abc").set("Cookie", cookies.admin!).expect(400);
    expect(bad.body.error.message).toContain("cursor:");

    const all = await request(app).get("/api/audit?limit=200").set("Cookie", cookies.admin!).expect(200);
    const entries = all.body.data as Array<{ id: number; action: string; username: string; target: string; details: { op: string } }>;
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries.every((e) => e.action === "user.change" && e.username === "u-admin")).toBe(true);
    expect(entries.map((e) => e.details.op)).toEqual(expect.arrayContaining(["create", "update", "password"]));
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(app).get("/api/audit").query({ limit: 2, ...(cursor ? { cursor } : {}) }).set("Cookie", cookies.admin!).expect(200);
      seen.push(...page.body.data.map((e: { id: number }) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(entries.map((e) => e.id));
  });
});

describe("village registry", () => {
  it("searches the Kemendagri registry for logged-in users", async () => {
    await request(app).get("/api/registry/villages?q=mulyasari").expect(401);
    const bad = await request(app).get("/api/registry/villages?q=m&province=Jabar").set("Cookie", cookies.viewer!).expect(400);
    expect(bad.body.error.message).toMatch(/q:.*province:/);
    const res = await request(app).get("/api/registry/villages?q=mulyasari&province=32&limit=50").set("Cookie", cookies.viewer!).expect(200);
    expect(res.body.data).toContainEqual({
      code: "32.15.04.2006", name: "Mulyasari", kind: "desa", kecamatan: "Ciampel", kabupaten: "Karawang", province: "Jawa Barat", villageId: null,
    });
  });

  it("lets only admins add a village by code, once", async () => {
    await request(app).post("/api/villages").send({ code: "32.15.04.2006" }).expect(401);
    const bad = await request(app).post("/api/villages").set("Cookie", cookies.admin!).send({ code: "3215042006" }).expect(400);
    expect(bad.body.error.message).toContain("code:");
    await request(app).post("/api/villages").set("Cookie", cookies.pimpinan!).send({ code: "32.15.04.2006" }).expect(403);
    await request(app).post("/api/villages").set("Cookie", cookies.admin!).send({ code: "32.15.04.9999" }).expect(404);
    const res = await request(app).post("/api/villages").set("Cookie", cookies.admin!).send({ code: "32.15.04.2006" }).expect(201);
    expect(res.body.data).toMatchObject({ code: "32.15.04.2006", name: "Mulyasari", kecamatan: "Ciampel", kabupaten: "Karawang", province: "Jawa Barat", timeZone: "Asia/Jakarta" });
    await request(app).post("/api/villages").set("Cookie", cookies.admin!).send({ code: "32.15.04.2006" }).expect(409);
    const search = await request(app).get("/api/registry/villages?q=32.15.04.2006").set("Cookie", cookies.viewer!).expect(200);
    expect(search.body.data[0].villageId).toBe(res.body.data.id);
    const audit = await request(app).get("/api/audit?action=village.add").set("Cookie", cookies.admin!).expect(200);
    expect(audit.body.data).toEqual([expect.objectContaining({ target: "village:32.15.04.2006", villageId: res.body.data.id })]);
  });
});
