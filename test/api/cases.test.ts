// Tindak lanjut as village officials use it: requests open cases by themselves (near-duplicates as one
// isu), the village's own reply in a thread answers a case, officials change status, assign, forward,
// merge and split, with a history; response figures reach the weekly overview. Villages stay apart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import type { IncomingComment } from "@suara-desa/core/ingest/types";
import { sealSecret } from "@suara-desa/core/services/secretBox";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let villageId: number;
let otherVillageId: number;
let sourceId: number;
let perangkat: ReturnType<typeof as>;
let viewer: ReturnType<typeof as>;
let outsider: ReturnType<typeof as>;

// Week 2026-W47 (16–22 Nov, Jakarta).
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour));
const FLOOD_1 = "jalan ke kampung cibogo berlubang besar, tiap hujan tergenang, motor susah lewat pak";
const FLOOD_2 = "Pak kades, jalan kampung cibogo makin berlubang dan tergenang, motor susah lewat, kapan diperbaiki?";
const QUESTION = "iuran pamsimas sebulan berapa ya sekarang min?";
const THANKS = "terima kasih pak kades, posyandunya sudah buka lagi, mantap";
const SPAM = "slot gacor maxwin hari ini, link di bio, deposit 10rb, WD pasti dibayar";
const FIRE = "TOLONG ada kebakaran rumah di RT 02 dekat masjid, api makin besar, warga butuh bantuan sekarang!!";

async function ingest(vid: number, sid: number | null, comments: IncomingComment[]) {
  const r = await storeBatch(env.db, { villageId: vid, sourceId: sid, posts: [], comments });
  await finishImport(env.db, vid, r.days);
  return r;
}

const residents = () => [
  incomingComment({ externalId: "f1", text: FLOOD_1, publishedAt: at(17, 1) }),
  incomingComment({ externalId: "f2", text: FLOOD_2, publishedAt: at(17, 9) }),
  incomingComment({ externalId: "q1", text: QUESTION, publishedAt: at(18, 2) }),
  incomingComment({ externalId: "t1", text: THANKS, publishedAt: at(18, 3) }),
  incomingComment({ externalId: "s1", text: SPAM, publishedAt: at(18, 4) }),
  incomingComment({ externalId: "u1", text: FIRE, publishedAt: at(19, 12) }),
];

interface CaseBody { id: number; status: string; title: string; urgent: boolean; commentCount: number; overdue: boolean; firstReplyAt: string | null; firstReplyDueAt: string; assignee: { id: number } | null }
const list = async (client: ReturnType<typeof as>, query = "") => (await client.get(`/api/villages/${villageId}/cases?${query}`).expect(200)).body as { data: CaseBody[]; counts: Record<string, number>; total: number };
const caseOf = async (text: string) => (await list(perangkat)).data.find((c) => c.title === text || c.title.includes(text.slice(0, 20)));

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  villageId = (await createVillage(env.db, { name: "Desa Sukamaju" })).id;
  otherVillageId = (await createVillage(env.db, { name: "Desa Lain" })).id;
  sourceId = (await env.db.prisma.source.create({ data: { villageId, platform: "facebook", accountId: "page-sukamaju", name: "Pemdes Sukamaju" } })).id;
  perangkat = as(app, await loginAs(app, env.db, "perangkat", [villageId]));
  viewer = as(app, await loginAs(app, env.db, "viewer", [villageId]));
  outsider = as(app, await loginAs(app, env.db, "pimpinan", [otherVillageId]));
  await ingest(villageId, sourceId, residents());
  // The same ids and texts in another village: its own cases, never linked or counted here.
  await ingest(otherVillageId, null, residents());
});
afterAll(() => env.cleanup());

