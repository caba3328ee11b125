// Trained sentiment model (inference side). A multinomial logistic regression over hashed sparse
// features of the normalised text: word unigrams and bigrams, negation-scoped words ("tidak bagus"
// -> NEG_bagus), Sundanese/Javanese words bridged to Indonesian through the NusaX word lists, and
// character 2-5-grams. Weights are a Float32Array (classes x buckets) in a binary file next to a
// JSON header, so loading is one read and scoring is a few thousand array lookups.
import { readFileSync } from "node:fs";
import type { Sentiment } from "@suara-desa/shared/contracts";
import type { NlpContext, SentimentResult, Stage } from "./types";
import type { NlpResources } from "./resources";
import { NEGATORS } from "./sentimentLexicon";
import type { WordRecord } from "./words";

export const SENTIMENT_LABELS: readonly Sentiment[] = ["negatif", "netral", "positif"];

/** Featuriser settings; stored in the model header so training and inference always agree. */
export interface FeatureConfig {
  bits: number;
  charMin: number;
  charMax: number;
  wordBigrams: boolean;
  negation: boolean;
  bridge: boolean;
  /** Relative weight of each feature group (words, char n-grams). */
  wordScale: number;
  charScale: number;
}

export interface SentimentModelHeader {
  name: string;
  version: string;
  labels: Sentiment[];
  config: FeatureConfig;
  temperature: number;
  bias: number[];
  /** Regional word -> Indonesian word (from the NusaX lexicon), used when config.bridge. */
  bridge: Record<string, string>;
  weightsFile: string;
  /** Weights are stored as little-endian Int16, weight = q * scale (per class); halves the file. */
  quantScale: number[];
  trainedOn: string;
  metrics?: Record<string, unknown>;
}

export interface SentimentModel {
  header: SentimentModelHeader;
  bridge: Map<string, string>;
  /**
   * 2^bits x 3, interleaved by bucket (weights[b * 3 + c]) so one cache line serves all classes.
   * The shipped model keeps its Int16 form in memory (half the cache footprint); weight = q * scale[c].
   */
  weights: Float32Array | Int16Array;
  scale: [number, number, number];
  mask: number;
  /** Per-word summed char-gram weights (see fastLogits); filled lazily, bounded. */
  charCache: Map<string, Float64Array>;
}

// FNV-1a, 32-bit. Different seeds keep word, bigram, bridged and char features apart.
const FNV_PRIME = 16777619;
const SEED_WORD = 2166136261;
const SEED_NEG = 0x9e3779b1;
const SEED_BRIDGE = 0x85ebca6b;
const SEED_CHAR = 0xc2b2ae35;
const SEED_BIGRAM = 0x27d4eb2f;

