// UU PDP operations: erasure of one author's comments (gone everywhere, rollups recomputed) and the
// retention purge (old raw comments gone, aggregates kept), with their role checks.
import type express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import type { Role } from "@suara-desa/shared/auth";
import { createUser } from "@suara-desa/core/services/authService";
import { getVillageSettings, nextRetentionPurge, purgeExpiredComments } from "@suara-desa/core/services/privacyService";
import { localDay, retentionCutoff, retentionStart } from "@suara-desa/shared/time";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { createApp } from "@suara-desa/server/app";
import { loginCookie } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: express.Express;
let villageA: number;
let villageB: number;
const cookies: Partial<Record<Role, string>> = {};

async function seed(villageId: number, comments: ReturnType<typeof incomingComment>[]) {
  const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments });
  await finishImport(env.db, villageId, r.days);
}

const rollups = (villageId: number) =>
  env.db.prisma.dailyRollup.findMany({ where: { villageId }, orderBy: [{ day: "asc" }, { platform: "asc" }, { topic: "asc" }, { sentiment: "asc" }] });
const starTotal = async (villageId: number) =>
  (await env.db.prisma.dailyRollup.aggregate({ where: { villageId, topic: "*" }, _sum: { count: true } }))._sum.count ?? 0;

beforeAll(async () => {
  env = await createTempDatabase();
  // The real application (all routers, session and CSRF middleware), as in production.
  app = createApp({ db: env.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000 });
  villageA = (await createVillage(env.db, { name: "Desa Privasi" })).id;
  villageB = (await createVillage(env.db, { name: "Desa Lain" })).id;
  for (const role of ["admin", "pimpinan", "perangkat"] as const) {
    await createUser(env.db, { username: `p-${role}`, password: `sandi-${role}-1`, role, villageIds: [villageA] });
    cookies[role] = await loginCookie(app, `p-${role}`, `sandi-${role}-1`);
  }
});
afterAll(() => env.cleanup());

