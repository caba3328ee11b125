// The weekly review's comment-level parts, the topic page, comment detail and label corrections.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { retagVillage } from "@suara-desa/jobs/retag";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";
import { externalIdsOf } from "../helpers/externalIds";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let villageId: number;
let api: ReturnType<typeof as>;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  villageId = (await createVillage(env.db, { name: "Desa Sukamaju" })).id;
  api = as(app, await loginAs(app, env.db, "pimpinan", [villageId]));
  const comments = [
    // Baseline weeks W43–W46: ordinary chatter, no "jembatan".
    ...Array.from({ length: 12 }, (_, i) =>
      incomingComment({ text: `Terima kasih atas info posyandu minggu ini ${i}`, publishedAt: at(`2026-10-${String(20 + (i % 8)).padStart(2, "0")}T03:00:00Z`) }),
    ),
    ...Array.from({ length: 6 }, (_, i) =>
      incomingComment({ text: `Sampah di TPS belum diangkut, bau sekali ${i}`, publishedAt: at(`2026-11-${String(2 + i).padStart(2, "0")}T03:00:00Z`) }),
    ),
    // W47: a broken bridge, many residents, in Dusun Cikalong and RT 04/RW 02.
    incomingComment({ externalId: "jb1", text: "Jembatan di Dusun Cikalong ambruk, anak sekolah harus memutar jauh", publishedAt: at("2026-11-16T01:00:00Z"), likeCount: 40 }),
    incomingComment({ externalId: "jb2", text: "jembatan cikalong ambruk bgt, bahaya buat warga RT 04/RW 02", publishedAt: at("2026-11-16T11:00:00Z"), likeCount: 5 }),
    incomingComment({ externalId: "jb3", text: "Tolong jembatan yang ambruk segera diperbaiki pak kades, warga kecewa", publishedAt: at("2026-11-17T12:30:00Z"), likeCount: 12 }),
    incomingComment({ externalId: "jb4", text: "Jembatan ambruk di Dusun Cikalong belum ada tindakan, parah", publishedAt: at("2026-11-18T13:00:00Z") }),
    incomingComment({ externalId: "ok1", text: "Terima kasih, pelayanan KTP di kantor desa sekarang cepat", publishedAt: at("2026-11-19T02:00:00Z"), likeCount: 2 }),
  ];
  const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments });
  await finishImport(env.db, villageId, r.days);
});
afterAll(() => env.cleanup());

describe("GET /api/villages/:id/insights", () => {
  it("finds the rising term with example comments, the comments needing attention, and activity by hour", async () => {
    const res = await api.get(`/api/villages/${villageId}/insights?week=2026-W47`).expect(200);
    const d = res.body.data;
    const terms = d.risingTerms.map((t: { term: string }) => t.term);
    expect(terms).toContain("jembatan");
    const jembatan = d.risingTerms.find((t: { term: string }) => t.term === "jembatan");
    expect(jembatan.count).toBe(4);
    expect(jembatan.examples.length).toBeGreaterThanOrEqual(2);
    expect(jembatan.examples.every((e: { text: string }) => /jembatan/i.test(e.text))).toBe(true);
    expect(terms).not.toContain("sukamaju"); // the village's own name never rises

    expect(await externalIdsOf(env.db, d.attention.mostLiked.slice(0, 1))).toEqual(["jb1"]);
    expect(d.attention.mostNegative.every((c: { sentiment: { label: string } }) => c.sentiment.label === "negatif")).toBe(true);
    // One card per isu: no two cards of a list belong to the same follow-up case.
    for (const list of [d.attention.mostNegative, d.attention.mostLiked]) {
      const rows = await env.db.prisma.comment.findMany({ where: { id: { in: list.map((c: { id: number }) => c.id) } }, select: { caseId: true } });
      const caseIds = rows.map((r) => r.caseId).filter((id) => id !== null);
      expect(new Set(caseIds).size).toBe(caseIds.length);
    }
    // 2026-11-16T01:00Z is Monday 08:00 in Jakarta.
    expect(d.activity).toHaveLength(7);
    expect(d.activity[0][8]).toBe(1);
    expect(d.activity.flat().reduce((a: number, b: number) => a + b, 0)).toBe(5);
  });
});

