// Replying from the dashboard on the platform where the resident wrote, exactly once, against the
// project's imitation of the X API v2 and the Graph API (real request and response shapes): a reply
// is recorded before the platform is called; a fault before the platform applies it is retried and
// posts once; a dropped connection after the platform applied it is settled by reading the thread
// (no second post); double clicks make one reply; personal data is refused; the reply appears in
// the thread as the village's own and answers the case; hiding gambling spam is reversible; roles
// and villages are checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { runSource } from "@suara-desa/jobs/ingest/runSource";
import { createReplyPort } from "@suara-desa/jobs/replies/platformWriter";
import { FIXTURE_NOW, fixtureDataset } from "../fake/datasets";
import { startFakeApiServer, type FakeServer } from "../fake/fakeApiServer";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";
import { createApiSource, createVillage } from "../ingest/helpers/sourceFactory";

const TOKEN = "tok-replies";
let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let fake: FakeServer;
let app: ReturnType<typeof createApp>;
let villageId: number;
let otherVillageId: number;
let perangkat: ReturnType<typeof as>;
let viewer: ReturnType<typeof as>;
let outsider: ReturnType<typeof as>;
const dataset = fixtureDataset();

const posts = (path: RegExp) => fake.requests.filter((r) => r.method === "POST" && path.test(r.path));

beforeAll(async () => {
  temp = await createTempDatabase();
  fake = await startFakeApiServer({ dataset, token: TOKEN, now: () => FIXTURE_NOW });
  const urls = { xApiUrl: fake.xBaseUrl, graphUrl: fake.graphBaseUrl, timeoutMs: 1_000 };
  app = createApp({ db: temp.db, clientDir: null, log: () => {}, replies: createReplyPort(temp.db, urls) });
  villageId = await createVillage(temp.db);
  otherVillageId = await createVillage(temp.db);
  for (const platform of ["x", "facebook", "instagram"] as const) {
    const sourceId = await createApiSource(temp.db, villageId, platform, dataset, TOKEN);
    await runSource(temp.db, sourceId, { ...urls, now: () => new Date(FIXTURE_NOW), retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRateWaitMs: 0 } });
  }
  perangkat = as(app, await loginAs(app, temp.db, "perangkat", [villageId]));
  viewer = as(app, await loginAs(app, temp.db, "viewer", [villageId]));
  outsider = as(app, await loginAs(app, temp.db, "perangkat", [otherVillageId]));
});
afterAll(async () => {
  await fake?.close();
  await temp?.cleanup();
});

/** A resident's stored comment of a platform (not the village's own). */
async function residentComment(platform: string, skip = 0) {
  const rows = await temp.db.prisma.comment.findMany({ where: { villageId, platform, fromVillage: false }, orderBy: { id: "asc" } });
  return rows[skip];
}