describe("erasure of one author's comments", () => {
  let pseudonym: string;
  beforeAll(async () => {
    const at = (iso: string) => new Date(iso);
    await seed(villageA, [
      incomingComment({ externalId: "e1", authorId: "ibu-nani", authorName: "Nani", text: "Jalan di RT 03 rusak parah, tolong diperbaiki", publishedAt: at("2026-11-17T03:00:00Z") }),
      incomingComment({ externalId: "e2", authorId: "ibu-nani", authorName: "Nani", text: "Air PDAM mati lagi, hubungi saya 081234567890", publishedAt: at("2026-11-18T03:00:00Z") }),
      incomingComment({ externalId: "e3", authorId: "ibu-nani", authorName: "Nani", text: "Terima kasih pak kades, mantap", publishedAt: at("2026-11-18T05:00:00Z") }),
      incomingComment({ externalId: "e4", authorId: "pak-ujang", authorName: "Ujang", text: "Jalan desa sudah bagus sekarang", publishedAt: at("2026-11-18T04:00:00Z") }),
      incomingComment({ externalId: "e5", authorId: "pak-ujang", authorName: "Ujang", text: "Posyandu buka hari apa ya", publishedAt: at("2026-11-19T04:00:00Z") }),
      // A reply to one of the author's comments survives, detached.
      incomingComment({ externalId: "e6", authorId: "pak-ujang", authorName: "Ujang", text: "Betul bu, airnya mati", publishedAt: at("2026-11-18T06:00:00Z"), parentExternalId: "e2" }),
    ]);
    // The same person in another village is not touched by an erasure request for village A.
    await seed(villageB, [incomingComment({ externalId: "e7", authorId: "ibu-nani", authorName: "Nani", text: "Halo desa tetangga", publishedAt: at("2026-11-18T03:00:00Z") })]);
    pseudonym = (await env.db.prisma.comment.findFirstOrThrow({ where: { externalId: "e1" } })).authorPseudonym;
  });

  it("walks 401 -> 400 -> 403 before deleting anything", async () => {
    const url = `/api/villages/${villageA}/authors/${pseudonym}/comments`;
    await request(app).delete(url).set("Content-Type", "application/json").expect(401);
    const bad = await request(app).delete(`/api/villages/${villageA}/authors/Nani!/comments`).set("Cookie", cookies.admin!).set("Content-Type", "application/json").expect(400);
    expect(bad.body.error.message).toContain("pseudonym:");
    for (const role of ["pimpinan", "perangkat"] as const) {
      await request(app).delete(url).set("Cookie", cookies[role]!).set("Content-Type", "application/json").expect(403);
    }
    // Without the JSON header (or an Origin) a DELETE is a possible CSRF: refused before anything else.
    expect((await request(app).delete(url).set("Cookie", cookies.admin!).expect(403)).body.error.code).toBe("csrf");
    expect(await env.db.prisma.comment.count({ where: { authorPseudonym: pseudonym } })).toBe(4);
  });

  it("deletes every comment of the author in the village and recomputes the touched days", async () => {
    const beforeA = await starTotal(villageA);
    const beforeB = await rollups(villageB);
    expect(beforeA).toBe(6);
    const res = await request(app).delete(`/api/villages/${villageA}/authors/${pseudonym}/comments`)
      .set("Cookie", cookies.admin!).set("Content-Type", "application/json").expect(200);
    expect(res.body.data).toEqual({ deleted: 3, days: ["2026-11-17", "2026-11-18"] });

    expect(await env.db.prisma.comment.count({ where: { villageId: villageA, authorPseudonym: pseudonym } })).toBe(0);
    expect(await env.db.prisma.comment.count({ where: { villageId: villageA } })).toBe(3);
    expect(await env.db.prisma.commentTopic.count({ where: { comment: { authorPseudonym: pseudonym, villageId: villageA } } })).toBe(0);
    const reply = await env.db.prisma.comment.findFirstOrThrow({ where: { externalId: "e6" } });
    expect(reply.parentId).toBeNull();

    // Rollups now count exactly the remaining comments: no day keeps the author's traces.
    expect(await starTotal(villageA)).toBe(3);
    const byDay = await env.db.prisma.dailyRollup.groupBy({ by: ["day"], where: { villageId: villageA, topic: "*" }, _sum: { count: true } });
    expect(Object.fromEntries(byDay.map((d) => [d.day, d._sum.count]))).toEqual({ "2026-11-18": 2, "2026-11-19": 1 });
    expect(await env.db.prisma.dailyRollup.count({ where: { villageId: villageA, day: "2026-11-17" } })).toBe(0);
    // Village B untouched.
    expect(await rollups(villageB)).toEqual(beforeB);
    expect(await env.db.prisma.comment.count({ where: { villageId: villageB, authorPseudonym: pseudonym } })).toBe(1);

    const audit = await request(app).get("/api/audit?action=privacy.delete").set("Cookie", cookies.admin!).expect(200);
    expect(audit.body.data[0]).toMatchObject({ username: "p-admin", villageId: villageA, target: `author:${pseudonym}`, details: { deleted: 3, days: 2 } });
    // Nothing of the person's text or name in the log.
    expect(JSON.stringify(audit.body)).not.toMatch(/Nani|0812/);
  });
});

