// Topic tagging: keyword rules (on surface forms, stems and regional affix-stripped forms) feed a
// per-topic logistic regression trained on the labelled village set. Village-added topics have no
// classifier weights, so their score comes from the rules alone; that is what makes "add a topic
// with keywords, then retag" work without retraining.
import { createRequire } from "node:module";
import modelJson from "./models/topics-v1.json";
import type { NlpContext, Stage, TopicRule, TopicScore } from "./types";
import type { WordRecord } from "./words";

const require = createRequire(import.meta.url);
// The Sastrawi stemmer, vendored from `natural` 8.1.1 (MIT; see sastrawi/NOTICE.md).
const idStemmer = require("./sastrawi/stemmer.cjs") as { stem(word: string): string };
// Its dictionary of root words: a stem is always one of these, or the word itself.
const ROOT_WORDS = require("./sastrawi/kata-dasar.json") as string[];
let rootSet: Set<string> | null = null;

/** Serialised classifier: one weight per (feature, topic) and a bias per topic. */
export interface TopicModelFile {
  name: string;
  version: string;
  threshold: number;
  /** Weight of the rule-only score blended into the classifier probability (0..1). */
  ruleMix?: number;
  topics: string[];
  bias: number[];
  /** feature -> weights aligned with `topics`. */
  weights: Record<string, number[]>;
  trainedOn?: Record<string, unknown>;
}

/** The loaded classifier in lookup-friendly form. */
export interface TopicModel {
  name: string;
  version: string;
  threshold: number;
  ruleMix: number;
  topics: string[];
  bias: Float64Array;
  weights: Map<string, Float64Array>;
}

/** Turns the JSON model into typed arrays, failing with the field name on a malformed file. */
export function parseTopicModel(file: TopicModelFile): TopicModel {
  if (!Array.isArray(file.topics) || !Array.isArray(file.bias) || file.bias.length !== file.topics.length) {
    throw new Error("topics model: `topics` and `bias` must be arrays of the same length");
  }
  if (typeof file.threshold !== "number") throw new Error("topics model: `threshold` must be a number");
  const weights = new Map<string, Float64Array>();
  for (const [feat, w] of Object.entries(file.weights ?? {})) {
    if (!Array.isArray(w) || w.length !== file.topics.length) {
      throw new Error(`topics model: weights for feature "${feat}" must have ${file.topics.length} entries`);
    }
    weights.set(feat, Float64Array.from(w));
  }
  const ruleMix = file.ruleMix ?? 0;
  if (typeof ruleMix !== "number" || ruleMix < 0 || ruleMix > 1) throw new Error("topics model: `ruleMix` must be a number in 0..1");
  return { name: file.name, version: file.version, threshold: file.threshold, ruleMix, topics: file.topics, bias: Float64Array.from(file.bias), weights };
}

/** The shipped classifier (core/src/nlp/models/topics-v1.json, written by train/trainTopics.ts). */
export const DEFAULT_TOPIC_MODEL: TopicModel = parseTopicModel(modelJson as TopicModelFile);

/** Model name + version recorded with stored topic results. */
export const TOPIC_MODEL_INFO = { name: DEFAULT_TOPIC_MODEL.name, version: DEFAULT_TOPIC_MODEL.version };

const WORD_RE = /[\p{L}\p{N}]+/gu;

const SIMPLE_WORD_RE = /^[a-z0-9]+$/;

/** Lower-cased word tokens; hyphens split, so "gorong-gorong" and "e-ktp" match keyword phrases. */
export function topicTokens(text: string): string[] {
  // Fast path for normalised text (already lower-case, space-separated); the Unicode regex only
  // runs on the few pieces that carry punctuation, hyphens or non-ASCII letters.
  const out: string[] = [];
  for (const piece of text.split(" ")) {
    if (piece.length === 0) continue;
    if (SIMPLE_WORD_RE.test(piece)) out.push(piece);
    else {
      const words = piece.toLowerCase().match(WORD_RE);
      if (words) for (const w of words) out.push(w);
    }
  }
  return out;
}

// Memoised stems and match forms. Bounded so a long-running server fed unique junk cannot grow
// without limit; clearing is cheap and the common vocabulary refills quickly.
const MEMO_LIMIT = 200_000;
const stemMemo = new Map<string, string>();
const formsMemo = new Map<string, readonly string[]>();

/** Indonesian stem of one lower-case token (memoised; never throws). */
export function stemToken(token: string): string {
  const s = stemMemo.get(token);
  return s !== undefined ? s : stemNew(token);
}

