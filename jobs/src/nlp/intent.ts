// Intent and urgency stages. Both are linear models (multinomial / binary logistic regression) over
// hashed word, word-bigram and character-trigram features plus hand-written cue features (question
// words, proposal and thanks phrases, danger x present-time x person/home cues) in Indonesian, slang,
// Sundanese, Javanese and English. Cues are matched on both forms of the text: `surface` keeps
// regional words ("naon", "kumaha", "caah") that slang mapping would rewrite, `normalized` has the
// formal Indonesian forms. Models are data files (models/intent-v1.json, models/urgency-v1.json)
// trained by `npm run train:intent` on the village corpus TRAIN split; thresholds are tuned on VALID.
import type { IntentLabel, IntentResult, NlpContext, Stage, UrgencyResult } from "./types";

export const INTENT_LABELS: readonly IntentLabel[] = ["keluhan", "pertanyaan", "usulan", "apresiasi", "lainnya"];
/** Intents that ask the village office for an answer or an action. */
export const NEEDS_REPLY: ReadonlySet<IntentLabel> = new Set<IntentLabel>(["keluhan", "pertanyaan", "usulan"]);

// Cue lists. Single words are matched as whole tokens; entries with a space as padded phrases.
const QUESTION = ["apa", "apakah", "kapan", "gimana", "bagaimana", "gmn", "berapa", "brp", "dimana", "mana", "kenapa", "mengapa", "knp", "siapa", "bisakah", "boleh", "bolehkah", "gak sih", "ya kak",
  "naon", "kumaha", "iraha", "sabaraha", "dimana", "saha", "naha", "timana", "kamana", "tiasa", "piye", "pira", "endi", "ngendi", "sopo", "ngopo", "opo", "kapan", "pundi", "pripun", "menapa",
  "what", "when", "how", "where", "why", "who", "which", "can", "could", "is", "are", "does", "do", "info", "infonya", "nanya", "tanya", "bertanya", "numpang tanya", "mau tanya"];
const QUESTION_PARTICLES = ["ya ?", "min ?", "pak ?", "bu ?", "kah ?", "nggak ?", "gak ?", "belum ?", "teu ?", "yah ?", "kak ?", "kang ?", "atuh ?", "toh ?", "po ?"];
const PROPOSAL = ["usul", "usulan", "mengusulkan", "saran", "menyarankan", "gimana kalau", "bagaimana kalau", "kumaha upami", "piye yen", "mohon diadakan", "sebaiknya", "seharusnya", "harusnya", "alangkah baiknya", "semoga ada", "tolong diadakan", "bikin", "dibuat", "diadakan", "adakan", "perlu", "mending", "kalau bisa", "upami tiasa", "yen iso", "suggest", "should", "would be nice", "propose", "sae upami", "hoyong", "pengen ada", "ingin ada"];
const THANKS = ["makasih", "terima kasih", "terimakasih", "trims", "hatur nuhun", "nuhun", "matur nuwun", "maturnuwun", "suwun", "thank", "thanks", "thx", "mantap", "mantul", "keren", "salut", "bagus", "apresiasi", "alhamdulillah", "sae", "apik", "great", "good job", "sukses", "semangat", "luar biasa"];
const COMPLAINT = ["rusak", "mati", "tidak", "belum", "bau", "macet", "bocor", "kecewa", "parah", "lambat", "lama", "susah", "kotor", "numpuk", "ruksak", "teu", "ora", "durung", "broken", "still", "not", "kapan diperbaiki", "tolong"];

/** Danger terms (life, health or home at risk); the ones found are reported as `urgentTerms`. */
export const DANGER = ["banjir", "kebanjiran", "longsor", "tanah longsor", "kebakaran", "terbakar", "api", "asap", "ambruk", "roboh", "runtuh", "rubuh", "tenggelam", "hanyut", "terseret", "tertimbun", "tertimpa",
  "kesetrum", "tersengat", "korslet", "konslet", "kabel putus", "percikan", "sesak", "sesak napas", "sesak nafas", "pingsan", "kejang", "pendarahan", "berdarah", "keracunan", "muntah", "muntaber", "demam tinggi", "step", "kritis", "sekarat", "tidak sadar", "melahirkan", "ketuban", "digigit ular", "ular", "tabrakan", "kecelakaan", "luka",
  "hilang", "belum pulang", "diculik", "maling", "rampok", "begal", "tawuran", "bacok", "gempa", "puting beliung", "angin kencang", "pohon tumbang", "tumbang", "retak", "miring", "air naik", "meluap", "jebol", "tanggul", "evakuasi", "darurat", "ambulans", "ambulan", "gawat", "bahaya",
  "caah", "urug", "kahuruan", "kaduruk", "seuneu", "rubuh", "ambruk", "palid", "kalelep", "tisoledat", "kobong", "geni", "kebanjiran", "kelelep", "ambles",
  "flood", "flooding", "fire", "landslide", "collapsed", "collapse", "drowning", "unconscious", "bleeding", "emergency", "ambulance", "electrocuted", "trapped", "missing"];
