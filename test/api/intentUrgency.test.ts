// Intent and urgency as the explorer, the weekly review and the correction form use them: stored per
// comment, filterable, counted in the rollups, and corrected by an official (who wins everywhere).
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";
import { readModelCard } from "@suara-desa/core/nlp/modelCard";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let villageId: number;
let otherVillageId: number;
let api: ReturnType<typeof as>;

const at = (day: number, hour = 3) => new Date(Date.UTC(2026, 10, day, hour));
// Week 2026-W47 (16–22 Nov, Jakarta).
const TEXTS = {
  question: "iuran pamsimas sebulan berapa ya sekarang min?",
  complaint: "lampu jalan di gang mawar mati sudah seminggu, gelap banget kalau malam",
  proposal: "usul pak, gimana kalau diadakan posyandu lansia tiap bulan di balai dusun",
  thanks: "terima kasih pak kades, jalannya sudah diaspal, mantap",
  urgent: "TOLONG banjir di krajan makin tinggi, air udah masuk rumah, ada nenek belum bisa keluar!!",
  spam: "slot gacor maxwin hari ini, link di bio, deposit 10rb, WD pasti dibayar",
};

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  villageId = (await createVillage(env.db, { name: "Desa Sukamaju" })).id;
  otherVillageId = (await createVillage(env.db, { name: "Desa Lain" })).id;
  api = as(app, await loginAs(app, env.db, "perangkat", [villageId]));
  const comments = Object.entries(TEXTS).map(([key, text], i) => incomingComment({ externalId: `c-${key}`, text, publishedAt: at(17 + (i % 4)) }));
  const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments });
  await finishImport(env.db, villageId, r.days);
  // The same texts in another village must never count here.
  const o = await storeBatch(env.db, { villageId: otherVillageId, sourceId: null, posts: [], comments });
  await finishImport(env.db, otherVillageId, o.days);
});
afterAll(() => env.cleanup());

const list = async (query: string): Promise<Array<{ id: number; text: string; intent: { label: string } | null; urgent: { value: boolean; terms: string[] }; needsReply: boolean }>> =>
  (await api.get(`/api/villages/${villageId}/comments?${query}`).expect(200)).body.data;

describe("intent and urgency in the explorer", () => {
  it("labels each comment with what the resident wants", async () => {
    const all = await list("spam=include&limit=50");
    const byText = new Map(all.map((c) => [c.text, c]));
    expect(byText.get(TEXTS.question)?.intent?.label).toBe("pertanyaan");
    expect(byText.get(TEXTS.complaint)?.intent?.label).toBe("keluhan");
    expect(byText.get(TEXTS.proposal)?.intent?.label).toBe("usulan");
    expect(byText.get(TEXTS.thanks)?.intent?.label).toBe("apresiasi");
    expect(byText.get(TEXTS.thanks)?.needsReply).toBe(false);
    expect(byText.get(TEXTS.question)?.needsReply).toBe(true);
  });

  it("flags the comment where someone is in danger now, with its words, and never hides it as spam", async () => {
    const urgent = await list("urgent=1");
    expect(urgent.map((c) => c.text)).toEqual([TEXTS.urgent]);
    expect(urgent[0].urgent.terms).toContain("banjir");
    const spamOnly = await list("spam=only");
    expect(spamOnly.map((c) => c.text)).toEqual([TEXTS.spam]);
    expect(spamOnly[0].urgent.value).toBe(false);
  });

  it("filters by intent and by needs-reply (spam is never a request)", async () => {
    expect((await list("intent=pertanyaan")).map((c) => c.text)).toEqual([TEXTS.question]);
    const needs = (await list("needsReply=1&spam=include")).map((c) => c.text).sort();
    expect(needs).toEqual([TEXTS.complaint, TEXTS.proposal, TEXTS.question, TEXTS.urgent].sort());
  });

  it("names the field of a bad filter", async () => {
    const res = await api.get(`/api/villages/${villageId}/comments?intent=marah`).expect(400);
    expect(res.body.error.message).toMatch(/intent/);
  });
});

describe("intent and urgency in the weekly overview", () => {
  it("counts needs-reply and urgent comments of the week from the rollups, spam apart", async () => {
    const o = (await api.get(`/api/villages/${villageId}/overview?week=2026-W47`).expect(200)).body.data;
    expect(o.totals.spam).toBe(1);
    expect(o.totals.intents).toMatchObject({ pertanyaan: 1, usulan: 1, apresiasi: 1, needsReply: 4, urgent: 1 });
    expect(o.totals.intents.keluhan).toBe(2);
  });

  it("follows an official's correction of intent and urgency, and clears it again", async () => {
    const [q] = await list("intent=pertanyaan");
    const detail = (await api.patch(`/api/comments/${q.id}/labels`).send({ intent: "keluhan", urgent: true }).expect(200)).body.data;
    expect(detail.comment.intent).toMatchObject({ label: "keluhan", origin: "human" });
    expect(detail.comment.urgent).toMatchObject({ value: true, origin: "human" });
    expect(detail.corrections.intentBy).toBeTruthy();
    let o = (await api.get(`/api/villages/${villageId}/overview?week=2026-W47`).expect(200)).body.data;
    expect(o.totals.intents).toMatchObject({ pertanyaan: 0, keluhan: 3, needsReply: 4, urgent: 2 });
    expect((await list("urgent=1")).length).toBe(2);
    await api.patch(`/api/comments/${q.id}/labels`).send({ intent: null, urgent: null }).expect(200);
    o = (await api.get(`/api/villages/${villageId}/overview?week=2026-W47`).expect(200)).body.data;
    expect(o.totals.intents).toMatchObject({ pertanyaan: 1, keluhan: 2, urgent: 1 });
  });

  it("rejects an unknown intent in a correction, naming the field", async () => {
    const [q] = await list("intent=usulan");
    const res = await api.patch(`/api/comments/${q.id}/labels`).send({ intent: "marah" }).expect(400);
    expect(res.body.error.message).toMatch(/intent/);
  });
});

describe("villages stay apart", () => {
  it("never counts another village's comments", async () => {
    const other = (await request(app).get(`/api/villages/${otherVillageId}/overview?week=2026-W47`).set("Cookie", await loginAs(app, env.db, "perangkat", [otherVillageId])).expect(200)).body.data;
    expect(other.totals.intents.needsReply).toBe(4);
    await api.get(`/api/villages/${otherVillageId}/comments?urgent=1`).expect(403);
  });
});

describe("the model line of a comment", () => {
  it("shows the sentiment accuracy measured on test data from the model card, only for the measured version", async () => {
    const card = readModelCard();
    expect(card).not.toBeNull();
    const acc = card!.sentiment.model.map((f) => f.accuracy);
    const listed = (await api.get(`/api/villages/${villageId}/comments?limit=50`).expect(200)).body.data as Array<{ id: number; model: { version: string; accuracy: unknown } }>;
    expect(listed[0].model.accuracy).toEqual({ min: Math.min(...acc), max: Math.max(...acc) });

    const thanks = await env.db.prisma.comment.findFirstOrThrow({ where: { villageId, externalId: "c-thanks" } });
    await env.db.prisma.comment.update({ where: { id: thanks.id }, data: { modelVersion: "0.9.0+topics.1.taxonomy.1" } });
    // Another URL than above: list responses are cached per URL.
    const again = (await api.get(`/api/villages/${villageId}/comments?limit=49`).expect(200)).body.data as typeof listed;
    expect(again.find((c) => c.id === thanks.id)?.model.accuracy).toBeNull();
  });
});