/** stemToken for a token not in the memo (the caller looked). */
function stemNew(token: string): string {
  let s: string;
  try {
    s = token.length > 3 && /^\p{L}+$/u.test(token) ? idStemmer.stem(token) : token;
  } catch {
    s = token;
  }
  if (stemMemo.size >= MEMO_LIMIT) stemMemo.clear();
  stemMemo.set(token, s);
  return s;
}

// Sundanese/Javanese possessive and locative endings ("jalanna", "dalane", "banyune") and verbal
// prefixes ("dipaling", "ngocor") that the Indonesian stemmer does not know.
// Verb forms whose root is a topic keyword with another meaning: "berjalan lancar" (runs
// smoothly) is not about roads.
const STEM_EXCEPTIONS = new Set(["berjalan", "menjalankan", "dijalankan", "menjalani", "dijalani", "sejalan", "perjalanan", "jalankan"]);

const REGIONAL_SUFFIXES = ["nya", "na", "ne", "ipun", "eun", "e"];
const REGIONAL_PREFIXES = ["di", "ka", "ke", "nga", "ti"];

/** Every form a token may match a keyword under: surface, stem, regional affixes stripped. */
export function tokenForms(token: string): readonly string[] {
  let forms = formsMemo.get(token);
  if (forms) return forms;
  forms = formsWithStem(token, stemToken(token));
  if (formsMemo.size >= MEMO_LIMIT) formsMemo.clear();
  formsMemo.set(token, forms);
  return forms;
}

/** tokenForms with the token's stem given (the token itself for "no stem"). */
function formsWithStem(token: string, stem: string): string[] {
  // Distinct forms in first-seen order (what a Set would give): a word has at most a handful, so they
  // are collected in a scratch array with includes() (no Set per word seen for the first time) and
  // copied out at their exact length (the forms are kept for as long as the word is memoised).
  const forms = formsScratch;
  forms.length = 0;
  forms.push(token);
  // Sastrawi also removes infixes and guesses on regional words ("leres" -> "les"); a short stem
  // that is not inside the word is more often wrong than right.
  if (stem !== token && !STEM_EXCEPTIONS.has(token) && (stem.length >= 4 || token.includes(stem))) addForm(forms, stem);
  for (const suf of REGIONAL_SUFFIXES) {
    if (token.length - suf.length >= 3 && token.endsWith(suf)) addForm(forms, token.slice(0, -suf.length));
  }
  for (const pre of REGIONAL_PREFIXES) {
    if (token.length - pre.length >= 4 && token.startsWith(pre)) {
      const rest = token.slice(pre.length);
      addForm(forms, rest);
      for (const suf of REGIONAL_SUFFIXES) if (rest.length - suf.length >= 3 && rest.endsWith(suf)) addForm(forms, rest.slice(0, -suf.length));
    }
  }
  return forms.slice();
}

// A module function, not a closure per call: a new word should allocate only what it keeps.
function addForm(forms: string[], f: string): void {
  if (!forms.includes(f)) forms.push(f);
}

const formsScratch: string[] = [];

/**
 * The root words whose stemming can change a topic score: keyword tokens (a stem is a match form)
 * and stems with classifier weights ("s:<stem>"). Sastrawi only answers with a root word or the word
 * itself, and it finds the root by stripping prefixes, suffixes and up to three infixes after the
 * first letter, recoding at most that first letter. So the root's letters after the first stand in
 * the word in one piece, right after the root's first letter ("dibakar" -> bakar), after the nasal
 * that replaced it ("memukul" -> pukul, "menulis" -> tulis, "mengirim" -> kirim, "menyapu" -> sapu),
 * or after an infix's last letter ("gerigi" -> gigi, "gemetar" -> getar, "menemani" -> tani).
 * `keys` holds, for every root that matters, those letters after each possible predecessor; a word
 * containing none of them cannot stem to such a root, and the stemmer (the costliest step of a word
 * seen for the first time) is skipped for it. The root also ends where the word's suffixes begin:
 * Sastrawi strips at most one derivational suffix (-i, -is, -isme, -isasi, -an, -kan), then one
 * possessive (-ku, -mu, -nya), then one particle (-lah, -kah, -tah, -pun) from the end, only from the
 * end, and may put some of them back (or, for -kan, the "k"), so what follows the root in the word is
 * one of STEM_TAILS: a key counts only where it ends right before one. A test checks the property on
 * the whole root-word list with common affixes.
 */
