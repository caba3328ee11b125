// Sentiment of village speech. The benchmark-trained model (sentimentModel.ts) learned product and
// restaurant reviews (SmSA, NusaX): it reads a question about a schedule or a flat statement of a
// broken pipe as it reads a review. Residents writing to their village office are different: questions
// are neutral, problems stated as facts are negative, thanks are positive, praise wrapped around a
// complaint is negative. A second linear model, trained on the village corpus TRAIN split, reads such
// comments; its features are the intent featurisation (words, bigrams, regional surface words and the
// question/thanks/complaint/proposal cues) plus the benchmark model's own probabilities, binned, so it
// corrects that model rather than replacing it. A gate (a binary model: village speech addressed to the
// village vs. benchmark review text), with its threshold chosen on the VALID splits, decides which of
// the two answers: public benchmark figures stay where they were. Trained by `npm run train:village-sentiment`.
import type { Sentiment } from "@suara-desa/shared/contracts";
import type { NlpContext, SentimentResult, Stage } from "./types";
import { featurize as intentFeaturize, featurizeWords, hashFeature, linearScores, parseLinearModel, sigmoid, softmaxInPlace, type IntentFeatures, type IntentInput, type IntentWordsInput, type LinearModel, type LinearModelFile } from "./intent";
import { fastLogits, softmax, type SentimentModel } from "./sentimentModel";

/** Version of the village-speech model and gate; stamped into the pipeline version (pipeline MODEL). */
export const VILLAGE_SENTIMENT_VERSION = "1";

export interface VillageSentimentModels {
  /** Three classes (negatif, netral, positif) over the village features. */
  domain: LinearModel;
  /** One logit: the text is village speech (apply `domain`) rather than review-style text. */
  gate: LinearModel;
}

const GENERAL_SEED = 11;
const GENERAL_BINS = 5;
// Flag hashes are built once: one per (class, bin) and one per top class.
const GENERAL_FLAGS: string[][] = [0, 1, 2].map((c) => Array.from({ length: GENERAL_BINS }, (_, b) => `general${c}:${b}`));
const GENERAL_TOP = [0, 1, 2].map((c) => `generalTop${c}`);
const flagHashes = new Map<string, number>();
function flagHash(name: string): number {
  let h = flagHashes.get(name);
  if (h === undefined) flagHashes.set(name, (h = hashFeature(name, GENERAL_SEED)));
  return h;
}

/** The benchmark model's calibrated class probabilities (negatif, netral, positif) for normalised text. */
export function generalProbabilities(model: SentimentModel, normalized: string, out: Float64Array = new Float64Array(3)): Float64Array {
  return softmax(fastLogits(model, normalized, out), model.header.temperature);
}

/**
 * Hashed features of one comment: featurize()'s features plus the benchmark model's binned probabilities.
 * `base`, features already computed with the same bits (the pipeline's intent features), is read, not
 * changed: its first `plain` indices are featurize()'s, the intent-only cues after them are left out.
 */
export function villageFeatures(input: IntentInput | IntentWordsInput, general: Float64Array, bits: number, base?: IntentFeatures): number[] {
  const mask = (1 << bits) - 1;
  // The pipeline passes the normaliser's word records: same features, no second split of the text.
  const idx = base ? base.idx.slice(0, base.plain) : ("normalizedWords" in input ? featurizeWords(input, bits) : intentFeaturize(input, bits)).idx;
  let top = 0;
  for (let c = 0; c < 3; c++) {
    idx.push(flagHash(GENERAL_FLAGS[c][Math.min(GENERAL_BINS - 1, Math.floor(general[c] * GENERAL_BINS))]) & mask);
    if (general[c] > general[top]) top = c;
  }
  idx.push(flagHash(GENERAL_TOP[top]) & mask);
  return idx;
}

/** What the village model decided: its answer, the gate's probability, and whether the gate let it answer. */
export interface VillageSentimentDecision { result: SentimentResult; gate: number; applied: boolean }

/** Domain model scores (probabilities) for already computed features. */
export function domainProbabilities(m: VillageSentimentModels, idx: number[]): Float64Array {
  return softmaxInPlace(linearScores(m.domain, idx));
}

/** Sentiment of one comment: the village model when the gate says village speech, else the benchmark model's answer. */
export function decideVillageSentiment(m: VillageSentimentModels, input: IntentInput, general: Float64Array, base?: IntentFeatures): VillageSentimentDecision {
  return decideFromFeatures(m, villageFeatures(input, general, m.domain.bits, base), general);
}

