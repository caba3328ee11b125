// Learning from the officials: a village's sentiment, intent and urgency corrections also teach its pipeline. New
// comments that repeat a corrected one get the official's label at once; stored ones on request (retag
// --all); another village never learns from them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { retagVillage } from "@suara-desa/jobs/retag";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let villageId: number;
let otherVillageId: number;
let api: ReturnType<typeof as>;

const TEXT = "info lowongan kerja di pabrik sepatu cikarang, kirim lamaran ke kantor desa";
const REPEAT = "info lowongan kerja di pabrik sepatu cikarang, kirim lamaran ke kantor desa ya";
const at = new Date(Date.UTC(2026, 10, 18, 3));

type Listed = {
  id: number; text: string; sentiment: { label: string; score: number; origin: string } | null;
  intent: { label: string; score: number; origin: string } | null; urgent: { value: boolean; origin: string };
};
const listOf = async (vid: number): Promise<Listed[]> => (await api.get(`/api/villages/${vid}/comments?spam=include&limit=50`).expect(200)).body.data;
const store = async (vid: number, externalId: string, text: string) => {
  const r = await storeBatch(env.db, { villageId: vid, sourceId: null, posts: [], comments: [incomingComment({ externalId, text, publishedAt: at })] });
  await finishImport(env.db, vid, r.days);
};

beforeAll(async () => {
  env = await createTempDatabase();
  const app = createApp({ db: env.db, clientDir: null, log: () => {} });
  villageId = (await createVillage(env.db, { name: "Desa Sukamaju" })).id;
  otherVillageId = (await createVillage(env.db, { name: "Desa Lain" })).id;
  api = as(app, await loginAs(app, env.db, "admin", [villageId, otherVillageId]));
  await store(villageId, "c-1", TEXT);
  await store(villageId, "c-2", REPEAT);
  await store(otherVillageId, "c-1", TEXT);
});
afterAll(() => env.cleanup());

describe("sentiment adapted to a village's corrections", () => {
  it("labels new repeats of a corrected comment as the official did, in that village only", async () => {
    const [first] = (await listOf(villageId)).filter((c) => c.text === TEXT);
    const model = first.sentiment!.label;
    const corrected = model === "positif" ? "negatif" : "positif";
    await api.patch(`/api/comments/${first.id}/labels`).send({ sentiment: corrected }).expect(200);

    await store(villageId, "c-3", TEXT);
    await store(otherVillageId, "c-3", TEXT);
    const mine = (await listOf(villageId)).find((c) => c.text === TEXT && c.id !== first.id)!;
    expect(mine.sentiment).toMatchObject({ label: corrected, origin: "model", score: 1 });
    const theirs = (await listOf(otherVillageId)).filter((c) => c.text === TEXT);
    expect(theirs).toHaveLength(2);
    for (const c of theirs) expect(c.sentiment!.label).toBe(model);

    // Stored comments keep their label until re-tagging is requested; then near-duplicates follow too.
    const before = (await listOf(villageId)).find((c) => c.text === REPEAT)!;
    expect(before.sentiment!.label).toBe(model);
    await retagVillage(env.db, villageId, { all: true });
    const after = (await listOf(villageId)).find((c) => c.text === REPEAT)!;
    expect(after.sentiment).toMatchObject({ label: corrected, origin: "model" });
    expect(after.sentiment!.score).toBeLessThan(1);
    await retagVillage(env.db, otherVillageId, { all: true });
    for (const c of (await listOf(otherVillageId)).filter((x) => x.text === TEXT)) expect(c.sentiment!.label).toBe(model);
  });
});