export interface StemFilter {
  keys: Set<string>;
  /**
   * The keys' FNV-1a hashes as a bit set (2^KEY_BITS bits): a word's substrings are hashed where they
   * lie, without building strings. A hash collision only costs a stemming that was not needed.
   */
  bits: Int32Array;
  /** Shortest key length (no substring shorter than this is looked up). */
  minLength: number;
  maxLength: number;
}

const KEY_BITS = 20;
const KEY_MASK = (1 << KEY_BITS) - 1;

// The nasal a prefix leaves where it replaced a root's first letter (meN-/peN- + p, t, k, s).
const NASAL_BEFORE: Record<string, string> = { p: "m", t: "n", k: "g", s: "y" };
// Last letters of the infixes -er-, -el-, -em-, -in-.
const INFIX_ENDS = ["r", "l", "m", "n"];

/** The stem filter of the given roots (every root word when `relevant` is null). */
export function buildStemFilter(relevant: ReadonlySet<string> | null): StemFilter {
  const keys = new Set<string>();
  rootSet ??= new Set(ROOT_WORDS);
  for (const w of relevant ?? ROOT_WORDS) {
    if (!w || w.length < 2 || !rootSet.has(w)) continue;
    const rest = w.slice(1);
    keys.add(w);
    const nasal = NASAL_BEFORE[w[0]];
    if (nasal !== undefined) keys.add(nasal + rest);
    for (const c of INFIX_ENDS) keys.add(c + rest);
  }
  const bits = new Int32Array(1 << (KEY_BITS - 5));
  let minLength = Infinity;
  let maxLength = 0;
  for (const k of keys) {
    let h = FNV_OFFSET;
    for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), FNV_PRIME);
    const b = h & KEY_MASK;
    bits[b >>> 5] |= 1 << (b & 31);
    minLength = Math.min(minLength, k.length);
    maxLength = Math.max(maxLength, k.length);
  }
  return { keys, bits, minLength, maxLength };
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Keyword tokens of a compiled taxonomy plus the stems the model weighs: the roots worth stemming to. */
function relevantRoots(byFirst: Map<string, Phrase[]>, model: TopicModel): Set<string> {
  const relevant = new Set<string>();
  for (const list of byFirst.values()) for (const p of list) for (const t of p.tokens) relevant.add(t);
  for (const f of model.weights.keys()) if (f.startsWith("s:")) relevant.add(f.slice(2));
  return relevant;
}

// What may follow a root in a word Sastrawi stems to it: derivational + possessive + particle suffix, each optional.
const STEM_TAILS = new Set<string>();
for (const d of ["", "i", "is", "isme", "isasi", "an", "kan"]) for (const p of ["", "ku", "mu", "nya"]) for (const q of ["", "lah", "kah", "tah", "pun"]) STEM_TAILS.add(d + p + q);
const STEM_TAIL_MAX = Math.max(...[...STEM_TAILS].map((t) => t.length));

/** False when `token` cannot stem to a root word of the filter (see StemFilter). */
export function mayStemToRelevant(token: string, filter: StemFilter): boolean {
  const { bits, minLength, maxLength } = filter;
  const n = token.length;
  // A key must end at or after this index: the rest of the word is at most one suffix chain long.
  const lastStart = n - STEM_TAIL_MAX - 1;
  for (let i = 0; i + minLength <= n; i++) {
    // Every substring starting at i, hashed as it grows; looked up once long enough.
    let h = FNV_OFFSET;
    const end = Math.min(n, i + maxLength);
    for (let j = i; j < end; j++) {
      h = Math.imul(h ^ token.charCodeAt(j), FNV_PRIME);
      if (j - i + 1 >= minLength && j >= lastStart) {
        const b = h & KEY_MASK;
        if ((bits[b >>> 5] & (1 << (b & 31))) !== 0 && (j === n - 1 || STEM_TAILS.has(token.slice(j + 1)))) return true;
      }
    }
  }
  return false;
}

/**
 * The stem as topic scoring needs it: stemToken's answer, or the token itself when that answer cannot
 * be a keyword token nor a weighted stem (then it changes no form and no weight that scoring reads).
 */
function relevantStem(token: string, filter: StemFilter): string {
  const known = stemMemo.get(token);
  if (known !== undefined) return known;
  return token.length > 3 && mayStemToRelevant(token, filter) ? stemNew(token) : token;
}

interface Phrase {
  topic: number;
  tokens: string[];
  keyword: string;
  /** Classifier weights of "k:<keyword>" and "l:<keyword>" (resolved at compile time). */
  kRow: Float64Array | null;
  lRow: Float64Array | null;
}

