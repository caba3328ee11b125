import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getResources } from "./resources";
import { createPipeline } from "./pipeline";
import { DEFAULT_TOPICS } from "./taxonomy";
import { normalizeText, normalizeWords } from "./normalize";
import { tokenizeText } from "./tokenize";
import { identifyLanguage } from "./language";
import { predictSentiment } from "./sentimentModel";
import { generalProbabilities, villageSentiment } from "./villageSentiment";
import { tagTopics } from "./topics";
import { classifyIntentUrgency, intentAfterSpam } from "./intent";
import { combineSpam, detectSpam } from "./spam";
import { findPii } from "./pii";
import type { Analysis, NlpContext } from "./types";

// The pipeline reads shared word records (words.ts); the string stages remain for training and
// tests. Both paths must give the same analysis, also for odd input (emoji, leetspeak, placeholders,
// non-ASCII, repeated punctuation, slang that maps to several words).
const ODD = [
  "", "!!!", "mantap!!! 👍👍 :) xD", "s|ot g4cor m4xw1n $lot depo 10rb wd jutaan link di bio", "@pemdes_mulyasari #JalanRusakParah https://t.co/x",
  "mksh pak, dll.", "ＡＢＣ ｔｅｋｓ\u200b lebar", "anak2 sekolah kebanjiran sekarang!!! tolong evakuasi", "bagusss bgt pelayanannyaaaa", "x@user @users tes",
  "Caah asup ka imah, budak teu tiasa kaluar!!", "dalane rusak banget, wis suwe ora didandani", "naon ieu ?? kumaha atuh ;; :", "jual pulsa murah hub wa 0812-3456-7890",
  // Offers and calls to act read from the raw text (upper case, inside links, non-ASCII around them).
  "PINJAMAN DANA tanpa jaminan, DM kami", "Info lowongan: https://bit.ly/Daftar-Kerja_2026", "dana desa cair 100% kapan pak?", "Pinjaman cepat cair 💰 hubungi admin",
  "Arisan online MELU yuk", "ayo main s.l.o.t bareng", "mampir ke T O G E L sekarang", "Bisnis online, penghasilan 500rb/hari, gabung sekarang", "kerja bakti minggu depan, gabung ya", "GRATIS ongkir!! order via IG", "beli2 pulsa di warung bu RT",
];

function villageTexts(n: number): string[] {
  const file = new URL("../../../test/fixtures/village-corpus/comments.jsonl", import.meta.url);
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim().length > 0).slice(0, n).map((l) => (JSON.parse(l) as { text: string }).text);
}

/** The analysis composed from the string stages, as the pipeline did before word records. */
function byStrings(text: string, ctx: NlpContext): Analysis {
  const res = getResources();
  const forms = normalizeText(text, res.normalize);
  const tokens = tokenizeText(forms.normalized);
  const { intent, urgency, spamProbability } = classifyIntentUrgency(forms, res.intent);
  const rules = detectSpam({ text, normalized: forms.normalized, tokens, urgent: urgency.urgent }, ctx);
  // An urgent comment is never spam; otherwise the rules or the learned score.
  const spam = urgency.urgent ? rules : combineSpam(rules, { probability: spamProbability, threshold: res.intent.spam.thresholds.spam ?? 1 });
  const said = intentAfterSpam(intent, spam);
  return {
    text, normalized: forms.normalized, tokens,
    language: identifyLanguage(forms.surface, res.language, res.english),
    sentiment: res.villageSentiment
      ? villageSentiment({ ...forms, general: generalProbabilities(res.sentiment!, forms.normalized) }, ctx)
      : predictSentiment(res.sentiment!, forms.normalized),
    topics: tagTopics({ normalized: forms.normalized, tokens }, ctx),
    spam,
    pii: findPii(text),
    intent: said.label, intentScore: said.score, urgent: urgency.urgent, urgentTerms: urgency.urgentTerms,
  };
}

describe("word records", () => {
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  const res = getResources();
  const ctx: NlpContext = { topics: DEFAULT_TOPICS, resources: { nlp: res, intent: res.intent, villageSentiment: res.villageSentiment } };

  it("normalizeWords gives normalizeText's forms and the records of their space-separated words", () => {
    for (const t of [...ODD, ...villageTexts(200)]) {
      const w = normalizeWords(t, getResources().normalize);
      const s = normalizeText(t, getResources().normalize);
      expect({ surface: w.surface, normalized: w.normalized }).toEqual(s);
      expect(w.surfaceWords.map((r) => r.text)).toEqual(s.surface.split(" ").filter((p) => p.length > 0));
      expect(w.normalizedWords.map((r) => r.text)).toEqual(s.normalized.split(" ").filter((p) => p.length > 0));
    }
  });

  it("shares one word array between the forms until slang makes them differ", () => {
    const plain = normalizeWords("jalan di depan masjid rusak parah.", res.normalize);
    expect(plain.surface).toBe("jalan di depan masjid rusak parah");
    expect(plain.surfaceWords).toBe(plain.normalizedWords);
    const slang = normalizeWords("jalan rusak, gk dibenerin dr kemarin!", res.normalize);
    expect(slang.surfaceWords).not.toBe(slang.normalizedWords);
    expect(slang.surfaceWords.map((r) => r.text)).toEqual(["jalan", "rusak", ",", "gk", "dibenerin", "dr", "kemarin", "!"]);
    expect(slang.normalizedWords.map((r) => r.text)).toEqual(["jalan", "rusak", ",", "tidak", "dibenerin", "dari", "kemarin", "!"]);
    // A multi-word slang value gives the normalised side more records than the surface side.
    const multi = normalizeWords("bansos dll, udah cair.", res.normalize);
    expect(multi.surfaceWords.map((r) => r.text)).toEqual(["bansos", "dll", ",", "udah", "cair"]);
    expect(multi.normalizedWords.map((r) => r.text)).toEqual(["bansos", "dan", "lain-lain", ",", "sudah", "cair"]);
  });

  it("the pipeline equals the string stages, first sight and again", () => {
    for (const t of [...ODD, ...villageTexts(400)]) {
      const expected = byStrings(t, ctx);
      expect(pipeline.analyze(t)).toEqual(expected);
      expect(pipeline.analyze(t)).toEqual(expected);
    }
  });
});
