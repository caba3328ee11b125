// Language identification: id / su / jv by a multinomial naive Bayes over hashed character 1-4-grams
// and words (trained on NusaX train texts + SmSA train by `npm run train:sentiment`), English by a
// function-word share, "other" when there is nothing to read (only emoji, links, numbers).
// It reads the surface form: slang mapping would turn Sundanese "naon" into Indonesian "apa".
import type { Language } from "@suara-desa/shared/contracts";
import type { NlpContext, Stage } from "./types";
import type { NlpResources } from "./resources";
import type { WordRecord } from "./words";

export interface LanguageModel {
  version: string;
  bits: number;
  labels: Language[];
  /** log P(class) */
  prior: number[];
  /** classes x 2^bits log P(feature | class), row-major by class (as stored). */
  logProb: Float32Array;
  /** The same, interleaved by bucket (b * classes + c) for scoring. */
  interleaved: Float32Array;
  /** Per-word score contributions (words repeat across comments); filled lazily, bounded. */
  cache: Map<string, Float64Array>;
  wordWeight: number;
}

export interface LanguageModelFile {
  version: string;
  bits: number;
  labels: Language[];
  prior: number[];
  wordWeight: number;
  /** base64 of little-endian Float32 */
  logProb: string;
  trainedOn: string;
}

const FNV_PRIME = 16777619;
const SEED_LW = 0x01000193;
const SEED_LC = 0x811c9dc5;

function hashWord(s: string): number {
  let h = SEED_LW;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

const LETTER_RE = /\p{L}/u;
function hasLetter(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c > 127) return LETTER_RE.test(t);
  }
  return false;
}

/** Letter-bearing word tokens of a surface string (placeholders, numbers and punctuation dropped). */
export function languageTokens(surface: string): string[] {
  const out: string[] = [];
  for (const t of surface.split(" ")) {
    if (t.length === 0 || t.charCodeAt(0) === 60 /* < */ || t === "@user") continue;
    if (!hasLetter(t)) continue;
    out.push(t);
  }
  return out;
}

/** Calls `emit(bucket, isWord)` for every feature of the tokens (used by training and inference). */
export function languageFeatures(tokens: string[], bits: number, emit: (bucket: number, isWord: boolean) => void): void {
  const mask = (1 << bits) - 1;
  for (const w of tokens) {
    emit(hashWord(w) & mask, true);
    const s = ` ${w} `;
    for (let i = 0; i < s.length; i++) {
      let h = SEED_LC;
      for (let k = 0; k < 4 && i + k < s.length; k++) {
        h ^= s.charCodeAt(i + k);
        h = Math.imul(h, FNV_PRIME);
        emit((h >>> 0) & mask, false);
      }
    }
  }
}

/** Parses the JSON model file written by training. */
export function parseLanguageModel(json: string): LanguageModel {
  const f = JSON.parse(json) as LanguageModelFile;
  const buf = Buffer.from(f.logProb, "base64");
  const logProb = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  if (logProb.length !== f.labels.length << f.bits) throw new Error(`language model: expected ${f.labels.length << f.bits} weights, found ${logProb.length}`);
  return withInterleaved({ version: f.version, bits: f.bits, labels: f.labels, prior: f.prior, logProb, wordWeight: f.wordWeight });
}

/** Adds the bucket-interleaved copy of the log-probabilities used by scoring. */
export function withInterleaved(m: Omit<LanguageModel, "interleaved" | "cache">): LanguageModel {
  const k = m.labels.length;
  const size = 1 << m.bits;
  const interleaved = new Float32Array(k * size);
  for (let c = 0; c < k; c++) for (let b = 0; b < size; b++) interleaved[b * k + c] = m.logProb[c * size + b];
  return { ...m, interleaved, cache: new Map() };
}

const scores = new Float64Array(8);
// A word's contribution on its way into its record (copied at once): no array per new word.
const contribution = new Float64Array(3);