/** Keyword rules of one taxonomy, indexed by the first token of each phrase. */
export interface CompiledTopics {
  keys: string[];
  byFirst: Map<string, Phrase[]>;
  /** For each topic in `keys`, its column in the classifier (or -1 when it has no weights). */
  modelColumn: Int32Array;
  /** Memo: token -> phrases that may start at it and its classifier weights. */
  info: Map<string, TokenInfo>;
  model: TopicModel;
  /** Weights of "r:<topic>" per topic (null when the classifier has none). */
  ruleRows: Array<Float64Array | null>;
  /** Which words are worth stemming for this taxonomy and model. */
  stemFilter: StemFilter;
  /**
   * Tokens at the second or a later position of some phrase: the only forms phraseAt() ever asks a
   * token about, so a token's info keeps only those (most words keep none).
   */
  laterTokens: Set<string>;
  /** Scratch per comment, aligned with `keys`: scores and rule hits. */
  scores: Float64Array;
  hits: Int32Array;
}

/** Everything scoring needs about one token, looked up once per token per call. */
interface TokenInfo {
  /** The token's match forms that are a later token of some phrase (CompiledTopics.laterTokens), in tokenForms order. */
  forms: readonly string[];
  phrases: Phrase[] | null;
  /** Word + stem weights (summed), null when the model has neither. */
  row: Float64Array | null;
  /** This token's number among the model's bigram first tokens, or -1 (see TokenWeightCache.pairs). */
  first: number;
  /** This token's number among the model's bigram second tokens, or -1. */
  second: number;
}

const compiledCache = new WeakMap<TopicModel, WeakMap<TopicRule[], CompiledTopics>>();

/**
 * Compiles a taxonomy once; cached by array identity, so callers must pass a new array after an
 * edit (which is what loading a village's topics from the database does anyway).
 */
export function compileTopics(topics: TopicRule[], model: TopicModel = DEFAULT_TOPIC_MODEL): CompiledTopics {
  // The pipeline asks for the same taxonomy on every comment: answered without the WeakMap look-ups.
  if (lastCompiled !== null && lastCompiled.topics === topics && lastCompiled.compiled.model === model) return lastCompiled.compiled;
  const compiled = compileTopicsOnce(topics, model);
  lastCompiled = { topics, compiled };
  return compiled;
}

let lastCompiled: { topics: TopicRule[]; compiled: CompiledTopics } | null = null;

function compileTopicsOnce(topics: TopicRule[], model: TopicModel): CompiledTopics {
  let perModel = compiledCache.get(model);
  if (!perModel) {
    perModel = new WeakMap();
    compiledCache.set(model, perModel);
  }
  const cached = perModel.get(topics);
  if (cached) return cached;
  const byFirst = new Map<string, Phrase[]>();
  const keys = topics.map((t) => t.key);
  topics.forEach((t, topic) => {
    const seen = new Set<string>();
    for (const kw of t.keywords) {
      const tokens = topicTokens(kw);
      if (tokens.length === 0) continue;
      const sig = tokens.join(" ");
      if (seen.has(sig)) continue;
      seen.add(sig);
      const list = byFirst.get(tokens[0]) ?? [];
      list.push({ topic, tokens, keyword: sig, kRow: model.weights.get(`k:${sig}`) ?? null, lRow: model.weights.get(`l:${sig}`) ?? null });
      byFirst.set(tokens[0], list);
    }
  });
  // Longer phrases first so a scan finds "kerja bakti" before "kerja".
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const modelColumn = Int32Array.from(keys.map((k) => model.topics.indexOf(k)));
  const ruleRows = keys.map((k) => model.weights.get(`r:${k}`) ?? null);
  const laterTokens = new Set<string>();
  for (const list of byFirst.values()) for (const p of list) for (let j = 1; j < p.tokens.length; j++) laterTokens.add(p.tokens[j]);
  const compiled: CompiledTopics = {
    keys, byFirst, modelColumn, info: new Map(), model, ruleRows, laterTokens,
    stemFilter: buildStemFilter(relevantRoots(byFirst, model)), scores: new Float64Array(keys.length), hits: new Int32Array(keys.length),
  };
  perModel.set(topics, compiled);
  return compiled;
}

/** A keyword phrase found in the text: topic index into `compiled.keys`, token span. */
export interface RuleMatch {
  topic: number;
  start: number;
  end: number;
  /** The keyword as compiled (tokens joined by one space). */
  keyword: string;
  /** A one-word keyword used as a place ("di jalan", "dekat pasar"): weak evidence, not a hit. */
  locative: boolean;
  phrase: Phrase;
}