function hashString(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Sparse features of one text: bucket ids per group (repeats allowed; they count). */
export interface Features {
  word: Int32Array;
  wordLen: number;
  char: Int32Array;
  charLen: number;
}

const PUNCT = new Set([".", ",", "?", "!", ";", ":"]);
const CLAUSE_BREAK = new Set([".", ",", "?", "!", ";", ":", "tapi", "tetapi", "namun", "sedangkan", "padahal"]);

// Reused buffers: featurising is on the hot path and allocation-free after warm-up.
let wordBuf = new Int32Array(1024);
let charBuf = new Int32Array(8192);

/** Word-level features into the shared word buffer; returns their count and the words for char grams. */
function wordFeatures(normalized: string, cfg: FeatureConfig, bridge: Map<string, string>, words: string[]): number {
  const mask = (1 << cfg.bits) - 1;
  const parts = normalized.split(" ");
  let wl = 0;
  if (wordBuf.length < parts.length * 4 + 8) wordBuf = new Int32Array(parts.length * 4 + 8);
  let prevHash = -1;
  let negLeft = 0;
  for (const raw of parts) {
    if (raw.length === 0) continue;
    if (PUNCT.has(raw) || CLAUSE_BREAK.has(raw)) {
      negLeft = 0;
      prevHash = -1;
      if (!PUNCT.has(raw)) {
        wordBuf[wl++] = hashString(raw, SEED_WORD) & mask;
        words.push(raw);
      }
      if (raw === "!" || raw === "?") wordBuf[wl++] = hashString(raw, SEED_WORD) & mask;
      continue;
    }
    const h = hashString(raw, SEED_WORD);
    wordBuf[wl++] = h & mask;
    if (cfg.wordBigrams && prevHash >= 0) wordBuf[wl++] = (Math.imul(prevHash ^ SEED_BIGRAM, FNV_PRIME) ^ h) & mask;
    if (cfg.negation && negLeft > 0) {
      wordBuf[wl++] = hashString(raw, SEED_NEG) & mask;
      negLeft--;
    }
    if (cfg.bridge) {
      const b = bridge.get(raw);
      if (b !== undefined) wordBuf[wl++] = hashString(b, SEED_BRIDGE) & mask;
    }
    if (NEGATORS.has(raw)) negLeft = 3;
    prevHash = h;
    words.push(raw);
    if (wl + 8 > wordBuf.length) {
      const nb = new Int32Array(wordBuf.length * 2);
      nb.set(wordBuf);
      wordBuf = nb;
    }
  }
  return wl;
}

/** Char n-grams of " word " (within the word, boundaries included) into buf from offset; returns the new offset. */
function charGrams(w: string, cfg: FeatureConfig, mask: number, buf: Int32Array, offset: number): number {
  const n = w.length + 2;
  let o = offset;
  for (let i = 0; i < n; i++) {
    let h = SEED_CHAR;
    for (let k = 0; k < cfg.charMax && i + k < n; k++) {
      const pos = i + k;
      h ^= pos === 0 || pos === n - 1 ? 32 : w.charCodeAt(pos - 1);
      h = Math.imul(h, FNV_PRIME);
      if (k + 1 >= cfg.charMin) buf[o++] = (h >>> 0) & mask;
    }
  }
  return o;
}

/** Featurises normalised text (tokens joined by spaces, punctuation kept) into hashed buckets. */
export function featurize(normalized: string, cfg: FeatureConfig, bridge: Map<string, string>): Features {
  const words: string[] = [];
  const wl = wordFeatures(normalized, cfg, bridge, words);
  const mask = (1 << cfg.bits) - 1;
  // Character n-grams over " w1 w2 ... " so word boundaries (and the word that follows) are in the grams.
  const text = ` ${words.join(" ")} `;
  const n = text.length;
  const need = n * (cfg.charMax - cfg.charMin + 1) + 8;
  if (charBuf.length < need) charBuf = new Int32Array(need * 2);
  let cl = 0;
  for (let i = 0; i < n; i++) {
    let h = SEED_CHAR;
    for (let k = 0; k < cfg.charMax && i + k < n; k++) {
      h ^= text.charCodeAt(i + k);
      h = Math.imul(h, FNV_PRIME);
      if (k + 1 >= cfg.charMin) charBuf[cl++] = (h >>> 0) & mask;
    }
  }
  return { word: wordBuf, wordLen: wl, char: charBuf, charLen: cl };
}

const gramBuf = new Int32Array(4096);
const CACHE_LIMIT = 200_000;

/**
 * Logits without looking up every char gram: the grams of " w1 w2 ... " split exactly into grams
 * inside one padded word " w " (their summed weights are cached per word on the model) and grams
 * that straddle a space between words (looked up directly; a handful per word). Same result as
 * logits(featurize(...)) — a unit test holds them equal.
 */
export function fastLogits(model: SentimentModel, normalized: string, out: Float64Array): Float64Array {
  const cfg = model.header.config;
  const words: string[] = [];
  const wl = wordFeatures(normalized, cfg, model.bridge, words);
  const weights = model.weights;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let i = 0; i < wl; i++) {
    const b = wordBuf[i] * 3;
    w0 += weights[b];
    w1 += weights[b + 1];
    w2 += weights[b + 2];
  }
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let cl = 0;
  const cache = model.charCache;
  for (const w of words) {
    let e = cache.get(w);
    if (e === undefined) {
      const n = w.length + 2;
      const buf = n * cfg.charMax <= gramBuf.length ? gramBuf : new Int32Array(n * cfg.charMax);
      const count = charGrams(w, cfg, model.mask, buf, 0);
      e = new Float64Array(4);
      for (let i = 0; i < count; i++) {
        const b = buf[i] * 3;
        e[0] += weights[b];
        e[1] += weights[b + 1];
        e[2] += weights[b + 2];
      }
      e[3] = count;
      if (w.length <= 64) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(w, e);
      }
    }
    c0 += e[0];
    c1 += e[1];
    c2 += e[2];
    cl += e[3];
  }
  acc[0] = c0;
  acc[1] = c1;
  acc[2] = c2;
  acc[3] = cl;
  straddleGrams(model, words, acc);
  return finish(model, wl, w0, w1, w2, acc, out);
}

