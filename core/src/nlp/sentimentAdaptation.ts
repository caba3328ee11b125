// Learning from a village's officials. Their corrections already win in statistics; here they also teach
// the village's pipeline, for that village only. Sentiment:
// - exact override: a comment whose normalised text equals a corrected one gets the official's label;
// - near-duplicate override: one whose word set is close to a corrected one (Jaccard >= NEAR_DUPLICATE),
//   e.g. the same complaint re-posted with another greeting, gets the closest correction's label;
// - online update: a few passes of (margin-driven) SGD over the corrections move per-village deltas of
//   the village model's weights (villageSentiment.ts), so similar but not identical comments shift too.
// Built from the stored corrections (the corrections are the state: nothing else to keep in sync),
// deterministic for the same corrections in the same order, pure.
// Intent and urgency: the exact and near-duplicate overrides below, and an online update of per-village
// deltas of the intent/urgency weights in intentAdaptation.ts (the pipeline applies both).
import type { Sentiment } from "@suara-desa/shared/contracts";
import { buildOverrides, findOverride, nearestOverride, NEAR_DUPLICATE, type LabelOverrides } from "./labelOverrides";
import type { IntentInput } from "./intent";
import { linearScores, sigmoid, softmaxInPlace } from "./intent";
import { generalProbabilities, villageFeatures, type VillageSentimentModels } from "./villageSentiment";
import { normalizeText } from "./normalize";
import type { NormalizeResources } from "./resources";
import type { SentimentModel } from "./sentimentModel";
import type { IntentLabel, IntentResult, SentimentResult, UrgencyResult } from "./types";
import { INTENT_LABELS } from "./intent";

export const ADAPT_LABELS: readonly Sentiment[] = ["negatif", "netral", "positif"];
export { NEAR_DUPLICATE };
/** Online update: passes over the corrections and step size (chosen on the village corpus VALID split). */
export const ADAPT_EPOCHS = 3;
export const ADAPT_RATE = 0.1;
/** A correction moves the weights only while the adapted model gives its label less than this probability. */
export const ADAPT_MARGIN = 0.6;
/** Bound on the corrections one village's adaptation holds (the most recent ones are kept). */
export const MAX_CORRECTIONS = 5000;

/** One official correction: both text forms, the benchmark model's probabilities, and the label given. */
export interface SentimentCorrection extends IntentInput { general: Float64Array; label: Sentiment }

export interface SentimentAdaptation extends LabelOverrides<Sentiment> {
  /**
   * Deltas of the domain model's class weights, dense and feature-major (delta[f * 3 + c]): the hashed
   * space is small (2^bits, 2^13 = 96 KB), so a village's adaptation stays small however many corrections.
   */
  delta: Float32Array;
  bias: Float64Array;
}

/** Domain-model logits with the village's deltas added. */
function adaptedLogits(m: VillageSentimentModels, a: SentimentAdaptation, idx: number[]): Float64Array {
  const z = linearScores(m.domain, idx);
  for (let c = 0; c < 3; c++) z[c] += a.bias[c];
  for (const f of idx) for (let c = 0; c < 3; c++) z[c] += a.delta[f * 3 + c];
  return z;
}

/** A stored correction (comment text and the official's label) as the adaptation needs it; null for a label it does not know. */
export function correctionFromText(text: string, label: string, res: { normalize: NormalizeResources; sentiment: SentimentModel }): SentimentCorrection | null {
  if (!(ADAPT_LABELS as readonly string[]).includes(label)) return null;
  const f = normalizeText(text, res.normalize);
  return { surface: f.surface, normalized: f.normalized, general: Float64Array.from(generalProbabilities(res.sentiment, f.normalized)), label: label as Sentiment };
}

/** Settings of the adaptation (defaults: the constants above). */
export interface AdaptOptions { epochs: number; rate: number; nearDuplicate: number }
export const DEFAULT_ADAPT: AdaptOptions = { epochs: ADAPT_EPOCHS, rate: ADAPT_RATE, nearDuplicate: NEAR_DUPLICATE };