// Prepositions and place nouns that make the next word a location rather than the subject:
// "balap liar di jalan baru" is about order, "sampah dekat pasar" about waste.
const LOCATIVE = new Set([
  "di", "ke", "dekat", "deket", "depan", "belakang", "pinggir", "samping", "sebelah", "seberang", "sekitar", "menuju",
  "arah", "ujung", "blok", "sisi", "neng", "nang", "ning", "ing", "dina", "tengah",
]);

/** Phrases whose first token matches one of the token's forms, longest first (memoised). */
function tokenInfo(token: string, compiled: CompiledTopics): TokenInfo {
  let info = compiled.info.get(token);
  if (info !== undefined) return info;
  info = newTokenInfo(token, compiled);
  if (compiled.info.size >= MEMO_LIMIT) compiled.info.clear();
  compiled.info.set(token, info);
  return info;
}

/** tokenInfo's answer, computed (it is a pure function of the token, the taxonomy and the model). */
function newTokenInfo(token: string, compiled: CompiledTopics): TokenInfo {
  const found: Phrase[] = [];
  // Known tokens keep their memoised forms; a new one is stemmed only when the stem can matter.
  const stem = relevantStem(token, compiled.stemFilter);
  const forms = formsMemo.get(token) ?? formsWithStem(token, stem);
  for (const f of forms) {
    const l = compiled.byFirst.get(f);
    if (l) for (const p of l) if (!found.includes(p)) found.push(p);
  }
  if (found.length > 1) found.sort(byPhraseLength);
  const model = compiled.model;
  let row: Float64Array | null = null;
  let first = -1;
  let second = -1;
  if (model.topics.length > 0) {
    // The model's "w:" row and bigram numbers of the token in one look-up, and its "s:" row: no
    // feature string is built and hashed per new token.
    const tw = tokenWeights(model);
    const known = tw.tokens.get(token);
    const word = known?.row ?? null;
    const stemRow = stem !== token ? tw.stems.get(stem) : undefined;
    row = word && stemRow ? sumRows(word, stemRow) : (word ?? stemRow ?? null);
    if (known !== undefined) {
      first = known.first;
      second = known.second;
    }
  }
  // Only the forms phraseAt() can ask about are kept; a token with nothing to keep (most new words)
  // shares one info, so a first-seen word leaves no object here for the garbage collector to trace.
  let later: string[] | null = null;
  for (const f of forms) if (compiled.laterTokens.has(f)) (later ??= []).push(f);
  if (later === null && found.length === 0 && row === null && first < 0 && second < 0) return EMPTY_TOKEN_INFO;
  return { forms: later ?? NO_FORMS, phrases: found.length > 0 ? found : null, row, first, second };
}

// Never written (not frozen: a frozen object would have another shape in the scoring loops).
const NO_FORMS: readonly string[] = [];
const EMPTY_TOKEN_INFO: TokenInfo = { forms: NO_FORMS, phrases: null, row: null, first: -1, second: -1 };

function byPhraseLength(a: Phrase, b: Phrase): number {
  return b.tokens.length - a.tokens.length;
}

function sumRows(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k] + b[k];
  return out;
}

function phraseAt(infos: TokenInfo[], i: number, phrase: Phrase): boolean {
  if (i + phrase.tokens.length > infos.length) return false;
  for (let j = 1; j < phrase.tokens.length; j++) {
    if (!infos[i + j].forms.includes(phrase.tokens[j])) return false;
  }
  return true;
}

/**
 * Keyword matches, longest first: a span taken by a longer phrase ("jalan sehat", "kerja bakti",
 * "polisi tidur") is not also counted for a shorter keyword of another topic ("jalan", "kerja").
 * Different topics with the same phrase length on the same span all count.
 */
