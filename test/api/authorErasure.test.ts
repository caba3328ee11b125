// Erasure of a resident's comments from a comment on screen (UU PDP): the office never sees the
// author's pseudonym, so the comment id names the author, and the comment's own village bounds both
// the preview and the deletion — the same person in another village keeps their comments.
import type express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import type { Role } from "@suara-desa/shared/auth";
import { createUser } from "@suara-desa/core/services/authService";
import { createApp } from "@suara-desa/server/app";
import { createVillage, incomingComment } from "../factories/village";
import { expectRollupsExact, rollupSnapshot } from "../helpers/ingestChecks";
import { loginAs, loginCookie } from "../helpers/session";
import { createTempDatabase } from "../helpers/tempDb";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: express.Express;
let villageA: number;
let villageB: number;
let outsider: string;
const cookies: Partial<Record<Role, string>> = {};
/** Comment ids by external id (one external id per village here). */
const ids: Record<string, number> = {};

async function seed(villageId: number, comments: ReturnType<typeof incomingComment>[]) {
  const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments });
  await finishImport(env.db, villageId, r.days);
}

const json = (req: request.Test) => req.set("Content-Type", "application/json");

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000 });
  villageA = (await createVillage(env.db, { name: "Desa Hapus" })).id;
  villageB = (await createVillage(env.db, { name: "Desa Tetangga" })).id;
  for (const role of ["admin", "pimpinan", "perangkat"] as const) {
    await createUser(env.db, { username: `e-${role}`, password: `sandi-${role}-1`, role, villageIds: [villageA] });
    cookies[role] = await loginCookie(app, `e-${role}`, `sandi-${role}-1`);
  }
  outsider = await loginAs(app, env.db, "pimpinan", [villageB]);
  const at = (iso: string) => new Date(iso);
  await seed(villageA, [
    // 17, 18 and 19 Nov in Jakarta (n2 is still the 17th in UTC): three local days.
    incomingComment({ externalId: "n1", authorId: "ibu-nani", authorName: "Nani", text: "Jalan di RT 03 rusak parah, tolong diperbaiki", publishedAt: at("2026-11-17T03:00:00Z") }),
    incomingComment({ externalId: "n2", authorId: "ibu-nani", authorName: "Nani", text: "Air PDAM mati lagi, hubungi saya 081234567890", publishedAt: at("2026-11-17T18:30:00Z") }),
    incomingComment({ externalId: "n3", authorId: "ibu-nani", authorName: "Nani", text: "Terima kasih pak kades, mantap", publishedAt: at("2026-11-19T01:00:00Z") }),
    incomingComment({ externalId: "u1", authorId: "pak-ujang", authorName: "Ujang", text: "Jalan desa sudah bagus sekarang", publishedAt: at("2026-11-18T04:00:00Z") }),
    incomingComment({ externalId: "u2", authorId: "pak-ujang", authorName: "Ujang", text: "Betul bu, airnya mati", publishedAt: at("2026-11-18T06:00:00Z"), parentExternalId: "n2" }),
  ]);
  // The same person (the same pseudonym) in the neighbouring village.
  await seed(villageB, [incomingComment({ externalId: "b1", authorId: "ibu-nani", authorName: "Nani", text: "Halo desa tetangga, jalan kami juga rusak", publishedAt: at("2026-11-18T03:00:00Z") })]);
  for (const c of await env.db.prisma.comment.findMany({ select: { id: true, externalId: true } })) ids[c.externalId] = c.id;
});
afterAll(() => env.cleanup());

const preview = (id: number | string) => `/api/comments/${id}/author-erasure`;
const erase = (id: number | string) => `/api/comments/${id}/author-comments`;