describe("cases open by themselves", () => {
  it("gives every request one case, groups the same flooded road as one isu, and leaves thanks and spam out", async () => {
    const { data, counts, total } = await list(perangkat);
    expect(total).toBe(3);
    expect(counts.perlu_jawaban).toBe(3);
    const flood = data.find((c) => c.commentCount === 2);
    expect(flood?.title).toBe(FLOOD_1);
    expect(data.map((c) => c.title)).not.toContain(THANKS);
    expect(data.map((c) => c.title)).not.toContain(SPAM);
  });

  it("puts the urgent case first, due within the urgent service level (2 h)", async () => {
    const { data } = await list(perangkat);
    expect(data[0]).toMatchObject({ urgent: true, title: FIRE });
    expect(new Date(data[0].firstReplyDueAt).getTime() - at(19, 12).getTime()).toBe(2 * 3_600_000);
    const question = data.find((c) => c.title === QUESTION)!;
    expect(new Date(question.firstReplyDueAt).getTime() - at(18, 2).getTime()).toBe(48 * 3_600_000);
  });

  it("opens nothing new when the same comments are imported again", async () => {
    await ingest(villageId, sourceId, residents());
    expect((await list(perangkat)).total).toBe(3);
  });

  it("lets the explorer list the comments of cases in a status", async () => {
    const waiting = (await perangkat.get(`/api/villages/${villageId}/comments?caseStatus=perlu_jawaban`).expect(200)).body;
    expect(waiting.total).toBe(4);
    expect(waiting.data.map((c: { text: string }) => c.text)).not.toContain(THANKS);
    const bad = await perangkat.get(`/api/villages/${villageId}/comments?caseStatus=dibuang`).expect(400);
    expect(bad.body.error.message).toMatch(/caseStatus/);
  });

  it("shows the case on the comment's detail", async () => {
    const q = (await perangkat.get(`/api/villages/${villageId}/comments?intent=pertanyaan`).expect(200)).body.data[0];
    const detail = (await perangkat.get(`/api/comments/${q.id}`).expect(200)).body.data;
    expect(detail.followUp).toMatchObject({ status: "perlu_jawaban", overdue: true });
  });
});

describe("the village's own reply answers a case", () => {
  it("marks the case dijawab at the reply's time when the village account replies in the thread on the platform", async () => {
    await ingest(villageId, sourceId, [incomingComment({
      externalId: "r1", authorId: "page-sukamaju", authorName: "Pemdes Sukamaju", parentExternalId: "q1",
      text: "Iuran pamsimas Rp15.000 per bulan, dibayar ke bendahara KPSPAM ya", publishedAt: at(18, 8),
    })]);
    const c = (await caseOf(QUESTION))!;
    expect(c).toMatchObject({ status: "dijawab", firstReplyAt: at(18, 8).toISOString() });
    const detail = (await perangkat.get(`/api/cases/${c.id}`).expect(200)).body.data;
    expect(detail.comments[0].thread).toEqual([expect.objectContaining({ fromVillage: true, author: "Pemdes Sukamaju" })]);
    expect(detail.events.map((e: { kind: string; actor: string }) => `${e.kind}:${e.actor}`)).toEqual(["opened:sistem", "answered:sistem"]);
  });

  it("reports the week's response figures in the overview", async () => {
    const o = (await perangkat.get(`/api/villages/${villageId}/overview?week=2026-W47`).expect(200)).body.data;
    // Overdue: the two without a reply, and the answered one past its 14-day resolution target.
    expect(o.totals).toMatchObject({ needsReply: 3, answered: 1, overdue: 3, medianFirstReplyHours: 6 });
  });
});

