import { describe, expect, it } from "vitest";
import { fastLogits, fastLogitsWords, featurize, logits, predictProba, predictSentiment, softmax } from "./sentimentModel";
import { normalizeText, normalizeWords } from "./normalize";
import { getResources } from "./resources";

const res = getResources();
const model = res.sentiment!;
const predict = (t: string) => predictSentiment(model, normalizeText(t, res.normalize).normalized);

describe("trained sentiment model", () => {
  it("ships with a header naming its data and calibration", () => {
    expect(model).not.toBeNull();
    expect(model.header.labels).toEqual(["negatif", "netral", "positif"]);
    expect(model.header.temperature).toBeGreaterThan(0);
    expect(model.header.trainedOn).toMatch(/SmSA/);
  });

  it("classifies Indonesian formal and slang comments", () => {
    expect(predict("Pelayanan di kantor desa sangat bagus dan cepat, terima kasih").label).toBe("positif");
    expect(predict("jalannya rusak parah, sudah lama tidak diperbaiki, kecewa sekali").label).toBe("negatif");
    expect(predict("jln rusak bgt gk dibenerin, parah").label).toBe("negatif");
    expect(predict("mantul pak kades, jalan udah mulus").label).toBe("positif");
  });

  it("classifies Sundanese and Javanese comments", () => {
    expect(predict("Kadaharanana ngeunah pisan, pelayananana oge sae").label).toBe("positif");
    expect(predict("Jalanna ruksak pisan, kuciwa ku pamarentah").label).toBe("negatif");
    expect(predict("Panganane enak tenan, pelayanane apik").label).toBe("positif");
    expect(predict("Dalane rusak banget, aku kuciwa").label).toBe("negatif");
  });

  it("uses negation scope", () => {
    const pos = predictProba(model, normalizeText("pelayanannya bagus", res.normalize).normalized);
    const neg = predictProba(model, normalizeText("pelayanannya tidak bagus", res.normalize).normalized);
    expect(neg[2]).toBeLessThan(pos[2]);
  });

  it("returns probabilities that sum to one and a confidence in (1/3, 1]", () => {
    const p = predictProba(model, "jalan rusak");
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 6);
    const r = predict("Info: rapat warga hari Senin");
    expect(r.score).toBeGreaterThan(1 / 3);
    expect(r.score).toBeLessThanOrEqual(1);
  });

  it("featurises deterministically, with negated and bridged features", () => {
    const cfg = model.header.config;
    const a = featurize("tidak bagus", cfg, model.bridge);
    const aw = Array.from(a.word.subarray(0, a.wordLen));
    const b = featurize("tidak bagus", cfg, model.bridge);
    expect(Array.from(b.word.subarray(0, b.wordLen))).toEqual(aw);
    const plain = featurize("bagus", cfg, model.bridge);
    // tidak, bagus, bigram, NEG_bagus
    expect(a.wordLen).toBe(plain.wordLen + 3);
  });

  it("the cached fast path scores exactly like the explicit features", () => {
    for (const t of ["jalan rusak parah tidak diperbaiki", "sae pisan , hatur nuhun <emo_pos>", "apik tenan ! matur nuwun"]) {
      const slow = logits(model, featurize(t, model.header.config, model.bridge));
      const fast = fastLogits(model, t, new Float64Array(3));
      const again = fastLogits(model, t, new Float64Array(3));
      for (let c = 0; c < 3; c++) {
        expect(fast[c]).toBeCloseTo(slow[c], 4);
        expect(again[c]).toBeCloseTo(slow[c], 4);
      }
    }
  });

  it("the word-record path gives exactly the explicit features' logits", () => {
    // Short words (the straddling grams then reach the word after next), punctuation, clause breaks
    // and negators, in random order.
    const vocab = ["a", "di", "ya", "ok", "jalan", "rusak", "tidak", "bagus", "tapi", ",", ".", "!", "?", "sae", "pisan", "ora", "apik", "x", "kk", "banjir", "<emo_pos>", "@user", "nu", "teu", "hatur", "nuhun"];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const texts = ["ayo main s . l . o . t bareng", "ayo main s .", "", "a", "di", "jalan", "a b", "tidak bagus", "jalan rusak parah tidak diperbaiki", "sae pisan , hatur nuhun <emo_pos>"];
    for (let i = 0; i < 1500; i++) texts.push(Array.from({ length: 1 + rand(14) }, () => vocab[rand(vocab.length)]).join(" "));
    // A copy of the model is new to every word record: the first pass also reads records that
    // were never scored (the look-ahead past a short word must prepare them first).
    for (const m of [{ ...model }, model]) {
      for (let pass = 0; pass < 2; pass++) {
        for (const t of texts) {
          const forms = normalizeWords(t, res.normalize);
          const slow = logits(m, featurize(forms.normalized, m.header.config, m.bridge));
          const fast = fastLogitsWords(m, forms.normalizedWords, new Float64Array(3));
          expect(Array.from(fast), t).toEqual(Array.from(slow));
        }
      }
    }
  });

  it("softmax with a higher temperature is less confident", () => {
    const hot = softmax(Float64Array.from([2, 0, -1]), 2);
    const cold = softmax(Float64Array.from([2, 0, -1]), 1);
    expect(hot[0]).toBeLessThan(cold[0]);
  });
});