describe("who may preview and erase a comment's author", () => {
  it("walks 401 -> 400 -> 403 -> 404 for the preview", async () => {
    await request(app).get(preview(ids.n2)).expect(401);
    const bad = await request(app).get(preview("abc")).set("Cookie", cookies.admin!).expect(400);
    expect(bad.body.error.message).toContain("commentId:");
    for (const role of ["pimpinan", "perangkat"] as const) {
      const res = await request(app).get(preview(ids.n2)).set("Cookie", cookies[role]!).expect(403);
      expect(res.body.error.message).toBe("Hanya admin yang dapat mengatur privasi dan penghapusan data");
    }
    await request(app).get(preview(999_999)).set("Cookie", cookies.admin!).expect(404);
    // Another village's official does not learn that the comment exists.
    const other = await request(app).get(preview(ids.n2)).set("Cookie", outsider).expect(404);
    expect(JSON.stringify(other.body)).not.toMatch(/Desa Hapus|Nani|PDAM/);
  });

  it("walks 401 -> 400 -> 403 -> 404 for the deletion, and deletes nothing meanwhile", async () => {
    await json(request(app).delete(erase(ids.n2))).expect(401);
    const bad = await json(request(app).delete(erase("0")).set("Cookie", cookies.admin!)).expect(400);
    expect(bad.body.error.message).toContain("commentId:");
    for (const role of ["pimpinan", "perangkat"] as const) await json(request(app).delete(erase(ids.n2)).set("Cookie", cookies[role]!)).expect(403);
    await json(request(app).delete(erase(999_999)).set("Cookie", cookies.admin!)).expect(404);
    await json(request(app).delete(erase(ids.n2)).set("Cookie", outsider)).expect(404);
    // Without the JSON header (or an Origin) a DELETE is a possible CSRF: refused before anything else.
    expect((await request(app).delete(erase(ids.n2)).set("Cookie", cookies.admin!).expect(403)).body.error.code).toBe("csrf");
    expect(await env.db.prisma.comment.count()).toBe(6);
  });
});

describe("erasing a comment's author", () => {
  it("previews counts only: the author's comments and local days in the comment's village", async () => {
    const res = await request(app).get(preview(ids.n2)).set("Cookie", cookies.admin!).expect(200);
    expect(res.body.data).toEqual({ villageId: villageA, platform: "facebook", byNameOnly: false, comments: 3, days: 3, firstAt: "2026-11-17T03:00:00.000Z", lastAt: "2026-11-19T01:00:00.000Z" });
    const pseudonym = (await env.db.prisma.comment.findUniqueOrThrow({ where: { id: ids.n2 } })).authorPseudonym;
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`Nani|ibu-nani|PDAM|${pseudonym}`));
    // From the neighbouring village's comment: that village only.
    const b = await request(app).get(preview(ids.b1)).set("Cookie", cookies.admin!).expect(200);
    expect(b.body.data).toEqual({ villageId: villageB, platform: "facebook", byNameOnly: false, comments: 1, days: 1, firstAt: "2026-11-18T03:00:00.000Z", lastAt: "2026-11-18T03:00:00.000Z" });
    // Another author of the same village.
    expect((await request(app).get(preview(ids.u1)).set("Cookie", cookies.admin!).expect(200)).body.data).toMatchObject({ comments: 2, days: 1 });
  });

  it("deletes exactly that author's comments in that village, keeps the rollups exact and audits it", async () => {
    const pseudonym = (await env.db.prisma.comment.findUniqueOrThrow({ where: { id: ids.n2 } })).authorPseudonym;
    const beforeB = await rollupSnapshot(env.db, villageB);
    const res = await json(request(app).delete(erase(ids.n2)).set("Cookie", cookies.admin!)).expect(200);
    expect(res.body.data.deleted).toBe(3);
    expect([...res.body.data.days].sort()).toEqual(["2026-11-17", "2026-11-18", "2026-11-19"]);

    // Village A: only Ujang's two comments remain; the reply to Nani's comment survives, detached.
    const left = await env.db.prisma.comment.findMany({ where: { villageId: villageA }, orderBy: { externalId: "asc" } });
    expect(left.map((c) => c.externalId)).toEqual(["u1", "u2"]);
    expect(left.find((c) => c.externalId === "u2")!.parentId).toBeNull();
    // Village B: the same person's comment and every statistic untouched.
    expect((await env.db.prisma.comment.findMany({ where: { villageId: villageB } })).map((c) => [c.externalId, c.authorPseudonym])).toEqual([["b1", pseudonym]]);
    expect(await rollupSnapshot(env.db, villageB)).toBe(beforeB);

    // The rollups as left by the deletion equal a recompute from the remaining comments; the days
    // that held only Nani's comments have no row left.
    expect(await expectRollupsExact(env.db, villageA)).toBe(2);
    expect(await env.db.prisma.dailyRollup.count({ where: { villageId: villageA, day: { in: ["2026-11-17", "2026-11-19"] } } })).toBe(0);
    await expectRollupsExact(env.db, villageB);

    const audit = await request(app).get("/api/audit?action=privacy.delete").set("Cookie", cookies.admin!).expect(200);
    expect(audit.body.data[0]).toMatchObject({ username: "e-admin", villageId: villageA, target: `author:${pseudonym}`, details: { deleted: 3, days: 3 } });
    expect(JSON.stringify(audit.body)).not.toMatch(/Nani|0812/);

    // The comment is gone: its author can no longer be previewed or erased through it.
    await request(app).get(preview(ids.n2)).set("Cookie", cookies.admin!).expect(404);
    await json(request(app).delete(erase(ids.n2)).set("Cookie", cookies.admin!)).expect(404);
    expect(await env.db.prisma.comment.count({ where: { villageId: villageB } })).toBe(1);
  });
});

