import { describe, expect, it } from "vitest";
import { getResources } from "./resources";
import { normalizeText } from "./normalize";
import { createPipeline } from "./pipeline";
import { DEFAULT_TOPICS } from "./taxonomy";
import { predictSentiment } from "./sentimentModel";
import { decideFromShared, decideVillageSentiment, generalProbabilities, parseVillageSentimentModels, villageFeatures } from "./villageSentiment";
import { featurize, featurizeIntent } from "./intent";
import { normalizeWords } from "./normalize";

const res = getResources();
const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
const label = (t: string) => pipeline.analyze(t).sentiment.label;
const decide = (t: string) => {
  const f = normalizeText(t, res.normalize);
  return decideVillageSentiment(res.villageSentiment!, f, generalProbabilities(res.sentiment!, f.normalized));
};

describe("village-speech sentiment", () => {
  it("reads questions to the office as neutral, not as complaints", () => {
    expect(label("min, posyandu bulan ini jadwalnya tanggal berapa ya?")).toBe("netral");
    expect(label("kapan pembagian bansos tahap 2?")).toBe("netral");
    expect(label("When is the next posyandu schedule?")).toBe("netral");
  });

  it("reads problems stated as facts as negative", () => {
    expect(label("air PDAM di RT 03 belum mengalir dari kemarin")).toBe("negatif");
    expect(label("lampu jalan di gang mawar mati sudah seminggu")).toBe("negatif");
    expect(label("The street lights near the mosque have been broken for two weeks")).toBe("negatif");
  });

  it("reads thanks as positive and praise around a complaint as negative", () => {
    expect(label("terima kasih pak kades jalannya sudah diaspal")).toBe("positif");
    expect(label("Thank you for fixing the road so quickly!")).toBe("positif");
    expect(label("wah hebat banget desa kita, jalan rusak setahun dibiarkan aja, mantap")).toBe("negatif");
  });

  it("leaves review-style text to the benchmark model", () => {
    const text = "makanannya enak banget , pelayanan ramah";
    const d = decide(text);
    expect(d.applied).toBe(false);
    expect(d.result).toEqual(predictSentiment(res.sentiment!, normalizeText(text, res.normalize).normalized));
  });

  it("answers with the village model when the gate opens, with a calibrated score", () => {
    const d = decide("min, posyandu bulan ini jadwalnya tanggal berapa ya?");
    expect(d.applied).toBe(true);
    expect(d.gate).toBeGreaterThanOrEqual(res.villageSentiment!.gate.thresholds.gate);
    expect(d.result.score).toBeGreaterThan(0.33);
    expect(d.result.score).toBeLessThanOrEqual(1);
  });

  it("reads the featurize() part of the intent features: the same features as featurising again", () => {
    const texts = [
      "min, posyandu bulan ini jadwalnya tanggal berapa ya?",
      "tolong pak, banjir masuk rumah warga sekarang, ada lansia terjebak",
      "usul min, gimana kalau kerja bakti tiap minggu? hatur nuhun",
      "Thank you for fixing the road so quickly!",
    ];
    const bits = res.villageSentiment!.domain.bits;
    for (const t of texts) {
      const f = normalizeWords(t, res.normalize);
      const general = generalProbabilities(res.sentiment!, f.normalized);
      const intentFeatures = featurizeIntent(f, bits);
      // The intent features carry more (the intent-only cues); the shared part is exactly featurize()'s.
      expect(intentFeatures.idx.length).toBeGreaterThan(intentFeatures.plain);
      expect(intentFeatures.idx.slice(0, intentFeatures.plain)).toEqual(featurize(f, bits).idx);
      expect(villageFeatures(f, general, bits, intentFeatures)).toEqual(villageFeatures(f, general, bits));
      expect(decideVillageSentiment(res.villageSentiment!, f, general, intentFeatures)).toEqual(decideVillageSentiment(res.villageSentiment!, f, general));
      // The pipeline's reading of the same features in place: the same label and score, to the last bit.
      expect(decideFromShared(res.villageSentiment!, intentFeatures, general)).toEqual(decideVillageSentiment(res.villageSentiment!, f, general).result);
    }
  });

  it("rejects a model file of the wrong shape, naming the field", () => {
    expect(() => parseVillageSentimentModels(JSON.stringify({ domain: { rows: [], labels: [] } }))).toThrow(/"gate"/);
  });
});