describe("GET /api/villages/:id/topics/:key", () => {
  it("shows a topic's trend, terms and the places residents name", async () => {
    const res = await api.get(`/api/villages/${villageId}/topics/infrastruktur?week=2026-W47`).expect(200);
    const d = res.body.data;
    expect(d).toMatchObject({ key: "infrastruktur", nameId: "Infrastruktur", week: "2026-W47" });
    expect(d.totals.comments).toBeGreaterThanOrEqual(4);
    expect(d.trend).toHaveLength(12);
    expect(d.places.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["Dusun Cikalong", "RT 04/RW 02"]));
    expect(d.places.find((p: { name: string }) => p.name === "Dusun Cikalong").count).toBe(2);
    expect(await externalIdsOf(env.db, d.examples.slice(0, 1))).toEqual(["jb1"]);
    await api.get(`/api/villages/${villageId}/topics/tidak_ada`).expect(404);
  });
});

describe("comment detail and label corrections", () => {
  it("a correction wins over the model in the weekly counts and in the comment", async () => {
    const list = await api.get(`/api/villages/${villageId}/comments?q=KTP`).expect(200);
    const target = list.body.data[0];
    expect(target.sentiment.label).toBe("positif");
    const before = (await api.get(`/api/villages/${villageId}/overview?week=2026-W47`)).body.data;

    const res = await api
      .patch(`/api/comments/${target.id}/labels`)
      .send({ sentiment: "negatif", topics: ["administrasi", "pendidikan"] })
      .expect(200);
    expect(res.body.data.comment.sentiment).toEqual({ label: "negatif", score: 1, origin: "human" });
    expect(res.body.data.comment.topics.map((t: { key: string }) => t.key).sort()).toEqual(["administrasi", "pendidikan"]);

    const after = (await api.get(`/api/villages/${villageId}/overview?week=2026-W47`)).body.data;
    expect(after.totals.negatif).toBe(before.totals.negatif + 1);
    expect(after.totals.positif).toBe(before.totals.positif - 1);
    const count = (o: { topics: Array<{ key: string; count: number }> }, key: string) => o.topics.find((t) => t.key === key)?.count ?? 0;
    expect(count(after, "pendidikan")).toBe(count(before, "pendidikan") + 1);

    const filtered = await api.get(`/api/villages/${villageId}/comments?topic=pendidikan&sentiment=negatif`).expect(200);
    expect(filtered.body.data.map((c: { id: number }) => c.id)).toContain(target.id);

    // Clearing every topic is a correction too: the comment then has none.
    await api.patch(`/api/comments/${target.id}/labels`).send({ topics: [] }).expect(200);
    const detail = await api.get(`/api/comments/${target.id}`).expect(200);
    expect(detail.body.data.comment.topics).toEqual([]);
    expect(detail.body.data.corrections.topicsBy).toBeTruthy();
  });

  it("rejects bad corrections naming the field", async () => {
    const id = (await api.get(`/api/villages/${villageId}/comments`)).body.data[0].id;
    expect((await api.patch(`/api/comments/${id}/labels`).send({ sentiment: "marah" }).expect(400)).body.error.message).toContain("sentiment");
    expect((await api.patch(`/api/comments/${id}/labels`).send({ topics: ["bukan_topik"] }).expect(400)).body.error.message).toContain("topics");
    expect((await api.patch(`/api/comments/${id}/labels`).send({}).expect(400)).body.error.message).toContain("sentiment");
    await api.patch(`/api/comments/999999/labels`).send({ sentiment: "netral" }).expect(404);
  });
});