/** One word's log-probability contribution per class: the word itself plus char 1-4-grams of " w ". */
function wordContribution(model: LanguageModel, w: string, e: Float64Array = new Float64Array(3)): Float64Array {
  const lp = model.interleaved;
  const mask = (1 << model.bits) - 1;
  const ww = model.wordWeight;
  e.fill(0);
  let h = SEED_LW;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  let b = ((h >>> 0) & mask) * 3;
  e[0] += ww * lp[b];
  e[1] += ww * lp[b + 1];
  e[2] += ww * lp[b + 2];
  // Same hashing as languageFeatures over " w ".
  const n = w.length + 2;
  for (let i = 0; i < n; i++) {
    let g = SEED_LC;
    for (let k = 0; k < 4 && i + k < n; k++) {
      const pos = i + k;
      g ^= pos === 0 || pos === n - 1 ? 32 : w.charCodeAt(pos - 1);
      g = Math.imul(g, FNV_PRIME);
      b = ((g >>> 0) & mask) * 3;
      e[0] += lp[b];
      e[1] += lp[b + 1];
      e[2] += lp[b + 2];
    }
  }
  return e;
}

/** Identifies the language of a surface-normalised comment. */
export function identifyLanguage(surface: string, model: LanguageModel | null, english: Set<string>): Language {
  const tokens = languageTokens(surface);
  if (tokens.length === 0) return "other";
  let en = 0;
  for (const t of tokens) if (english.has(t)) en++;
  // English function words are rare in Indonesian comments; a third of the words is a clear signal.
  if (en >= 2 && en / tokens.length >= 0.3) return "en";
  if (tokens.length === 1 && en === 1 && tokens[0].length > 2) return "en";
  if (!model) return "id";
  let s0 = model.prior[0];
  let s1 = model.prior[1];
  let s2 = model.prior[2];
  for (const w of tokens) {
    let e = model.cache.get(w);
    if (e === undefined) {
      e = wordContribution(model, w);
      if (model.cache.size >= 200_000) model.cache.clear();
      model.cache.set(w, e);
    }
    s0 += e[0];
    s1 += e[1];
    s2 += e[2];
  }
  scores[0] = s0;
  scores[1] = s1;
  scores[2] = s2;
  const k = 3;
  let best = 0;
  for (let c = 1; c < k; c++) if (scores[c] > scores[best]) best = c;
  return model.labels[best];
}

/** identifyLanguage over the normaliser's surface word records (same result; per-word work kept in the records). */
export function identifyLanguageWords(words: readonly WordRecord[], model: LanguageModel | null, english: Set<string>): Language {
  // A record's slots serve one (model, English word list) pair.
  const key: object = model ?? english;
  let n = 0;
  let en = 0;
  let only: WordRecord | null = null;
  // One pass: counts for the English rules and, in the same order as identifyLanguage, the scores.
  let s0 = model ? model.prior[0] : 0;
  let s1 = model ? model.prior[1] : 0;
  let s2 = model ? model.prior[2] : 0;
  for (const r of words) {
    if (r.langFor !== key || r.langEnglishFor !== english) {
      const t = r.text;
      r.langFor = key;
      r.langEnglishFor = english;
      r.langToken = !(t.charCodeAt(0) === 60 /* < */ || t === "@user") && hasLetter(t);
      r.langEnglish = english.has(t);
      r.langScored = false;
    }
    if (!r.langToken) continue;
    n++;
    only = r;
    if (r.langEnglish) en++;
    if (model) {
      // Kept as numbers in the record (no array to follow per word).
      if (!r.langScored) {
        const e = wordContribution(model, r.text, contribution);
        r.langS0 = e[0];
        r.langS1 = e[1];
        r.langS2 = e[2];
        r.langScored = true;
      }
      s0 += r.langS0;
      s1 += r.langS1;
      s2 += r.langS2;
    }
  }
  if (n === 0) return "other";
  if (en >= 2 && en / n >= 0.3) return "en";
  if (n === 1 && en === 1 && only!.text.length > 2) return "en";
  if (!model) return "id";
  scores[0] = s0;
  scores[1] = s1;
  scores[2] = s2;
  let best = 0;
  for (let c = 1; c < 3; c++) if (scores[c] > scores[best]) best = c;
  return model.labels[best];
}

/** Pipeline stage: surface text -> language. */
export const language: Stage<string, Language> = (surface: string, ctx: NlpContext) => {
  const res = ctx.resources.nlp as NlpResources;
  return identifyLanguage(surface, res.language, res.english);
};