describe("officials follow up", () => {
  it("forwards a case with where to, and names the missing field otherwise", async () => {
    const c = (await caseOf(FLOOD_1))!;
    const bad = await perangkat.patch(`/api/cases/${c.id}`).send({ status: "diteruskan" }).expect(400);
    expect(bad.body.error.message).toMatch(/forwardedTo/);
    const ok = (await perangkat.patch(`/api/cases/${c.id}`).send({ status: "diteruskan", forwardedTo: "BPBD Kabupaten", forwardRef: "LAPOR-123" }).expect(200)).body.data;
    expect(ok.case).toMatchObject({ status: "diteruskan", forwardedTo: "BPBD Kabupaten", forwardRef: "LAPOR-123", overdue: false });
    expect(ok.events.at(-1)).toMatchObject({ kind: "status", details: { from: "perlu_jawaban", to: "diteruskan" } });
  });

  it("assigns a perangkat of the village (an answered case is then being handled) and refuses anyone else", async () => {
    const me = (await perangkat.get("/api/auth/me").expect(200)).body.data.user;
    const c = (await caseOf(QUESTION))!;
    const outsiderMe = (await outsider.get("/api/auth/me").expect(200)).body.data.user;
    const bad = await perangkat.patch(`/api/cases/${c.id}`).send({ assigneeId: outsiderMe.id }).expect(400);
    expect(bad.body.error.message).toMatch(/assigneeId/);
    const ok = (await perangkat.patch(`/api/cases/${c.id}`).send({ assigneeId: me.id, note: "cek ke bendahara" }).expect(200)).body.data;
    expect(ok.case).toMatchObject({ status: "ditindaklanjuti", assignee: { id: me.id } });
    expect(ok.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(["assign", "note"]));
  });

  it("lets a viewer read but not change, and answers 404 to another village", async () => {
    const c = (await caseOf(FIRE))!;
    await viewer.get(`/api/cases/${c.id}`).expect(200);
    await viewer.patch(`/api/cases/${c.id}`).send({ status: "selesai" }).expect(403);
    await outsider.get(`/api/cases/${c.id}`).expect(404);
    await outsider.patch(`/api/cases/${c.id}`).send({ status: "selesai" }).expect(404);
    await outsider.get(`/api/villages/${villageId}/cases`).expect(403);
  });

  it("filters by status, urgent and overdue, with counts per status", async () => {
    expect((await list(perangkat, "urgent=1")).data.map((c) => c.title)).toEqual([FIRE]);
    // Unanswered past 2 h, and answered but not resolved within 14 days.
    expect((await list(perangkat, "overdue=1")).data.map((c) => c.title)).toEqual([FIRE, QUESTION]);
    const r = await list(perangkat, "status=diteruskan");
    expect(r.total).toBe(1);
    expect(r.counts).toMatchObject({ diteruskan: 1, ditindaklanjuti: 1, perlu_jawaban: 1 });
    expect((await list(perangkat, "status=open")).total).toBe(2);
  });

  it("merges two cases into the oldest and splits a comment out again", async () => {
    const fire = (await caseOf(FIRE))!;
    const question = (await caseOf(QUESTION))!;
    const merged = (await perangkat.post(`/api/villages/${villageId}/cases/merge`).send({ caseIds: [fire.id, question.id] }).expect(200)).body.data;
    expect(merged.case).toMatchObject({ id: question.id, commentCount: 2, urgent: true });
    const fireComment = merged.comments.find((x: { comment: { text: string } }) => x.comment.text === FIRE).comment;
    const split = (await perangkat.post(`/api/cases/${question.id}/split`).send({ commentIds: [fireComment.id] }).expect(201)).body.data;
    expect(split.case).toMatchObject({ commentCount: 1, urgent: true, status: "perlu_jawaban" });
    const bad = await perangkat.post(`/api/cases/${question.id}/split`).send({ commentIds: [fireComment.id] }).expect(400);
    expect(bad.body.error.message).toMatch(/commentIds/);
  });

  it("changes several cases at once and writes each change to the audit log", async () => {
    const { data } = await list(perangkat, "status=perlu_jawaban");
    const res = (await perangkat.post(`/api/villages/${villageId}/cases/bulk`).send({ caseIds: data.map((c) => c.id), status: "dijawab" }).expect(200)).body.data;
    expect(res.updated).toBe(data.length);
    const admin = as(app, await loginAs(app, env.db, "admin", []));
    const audit = (await admin.get("/api/audit").expect(200)).body.data;
    expect(audit.filter((e: { action: string }) => e.action === "case.change").length).toBeGreaterThanOrEqual(4);
  });
});

describe("villages stay apart", () => {
  it("keeps the other village's cases its own", async () => {
    const other = (await outsider.get(`/api/villages/${otherVillageId}/cases`).expect(200)).body;
    expect(other.total).toBe(3);
    expect(other.counts.perlu_jawaban).toBe(3);
    const bulk = await outsider.post(`/api/villages/${otherVillageId}/cases/bulk`).send({ caseIds: [(await list(perangkat)).data[0].id], status: "selesai" });
    expect([403, 404]).toContain(bulk.status);
  });
});