describe("intent and urgency adapted to a village's corrections", () => {
  const ASK = "kang, lampu jalan di gang mawar rt 02 udah nyala lagi belum ya? kemarin masih gelap";
  const ASK_AGAIN = "punten kang, lampu jalan di gang mawar rt 02 udah nyala lagi belum ya? kemarin masih gelap";

  it("labels new and, on request, stored near-duplicates as the official did, in that village only", async () => {
    await store(villageId, "i-1", ASK);
    await store(villageId, "i-2", ASK_AGAIN);
    await store(otherVillageId, "i-1", ASK);
    const [first] = (await listOf(villageId)).filter((c) => c.text === ASK);
    const model = first.intent!.label;
    const corrected = model === "pertanyaan" ? "keluhan" : "pertanyaan";
    await api.patch(`/api/comments/${first.id}/labels`).send({ intent: corrected, urgent: !first.urgent.value }).expect(200);

    await store(villageId, "i-3", ASK);
    await store(otherVillageId, "i-3", ASK);
    const mine = (await listOf(villageId)).find((c) => c.text === ASK && c.id !== first.id)!;
    expect(mine.intent).toMatchObject({ label: corrected, origin: "model", score: 1 });
    expect(mine.urgent).toMatchObject({ value: !first.urgent.value, origin: "model" });
    for (const c of (await listOf(otherVillageId)).filter((x) => x.text === ASK)) expect(c.intent!.label).toBe(model);

    const before = (await listOf(villageId)).find((c) => c.text === ASK_AGAIN)!;
    expect(before.intent!.label).toBe(model);
    await retagVillage(env.db, villageId, { all: true });
    const after = (await listOf(villageId)).find((c) => c.text === ASK_AGAIN)!;
    expect(after.intent).toMatchObject({ label: corrected, origin: "model" });
    expect(after.intent!.score).toBeLessThan(1);
  });
});

describe("intent learned from a village's corrections reaches new, different comments", () => {
  // The village's sarcasm about potholes ("smooth as the moon", "a fish pond"), which the model reads as praise.
  const SARCASM = [
    "mantap jalan desa makin mulus kayak permukaan bulan", "keren banget jalannya sekarang ada kolam ikan di tengah",
    "wah jalan ke sawah udah kayak permukaan bulan, hebat", "salut, jalan rt 02 sekarang punya kolam ikan gratis",
    "mantul pak, jalan dusun cibodas mirip permukaan bulan", "keren desa kita, tiap lubang jalan jadi kolam ikan",
    "jalan ke sekolah mulus banget kayak permukaan bulan, top", "hebat, depan balai desa ada kolam ikan baru di jalan",
  ];
  const NEW = "mantap, perempatan pasar sekarang ada kolam ikannya";
  const STORED = "keren jalan ke makam makin mirip permukaan bulan";
  const intentOf = async (vid: number, text: string) => (await listOf(vid)).filter((c) => c.text === text).map((c) => c.intent!.label);

  it("in that village only, on stored comments on request, and no longer once the corrections are removed", async () => {
    for (const [i, text] of SARCASM.entries()) await store(villageId, `s-${i}`, text);
    await store(villageId, "s-stored", STORED);
    await store(villageId, "s-new-1", NEW);
    await store(otherVillageId, "s-new-1", NEW);
    expect(await intentOf(villageId, NEW)).toEqual(["apresiasi"]);
    const rows = (await listOf(villageId)).filter((c) => SARCASM.includes(c.text));
    expect(rows).toHaveLength(SARCASM.length);
    for (const c of rows) await api.patch(`/api/comments/${c.id}/labels`).send({ intent: "keluhan" }).expect(200);

    await store(villageId, "s-new-2", NEW);
    await store(otherVillageId, "s-new-2", NEW);
    expect((await intentOf(villageId, NEW)).sort()).toEqual(["apresiasi", "keluhan"]);
    expect(await intentOf(otherVillageId, NEW)).toEqual(["apresiasi", "apresiasi"]);

    // "Terapkan koreksi ke semua komentar": stored comments of the village follow, the other village's do not.
    expect(await intentOf(villageId, STORED)).toEqual(["apresiasi"]);
    await retagVillage(env.db, villageId, { all: true });
    await retagVillage(env.db, otherVillageId, { all: true });
    expect(await intentOf(villageId, STORED)).toEqual(["keluhan"]);
    expect(await intentOf(otherVillageId, NEW)).toEqual(["apresiasi", "apresiasi"]);

    // Corrections removed: new comments are read as before.
    for (const c of rows) await api.patch(`/api/comments/${c.id}/labels`).send({ intent: null }).expect(200);
    await store(villageId, "s-new-3", NEW);
    const latest = (await listOf(villageId)).filter((c) => c.text === NEW).sort((a, b) => b.id - a.id)[0];
    expect(latest.intent!.label).toBe("apresiasi");
  });
});