const NOW = ["sekarang", "skrg", "skrng", "saat ini", "barusan", "baru saja", "tadi", "masih", "lagi", "sedang", "malam ini", "pagi ini", "sore ini", "siang ini", "segera", "cepat", "cepetan", "buruan", "tolong", "darurat", "terus", "makin", "semakin", "detik ini", "mulai",
  "ayeuna", "kiwari", "nembe", "enggal", "gancang", "buru", "tulung", "saiki", "mau", "lagi", "nembe", "cepet", "gage", "now", "right now", "currently", "still", "help", "urgent", "asap", "please", "hurry", "!!"];
const PERSON_HOME = ["rumah", "warga", "anak", "orang", "korban", "nenek", "kakek", "bayi", "lansia", "ibu", "bapak", "istri", "suami", "penghuni", "keluarga", "tetangga", "dalam rumah", "kamar", "dapur", "selutut", "sepinggang", "sedada", "atap", "dinding", "tembok",
  "imah", "budak", "jalma", "urang", "pun bapa", "omah", "bocah", "wong", "simbah", "house", "home", "people", "child", "kids", "family", "inside", "neighbor", "resident", "napas", "nafas"];
const PAST = ["tahun lalu", "taun lalu", "kemarin", "kemaren", "kmrn", "minggu lalu", "bulan lalu", "dulu", "dahulu", "waktu itu", "pernah", "sudah surut", "udah surut", "surut", "2023", "2024", "2025", "taun kamari", "kapungkur", "kala", "biyen", "wingi", "last year", "last week", "ago", "used to", "inget", "ingat", "kenangan"];
const AID = ["bantuan", "cair", "dibagi", "pembagian", "donasi", "sumbangan", "santunan", "logistik", "posko", "relawan", "kapan", "data korban", "pendataan", "bansos", "galang"];
const PROMO = ["promo", "diskon", "gacor", "slot", "deposit", "wd", "maxwin", "jp", "order", "harga", "jual", "cod", "ready", "pinjol", "cashback", "bonus", "link", "bio", "dm", "sale"];
const CHRONIC = ["hari", "minggu", "bulan", "tahun", "taun", "sejak", "udah lama", "sudah lama", "bertahun", "tiap", "setiap", "selalu", "sering", "kalau hujan", "kalo ujan", "musim hujan", "tiap hujan"];

interface CueSet { words: Set<string>; phrases: string[] }
function cueSet(list: string[]): CueSet {
  const words = new Set<string>();
  const phrases: string[] = [];
  for (const c of list) {
    if (c.includes(" ") || !/^[\p{L}\p{N}]+$/u.test(c)) phrases.push(` ${c} `);
    else words.add(c);
  }
  return { words, phrases };
}
const CUES = {
  q: cueSet(QUESTION), qp: cueSet(QUESTION_PARTICLES), prop: cueSet(PROPOSAL), thanks: cueSet(THANKS), compl: cueSet(COMPLAINT),
  danger: cueSet(DANGER), now: cueSet(NOW), person: cueSet(PERSON_HOME), past: cueSet(PAST), aid: cueSet(AID), promo: cueSet(PROMO), chronic: cueSet(CHRONIC),
};
type CueName = keyof typeof CUES;
const CUE_NAMES = Object.keys(CUES) as CueName[];

/** The cue terms of one set present in either form of the text (whole tokens or padded phrases). */
function findCues(set: CueSet, tokens: string[], padded: string, out: string[] | null): boolean {
  let hit = false;
  for (const t of tokens) {
    if (set.words.has(t)) {
      if (!out) return true;
      hit = true;
      if (!out.includes(t)) out.push(t);
    }
  }
  for (const p of set.phrases) {
    if (padded.includes(p)) {
      if (!out) return true;
      hit = true;
      const term = p.trim();
      if (!out.includes(term)) out.push(term);
    }
  }
  return hit;
}

