// File imports with NLP on worker threads store exactly what the in-process path stores: the same
// rows, labels, topics and counts, with the last occurrence of a key winning even when its earlier
// occurrence is still being analysed in another batch; and a run killed mid-way leaves exact rollups.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NlpPool } from "@suara-desa/core/ingest/nlpPool";
import { toStoredAnalysis } from "@suara-desa/core/ingest/storedAnalysis";
import { forgetVillagePipeline, getVillagePipeline } from "@suara-desa/core/ingest/villagePipeline";
import { createPipeline } from "@suara-desa/core/nlp/pipeline";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { createVillage } from "../factories/village";
import { expectRollupsExact, expectSearchIndexExact, rollupSnapshot } from "../helpers/ingestChecks";
import { createTempDatabase } from "../helpers/tempDb";

const ROOT = path.resolve(__dirname, "../..");
let temp: Awaited<ReturnType<typeof createTempDatabase>>;
const pool = new NlpPool(2);

beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => {
  await pool.close();
  await temp?.cleanup();
});

const TEXTS = [
  "Jalan di RT 03 rusak parah, mohon segera diperbaiki",
  "Terima kasih pelayanan KTP di kantor desa sekarang cepat",
  "Air PDAM mati sudah tiga hari, warga beli air galon",
  "Bansos BLT bulan ini belum cair padahal data sudah diperbarui",
  "Sampah di TPS belum diangkut seminggu, baunya sampai rumah",
  "slot gacor maxwin deposit 10rb link di bio",
  "Banjir setinggi lutut di dusun Krajan, anak anak mengungsi",
  "hatur nuhun pak kuwu jalan ka sawah tos dibenerkeun",
];

/**
 * `n` comments over several days; ids repeat across batches of 20 (row i + 30 repeats row i's id
 * with a new text for every fifth row, and with the same text but new likes for every seventh).
 */
function writeJsonl(name: string, n: number): { file: string; keys: number } {
  const lines: string[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < n; i++) {
    const base = i >= 30 && (i % 5 === 0 || i % 7 === 0) ? i - 30 : i;
    const text = base !== i && i % 5 !== 0 ? `${TEXTS[base % TEXTS.length]} (${base})` : `${TEXTS[i % TEXTS.length]} (${i})`;
    keys.add(`${base % 3}-${base}`);
    lines.push(JSON.stringify({
      id: `${name}-${base}`, platform: base % 3 === 0 ? "instagram" : "facebook", author: `warga ${i % 11}`, text,
      published_at: `2026-11-${String(10 + (i % 7)).padStart(2, "0")}T0${i % 10}:00:00Z`, likes: i % 4,
    }));
  }
  const file = path.join(temp.dir, `${name}.jsonl`);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return { file, keys: keys.size };
}

/** A village's comments as stored, without ids and times that differ between villages. */
async function stored(villageId: number) {
  const rows = await temp.db.prisma.comment.findMany({
    where: { villageId }, orderBy: [{ externalId: "asc" }],
    include: { topics: { select: { topic: { select: { key: true } }, score: true, origin: true }, orderBy: { topicId: "asc" } } },
  });
  return rows.map((c) => ({
    externalId: c.externalId, platform: c.platform, text: c.text, normalizedText: c.normalizedText, likeCount: c.likeCount, day: c.day,
    language: c.language, sentimentLabel: c.sentimentLabel, sentimentScore: c.sentimentScore, isSpam: c.isSpam, spamScore: c.spamScore,
    piiSpans: c.piiSpans, intent: c.intent, intentScore: c.intentScore, urgent: c.urgent, urgentTerms: c.urgentTerms,
    modelVersion: c.modelVersion, topics: c.topics.map((t) => [t.topic.key, t.score, t.origin]),
  }));
}