const acc = new Float64Array(4);

/** Adds the grams with a space strictly inside them (they straddle two or more words) to acc (3 sums, count). */
function straddleGrams(model: SentimentModel, words: string[], acc: Float64Array): void {
  if (words.length <= 1) return;
  const cfg = model.header.config;
  const weights = model.weights;
  let c0 = acc[0];
  let c1 = acc[1];
  let c2 = acc[2];
  let cl = acc[3];
  const text = ` ${words.join(" ")} `;
  const n = text.length;
  const mask = model.mask;
  for (let p = 1; p < n - 1; p++) {
    if (text.charCodeAt(p) !== 32) continue;
    // Starts before this space, ends after it; starts left of an earlier interior space were counted there.
    const lo = Math.max(0, p - cfg.charMax + 2);
    for (let i = lo; i < p; i++) {
      let interiorBefore = false;
      for (let q = i + 1; q < p; q++) if (text.charCodeAt(q) === 32) interiorBefore = true;
      if (interiorBefore) continue;
      let h = SEED_CHAR;
      for (let k = 0; k < cfg.charMax && i + k < n; k++) {
        h ^= text.charCodeAt(i + k);
        h = Math.imul(h, FNV_PRIME);
        if (i + k > p && k + 1 >= cfg.charMin) {
          const b = ((h >>> 0) & mask) * 3;
          c0 += weights[b];
          c1 += weights[b + 1];
          c2 += weights[b + 2];
          cl++;
        }
      }
    }
  }
  acc[0] = c0;
  acc[1] = c1;
  acc[2] = c2;
  acc[3] = cl;
}

function finish(model: SentimentModel, wl: number, w0: number, w1: number, w2: number, acc: Float64Array, out: Float64Array): Float64Array {
  const cfg = model.header.config;
  const c0 = acc[0];
  const c1 = acc[1];
  const c2 = acc[2];
  const cl = acc[3];
  const ws = wl > 0 ? cfg.wordScale / Math.sqrt(wl) : 0;
  const cs = cl > 0 ? cfg.charScale / Math.sqrt(cl) : 0;
  const bias = model.header.bias;
  const sc = model.scale;
  out[0] = bias[0] + sc[0] * (w0 * ws + c0 * cs);
  out[1] = bias[1] + sc[1] * (w1 * ws + c1 * cs);
  out[2] = bias[2] + sc[2] * (w2 * ws + c2 * cs);
  return out;
}

// wordCharSums' answer, reused: its one caller copies it into the word's record at once.
const charSums = new Float64Array(4);

/** Summed weights of the char grams inside " w " and their count (3 classes + count), in a scratch array read at once. */
function wordCharSums(model: SentimentModel, w: string): Float64Array {
  const cfg = model.header.config;
  const weights = model.weights;
  const n = w.length + 2;
  const buf = n * cfg.charMax <= gramBuf.length ? gramBuf : new Int32Array(n * cfg.charMax);
  const count = charGrams(w, cfg, model.mask, buf, 0);
  const e = charSums;
  e.fill(0);
  for (let i = 0; i < count; i++) {
    const b = buf[i] * 3;
    e[0] += weights[b];
    e[1] += weights[b + 1];
    e[2] += weights[b + 2];
  }
  e[3] = count;
  return e;
}

/** The model-dependent slots of a word record (hashes, kind, bridge, negator, char-gram sums). */
const INT_LIMIT = 2 ** 31;