/** decideVillageSentiment for already computed village features (`villageFeatures`). */
export function decideFromFeatures(m: VillageSentimentModels, idx: number[], general: Float64Array): VillageSentimentDecision {
  const gate = sigmoid(linearScores(m.gate, idx)[0]);
  const applied = gate >= (m.gate.thresholds.gate ?? 0.5);
  const p = applied ? domainProbabilities(m, idx) : general;
  let best = 0;
  for (let c = 1; c < 3; c++) if (p[c] > p[best]) best = c;
  const labels = applied ? m.domain.labels : ["negatif", "netral", "positif"];
  return { result: { label: labels[best] as Sentiment, score: Math.round(p[best] * 1e4) / 1e4 }, gate, applied };
}

// The flags' hashes, by class and bin (flagHash of GENERAL_FLAGS and GENERAL_TOP), read by index per comment.
const GENERAL_FLAG_HASHES = GENERAL_FLAGS.map((row) => row.map(flagHash));
const GENERAL_TOP_HASHES = GENERAL_TOP.map(flagHash);
const GENERAL_LABELS: readonly string[] = ["negatif", "netral", "positif"];
// Scratch: the four flag indices of one comment, and the domain model's scores (stages are synchronous).
const flagScratch = new Int32Array(4);
const domainScratch = new Float64Array(3);

/**
 * decideFromFeatures(m, villageFeatures(input, general, bits, base), general).result without building the
 * feature array: the gate's and the domain model's sums run over base.idx's first `plain` indices and then the
 * four flag indices, the order villageFeatures lists them in, so every sum adds the same weights in the same
 * order (same floating-point result). `base` must hash into the models' space (m.domain.bits, as the pipeline
 * checks before passing it).
 */
export function decideFromShared(m: VillageSentimentModels, base: IntentFeatures, general: Float64Array): SentimentResult {
  const mask = (1 << m.domain.bits) - 1;
  let top = 0;
  for (let c = 0; c < 3; c++) {
    flagScratch[c] = GENERAL_FLAG_HASHES[c][Math.min(GENERAL_BINS - 1, Math.floor(general[c] * GENERAL_BINS))] & mask;
    if (general[c] > general[top]) top = c;
  }
  flagScratch[3] = GENERAL_TOP_HASHES[top] & mask;
  const idx = base.idx;
  const plain = base.plain;
  const gw = m.gate.weights;
  const gc = m.gate.classes;
  let z = m.gate.bias[0];
  for (let j = 0; j < plain; j++) z += gw[idx[j] * gc];
  for (let j = 0; j < 4; j++) z += gw[flagScratch[j] * gc];
  const gate = sigmoid(z);
  let p = general;
  let labels: readonly string[] = GENERAL_LABELS;
  if (gate >= (m.gate.thresholds.gate ?? 0.5)) {
    const d = m.domain;
    const dw = d.weights;
    const k = d.classes;
    for (let c = 0; c < k; c++) domainScratch[c] = d.bias[c];
    for (let j = 0; j < plain + 4; j++) {
      const base3 = (j < plain ? idx[j] : flagScratch[j - plain]) * k;
      for (let c = 0; c < k; c++) domainScratch[c] += dw[base3 + c];
    }
    p = softmaxInPlace(domainScratch);
    labels = d.labels;
  }
  let best = 0;
  for (let c = 1; c < 3; c++) if (p[c] > p[best]) best = c;
  return { label: labels[best] as Sentiment, score: Math.round(p[best] * 1e4) / 1e4 };
}

/** Input of the stage: both forms of the text and the benchmark model's probabilities. */
export interface VillageSentimentInput extends IntentInput { general: Float64Array }

/** Pipeline stage: sentiment that reads village speech (see the file comment). */
export const villageSentiment: Stage<VillageSentimentInput, SentimentResult> = (input: VillageSentimentInput, ctx: NlpContext) => {
  const m = ctx.resources.villageSentiment as VillageSentimentModels | undefined;
  if (!m) throw new Error("village sentiment model not loaded (core/src/nlp/models/village-sentiment-v1.json)");
  return decideVillageSentiment(m, input, input.general).result;
};

/** The model file: both linear models in one JSON (`npm run train:village-sentiment`). */
export interface VillageSentimentFile { domain: LinearModelFile; gate: LinearModelFile }

/** Parses the model file; a file of the wrong shape fails naming the field. */
export function parseVillageSentimentModels(src: string, where = "village-sentiment-v1.json"): VillageSentimentModels {
  const f = JSON.parse(src) as VillageSentimentFile;
  for (const key of ["domain", "gate"] as const) {
    if (!f[key] || !Array.isArray(f[key].rows) || !Array.isArray(f[key].labels)) throw new Error(`${where}: field "${key}" must be a linear model`);
  }
  const domain = parseLinearModel(JSON.stringify(f.domain));
  const gate = parseLinearModel(JSON.stringify(f.gate));
  if (domain.bits !== gate.bits || domain.classes !== 3 || gate.classes !== 1) throw new Error(`${where}: "domain" must have 3 classes and "gate" 1 logit over the same bits`);
  return { domain, gate };
}