/** FNV-1a over UTF-16 code units, with a seed so feature families do not collide systematically. */
export function hashFeature(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface IntentInput { surface: string; normalized: string }

/** What featurisation found: hashed feature indices (binary features) and the danger/now terms. */
export interface IntentFeatures { idx: number[]; dangerTerms: string[]; nowTerms: string[]; cues: Set<CueName> }

const SPLIT_RE = /\s+/;
const PUNCT_ONLY = /^[.,;:]+$/;

/** Featurises one comment into hashed indices below 2^bits. Deterministic; no allocation of big buffers. */
export function featurize(input: IntentInput, bits: number): IntentFeatures {
  const mask = (1 << bits) - 1;
  const idx: number[] = [];
  const norm = input.normalized.toLowerCase().split(SPLIT_RE).filter((t) => t.length > 0 && !PUNCT_ONLY.test(t));
  const surf = input.surface.toLowerCase().split(SPLIT_RE).filter((t) => t.length > 0 && !PUNCT_ONLY.test(t));
  // Words and bigrams of the normalised form ("?" and "!" stay: they carry intent).
  let prev = "<s>";
  for (const w of norm) {
    idx.push(hashFeature(w, 1) & mask);
    idx.push(hashFeature(prev + " " + w, 2) & mask);
    prev = w;
  }
  idx.push(hashFeature(prev + " </s>", 2) & mask);
  // Regional words survive only in the surface form; char trigrams catch spelling variants.
  for (const w of surf) {
    idx.push(hashFeature(w, 3) & mask);
    if (w.length < 3) continue;
    const b = `^${w}$`;
    for (let i = 0; i + 3 <= b.length; i++) idx.push(hashFeature(b.slice(i, i + 3), 4) & mask);
  }
  const tokens = norm.concat(surf);
  const padded = ` ${norm.join(" ")} ${surf.join(" ")} `;
  const cues = new Set<CueName>();
  const dangerTerms: string[] = [];
  const nowTerms: string[] = [];
  for (const name of CUE_NAMES) {
    const out = name === "danger" ? dangerTerms : name === "now" ? nowTerms : null;
    if (findCues(CUES[name], tokens, padded, out)) cues.add(name);
  }
  const last = norm.length > 0 ? norm[norm.length - 1] : "";
  if (norm.includes("?")) cues.add("qp");
  const flags: string[] = [...cues];
  if (last === "?") flags.push("qend");
  // Combinations: urgency is a danger happening NOW to people or homes, not a danger word alone.
  const d = cues.has("danger");
  if (d) {
    for (const other of ["now", "person", "past", "aid", "promo", "chronic", "q", "qp"] as const) flags.push(`danger&${other}${cues.has(other) ? "" : "!"}`);
    if (cues.has("now") && cues.has("person")) flags.push("danger&now&person");
    if (cues.has("now") && !cues.has("past")) flags.push("danger&now&!past");
    flags.push(`ndanger${Math.min(dangerTerms.length, 3)}`);
  }
  if (cues.has("q") && cues.has("qp")) flags.push("q&qp");
  if (cues.has("thanks") && !cues.has("compl")) flags.push("thanks&!compl");
  if (cues.has("prop") && !cues.has("qp")) flags.push("prop&!qp");
  flags.push(`len${Math.min(Math.floor(Math.log2(norm.length + 1)), 6)}`);
  // Cue flags are hashed into the same space but repeated so they can carry more weight per example.
  for (const f of flags) idx.push(hashFeature(f, 5) & mask);
  return { idx, dangerTerms, nowTerms, cues };
}

/** A trained linear model as shipped: sparse rows of weights (one column per class). */
export interface LinearModelFile {
  name: string;
  version: string;
  bits: number;
  labels: string[];
  bias: number[];
  /** [featureIndex, w_class0, w_class1, ...] for every feature with a non-zero weight. */
  rows: number[][];
  /** Decision thresholds tuned on the VALID split (see train/trainIntent.ts). */
  thresholds: Record<string, number>;
  training: Record<string, unknown>;
}

export interface LinearModel {
  name: string;
  version: string;
  bits: number;
  labels: string[];
  classes: number;
  bias: Float64Array;
  /** Dense, feature-major: weights[f * classes + c]. */
  weights: Float32Array;
  thresholds: Record<string, number>;
}

export function parseLinearModel(src: string): LinearModel {
  const f = JSON.parse(src) as LinearModelFile;
  const classes = f.labels.length === 2 ? 1 : f.labels.length;
  const weights = new Float32Array((1 << f.bits) * classes);
  for (const row of f.rows) for (let c = 0; c < classes; c++) weights[row[0] * classes + c] = row[1 + c];
  return { name: f.name, version: f.version, bits: f.bits, labels: f.labels, classes, bias: Float64Array.from(f.bias), weights, thresholds: f.thresholds };
}

/** Raw scores (logits) for each class; for a binary model one logit for the positive class. */
export function linearScores(m: LinearModel, idx: number[], out: Float64Array = new Float64Array(m.classes)): Float64Array {
  for (let c = 0; c < m.classes; c++) out[c] = m.bias[c];
  for (const f of idx) {
    const base = f * m.classes;
    for (let c = 0; c < m.classes; c++) out[c] += m.weights[base + c];
  }
  return out;
}

export function softmaxInPlace(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i] - max);
  for (let i = 0; i < z.length; i++) z[i] /= sum;
  return z;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Intent from class probabilities. Missing a comment that needs a reply costs more than answering
 * chatter, so when the needs-reply classes together pass the tuned threshold the best of them wins
 * even if `lainnya`/`apresiasi` is the single most likely class.
 */