function prepareRecord(model: SentimentModel, r: WordRecord): void {
  const raw = r.text;
  r.sentFor = model;
  r.sentKind = PUNCT.has(raw) ? 1 : CLAUSE_BREAK.has(raw) ? 2 : 0;
  // Hashes are kept as int32 (small integers in the record, not boxed numbers): every reader masks
  // them or mixes them with int32 arithmetic, which gives the same bits; the bridge bucket is kept masked.
  r.sentHash = hashString(raw, SEED_WORD) | 0;
  r.sentNegHash = hashString(raw, SEED_NEG) | 0;
  const b = model.bridge.get(raw);
  r.sentBridge = b === undefined ? -1 : hashString(b, SEED_BRIDGE) & model.mask;
  r.sentNegator = NEGATORS.has(raw);
  if (r.sentKind === 1) {
    r.sentC0 = r.sentC1 = r.sentC2 = r.sentCn = 0;
    return;
  }
  const e = wordCharSums(model, raw);
  // Int16 weights sum to integers: kept as such (exact below 2^31), so the record holds no boxed numbers.
  const int = model.weights instanceof Int16Array;
  r.sentC0 = int && Math.abs(e[0]) < INT_LIMIT ? e[0] | 0 : e[0];
  r.sentC1 = int && Math.abs(e[1]) < INT_LIMIT ? e[1] | 0 : e[1];
  r.sentC2 = int && Math.abs(e[2]) < INT_LIMIT ? e[2] | 0 : e[2];
  r.sentCn = e[3] | 0;
}

// Scratch for the characters after a space (at most charMax - 2 are read).
const afterBuf = new Int32Array(64);

// Buckets of the grams straddling spaces, written by boundaryGrams and summed after the words.
let straddleBuf = new Int32Array(2048);

/**
 * Writes the buckets of the grams with a space strictly inside them whose first interior space is
 * the one after `a` (records[j] is the next word) into straddleBuf from `at`: straddleGrams for one
 * boundary, read from the records instead of a joined string. Returns the new end of straddleBuf.
 * (Summed later in one loop: the weight reads, spread over 6 MB, then overlap instead of waiting
 * behind each boundary's hashing.)
 */
function boundaryGrams(model: SentimentModel, a: string, records: readonly WordRecord[], j: number, at: number): number {
  const cfg = model.header.config;
  const cmax = cfg.charMax;
  const cmin = cfg.charMin;
  const mask = model.mask;
  // The characters after the space: the next words and the spaces between them, then the final space.
  const want = cmax - 2;
  let na = 0;
  for (let k = j; k < records.length && na < want; k++) {
    const r = records[k];
    // Words after j have not been reached by the caller's loop yet.
    if (r.sentFor !== model) prepareRecord(model, r);
    if (r.sentKind === 1) continue;
    if (na > 0) afterBuf[na++] = 32;
    const t = r.text;
    for (let q = 0; q < t.length && na < want; q++) afterBuf[na++] = t.charCodeAt(q);
  }
  if (na < want) afterBuf[na++] = 32;
  const starts = Math.min(want, a.length + 1);
  const out = straddleBuf;
  let end = at;
  for (let d = 1; d <= starts; d++) {
    // A start d characters before the space: the space before `a` when d = len + 1, else inside `a`.
    let h = SEED_CHAR;
    let q = a.length - d;
    if (q < 0) {
      h = Math.imul(h ^ 32, FNV_PRIME);
      q = 0;
    }
    for (; q < a.length; q++) h = Math.imul(h ^ a.charCodeAt(q), FNV_PRIME);
    h = Math.imul(h ^ 32, FNV_PRIME);
    let len = d + 1;
    for (let t = 0; t < na && len < cmax; t++) {
      h = Math.imul(h ^ afterBuf[t], FNV_PRIME);
      len++;
      if (len >= cmin) out[end++] = h & mask;
    }
  }
  return end;
}

/**
 * fastLogits over the normaliser's word records (the non-empty parts of the normalised text): the
 * same features and sums, with each word's hashes and char-gram sums kept in its record and the
 * grams straddling each space read from the records (no joined string). Sums of the shipped model's
 * Int16 weights are exact integers, so the order they are added in cannot change a result.
 * (A cache of word pairs' straddling grams was measured and dropped: its table cost more cache
 * misses than it saved, cold and warm.)
 */
