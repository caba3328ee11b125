// Learning intent and urgency from a village's officials, beyond the exact and near-duplicate overrides
// (sentimentAdaptation.ts): an online update of per-village deltas over the intent/urgency models' own
// hashed features, so that after an office corrects, say, "lampu PJU gang 3 padam" to keluhan, a NEW
// comment worded differently about the same thing moves too. Like sentiment's update: a few passes of
// margin-driven SGD on the cross-entropy of the adapted model (intent: softmax over the five intents;
// urgency: the logistic urgency score), moved only by corrections the adapted model still gets wrong or
// barely right, in correction order, so deterministic. The deltas are dense over the 2^bits hashed space
// (2^13 x 6 floats = 192 KB per village however many corrections), built from the stored corrections
// (nothing else to keep in sync) and applied at scoring only for a village with intent/urgency
// corrections: every other village's comments take the unchanged path.
// Urgency stays a decision of score AND cues (intent.ts isUrgent): the update moves the score, so a
// correction to "not urgent" silences similar false alarms, while a correction to "urgent" helps only
// comments that name a danger or a person at risk now.
import type { IntentInput, IntentModels } from "./intent";
import { featurizeIntent, INTENT_LABELS, linearScores, sigmoid, softmaxInPlace } from "./intent";
import type { IntentLabel } from "./types";

/** Passes over the corrections and step size (chosen on rotations of the village corpus VALID split, see learningCurve.ts). */
export const INTENT_ADAPT_EPOCHS = 3;
export const INTENT_ADAPT_RATE = 0.2;
/** A correction moves the intent weights only while the adapted model gives its label less than this probability. */
export const INTENT_ADAPT_MARGIN = 0.7;
/** Urgency: moved while the adapted score is on the wrong side of the threshold or within this distance of it. */
export const URGENT_ADAPT_MARGIN = 0.2;

/** One correction as the online update needs it: both text forms and the official's intent and/or urgency. */
export interface IntentOnlineCorrection extends IntentInput { intent?: IntentLabel | null; urgent?: boolean | null }

export interface IntentOnlineOptions { epochs: number; rate: number; margin: number; urgentMargin: number }
export const DEFAULT_INTENT_ONLINE: IntentOnlineOptions = { epochs: INTENT_ADAPT_EPOCHS, rate: INTENT_ADAPT_RATE, margin: INTENT_ADAPT_MARGIN, urgentMargin: URGENT_ADAPT_MARGIN };

/** A village's learned deltas: per feature the five intent logits and the urgency logit (weights[f * 6 + c]). */
export interface IntentOnline {
  /** Corrections that taught it (0: nothing learned, and scoring skips it). */
  count: number;
  classes: number;
  weights: Float32Array;
  bias: Float64Array;
}

const stride = (classes: number): number => classes + 1;

/** Adds the village's deltas to the intent logits `z` (in place) and returns the urgency logit's delta. */
export function applyIntentOnline(a: IntentOnline, idx: readonly number[], z: Float64Array): number {
  const s = stride(a.classes);
  const k = a.classes;
  const w = a.weights;
  for (let c = 0; c < k; c++) z[c] += a.bias[c];
  let u = a.bias[k];
  for (let j = 0; j < idx.length; j++) {
    const base = idx[j] * s;
    for (let c = 0; c < k; c++) z[c] += w[base + c];
    u += w[base + k];
  }
  return u;
}

/** Builds a village's online intent/urgency deltas from its corrections, oldest first. */
export function buildIntentOnline(m: IntentModels, corrections: readonly IntentOnlineCorrection[], opts: IntentOnlineOptions = DEFAULT_INTENT_ONLINE): IntentOnline {
  const k = m.intent.classes;
  const s = stride(k);
  const a: IntentOnline = { count: 0, classes: k, weights: new Float32Array((1 << m.intent.bits) * s), bias: new Float64Array(s) };
  const labelled = corrections.filter((c) => (c.intent && (INTENT_LABELS as readonly string[]).includes(c.intent)) || typeof c.urgent === "boolean");
  if (labelled.length === 0) return a;
  a.count = labelled.length;
  const urgentAt = m.urgency.thresholds.urgent ?? 0.5;
  const items = labelled.map((c) => {
    const idx = featurizeIntent(c, m.intent.bits).idx;
    return { idx, y: c.intent ? m.intent.labels.indexOf(c.intent) : -1, urgent: c.urgent, baseZ: linearScores(m.intent, idx), baseU: linearScores(m.urgency, idx)[0] };
  });
  const z = new Float64Array(k);
  for (let e = 0; e < opts.epochs; e++) {
    for (const it of items) {
      z.set(it.baseZ);
      const du = applyIntentOnline(a, it.idx, z);
      // A long comment's step is spread over its many features.
      const step = opts.rate / Math.sqrt(it.idx.length);
      if (it.y >= 0) {
        const p = softmaxInPlace(z);
        if (p[it.y] < opts.margin) {
          for (let c = 0; c < k; c++) {
            const g = step * (p[c] - (c === it.y ? 1 : 0));
            a.bias[c] -= g / 4;
            for (const f of it.idx) a.weights[f * s + c] -= g;
          }
        }
      }
      if (typeof it.urgent === "boolean") {
        const p = sigmoid(it.baseU + du);
        // Only upward: on the VALID rotations every downward step (a village's false alarm corrected)
        // also silenced a real emergency worded alike; false alarms are silenced by the overrides.
        const wrong = it.urgent && p < urgentAt + opts.urgentMargin;
        if (wrong) {
          const g = step * (p - 1);
          for (const f of it.idx) a.weights[f * s + k] -= g;
        }
      }
    }
  }
  return a;
}