export function decideIntent(p: Float64Array, labels: readonly string[], needsReplyThreshold: number): IntentResult {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
  let reply = 0;
  let bestReply = -1;
  for (let c = 0; c < p.length; c++) {
    if (!NEEDS_REPLY.has(labels[c] as IntentLabel)) continue;
    reply += p[c];
    if (bestReply < 0 || p[c] > p[bestReply]) bestReply = c;
  }
  const pick = !NEEDS_REPLY.has(labels[best] as IntentLabel) && bestReply >= 0 && reply >= needsReplyThreshold ? bestReply : best;
  return { label: labels[pick] as IntentLabel, score: Math.round(p[pick] * 1000) / 1000 };
}

export interface IntentModels { intent: LinearModel; urgency: LinearModel }

function models(ctx: NlpContext): IntentModels {
  const m = ctx.resources.intent as IntentModels | undefined;
  if (!m) throw new Error("intent models not loaded (jobs/src/nlp/models/intent-v1.json, urgency-v1.json)");
  return m;
}

/** Both stages share one featurisation; the pipeline calls this once per comment. */
export function classifyIntentUrgency(input: IntentInput, m: IntentModels): { intent: IntentResult; urgency: UrgencyResult } {
  // One feature space for both models (same bits): featurise once.
  const f = featurize(input, m.intent.bits);
  const p = softmaxInPlace(linearScores(m.intent, f.idx));
  const intent = decideIntent(p, m.intent.labels, m.intent.thresholds.needsReply ?? 1);
  return { intent, urgency: urgencyFrom(m.urgency, f) };
}

export function urgencyFrom(m: LinearModel, f: IntentFeatures): UrgencyResult {
  const prob = sigmoid(linearScores(m, f.idx)[0]);
  const urgent = prob >= (m.thresholds.urgent ?? 0.5);
  // The terms that triggered it: the danger words, and the present-time words that made it current.
  const urgentTerms = urgent ? [...f.dangerTerms, ...f.nowTerms.filter((t) => t !== "!!")] : [];
  return { urgent, score: Math.round(prob * 1000) / 1000, urgentTerms };
}

/** Pipeline stage: intent with a score. */
export const intent: Stage<IntentInput, IntentResult> = (input, ctx) => {
  const m = models(ctx);
  const f = featurize(input, m.intent.bits);
  return decideIntent(softmaxInPlace(linearScores(m.intent, f.idx)), m.intent.labels, m.intent.thresholds.needsReply ?? 1);
};

/** Pipeline stage: urgent (life, health or home at risk now) and the terms that triggered it. */
export const urgency: Stage<IntentInput, UrgencyResult> = (input, ctx) => {
  const m = models(ctx);
  return urgencyFrom(m.urgency, featurize(input, m.urgency.bits));
};