export function matchRules(tokens: string[], compiled: CompiledTopics, infos: TokenInfo[] = tokens.map((t) => tokenInfo(t, compiled))): RuleMatch[] {
  const candidates: RuleMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const list = infos[i].phrases;
    if (list === null) continue;
    for (const p of list) if (phraseAt(infos, i, p)) candidates.push({ topic: p.topic, start: i, end: i + p.tokens.length, keyword: p.keyword, locative: p.tokens.length === 1 && i > 0 && LOCATIVE.has(tokens[i - 1]), phrase: p });
  }
  if (candidates.length <= 1) return candidates;
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Scratch (matching is synchronous): the length of the phrase owning each token, 0 when none.
  if (ownerLenScratch.length < tokens.length) ownerLenScratch = new Int32Array(tokens.length * 2);
  const ownerLen = ownerLenScratch;
  ownerLen.fill(0, 0, tokens.length);
  const out: RuleMatch[] = [];
  // Signatures of the kept matches, once there are many (a keyword repeated thousands of times would make
  // the scan below quadratic); a comment's few matches are scanned instead.
  let sigs: Set<number> | null = null;
  for (const c of candidates) {
    const len = c.end - c.start;
    let free = true;
    for (let k = c.start; k < c.end; k++) {
      if (ownerLen[k] > len) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    // One match per signature (the kept matches are few: a scan, not a Set per comment).
    const sig = c.topic * 1_000_000 + c.start;
    let taken = false;
    if (sigs !== null) taken = sigs.has(sig);
    else for (const m of out) if (m.topic * 1_000_000 + m.start === sig) taken = true;
    if (taken) continue;
    for (let k = c.start; k < c.end; k++) ownerLen[k] = len;
    out.push(c);
    if (sigs !== null) sigs.add(sig);
    else if (out.length >= 32) sigs = new Set(out.map((m) => m.topic * 1_000_000 + m.start));
  }
  return out;
}

let ownerLenScratch = new Int32Array(256);

/** Rule hits per topic (distinct matched spans), aligned with `compiled.keys`. */
export function ruleHits(matches: RuleMatch[], compiled: CompiledTopics): Int32Array {
  const hits = new Int32Array(compiled.keys.length);
  for (const m of matches) if (!m.locative) hits[m.topic]++;
  return hits;
}

/** Sparse classifier features (counts): words, stems, bigrams, capped rule hits per topic, keywords. */
export function topicFeatures(tokens: string[], compiled: CompiledTopics, matches: RuleMatch[] = matchRules(tokens, compiled)): Map<string, number> {
  const feats = new Map<string, number>();
  const inc = (f: string, v = 1): void => {
    feats.set(f, (feats.get(f) ?? 0) + v);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    inc(`w:${t}`);
    const s = stemToken(t);
    if (s !== t) inc(`s:${s}`);
    if (i + 1 < tokens.length) inc(`b:${t}_${tokens[i + 1]}`);
  }
  const hits = ruleHits(matches, compiled);
  for (let k = 0; k < hits.length; k++) if (hits[k] > 0) feats.set(`r:${compiled.keys[k]}`, Math.min(hits[k], 3));
  // Which keyword fired, so the classifier can learn that "jalan" alone is weaker than "jalan rusak".
  for (const m of matches) inc(`${m.locative ? "l" : "k"}:${m.keyword}`);
  return feats;
}