describe("file import with NLP on worker threads", () => {
  it("stores the same rows, labels, topics, rollups and counts as the in-process path", async () => {
    const { file, keys } = writeJsonl("pooled", 200);
    expect(keys).toBeLessThan(190);
    const inProcess = await createVillage(temp.db);
    const threaded = await createVillage(temp.db);
    const a = await importFile(temp.db, file, { villageCode: inProcess.code, batchSize: 20, nlpPool: null });
    const b = await importFile(temp.db, file, { villageCode: threaded.code, batchSize: 20, nlpPool: pool });
    expect({ ...b, file: "" }).toEqual({ ...a, file: "" });
    expect(a.new).toBe(keys);
    const rowsA = await stored(inProcess.id);
    expect(rowsA).toHaveLength(keys);
    expect(await stored(threaded.id)).toEqual(rowsA);
    // The last occurrence wins: row 35 replaced row 5's text (in another batch).
    expect(rowsA.find((r) => r.externalId === "pooled-5")?.text).toBe(`${TEXTS[35 % TEXTS.length]} (35)`);
    const rollups = async (villageId: number) => (await rollupSnapshot(temp.db, villageId)).replace(/"(id|villageId)":\d+,/g, "");
    expect(await rollups(threaded.id)).toBe(await rollups(inProcess.id));
    await expectRollupsExact(temp.db, threaded.id);

    // Again through the threads: nothing new; the file's repeated ids rewrite their rows on the way
    // (first occurrence, then the last), exactly as in this thread, and the last occurrence wins again.
    const again = await importFile(temp.db, file, { villageCode: threaded.code, batchSize: 20, nlpPool: pool });
    const againInProcess = await importFile(temp.db, file, { villageCode: inProcess.code, batchSize: 20, nlpPool: null });
    expect(again.new).toBe(0);
    expect({ ...again, file: "" }).toEqual({ ...againInProcess, file: "" });
    expect(await stored(threaded.id)).toEqual(await stored(inProcess.id));
    await expectRollupsExact(temp.db, threaded.id);
    // Rewritten texts are searchable by their new words only.
    await expectSearchIndexExact(temp.db, threaded.id, "sampah");
  });

  it("an import killed while batches are still being analysed leaves exact rollups for the rows it stored", async () => {
    const village = await createVillage(temp.db);
    const { file, keys } = writeJsonl("killed", 400);
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "test/ingest/helpers/killAfterFirstBatch.ts"),
      "import", temp.db.url, village.code, file, "20", "pool"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += String(d)));
    child.stderr.on("data", (d) => (output += String(d)));
    const r = await new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    expect(r.signal === "SIGKILL" || r.code === 137, output).toBe(true);
    const n = await temp.db.prisma.comment.count({ where: { villageId: village.id } });
    // Some batches were written, the ones still queued for NLP never were.
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(keys);
    await expectRollupsExact(temp.db, village.id);
    await expectSearchIndexExact(temp.db, village.id, "sampah");
  });
});