describe("comments that name no resident", () => {
  it("refuses an author that was never recorded (every such comment shares one pseudonym) and the village's own account", async () => {
    const village = (await createVillage(env.db, { name: "Desa Tanpa Nama" })).id;
    await seed(village, [
      incomingComment({ externalId: "a1", authorId: undefined, authorName: undefined, text: "Lampu jalan di RT 02 mati", publishedAt: new Date("2026-11-18T03:00:00Z") }),
      incomingComment({ externalId: "a2", authorId: undefined, authorName: undefined, text: "Posyandu buka jam berapa?", publishedAt: new Date("2026-11-18T04:00:00Z") }),
      incomingComment({ externalId: "v1", authorId: "desa-tanpa-nama", authorName: "Pemdes", text: "Sudah kami teruskan ke petugas", publishedAt: new Date("2026-11-18T05:00:00Z") }),
    ]);
    const byExt = new Map((await env.db.prisma.comment.findMany({ where: { villageId: village } })).map((c) => [c.externalId, c.id]));
    // The two nameless comments share one pseudonym: "this author" would be everyone without a name.
    const a = await request(app).get(preview(byExt.get("a1")!)).set("Cookie", cookies.admin!).expect(409);
    expect(a.body.error.message).toContain("Penulis komentar ini tidak tercatat");
    await json(request(app).delete(erase(byExt.get("a1")!)).set("Cookie", cookies.admin!)).expect(409);
    // The village's own reply is its record of answering, not a resident's data to erase on request.
    await env.db.prisma.comment.update({ where: { id: byExt.get("v1")! }, data: { fromVillage: true } });
    const v = await json(request(app).delete(erase(byExt.get("v1")!)).set("Cookie", cookies.admin!)).expect(409);
    expect(v.body.error.message).toContain("akun desa sendiri");
    expect(await env.db.prisma.comment.count({ where: { villageId: village } })).toBe(3);
  });

  it("warns when the author is known by name only: two residents of one name are one author", async () => {
    const village = (await createVillage(env.db, { name: "Desa Nama Sama" })).id;
    await seed(village, [
      incomingComment({ externalId: "s1", platform: "file", authorId: undefined, authorName: "Budi", text: "Jalan RT 01 berlubang", publishedAt: new Date("2026-11-18T03:00:00Z") }),
      incomingComment({ externalId: "s2", platform: "file", authorId: undefined, authorName: "budi ", text: "Pupuk subsidi belum datang", publishedAt: new Date("2026-11-19T03:00:00Z") }),
    ]);
    const id = (await env.db.prisma.comment.findFirstOrThrow({ where: { villageId: village, externalId: "s1" } })).id;
    const res = await request(app).get(preview(id)).set("Cookie", cookies.admin!).expect(200);
    expect(res.body.data).toMatchObject({ platform: "file", byNameOnly: true, comments: 2 });
  });
});