/** Builds a village's adaptation from its corrections, oldest first (later ones win on equal text). */
export function buildAdaptation(m: VillageSentimentModels, corrections: readonly SentimentCorrection[], opts: AdaptOptions = DEFAULT_ADAPT): SentimentAdaptation {
  const kept = corrections.slice(-MAX_CORRECTIONS);
  const a: SentimentAdaptation = { ...buildOverrides(kept, opts.nearDuplicate), delta: new Float32Array((1 << m.domain.bits) * 3), bias: new Float64Array(3) };
  const feats = kept.map((c) => villageFeatures(c, c.general, m.domain.bits));
  // Plain SGD on the cross-entropy of the adapted model, in correction order: deterministic.
  for (let e = 0; e < opts.epochs; e++) {
    kept.forEach((c, i) => {
      const p = softmaxInPlace(adaptedLogits(m, a, feats[i]));
      const y = ADAPT_LABELS.indexOf(c.label);
      // Only corrections the adapted model still gets wrong or barely right move it (confirming what it
      // already knows only over-fits), and a long comment's step is spread over its many features.
      if (p[y] >= ADAPT_MARGIN) return;
      const scale = 1 / Math.sqrt(feats[i].length);
      for (let k = 0; k < 3; k++) {
        const g = scale * opts.rate * (p[k] - (k === y ? 1 : 0));
        a.bias[k] -= g / 4;
        for (const f of feats[i]) a.delta[f * 3 + k] -= g;
      }
    });
  }
  return a;
}

/** Label of the closest corrected comment and its word-set similarity when it is a near-duplicate, else null. */
export function nearDuplicate(a: SentimentAdaptation, normalized: string): { label: Sentiment; similarity: number } | null {
  return nearestOverride(a, normalized);
}

/**
 * Sentiment of one comment for a village with corrections: overrides first, then the adapted village model.
 * `features`: the comment's village features when the caller already has them (villageFeatures).
 */
export function adaptedSentiment(m: VillageSentimentModels, a: SentimentAdaptation, input: IntentInput, general: Float64Array, base: SentimentResult, features?: number[]): SentimentResult {
  if (a.count === 0) return base;
  const o = findOverride(a, input.normalized);
  if (o) return { label: o.label, score: o.similarity };
  const idx = features ?? villageFeatures(input, general, m.domain.bits);
  // Review-style text (the gate closed) keeps the benchmark model's answer, as without corrections.
  if (sigmoid(linearScores(m.gate, idx)[0]) < (m.gate.thresholds.gate ?? 0.5)) return base;
  const p = softmaxInPlace(adaptedLogits(m, a, idx));
  let best = 0;
  for (let c = 1; c < 3; c++) if (p[c] > p[best]) best = c;
  return { label: ADAPT_LABELS[best], score: Math.round(p[best] * 1e4) / 1e4 };
}

/** One official's intent and/or urgency correction of a stored comment (either may be absent). */
export interface IntentCorrection { normalized: string; intent?: string | null; urgent?: boolean | null }

/** A village's intent and urgency overrides (exact and near-duplicate) from its officials' corrections. */
export interface IntentAdaptation { intent: LabelOverrides<IntentLabel>; urgent: LabelOverrides<boolean> }

/** Builds a village's intent/urgency overrides from its corrections, oldest first; unknown intents are skipped. */
export function buildIntentAdaptation(corrections: readonly IntentCorrection[], nearDuplicateAt: number = NEAR_DUPLICATE): IntentAdaptation {
  const kept = corrections.slice(-MAX_CORRECTIONS);
  const intents: Array<{ normalized: string; label: IntentLabel }> = [];
  const urgents: Array<{ normalized: string; label: boolean }> = [];
  for (const c of kept) {
    if (c.intent && (INTENT_LABELS as readonly string[]).includes(c.intent)) intents.push({ normalized: c.normalized, label: c.intent as IntentLabel });
    if (typeof c.urgent === "boolean") urgents.push({ normalized: c.normalized, label: c.urgent });
  }
  return { intent: buildOverrides(intents, nearDuplicateAt), urgent: buildOverrides(urgents, nearDuplicateAt) };
}

/** Intent after the village's overrides: an official's label for the same or a near-duplicate text wins. */
export function adaptedIntent(a: IntentAdaptation, normalized: string, base: IntentResult): IntentResult {
  const o = findOverride(a.intent, normalized);
  return o ? { label: o.label, score: o.similarity } : base;
}

/**
 * Urgency after the village's overrides. An override to urgent keeps the model's terms (what the badge
 * shows); an override to not urgent clears them.
 */
export function adaptedUrgency(a: IntentAdaptation, normalized: string, base: UrgencyResult): UrgencyResult {
  const o = findOverride(a.urgent, normalized);
  if (!o || o.label === base.urgent) return base;
  return { urgent: o.label, score: o.similarity, urgentTerms: o.label ? base.urgentTerms : [] };
}