describe("the village's own replies", () => {
  it("are shown in the thread but kept out of lists and statistics", async () => {
    const source = await env.db.prisma.source.create({
      data: { villageId, platform: "facebook", accountId: "108254917364120", handle: "pemdes.sukamaju", name: "Pemerintah Desa Sukamaju" },
    });
    const resident = incomingComment({ externalId: "res1", text: "Kapan posyandu dibuka lagi?", publishedAt: at("2026-11-20T03:00:00Z") });
    const reply = incomingComment({
      externalId: "rep1", parentExternalId: "res1", authorId: "108254917364120", authorName: "Pemerintah Desa Sukamaju",
      text: "Terima kasih, posyandu buka lagi hari Senin", publishedAt: at("2026-11-20T04:00:00Z"),
    });
    const before = (await api.get(`/api/villages/${villageId}/overview?week=2026-W47`)).body.data.totals;
    const r = await storeBatch(env.db, { villageId, sourceId: source.id, posts: [], comments: [reply, resident] });
    await finishImport(env.db, villageId, r.days);

    const after = (await api.get(`/api/villages/${villageId}/overview?week=2026-W47`)).body.data.totals;
    expect(after.comments).toBe(before.comments + 1);
    const list = (await api.get(`/api/villages/${villageId}/comments?from=2026-11-20&to=2026-11-20`)).body.data;
    expect(await externalIdsOf(env.db, list)).toEqual(["res1"]);
    // The reply arrived before its parent; the run's end links it.
    const detail = (await api.get(`/api/comments/${list[0].id}`)).body.data;
    expect(await externalIdsOf(env.db, detail.replies)).toEqual(["rep1"]);
  });
});

describe("a village's own topic", () => {
  it("is added with keywords and applies to stored comments on retag", async () => {
    const r = await storeBatch(env.db, {
      villageId, sourceId: null, posts: [],
      comments: [incomingComment({ externalId: "pju1", text: "Lampu PJU di gang mawar mati sebulan, gelap sekali", publishedAt: at("2026-11-21T13:00:00Z") })],
    });
    await finishImport(env.db, villageId, r.days);
    const bad = await api.post(`/api/villages/${villageId}/topics`).send({ key: "Lampu Jalan", nameId: "x", nameEn: "x", keywords: [] }).expect(400);
    expect(bad.body.error.message).toMatch(/key:.*keywords:|keywords:.*key:/);

    const res = await api
      .post(`/api/villages/${villageId}/topics`)
      .send({ key: "penerangan_jalan", nameId: "Penerangan Jalan", nameEn: "Street lighting", keywords: ["pju", "lampu jalan", "gelap"] })
      .expect(201);
    expect(res.body.data.map((t: { key: string }) => t.key)).toContain("penerangan_jalan");

    const before = await api.get(`/api/villages/${villageId}/comments?topic=penerangan_jalan`).expect(200);
    expect(before.body.data).toEqual([]);
    const summary = await retagVillage(env.db, villageId);
    expect(summary.retagged).toBeGreaterThan(0);
    const after = await api.get(`/api/villages/${villageId}/comments?topic=penerangan_jalan`).expect(200);
    expect(await externalIdsOf(env.db, after.body.data)).toContain("pju1");
    const week = (await api.get(`/api/villages/${villageId}/overview?week=2026-W47`)).body.data;
    expect(week.topics.find((t: { key: string }) => t.key === "penerangan_jalan")?.count).toBeGreaterThanOrEqual(1);
  });

  it("may be added by an admin or the village's pimpinan, not by a viewer", async () => {
    const viewer = as(app, await loginAs(app, env.db, "viewer", [villageId]));
    await viewer.post(`/api/villages/${villageId}/topics`).send({ key: "olahraga", nameId: "Olahraga", nameEn: "Sports", keywords: ["bola voli"] }).expect(403);
  });
});