describe("retention", () => {
  let village: number;
  beforeAll(async () => {
    village = (await createVillage(env.db, { name: "Desa Retensi" })).id;
    await env.db.prisma.userVillage.create({ data: { userId: (await env.db.prisma.user.findUniqueOrThrow({ where: { username: "p-perangkat" } })).id, villageId: village } });
    await seed(village, [
      incomingComment({ externalId: "r1", text: "Jalan rusak di dusun 1", publishedAt: new Date("2026-03-02T03:00:00Z") }),
      incomingComment({ externalId: "r2", text: "Lampu jalan mati", publishedAt: new Date("2026-04-10T03:00:00Z") }),
      incomingComment({ externalId: "r3", text: "Terima kasih bantuan sembako", publishedAt: new Date("2026-06-01T03:00:00Z") }),
      incomingComment({ externalId: "r4", text: "Posyandu ramai hari ini", publishedAt: new Date("2026-11-20T03:00:00Z") }),
    ]);
  });

  it("sets retention: admin only, months validated", async () => {
    const url = `/api/villages/${village}/settings`;
    await request(app).patch(url).send({ retentionMonths: 6 }).expect(401);
    const bad = await request(app).patch(url).set("Cookie", cookies.admin!).send({ retentionMonths: 0 }).expect(400);
    expect(bad.body.error.message).toContain("retentionMonths:");
    await request(app).patch(url).set("Cookie", cookies.perangkat!).send({ retentionMonths: 6 }).expect(403);
    const ok = await request(app).patch(url).set("Cookie", cookies.admin!).send({ retentionMonths: 6 }).expect(200);
    expect(ok.body.data).toMatchObject({ villageId: village, retentionMonths: 6 });
    await request(app).patch(`/api/villages/99999/settings`).set("Cookie", cookies.admin!).send({ retentionMonths: 6 }).expect(404);
  });

  it("purges raw comments older than the retention and keeps every rollup row", async () => {
    const before = await rollups(village);
    expect(before.length).toBeGreaterThan(0);
    const otherBefore = await env.db.prisma.comment.count({ where: { villageId: { not: village } } });
    const r = await purgeExpiredComments(env.db, new Date("2026-11-28T03:00:00Z"));
    // Cut-off 2026-05-28: r1 (March) and r2 (April) go, r3 (June) and r4 stay.
    expect(r.deleted).toBe(2);
    expect((await env.db.prisma.comment.findMany({ where: { villageId: village }, orderBy: { externalId: "asc" } })).map((c) => c.externalId)).toEqual(["r3", "r4"]);
    expect(await rollups(village)).toEqual(before);
    // Villages without a retention setting keep everything.
    expect(await env.db.prisma.comment.count({ where: { villageId: { not: village } } })).toBe(otherBefore);
    // Idempotent.
    expect((await purgeExpiredComments(env.db, new Date("2026-11-28T03:00:00Z"))).deleted).toBe(0);
  });

  it("shows the admin what a retention keeps and deletes, before and after saving it", async () => {
    // Comments 400, 200 and 10 days old (the route runs on the real clock; no boundary near them).
    const recent = (await createVillage(env.db, { name: "Desa Masa Simpan" })).id;
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    await seed(recent, [400, 200, 10].map((n) => incomingComment({ externalId: `m${n}`, text: `Jalan rusak ${n}`, publishedAt: daysAgo(n) })));
    const url = `/api/villages/${recent}/settings`;
    const tz = "Asia/Jakarta";
    await request(app).get(url).expect(401);
    await request(app).get(url).set("Cookie", cookies.perangkat!).expect(403);
    await request(app).get(`${url}?retentionMonths=0`).set("Cookie", cookies.admin!).expect(400);
    await request(app).get(`/api/villages/99999/settings`).set("Cookie", cookies.admin!).expect(404);

    const stored = await request(app).get(url).set("Cookie", cookies.admin!).expect(200);
    expect(stored.body.data).toEqual({ villageId: recent, retentionMonths: null, keptFrom: null, purgedBefore: null, nextDeletionAt: null, dueForDeletion: 0, oldestCommentDay: localDay(daysAgo(400), tz) });
    // A preview changes nothing stored.
    const six = await request(app).get(`${url}?retentionMonths=6`).set("Cookie", cookies.admin!).expect(200);
    expect(six.body.data).toMatchObject({ retentionMonths: 6, keptFrom: localDay(retentionStart(new Date(), 6, tz), tz), dueForDeletion: 2, nextDeletionAt: nextRetentionPurge(new Date()).toISOString() });
    expect((await request(app).get(`${url}?retentionMonths=12`).set("Cookie", cookies.admin!).expect(200)).body.data.dueForDeletion).toBe(1);
    expect((await env.db.prisma.village.findUniqueOrThrow({ where: { id: recent } })).retentionMonths).toBeNull();

    const saved = await request(app).patch(url).set("Cookie", cookies.admin!).send({ retentionMonths: 6 }).expect(200);
    expect(saved.body.data).toEqual(six.body.data);
    await purgeExpiredComments(env.db, new Date());
    const after = (await request(app).get(url).set("Cookie", cookies.admin!).expect(200)).body.data;
    expect(after).toMatchObject({ dueForDeletion: 0, purgedBefore: six.body.data.keptFrom, oldestCommentDay: localDay(daysAgo(10), tz) });
    // Lengthened after a purge: what was deleted stays out (imports refuse it), so the first day kept does not move back.
    const longer = (await request(app).patch(url).set("Cookie", cookies.admin!).send({ retentionMonths: 24 }).expect(200)).body.data;
    expect(longer).toMatchObject({ retentionMonths: 24, keptFrom: six.body.data.keptFrom, purgedBefore: six.body.data.keptFrom });
    const forever = (await request(app).get(`${url}?retentionMonths=none`).set("Cookie", cookies.admin!).expect(200)).body.data;
    expect(forever).toMatchObject({ retentionMonths: null, keptFrom: six.body.data.keptFrom });
  });

  it("counts what the next nightly deletion removes at its own time, a day further after 02:30 WIB", async () => {
    const v = (await createVillage(env.db, { name: "Desa Batas Hari" })).id;
    // One comment at noon WIB on each day from 2026-05-25 to 2026-06-05.
    await seed(v, Array.from({ length: 12 }, (_, i) => incomingComment({ externalId: `d${i}`, text: `Laporan ${i}`, publishedAt: new Date(Date.UTC(2026, 4, 25 + i, 5)) })));
    await env.db.prisma.village.update({ where: { id: v }, data: { retentionMonths: 6 } });
    const admin = { userId: 1, username: "p-admin", role: "admin" as const, villageIds: [] };
    // Asked at 10:00 WIB on 2026-11-30: the first day kept is 2026-05-30 (25–29 May, five comments, are
    // past it), but the deletion runs at 02:30 WIB on 2026-12-01, six months after 2026-05-31: 25–30 May go.
    const asked = new Date("2026-11-30T03:00:00Z");
    const s = await getVillageSettings(env.db, admin, v, undefined, asked);
    expect(s).toMatchObject({ keptFrom: "2026-05-30", nextDeletionAt: "2026-11-30T19:30:00.000Z", dueForDeletion: 6 });
    // Before 02:30 the deletion is the same night's.
    expect(nextRetentionPurge(new Date("2026-11-30T19:00:00Z")).toISOString()).toBe("2026-11-30T19:30:00.000Z");
    expect(nextRetentionPurge(new Date("2026-11-30T19:30:00Z")).toISOString()).toBe("2026-12-01T19:30:00.000Z");
    await purgeExpiredComments(env.db, new Date(s.nextDeletionAt!));
    expect(await env.db.prisma.comment.count({ where: { villageId: v } })).toBe(12 - s.dueForDeletion);
  });

  it("computes calendar-month cut-offs, clamped to the end of shorter months", () => {
    expect(retentionCutoff(new Date("2026-11-28T03:00:00Z"), 6).toISOString()).toBe("2026-05-28T03:00:00.000Z");
    expect(retentionCutoff(new Date("2026-03-31T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(retentionCutoff(new Date("2026-01-15T00:00:00Z"), 13).toISOString()).toBe("2024-12-15T00:00:00.000Z");
  });
});