describe("replying on the platform", () => {
  it("posts a Facebook reply once, shows it in the thread as the village's own, and answers the case", async () => {
    const c = await residentComment("facebook");
    const before = posts(/\/comments$/).length;
    const text = "Terima kasih laporannya, petugas kami cek besok pagi.";
    const res = await perangkat.post(`/api/comments/${c.id}/replies`).send({ text }).expect(201);
    expect(res.body.data).toMatchObject({ state: "terkirim", text });
    expect(posts(/\/comments$/).length).toBe(before + 1);
    const detail = (await perangkat.get(`/api/comments/${c.id}`).expect(200)).body.data;
    expect(detail.replies.map((r: { text: string; author: string }) => r.text)).toContain(text);
    // A double click (same text again) is the same reply, never a second post.
    const again = await perangkat.post(`/api/comments/${c.id}/replies`).send({ text }).expect(200);
    expect(again.body.data.id).toBe(res.body.data.id);
    expect(posts(/\/comments$/).length).toBe(before + 1);
    if (detail.followUp) expect(detail.followUp.status).not.toBe("perlu_jawaban");
  });

  it("posts an X reply with reply.in_reply_to_tweet_id and an Instagram reply on /replies", async () => {
    const x = await residentComment("x");
    await perangkat.post(`/api/comments/${x.id}/replies`).send({ text: "Sudah kami teruskan ke kadus, terima kasih." }).expect(201);
    const tweet = dataset.x.posts.at(-1)!;
    expect(tweet.referenced_tweets).toEqual([{ type: "replied_to", id: x.externalId }]);
    const ig = await residentComment("instagram");
    const r = await perangkat.post(`/api/comments/${ig.id}/replies`).send({ text: "Jadwal posyandu Selasa jam 8 di balai RW." }).expect(201);
    expect(r.body.data.state).toBe("terkirim");
    expect(posts(/\/replies$/).length).toBe(1);
  });

  it("retries a fault that happened before the platform applied the write, posting exactly once", async () => {
    const c = await residentComment("facebook", 1);
    const text = "Mohon maaf, air PDAM mati karena perbaikan pipa, besok normal.";
    fake.setFaults((_n, path) => (path.endsWith("/comments") ? { kind: "server_error", status: 500 } : null));
    const first = (await perangkat.post(`/api/comments/${c.id}/replies`).send({ text }).expect(201)).body.data;
    fake.setFaults(null);
    expect(first.state).toBe("menunggu");
    expect(first.lastError).toMatch(/Belum pasti terkirim/);
    const applied = () => Object.values(dataset.facebook.comments).flat().filter((x) => x.message === text).length;
    expect(applied()).toBe(0);
    const retried = (await perangkat.post(`/api/replies/${first.id}/retry`).send({}).expect(200)).body.data;
    expect(retried.state).toBe("terkirim");
    expect(applied()).toBe(1);
  });

  it("settles a connection dropped after the platform applied the write by reading the thread: no second post", async () => {
    const c = await residentComment("facebook", 2);
    const text = "Laporan sudah kami terima dan dicatat untuk musdes.";
    fake.setFaults((_n, path) => (path.endsWith("/comments") ? { kind: "drop_after_apply" } : null));
    const first = (await perangkat.post(`/api/comments/${c.id}/replies`).send({ text }).expect(201)).body.data;
    fake.setFaults(null);
    expect(first.state).toBe("menunggu");
    const applied = () => Object.values(dataset.facebook.comments).flat().filter((x) => x.message === text).length;
    expect(applied()).toBe(1);
    const postsBefore = posts(/\/comments$/).length;
    const retried = (await perangkat.post(`/api/replies/${first.id}/retry`).send({}).expect(200)).body.data;
    expect(retried.state).toBe("terkirim");
    expect(posts(/\/comments$/).length).toBe(postsBefore);
    expect(applied()).toBe(1);
  });

  it("refuses personal data in a public reply, naming the field", async () => {
    const c = await residentComment("facebook");
    const res = await perangkat.post(`/api/comments/${c.id}/replies`).send({ text: "Silakan hubungi 0812-3456-7890 ya" }).expect(400);
    expect(res.body.error.message).toMatch(/^text:/);
  });

  it("lets only perangkat and up of the comment's village reply", async () => {
    const c = await residentComment("facebook");
    await viewer.post(`/api/comments/${c.id}/replies`).send({ text: "Oke" }).expect(403);
    await outsider.post(`/api/comments/${c.id}/replies`).send({ text: "Oke" }).expect(404);
  });
});

describe("reply templates", () => {
  it("offers the built-in Indonesian templates until the village saves its own", async () => {
    const list = (await perangkat.get(`/api/villages/${villageId}/reply-templates`).expect(200)).body.data;
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list[0].text).toContain("{nama_desa}");
    await perangkat.put(`/api/villages/${villageId}/reply-templates`).send({ templates: [{ name: "Singkat", text: "Terima kasih, {petugas} dari Desa {nama_desa} segera cek." }] }).expect(200);
    expect((await perangkat.get(`/api/villages/${villageId}/reply-templates`).expect(200)).body.data).toEqual([{ name: "Singkat", text: "Terima kasih, {petugas} dari Desa {nama_desa} segera cek." }]);
    // Another village still has the defaults.
    expect((await outsider.get(`/api/villages/${otherVillageId}/reply-templates`).expect(200)).body.data.length).toBeGreaterThanOrEqual(3);
  });

  it("names a bad placeholder or personal data in a template, and keeps viewers out", async () => {
    const bad = await perangkat.put(`/api/villages/${villageId}/reply-templates`).send({ templates: [{ name: "x", text: "Halo {nama_warga}" }] }).expect(400);
    expect(bad.body.error.message).toMatch(/templates\.0\.text: unknown placeholder \{nama_warga\}/);
    const mobile = await perangkat.put(`/api/villages/${villageId}/reply-templates`).send({ templates: [{ name: "x", text: "hubungi 081234567890" }] }).expect(400);
    expect(mobile.body.error.message).toMatch(/^templates\.0\.text: jangan menulis nomor HP/);
    // The office's own landline may stand in a template (it is not a resident's number).
    await perangkat.put(`/api/villages/${villageId}/reply-templates`).send({ templates: [{ name: "Kantor", text: "Silakan hubungi kantor Desa {nama_desa} di (0267) 861234 pada jam kerja." }] }).expect(200);
    await viewer.put(`/api/villages/${villageId}/reply-templates`).send({ templates: [{ name: "x", text: "Halo" }] }).expect(403);
    await outsider.get(`/api/villages/${villageId}/reply-templates`).expect(403);
  });
});

describe("hiding gambling spam", () => {
  it("hides a Facebook comment on the platform and shows it again", async () => {
    const c = await residentComment("facebook");
    await perangkat.post(`/api/comments/${c.id}/hide`).send({}).expect(200);
    expect(fake.hiddenComments.has(c.externalId)).toBe(true);
    await perangkat.post(`/api/comments/${c.id}/unhide`).send({}).expect(200);
    expect(fake.hiddenComments.has(c.externalId)).toBe(false);
    await viewer.post(`/api/comments/${c.id}/hide`).send({}).expect(403);
  });
});
