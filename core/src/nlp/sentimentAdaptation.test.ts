import { describe, expect, it } from "vitest";
import type { Sentiment } from "@suara-desa/shared/contracts";
import { getResources } from "./resources";
import { normalizeText } from "./normalize";
import { decideVillageSentiment, generalProbabilities } from "./villageSentiment";
import { adaptedSentiment, buildAdaptation, MAX_CORRECTIONS, nearDuplicate, type SentimentCorrection } from "./sentimentAdaptation";

const res = getResources();
const m = res.villageSentiment!;
const input = (text: string) => {
  const f = normalizeText(text, res.normalize);
  return { surface: f.surface, normalized: f.normalized, general: generalProbabilities(res.sentiment!, f.normalized) };
};
const correction = (text: string, label: Sentiment): SentimentCorrection => ({ ...input(text), label });
const sentimentFor = (corrections: SentimentCorrection[], text: string) => {
  const i = input(text);
  return adaptedSentiment(m, buildAdaptation(m, corrections), i, i.general, decideVillageSentiment(m, i, i.general).result);
};

describe("per-village adaptation from officials' corrections", () => {
  const text = "info lowongan kerja di pabrik sepatu cikarang, kirim lamaran ke kantor desa";

  it("changes nothing without corrections", () => {
    const i = input(text);
    const base = decideVillageSentiment(m, i, i.general).result;
    expect(sentimentFor([], text)).toEqual(base);
  });

  it("gives an exactly repeated comment the official's label", () => {
    const base = sentimentFor([], text).label;
    const other: Sentiment = base === "negatif" ? "positif" : "negatif";
    expect(sentimentFor([correction(text, other)], text)).toEqual({ label: other, score: 1 });
  });

  it("gives a near-duplicate the closest correction's label with its similarity, and not an unrelated comment", () => {
    const a = buildAdaptation(m, [correction(text, "positif")]);
    const near = nearDuplicate(a, input("info lowongan kerja di pabrik sepatu cikarang, kirim lamaran ke kantor desa ya").normalized);
    expect(near?.label).toBe("positif");
    expect(near!.similarity).toBeGreaterThanOrEqual(0.7);
    expect(near!.similarity).toBeLessThan(1);
    expect(nearDuplicate(a, input("jalan di rt 02 rusak parah").normalized)).toBeNull();
  });

  it("moves similar comments towards repeated corrections (online update), in this village only", () => {
    const probe = "kegiatan kerja bakti minggu depan di balai warga";
    const before = sentimentFor([], probe);
    const target: Sentiment = before.label === "positif" ? "negatif" : "positif";
    const corrections = [
      "kerja bakti minggu ini di balai warga", "kerja bakti di balai warga hari minggu", "kegiatan kerja bakti di balai",
      "jadwal kerja bakti balai warga", "kerja bakti minggu depan", "kegiatan minggu depan",
    ].map((t) => correction(t, target));
    // None is a near-duplicate of the probe: only the weight update can move it.
    expect(nearDuplicate(buildAdaptation(m, corrections), input(probe).normalized)).toBeNull();
    const after = sentimentFor(corrections, probe);
    expect(after.label).toBe(target);
    expect(after.score).toBeLessThan(1);
    // Another village (no corrections) still gets the model's own answer.
    expect(sentimentFor([], probe)).toEqual(before);
  });

  it("is deterministic and bounded", () => {
    const cs = Array.from({ length: 30 }, (_, i) => correction(`lampu jalan gang ${i} mati`, "positif"));
    const a = buildAdaptation(m, cs);
    const b = buildAdaptation(m, cs);
    expect(Buffer.from(a.delta.buffer).equals(Buffer.from(b.delta.buffer))).toBe(true);
    expect(a.delta.some((x) => x !== 0)).toBe(true);
    expect(a.count).toBe(30);
    expect(MAX_CORRECTIONS).toBeGreaterThan(0);
  });
});

describe("createPipeline with a village's corrections", () => {
  it("adapts the sentiment stage and ignores labels it does not know", async () => {
    const { createPipeline } = await import("./pipeline");
    const { DEFAULT_TOPICS } = await import("./taxonomy");
    const text = "info lowongan kerja di pabrik sepatu cikarang, kirim lamaran ke kantor desa";
    const plain = createPipeline({ topics: DEFAULT_TOPICS }).analyze(text).sentiment;
    const other: Sentiment = plain.label === "negatif" ? "positif" : "negatif";
    const adapted = createPipeline({ topics: DEFAULT_TOPICS, corrections: [{ text, label: other }, { text: "jalan rusak", label: "marah" }] });
    expect(adapted.analyze(text).sentiment).toEqual({ label: other, score: 1 });
    expect(adapted.model).toEqual(createPipeline({ topics: DEFAULT_TOPICS }).model);
  });

  it("gives the same or a near-duplicate text the official's intent and urgency, and leaves other comments alone", async () => {
    const { createPipeline } = await import("./pipeline");
    const { DEFAULT_TOPICS } = await import("./taxonomy");
    const text = "air sungai cikapundung naik terus dari tadi malam, warga rt 04 mulai mengungsi ke masjid";
    const plainPipeline = createPipeline({ topics: DEFAULT_TOPICS });
    const plain = plainPipeline.analyze(text);
    const intent = plain.intent === "keluhan" ? "pertanyaan" : "keluhan";
    const adapted = createPipeline({ topics: DEFAULT_TOPICS, corrections: [{ text, label: "", intent, urgent: !plain.urgent }, { text: "hadir min", label: "", intent: "bukan-intent" }] });
    const same = adapted.analyze(text);
    expect(same).toMatchObject({ intent, intentScore: 1, urgent: !plain.urgent });
    // The same report re-posted with another greeting.
    const near = adapted.analyze(`punten, ${text}`);
    expect(near.intent).toBe(intent);
    expect(near.urgent).toBe(!plain.urgent);
    expect(near.intentScore).toBeLessThan(1);
    const other = "jadwal posyandu bulan depan tanggal berapa ya bu?";
    expect(adapted.analyze(other)).toEqual(plainPipeline.analyze(other));
    // The sentiment stage is not adapted by intent-only corrections (no sentiment label).
    expect(same.sentiment).toEqual(plain.sentiment);
  });

  it("keeps an official's intent over the spam verdict of a batch flood", async () => {
    const { createPipeline } = await import("./pipeline");
    const { DEFAULT_TOPICS } = await import("./taxonomy");
    const text = "mohon info pendaftaran pelatihan menjahit gratis dari dinas untuk ibu ibu pkk";
    const adapted = createPipeline({ topics: DEFAULT_TOPICS, corrections: [{ text, label: "", intent: "pertanyaan" }] });
    const out = adapted.analyzeBatch([text, text, text]);
    expect(out.every((a) => a.spam.isSpam && a.intent === "pertanyaan")).toBe(true);
  });
});
