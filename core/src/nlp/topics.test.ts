import { describe, expect, it } from "vitest";
import { DEFAULT_TOPICS } from "./taxonomy";
import { createRequire } from "node:module";
import { buildStemFilter, compileTopics, DEFAULT_TOPIC_MODEL, matchRules, mayStemToRelevant, ruleHits, ruleScore, scoreTopics, stemToken, tagTopics, tokenForms, topicFeatures, topicTokens } from "./topics";
import { normalizeForTopics } from "./train/evalTopics";
import type { NlpContext, TopicRule } from "./types";
import villageCorpus from "../../../test/fixtures/village-corpus/comments.jsonl?raw";

const ctx: NlpContext = { topics: DEFAULT_TOPICS, resources: {} };
/** Runs the stage the way the pipeline does: normalise first. */
const keys = (text: string, c: NlpContext = ctx): string[] => {
  const normalized = normalizeForTopics(text);
  return tagTopics({ normalized, tokens: normalized.split(" ") }, c).map((t) => t.key);
};

describe("tagTopics", () => {
  it("tags formal Indonesian complaints", () => {
    expect(keys("Jalan desa di RT 03 rusak parah dan berlubang, mohon segera diperbaiki")).toContain("infrastruktur");
    expect(keys("Pupuk subsidi langka di kios, petani tidak bisa memupuk sawah")).toContain("pertanian");
    expect(keys("Posyandu bulan ini jadwal imunisasi balita tanggal berapa?")).toContain("kesehatan");
  });

  it("tags slang", () => {
    expect(keys("jln ke dusun 3 bolong2 gede bgt gk dibenerin2")).toContain("infrastruktur");
    expect(keys("blt dd udh cair blm sih min? sy blm dpt")).toContain("bansos");
    expect(keys("air pdam mati mulu dr kmrn, gmn nih")).toContain("air_bersih");
  });

  it("tags Sundanese", () => {
    expect(keys("cai di lembur teu ngocor tos saminggu")).toContain("air_bersih");
    expect(keys("runtah di sisi walungan numpuk, bau pisan")).toContain("sampah_lingkungan");
  });

  it("tags Javanese", () => {
    expect(keys("banjir maneh, omahe warga kebanjiran kabeh")).toContain("banjir_bencana");
    expect(keys("maling mlebu omah neng dusun Wetan bengi mau")).toContain("keamanan_ketertiban");
  });

  it("gives two topics when a comment raises two concerns", () => {
    const got = keys("korban banjir di RT 7 belum dapat bantuan sembako sama sekali");
    expect(got).toEqual(expect.arrayContaining(["banjir_bencana", "bansos"]));
  });

  it("gives no topic to greetings and thanks without a subject", () => {
    expect(keys("Assalamualaikum, selamat pagi warga semua")).toEqual([]);
    expect(keys("mantap min, makasih infonya 👍")).toEqual([]);
  });

  it("returns scores in 0..1, highest first", () => {
    const normalized = normalizeForTopics("jalan rusak dan lampu jalan mati, anggaran dana desa kemana?");
    const out = tagTopics({ normalized, tokens: [] }, ctx);
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (const t of out) {
      expect(t.score).toBeGreaterThan(0);
      expect(t.score).toBeLessThanOrEqual(1);
    }
    expect([...out].sort((a, b) => b.score - a.score)).toEqual(out);
  });

  it("applies a village-added topic from its keywords alone (no classifier weights)", () => {
    const wisata: TopicRule = { key: "wisata_curug", nameId: "Wisata Curug", nameEn: "Waterfall tourism", keywords: ["curug", "tiket masuk", "parkir wisata"] };
    const topics = [...DEFAULT_TOPICS, wisata];
    const got = tagTopics({ normalized: "tiket masuk ke curug cikaso naik terus", tokens: [] }, { topics, resources: {} });
    expect(got.map((t) => t.key)).toContain("wisata_curug");
    expect(tagTopics({ normalized: "selamat pagi semua", tokens: [] }, { topics, resources: {} })).toEqual([]);
  });

  it("only tags topics present in the village taxonomy", () => {
    const onlyWater = DEFAULT_TOPICS.filter((t) => t.key === "air_bersih");
    const got = tagTopics({ normalized: "jalan rusak dan air pdam mati", tokens: [] }, { topics: onlyWater, resources: {} });
    expect(got.map((t) => t.key)).toEqual(["air_bersih"]);
  });
});

