// Texts for `npm run bench:nlp` and the NLP golden check: real comments, not a few sentences
// recombined. The village corpus (in the repo) plus, when ../shared/data is present, SmSA (all
// splits) and NusaX-senti (ind/sun/jav, all splits), and recombinations of those sentences with
// village phrases. Deterministic (seeded), and no text occurs more than MAX_REPEAT times, so token
// caches cannot answer most of the work the way they did with the old 15-sentence generator.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { mulberry32 } from "@suara-desa/shared/random";
import { NUSAX_LANGS, readNusax, readSmsa, REPO_ROOT, SHARED_DATA, type Split } from "@suara-desa/core/nlp/train/data";

export const MAX_REPEAT = 3;
const SPLITS: Split[] = ["train", "valid", "test"];

export interface BenchCorpus {
  /** Texts for warming the JIT; built from sources disjoint from `measure`'s. */
  warm: string[];
  /** Texts that are measured. */
  measure: string[];
  /** One line per source: name and how many texts it gave (before the warm/measure split). */
  sources: Array<{ name: string; count: number }>;
  /** Present when ../shared/data is missing and only the village corpus was used. */
  note: string | null;
}

function readVillage(): string[] {
  const file = path.join(REPO_ROOT, "test/fixtures/village-corpus/comments.jsonl");
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Sentences of a text (SmSA is tokenised, " . " ends a sentence; NusaX and village are natural). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 3);
}

/** Short clauses residents write ("punten min", "jalan ka sawah ruksak pisan"): 2-12 words. */
function phrases(text: string): string[] {
  return text
    .split(/[.!?,;]+\s*/)
    .map((s) => s.trim())
    .filter((s) => {
      const n = s.split(/\s+/).length;
      return n >= 2 && n <= 12;
    });
}

/**
 * Originals once each, then recombinations (a public or village sentence with one or two village
 * phrases around it) until `target` texts; each sentence and phrase is used at most MAX_REPEAT times.
 */
function assemble(originals: string[], villageTexts: string[], target: number, rand: () => number): string[] {
  const counts = new Map<string, number>();
  const out: string[] = [];
  const add = (t: string): void => {
    const c = counts.get(t) ?? 0;
    if (c >= MAX_REPEAT || out.length >= target) return;
    counts.set(t, c + 1);
    out.push(t);
  };
  for (const t of originals) add(t);
  const sents = shuffle(originals.flatMap(sentences), rand);
  const phr = shuffle(villageTexts.flatMap(phrases), rand);
  if (phr.length === 0 || sents.length === 0) return shuffle(out, rand);
  const used = new Map<string, number>();
  const take = (xs: string[], i: number): string | null => {
    // Walks forward from i to the next item still under its use limit.
    for (let k = 0; k < xs.length; k++) {
      const x = xs[(i + k) % xs.length];
      const u = used.get(x) ?? 0;
      if (u < MAX_REPEAT - 1) {
        used.set(x, u + 1);
        return x;
      }
    }
    return null;
  };
  let si = 0;
  let pi = 0;
  while (out.length < target) {
    const s = take(sents, si++);
    const p = take(phr, pi++);
    if (s === null || p === null) break;
    const shape = rand();
    if (shape < 0.4) add(`${p}, ${s}`);
    else if (shape < 0.7) add(`${s} ${p}`);
    else {
      const p2 = take(phr, pi++);
      if (p2 === null) break;
      add(`${p} ${s} ${p2}`);
    }
  }
  return shuffle(out, rand);
}

/** Builds the benchmark corpus: about `measureCount` measured texts and `warmCount` warm-up texts. */
export function buildBenchCorpus(measureCount = 20_000, warmCount = 5_000): BenchCorpus {
  const rand = mulberry32(20261204);
  const village = readVillage();
  const sources: BenchCorpus["sources"] = [{ name: "village corpus (test/fixtures/village-corpus)", count: village.length }];
  let pub: string[] = [];
  let note: string | null = null;
  if (existsSync(path.join(SHARED_DATA, "smsa")) && existsSync(path.join(SHARED_DATA, "nusax-senti"))) {
    const smsa = SPLITS.flatMap((s) => readSmsa(s).map((x) => x.text));
    sources.push({ name: "SmSA train+valid+test (../shared/data/smsa)", count: smsa.length });
    pub = pub.concat(smsa);
    for (const lang of NUSAX_LANGS) {
      const nx = SPLITS.flatMap((s) => readNusax(lang, s).map((x) => x.text));
      sources.push({ name: `NusaX-senti ${lang} train+valid+test`, count: nx.length });
      pub = pub.concat(nx);
    }
  } else {
    note = `${SHARED_DATA} not found: village corpus and its recombinations only (fewer distinct texts)`;
  }
  // Disjoint sources: a text (and so its sentences) goes to warm-up or to measurement, never both.
  const villageMix = shuffle([...new Set(village)], rand);
  const pubMix = shuffle([...new Set(pub)], rand);
  const vCut = Math.floor(villageMix.length * 0.2);
  const pCut = Math.floor(pubMix.length * 0.2);
  const warmV = villageMix.slice(0, vCut);
  const measV = villageMix.slice(vCut);
  const warm = assemble(shuffle([...warmV, ...pubMix.slice(0, pCut)], rand), warmV, warmCount, rand);
  const measure = assemble(shuffle([...measV, ...pubMix.slice(pCut)], rand), measV, measureCount, rand);
  return { warm, measure, sources, note };
}

/** How varied a text list is: distinct texts, the largest repeat count and mean words. */
export function describeTexts(texts: string[]): { distinct: number; maxRepeat: number; meanWords: number } {
  const counts = new Map<string, number>();
  let words = 0;
  for (const t of texts) {
    counts.set(t, (counts.get(t) ?? 0) + 1);
    words += t.split(/\s+/).length;
  }
  return { distinct: counts.size, maxRepeat: Math.max(0, ...counts.values()), meanWords: words / Math.max(1, texts.length) };
}