describe("officials' corrections on worker threads", () => {
  it("a worker applies the village's sentiment corrections exactly as the in-process pipeline does", async () => {
    const village = await createVillage(temp.db, { name: "Koreksi" });
    const { topics, topicIds } = await getVillagePipeline(temp.db, village.id);
    const praise = "Terima kasih pelayanan KTP di kantor desa sekarang cepat";
    const texts = [praise, `${praise}!`, TEXTS[0]];
    const corrections = [{ text: praise, label: "negatif" }];
    const plain = createPipeline({ topics }).analyzeBatch(texts).map((a) => toStoredAnalysis(a, topicIds));
    const corrected = createPipeline({ topics, corrections }).analyzeBatch(texts).map((a) => toStoredAnalysis(a, topicIds));
    expect(plain[0].sentimentLabel).toBe("positif");
    expect(corrected[0].sentimentLabel).toBe("negatif");
    const onWorker = await pool.analyze({ signature: "koreksi|1", topics, corrections, texts });
    expect(onWorker.analyses).toEqual(corrected);
    // The same taxonomy without the corrections is another pipeline on the worker, not the cached one.
    expect((await pool.analyze({ signature: "koreksi|0", topics, corrections: [], texts })).analyses).toEqual(plain);
  });

  it("a worker applies what the village's intent and urgency corrections taught to new, different comments", async () => {
    const village = await createVillage(temp.db, { name: "Koreksi niat" });
    const { topics, topicIds } = await getVillagePipeline(temp.db, village.id);
    // Sarcasm in the village's own idiom, corrected to keluhan; hornet attacks, to urgent.
    const corrections = [
      ...["mantap jalan desa makin mulus kayak permukaan bulan", "keren banget jalannya sekarang ada kolam ikan di tengah", "salut, jalan rt 02 sekarang punya kolam ikan gratis",
        "keren desa kita, tiap lubang jalan jadi kolam ikan", "hebat, depan balai desa ada kolam ikan baru di jalan"].map((text) => ({ text, label: "", intent: "keluhan" })),
      ...["sarang tawon vespa di pohon depan SD, 3 murid disengat, tawonnya masih beterbangan", "ada sarang tawon gede di plafon rumah bu ani, anaknya disengat tadi pagi",
        "tawon vespa nyerang anak2 yang main di lapangan, minta damkar ambil sarangnya", "kawanan tawon dari sarang di rumpun bambu nyengat warga yang lewat gang 2"].map((text) => ({ text, label: "", urgent: true })),
    ];
    const texts = ["mantap, perempatan pasar sekarang ada kolam ikannya", "tawon gede nyerang orang di kebun rt 03 dari tadi", TEXTS[1]];
    const plain = createPipeline({ topics }).analyzeBatch(texts).map((a) => toStoredAnalysis(a, topicIds));
    const corrected = createPipeline({ topics, corrections }).analyzeBatch(texts).map((a) => toStoredAnalysis(a, topicIds));
    expect([plain[0].intent, plain[1].urgent]).toEqual(["apresiasi", false]);
    expect([corrected[0].intent, corrected[1].urgent]).toEqual(["keluhan", true]);
    expect((await pool.analyze({ signature: "niat|1", topics, corrections, texts })).analyses).toEqual(corrected);
    expect((await pool.analyze({ signature: "niat|0", topics, corrections: [], texts })).analyses).toEqual(plain);
  });

  it("gives each village its own corrected pipeline, even when two villages' corrections carry the same stamp", async () => {
    const praise = "Terima kasih pelayanan KTP di kantor desa sekarang cepat";
    const complaint = "Air PDAM mati sudah tiga hari, warga beli air galon";
    const at = new Date("2026-11-20T03:00:00.000Z");
    // Village A corrected the praise to negatif; village B corrected a complaint to negatif — one correction each,
    // at the same millisecond: equal counts and latest times, so equal correction stamps.
    const correct = async (name: string, text: string) => {
      const v = await createVillage(temp.db, { name });
      const file = path.join(temp.dir, `stamp-${v.id}.jsonl`);
      fs.writeFileSync(file, JSON.stringify({ id: `seed-${v.id}`, platform: "facebook", author: "warga", text, published_at: "2026-11-19T01:00:00Z" }) + "\n");
      await importFile(temp.db, file, { villageCode: v.code, nlpPool: null });
      await temp.db.prisma.comment.updateMany({ where: { villageId: v.id }, data: { humanSentiment: "negatif", humanSentimentBy: "uji", humanSentimentAt: at } });
      forgetVillagePipeline(v.id); // as a correction from the dashboard does
      return v;
    };
    const a = await correct("Stempel A", praise);
    const b = await correct("Stempel B", complaint);
    const single = new NlpPool(1);
    try {
      for (const v of [a, b]) {
        const file = path.join(temp.dir, `stamp-new-${v.id}.jsonl`);
        fs.writeFileSync(file, JSON.stringify({ id: `new-${v.id}`, platform: "facebook", author: "warga lain", text: praise, published_at: "2026-11-21T01:00:00Z" }) + "\n");
        await importFile(temp.db, file, { villageCode: v.code, nlpPool: single });
      }
    } finally {
      await single.close();
    }
    const label = async (villageId: number) => (await temp.db.prisma.comment.findFirstOrThrow({ where: { villageId, externalId: `new-${villageId}` } })).sentimentLabel;
    // A's correction teaches A only: the same praise is negatif in A and positif in B.
    expect(await label(a.id)).toBe("negatif");
    expect(await label(b.id)).toBe("positif");
  });
});