export function fastLogitsWords(model: SentimentModel, records: readonly WordRecord[], out: Float64Array): Float64Array {
  const cfg = model.header.config;
  const mask = (1 << cfg.bits) - 1;
  const weights = model.weights;
  let wl = 0;
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let cl = 0;
  if (wordBuf.length < records.length * 4 + 8) wordBuf = new Int32Array(records.length * 4 + 8);
  // At most (charMax - 2)^2 straddling grams per boundary.
  const perBoundary = (cfg.charMax - 2) * (cfg.charMax - 2);
  if (straddleBuf.length < records.length * perBoundary + 8) straddleBuf = new Int32Array(records.length * perBoundary + 8);
  const buf = wordBuf;
  let sl = 0;
  let prevHash = 0;
  // Whether prevHash holds the previous word's hash (hashes are int32 and may be negative).
  let hasPrev = false;
  let negLeft = 0;
  let prevWord: WordRecord | null = null;
  acc[0] = 0;
  acc[1] = 0;
  acc[2] = 0;
  for (let j = 0; j < records.length; j++) {
    const r = records[j];
    if (r.sentFor !== model) prepareRecord(model, r);
    const kind = r.sentKind;
    if (kind !== 1 && prevWord !== null) sl = boundaryGrams(model, prevWord.text, records, j, sl);
    if (kind !== 0) {
      negLeft = 0;
      hasPrev = false;
      if (kind === 2) buf[wl++] = r.sentHash & mask;
      else if (r.text === "!" || r.text === "?") buf[wl++] = r.sentHash & mask;
    } else {
      const h = r.sentHash;
      buf[wl++] = h & mask;
      if (cfg.wordBigrams && hasPrev) buf[wl++] = (Math.imul(prevHash ^ SEED_BIGRAM, FNV_PRIME) ^ h) & mask;
      if (cfg.negation && negLeft > 0) {
        buf[wl++] = r.sentNegHash & mask;
        negLeft--;
      }
      if (cfg.bridge && r.sentBridge >= 0) buf[wl++] = r.sentBridge & mask;
      if (r.sentNegator) negLeft = 3;
      prevHash = h;
      hasPrev = true;
    }
    if (kind !== 1) {
      c0 += r.sentC0;
      c1 += r.sentC1;
      c2 += r.sentC2;
      cl += r.sentCn;
      prevWord = r;
    }
  }
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let i = 0; i < wl; i++) {
    const b = buf[i] * 3;
    w0 += weights[b];
    w1 += weights[b + 1];
    w2 += weights[b + 2];
  }
  const sbuf = straddleBuf;
  for (let i = 0; i < sl; i++) {
    const b = sbuf[i] * 3;
    c0 += weights[b];
    c1 += weights[b + 1];
    c2 += weights[b + 2];
  }
  acc[0] = c0;
  acc[1] = c1;
  acc[2] = c2;
  acc[3] = cl + sl;
  return finish(model, wl, w0, w1, w2, acc, out);
}

/** Calibrated class probabilities from the normaliser's word records, into `out` (same as softmax(fastLogits)). */
export function probabilitiesWords(model: SentimentModel, records: readonly WordRecord[], out: Float64Array): Float64Array {
  return softmax(fastLogitsWords(model, records, out), model.header.temperature);
}

/** Label + calibrated confidence from the normaliser's word records (same result as predictSentiment). */
export function predictSentimentWords(model: SentimentModel, records: readonly WordRecord[]): SentimentResult {
  return decide(model, softmax(fastLogitsWords(model, records, scratch), model.header.temperature));
}

/** Raw class scores (logits before temperature) for featurised text. */
export function logits(model: SentimentModel, f: Features, out: Float64Array = new Float64Array(3)): Float64Array {
  const { weights, header } = model;
  const cfg = header.config;
  const ws = f.wordLen > 0 ? cfg.wordScale / Math.sqrt(f.wordLen) : 0;
  const cs = f.charLen > 0 ? cfg.charScale / Math.sqrt(f.charLen) : 0;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  const word = f.word;
  for (let i = 0; i < f.wordLen; i++) {
    const b = word[i] * 3;
    w0 += weights[b];
    w1 += weights[b + 1];
    w2 += weights[b + 2];
  }
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  const char = f.char;
  for (let i = 0; i < f.charLen; i++) {
    const b = char[i] * 3;
    c0 += weights[b];
    c1 += weights[b + 1];
    c2 += weights[b + 2];
  }
  const sc = model.scale;
  out[0] = header.bias[0] + sc[0] * (w0 * ws + c0 * cs);
  out[1] = header.bias[1] + sc[1] * (w1 * ws + c1 * cs);
  out[2] = header.bias[2] + sc[2] * (w2 * ws + c2 * cs);
  return out;
}