/** Rule-only confidence: one keyword 0.55, two 0.80, three 0.91. */
export function ruleScore(hits: number): number {
  return hits <= 0 ? 0 : 1 - Math.pow(0.45, hits);
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

// Per model: each token's word + stem weights summed once, and bigram weights by first token, so
// scoring adds arrays without building feature strings. Same arithmetic as summing the weights of
// topicFeatures() (a test checks this).
interface TokenWeightCache {
  /** token -> weights of "w:token", and stem -> weights of "s:stem". */
  words: Map<string, Float64Array>;
  stems: Map<string, Float64Array>;
  /**
   * The bigrams ("b:first_second") by number: first and second tokens are numbered, and `pairs` is an
   * open-addressing table of (first << 16 | second) + 1 -> index into `pairRows`. Scoring looks a word
   * pair up by the numbers kept in the two tokens' infos: one read of a small table (it stays in the
   * CPU cache) instead of a Map probe per word. The numbering is the model's, so it holds when memos clear.
   */
  firsts: Map<string, number>;
  seconds: Map<string, number>;
  /** Per token with a "w:" row or a bigram number: that row (or null) and its numbers (or -1), for one look-up per new token. */
  tokens: Map<string, { row: Float64Array | null; first: number; second: number }>;
  pairs: Int32Array;
  pairRows: Float64Array[];
  /** Scratch logits, reused across calls (stages are synchronous). */
  z: Float64Array;
}
/** Home slot of a bigram key in a table of mask + 1 slots. */
function pairSlot(key: number, mask: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 16 & mask;
}

/** The weights of bigram (first, second) by the tokens' numbers, or null. */
function pairRow(tw: TokenWeightCache, first: number, second: number): Float64Array | null {
  const key = ((first << 16) | second) + 1;
  const pairs = tw.pairs;
  const mask = (pairs.length >> 1) - 1;
  for (let i = pairSlot(key, mask); ; i = (i + 1) & mask) {
    const k = pairs[2 * i];
    if (k === key) return tw.pairRows[pairs[2 * i + 1]];
    if (k === 0) return null;
  }
}

const tokenWeightCaches = new WeakMap<TopicModel, TokenWeightCache>();

let lastWeights: TokenWeightCache | null = null;
let lastWeightsModel: TopicModel | null = null;

function tokenWeights(model: TopicModel): TokenWeightCache {
  if (model === lastWeightsModel) return lastWeights!;
  let c = tokenWeightCaches.get(model);
  if (!c) {
    const words = new Map<string, Float64Array>();
    const stems = new Map<string, Float64Array>();
    const firsts = new Map<string, number>();
    const seconds = new Map<string, number>();
    const keys: number[] = [];
    const pairRows: Float64Array[] = [];
    for (const [f, w] of model.weights) {
      if (f.startsWith("w:")) words.set(f.slice(2), w);
      else if (f.startsWith("s:")) stems.set(f.slice(2), w);
      if (!f.startsWith("b:")) continue;
      const cut = f.indexOf("_");
      const first = f.slice(2, cut);
      const second = f.slice(cut + 1);
      let a = firsts.get(first);
      if (a === undefined) firsts.set(first, (a = firsts.size));
      let b = seconds.get(second);
      if (b === undefined) seconds.set(second, (b = seconds.size));
      keys.push(((a << 16) | b) + 1);
      pairRows.push(w);
    }
    if (firsts.size >= 1 << 15 || seconds.size >= 1 << 16) throw new Error("topics model: too many bigram tokens to number");
    let size = 16;
    while (size < keys.length * 4) size *= 2;
    // Pairs of (key, row index): a probe reads one slot's two numbers.
    const pairs = new Int32Array(size * 2);
    for (let k = 0; k < keys.length; k++) {
      let i = pairSlot(keys[k], size - 1);
      while (pairs[2 * i] !== 0) i = (i + 1) & (size - 1);
      pairs[2 * i] = keys[k];
      pairs[2 * i + 1] = k;
    }
    const tokens = new Map<string, { row: Float64Array | null; first: number; second: number }>();
    for (const t of new Set([...words.keys(), ...firsts.keys(), ...seconds.keys()])) tokens.set(t, { row: words.get(t) ?? null, first: firsts.get(t) ?? -1, second: seconds.get(t) ?? -1 });
    c = { words, stems, firsts, seconds, tokens, pairs, pairRows, z: new Float64Array(model.topics.length) };
    tokenWeightCaches.set(model, c);
  }
  lastWeightsModel = model;
  lastWeights = c;
  return c;
}

function addRow(z: Float64Array, row: Float64Array | undefined | null, v = 1): void {
  if (!row) return;
  for (let k = 0; k < row.length; k++) z[k] += row[k] * v;
}

/**
 * Score of topic i of `compiled.keys`: classifier probability blended with the rule score, or
 * the rule score alone for topics the classifier does not know.
 */
function scoreAll(text: string, compiled: CompiledTopics, model: TopicModel): Float64Array {
  const tokens = topicTokens(text);
  const infos = new Array<TokenInfo>(tokens.length);
  for (let i = 0; i < tokens.length; i++) infos[i] = tokenInfo(tokens[i], compiled);
  return scoreTokens(tokens, infos, compiled, model);
}

/** scoreAll over the normaliser's word records: each word's topic tokens and their infos are kept in its record. */
function scoreWords(words: readonly WordRecord[], compiled: CompiledTopics, model: TopicModel): Float64Array {
  // Scratch arrays, reused (stages are synchronous): filled by index, then cut to length.
  const tokens = scratchTokens;
  const infos = scratchInfos;
  let n = 0;
  for (const r of words) {
    if (r.topicFor !== compiled) {
      r.topicFor = compiled;
      const text = r.text;
      if (SIMPLE_WORD_RE.test(text)) {
        // One token, the word itself (most words): its info is kept in the record alone; the memo
        // by token serves words of several tokens.
        r.topicToken1 = text;
        r.topicInfo1 = newTokenInfo(text, compiled);
      } else {
        const toks = topicTokens(text);
        r.topicTokens = toks;
        const recInfos = new Array<TokenInfo>(toks.length);
        for (let i = 0; i < toks.length; i++) recInfos[i] = tokenInfo(toks[i], compiled);
        r.topicInfos = recInfos;
        r.topicToken1 = toks.length === 1 ? toks[0] : null;
        r.topicInfo1 = toks.length === 1 ? r.topicInfos[0] : null;
      }
    }
    if (r.topicToken1 !== null) {
      tokens[n] = r.topicToken1;
      infos[n++] = r.topicInfo1 as TokenInfo;
      continue;
    }
    const toks = r.topicTokens;
    const recInfos = r.topicInfos;
    for (let i = 0; i < toks.length; i++) {
      tokens[n] = toks[i];
      infos[n++] = recInfos[i] as TokenInfo;
    }
  }
  tokens.length = n;
  infos.length = n;
  return scoreTokens(tokens, infos, compiled, model);
}

const scratchTokens: string[] = [];
const scratchInfos: TokenInfo[] = [];

/**
 * Scores into `compiled.scores` (reused: callers read it before the next call; stages are
 * synchronous), with the rule hits counted into `compiled.hits`.
 */
function scoreTokens(tokens: string[], infos: TokenInfo[], compiled: CompiledTopics, model: TopicModel): Float64Array {
  const out = compiled.scores;
  out.fill(0);
  if (tokens.length === 0) return out;
  const matches = matchRules(tokens, compiled, infos);
  const hits = compiled.hits;
  hits.fill(0);
  for (const m of matches) if (!m.locative) hits[m.topic]++;
  let z: Float64Array | null = null;
  if (model.topics.length > 0) {
    const tw = tokenWeights(model);
    z = tw.z;
    z.set(model.bias);
    const last = tokens.length - 1;
    for (let i = 0; i <= last; i++) {
      const info = infos[i];
      // Inlined addRow (the hottest loop of the stage): the word + stem row, then the bigram's.
      const row = info.row;
      if (row !== null) for (let k = 0; k < row.length; k++) z[k] += row[k];
      if (i < last && info.first >= 0) {
        const second = infos[i + 1].second;
        const b = second >= 0 ? pairRow(tw, info.first, second) : null;
        if (b !== null) for (let k = 0; k < b.length; k++) z[k] += b[k];
      }
    }
    for (let k = 0; k < hits.length; k++) if (hits[k] > 0) addRow(z, compiled.ruleRows[k], Math.min(hits[k], 3));
    for (const m of matches) addRow(z, m.locative ? m.phrase.lRow : m.phrase.kRow);
  }
  for (let i = 0; i < out.length; i++) {
    const col = compiled.modelColumn[i];
    const rule = ruleScore(hits[i]);
    out[i] = col >= 0 && z ? (1 - model.ruleMix) * sigmoid(z[col]) + model.ruleMix * rule : rule;
  }
  return out;
}

/** Scores every topic of the taxonomy (no threshold); used by evaluation and tests. */
export function scoreTopics(text: string, topics: TopicRule[], model: TopicModel = DEFAULT_TOPIC_MODEL): Array<{ key: string; score: number }> {
  const compiled = compileTopics(topics, model);
  const scores = scoreAll(text, compiled, model);
  return compiled.keys.map((key, i) => ({ key, score: scores[i] }));
}

/** Rule-only topics reach the same threshold as classifier topics with one keyword hit. */
const RULE_ONLY_THRESHOLD = 0.5;

/**
 * Topic stage: multi-label scores in 0..1 for the village's taxonomy (ctx.topics), highest first;
 * topics below the threshold are left out. Input `normalized` is the normalised comment.
 */
export const tagTopics: Stage<{ normalized: string; tokens: string[] }, TopicScore[]> = (input, ctx: NlpContext) => {
  const model = (ctx.resources.topicModel as TopicModel | undefined) ?? DEFAULT_TOPIC_MODEL;
  const compiled = compileTopics(ctx.topics, model);
  return selectTopics(scoreAll(input.normalized, compiled, model), compiled, model);
};

/** tagTopics over the normaliser's word records of the normalised text (same result). */
export function tagTopicsWords(words: readonly WordRecord[], ctx: NlpContext): TopicScore[] {
  const model = (ctx.resources.topicModel as TopicModel | undefined) ?? DEFAULT_TOPIC_MODEL;
  const compiled = compileTopics(ctx.topics, model);
  return selectTopics(scoreWords(words, compiled, model), compiled, model);
}

function selectTopics(scores: Float64Array, compiled: CompiledTopics, model: TopicModel): TopicScore[] {
  const out: TopicScore[] = [];
  for (let i = 0; i < scores.length; i++) {
    const threshold = compiled.modelColumn[i] >= 0 ? model.threshold : RULE_ONLY_THRESHOLD;
    if (scores[i] >= threshold) out.push({ key: compiled.keys[i], score: round3(scores[i]) });
  }
  out.sort((a, b) => b.score - a.score);
  return out;
}