describe("keyword rules", () => {
  it("matches inflected forms through the stemmer and regional endings", () => {
    expect(stemToken("kebanjiran")).toBe("banjir");
    expect(tokenForms("jalanna")).toContain("jalan");
    expect(tokenForms("banyune")).toContain("banyu");
    expect(tokenForms("dibakar")).toContain("bakar");
  });

  it("stems every word whose stem can matter: a root's letters after the first are in the word after one of its predecessors", () => {
    const require = createRequire(import.meta.url);
    const stemmer = require("./sastrawi/stemmer.cjs") as { stem(w: string): string };
    const roots = (require("./sastrawi/kata-dasar.json") as string[]).filter((w, i) => w && i % 40 === 0);
    const affixes = [["me", "kan"], ["di", "i"], ["ber", "an"], ["pe", "an"], ["ter", ""], ["mem", "nya"], ["meng", ""], ["meny", "kan"],
      ["men", "i"], ["pen", "an"], ["peng", "an"], ["ke", "an"], ["se", "nya"], ["memper", "kan"], ["diper", "i"], ["ber", ""]];
    const words = ["menemani", "gemeletuk", "berbelelangan", "kegemeretakan", "memukul", "menulis", "mengirim", "menyapu", "gerigi", "telunjuk", "sinambung"];
    for (const r of roots) for (const [pre, suf] of affixes) words.push(pre + r + suf);
    let changed = 0;
    const missed: string[] = [];
    for (const w of words) {
      const stem = stemmer.stem(w);
      if (stem === w) continue;
      changed++;
      // The filter of that one root must let the word through.
      if (!mayStemToRelevant(w, buildStemFilter(new Set([stem])))) missed.push(`${w} -> ${stem}`);
    }
    expect(missed).toEqual([]);
    expect(changed).toBeGreaterThan(words.length / 2);
    // And it does filter: a word holding no such piece of a relevant root is not stemmed.
    const filter = buildStemFilter(new Set(["tani", "banjir"]));
    expect(mayStemToRelevant("menemani", filter)).toBe(true);
    expect(mayStemToRelevant("kebanjiran", filter)).toBe(true);
    expect(mayStemToRelevant("perjalanan", filter)).toBe(false);
  });

  it("scores the same with the stem filter as with every word stemmed", () => {
    const texts = villageCorpus.split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text).map(normalizeForTopics);
    const everyStem = [...DEFAULT_TOPICS];
    // A second compilation (another array) whose filter passes every word that can have a stem at all.
    compileTopics(everyStem).stemFilter = buildStemFilter(null);
    const filtered = texts.map((t) => scoreTopics(t, DEFAULT_TOPICS));
    expect(texts.map((t) => scoreTopics(t, everyStem))).toEqual(filtered);
  });

  it("matches a phrase's later words in their regional and prefixed forms (the forms a token's info keeps)", () => {
    const wisata: TopicRule = { key: "wisata_curug", nameId: "Wisata Curug", nameEn: "Waterfall tourism", keywords: ["parkir wisata", "tiket masuk"] };
    const compiled = compileTopics([...DEFAULT_TOPICS, wisata]);
    const keywordsOf = (s: string): string[] => matchRules(topicTokens(s), compiled).map((m) => m.keyword);
    expect(keywordsOf("parkir wisatana mahal pisan")).toContain("parkir wisata");
    expect(keywordsOf("tiket dimasukna sabaraha")).toContain("tiket masuk");
    expect(keywordsOf("parkir wisma mahal")).not.toContain("parkir wisata");
  });

  it("lets the longer phrase win: 'kerja bakti' is an activity, not a job; 'polisi tidur' is a road bump", () => {
    const compiled = compileTopics(DEFAULT_TOPICS);
    const topicsOf = (s: string): string[] => matchRules(topicTokens(s), compiled).map((m) => compiled.keys[m.topic]);
    expect(topicsOf("kerja bakti minggu pagi")).toEqual(["kegiatan_sosial"]);
    expect(topicsOf("polisi tidur terlalu tinggi")).toEqual(["infrastruktur"]);
    expect(topicsOf("jalan sehat hut desa")).toEqual(["kegiatan_sosial"]);
  });

  it("compiles a taxonomy once per array identity", () => {
    expect(compileTopics(DEFAULT_TOPICS)).toBe(compileTopics(DEFAULT_TOPICS));
    expect(compileTopics([...DEFAULT_TOPICS])).not.toBe(compileTopics(DEFAULT_TOPICS));
  });
});

describe("scoring fast path", () => {
  it("gives the same scores as summing the weights of topicFeatures (what training saw)", () => {
    const compiled = compileTopics(DEFAULT_TOPICS);
    for (const text of [
      "jalan rusak parah di rt 3 dan kebanjiran tiap hujan , warga kebanjiran lagi",
      "cai pdam teu ngocor , runtah numpuk di sisi jalan",
      "anggaran dana desa ke mana uangnya , papan proyek tidak dipasang",
    ]) {
      const tokens = topicTokens(text);
      const z = Float64Array.from(DEFAULT_TOPIC_MODEL.bias);
      for (const [f, v] of topicFeatures(tokens, compiled)) {
        const w = DEFAULT_TOPIC_MODEL.weights.get(f);
        if (w) for (let k = 0; k < w.length; k++) z[k] += w[k] * v;
      }
      const hits = ruleHits(matchRules(tokens, compiled), compiled);
      const mix = DEFAULT_TOPIC_MODEL.ruleMix;
      const expected = compiled.keys.map((_, i) => (1 - mix) / (1 + Math.exp(-z[compiled.modelColumn[i]])) + mix * ruleScore(hits[i]));
      const got = scoreTopics(text, DEFAULT_TOPICS).map((s) => s.score);
      got.forEach((g, i) => expect(g).toBeCloseTo(expected[i], 9));
    }
  });
});