/** Class-major weights (c * size + b, as trained) -> interleaved (b * 3 + c, as scored). */
export function interleave(classMajor: Float32Array, classes = 3): Float32Array {
  const size = classMajor.length / classes;
  const out = new Float32Array(classMajor.length);
  for (let c = 0; c < classes; c++) for (let b = 0; b < size; b++) out[b * classes + c] = classMajor[c * size + b];
  return out;
}

/** Softmax with temperature, in place. */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > max) max = z[i];
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp((z[i] - max) / temperature);
    sum += z[i];
  }
  for (let i = 0; i < z.length; i++) z[i] /= sum;
  return z;
}

const scratch = new Float64Array(3);

/** Class probabilities (calibrated with the fitted temperature) for normalised text. */
export function predictProba(model: SentimentModel, normalized: string): Float64Array {
  const f = featurize(normalized, model.header.config, model.bridge);
  return softmax(logits(model, f, new Float64Array(3)), model.header.temperature);
}

/** Label + calibrated confidence of the most probable class. */
export function predictSentiment(model: SentimentModel, normalized: string): SentimentResult {
  return decide(model, softmax(fastLogits(model, normalized, scratch), model.header.temperature));
}

function decide(model: SentimentModel, p: Float64Array): SentimentResult {
  let best = 0;
  for (let c = 1; c < 3; c++) if (p[c] > p[best]) best = c;
  return { label: model.header.labels[best], score: Math.round(p[best] * 1e4) / 1e4 };
}

/** Quantises weights to Int16 per class; returns the bytes and the per-class scales. */
export function quantizeWeights(weights: Float32Array, classes: number): { bytes: Buffer; scale: number[] } {
  const size = weights.length / classes;
  const q = new Int16Array(weights.length);
  const scale: number[] = [];
  for (let c = 0; c < classes; c++) {
    let max = 0;
    for (let i = c * size; i < (c + 1) * size; i++) max = Math.max(max, Math.abs(weights[i]));
    const sc = max > 0 ? max / 32767 : 1;
    scale.push(sc);
    for (let i = c * size; i < (c + 1) * size; i++) q[i] = Math.round(weights[i] / sc);
  }
  return { bytes: Buffer.from(q.buffer, q.byteOffset, q.byteLength), scale };
}

/** Reads a model header (JSON) and its Int16 weights file next to it. */
export function parseSentimentModel(headerFile: string): SentimentModel {
  const header = JSON.parse(readFileSync(headerFile, "utf8")) as SentimentModelHeader;
  const binPath = headerFile.replace(/[^/\\]+$/, header.weightsFile);
  const buf = readFileSync(binPath);
  const size = 1 << header.config.bits;
  if (buf.byteLength !== 3 * size * 2) throw new Error(`${binPath}: expected ${3 * size * 2} bytes of weights, found ${buf.byteLength}`);
  const q = new Int16Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const weights = new Int16Array(q.length);
  for (let b = 0; b < size; b++) {
    weights[b * 3] = q[b];
    weights[b * 3 + 1] = q[size + b];
    weights[b * 3 + 2] = q[2 * size + b];
  }
  const [s0, s1, s2] = header.quantScale;
  return { header, bridge: new Map(Object.entries(header.bridge)), weights, scale: [s0, s1, s2], mask: size - 1, charCache: new Map() };
}

/** Pipeline stage: normalised text -> sentiment from the trained model (v0 lexicon if none shipped). */
export const sentimentModel: Stage<string, SentimentResult> = (normalized: string, ctx: NlpContext) => {
  const res = ctx.resources.nlp as NlpResources;
  if (!res.sentiment) throw new Error("Model sentimen belum ada (core/src/nlp/models/sentiment-v1.json); jalankan npm run train:sentiment");
  return predictSentiment(res.sentiment, normalized);
};