describe("an official's correction follows through to the case", () => {
  const WATER = "surat pengantar SKCK di kantor desa bisa diurus hari sabtu ga ya min?";
  const LIGHTS = "lampu jalan di gang mawar RT 06 mati semua, gelap kalau malam";
  const LIGHTS_2 = "gang mawar RT 06 lampu jalannya mati semua pak, gelap banget malam";
  const detailOf = async (id: number) => (await perangkat.get(`/api/cases/${id}`).expect(200)).body.data as { case: CaseBody & { reason: string | null }; events: Array<{ actor: string; kind: string; details: Record<string, unknown> }> };
  const commentIdOf = async (externalId: string) => (await env.db.prisma.comment.findFirstOrThrow({ where: { villageId, externalId } })).id;
  const correct = (id: number, body: Record<string, unknown>) => perangkat.patch(`/api/comments/${id}/labels`).send(body).expect(200);

  beforeAll(async () => {
    await ingest(villageId, sourceId, [
      incomingComment({ externalId: "w1", text: WATER, publishedAt: at(20, 2) }),
      incomingComment({ externalId: "l1", text: LIGHTS, publishedAt: at(20, 3) }),
      incomingComment({ externalId: "l2", text: LIGHTS_2, publishedAt: at(20, 5) }),
    ]);
  });

  it("closes a case nobody has acted on when its only request is corrected away, and reopens it when corrected back", async () => {
    const c = (await caseOf(WATER))!;
    expect(c.status).toBe("perlu_jawaban");
    const waiting = (await list(perangkat, "status=perlu_jawaban")).total;
    const id = await commentIdOf("w1");
    await correct(id, { intent: "lainnya" });
    const closed = await detailOf(c.id);
    expect(closed.case).toMatchObject({ status: "tidak_perlu", overdue: false });
    expect(closed.case.reason).toMatch(/dikoreksi petugas/i);
    expect(closed.events.at(-1)).toMatchObject({ kind: "status", details: { from: "perlu_jawaban", to: "tidak_perlu" } });
    expect((await list(perangkat, "status=perlu_jawaban")).total).toBe(waiting - 1);
    // Corrected back to a question: the same case waits for an answer again.
    await correct(id, { intent: "pertanyaan" });
    expect((await detailOf(c.id)).case.status).toBe("perlu_jawaban");
    expect((await list(perangkat, "status=perlu_jawaban")).total).toBe(waiting);
  });

  it("keeps a case open while another of its comments still asks, and leaves a case someone answered to the officials", async () => {
    const lights = (await caseOf(LIGHTS))!;
    expect(lights.commentCount).toBe(2);
    await correct(await commentIdOf("l1"), { intent: "apresiasi" });
    expect((await detailOf(lights.id)).case.status).toBe("perlu_jawaban");

    // A note is an official's action: the case stays for the officials.
    await correct(await commentIdOf("l2"), { intent: "apresiasi" });
    const noted = await detailOf(lights.id);
    expect(noted.case.status).toBe("tidak_perlu");
    await correct(await commentIdOf("l2"), { intent: "keluhan" });
    await perangkat.patch(`/api/cases/${lights.id}`).send({ note: "sudah dicek ke lapangan" }).expect(200);
    await correct(await commentIdOf("l2"), { intent: "apresiasi" });
    expect((await detailOf(lights.id)).case.status).toBe("perlu_jawaban");

    const water = (await caseOf(WATER))!;
    await perangkat.patch(`/api/cases/${water.id}`).send({ status: "dijawab" }).expect(200);
    await correct(await commentIdOf("w1"), { intent: "apresiasi" });
    expect((await detailOf(water.id)).case.status).toBe("dijawab");
  });
});

describe("replying from the dashboard or on the platform", () => {
  // The same request either passes the reply route's source check (and is refused only for its
  // text) or is refused as not repliable: the issue panel's flag must say which, before typing.
  const attempt = (commentId: number) => perangkat.post(`/api/comments/${commentId}/replies`).send({ text: "Hubungi kami di 081234567890 ya" });

  it("says a comment cannot be answered from the dashboard while the village's account is not connected", async () => {
    const c = (await caseOf(FIRE))!;
    const detail = (await perangkat.get(`/api/cases/${c.id}`).expect(200)).body.data;
    expect(detail.comments.map((x: { replyFromDashboard: boolean }) => x.replyFromDashboard)).toEqual([false]);
    const res = await attempt(detail.comments[0].comment.id).expect(404);
    expect(res.body.error.message).toContain("belum terhubung");
  });

  it("says it can once the account is connected, as the reply route then agrees", async () => {
    await env.db.prisma.source.update({ where: { id: sourceId }, data: { tokenEnc: sealSecret("tok-sukamaju") } });
    try {
      const c = (await caseOf(FIRE))!;
      const detail = (await perangkat.get(`/api/cases/${c.id}`).expect(200)).body.data;
      expect(detail.comments.map((x: { replyFromDashboard: boolean }) => x.replyFromDashboard)).toEqual([true]);
      const res = await attempt(detail.comments[0].comment.id).expect(400);
      expect(res.body.error.message).toContain("nomor telepon");
    } finally {
      await env.db.prisma.source.update({ where: { id: sourceId }, data: { tokenEnc: null } });
    }
  });

  it("says no for comments imported without a source (another village's file import)", async () => {
    const other = (await outsider.get(`/api/villages/${otherVillageId}/cases`).expect(200)).body.data[0];
    const detail = (await outsider.get(`/api/cases/${other.id}`).expect(200)).body.data;
    expect(detail.comments.length).toBeGreaterThan(0);
    for (const x of detail.comments) expect(x.replyFromDashboard).toBe(false);
  });
});
