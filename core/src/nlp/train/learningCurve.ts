// Learning curve of the per-village adaptation (sentimentAdaptation.ts, intentAdaptation.ts) on the
// village corpus VALID split: officials review comments in a seeded random order and correct each
// reviewed comment to its gold label; after k reviews the adaptation is rebuilt (per village: the two
// writers' comments stand for two villages, corrections never cross) and scored on held-out VALID
// comments that no k reviews. One held-out part of 119 comments moves by about 0.01 per comment, so the
// split is rotated: VALID is cut into FOLDS held-out parts, each scored after corrections drawn from the
// comments outside it, and the predictions of all parts are pooled. Printed by `npm run eval:nlp`; VALID
// only (TEST is never used to tune).
import { mulberry32 } from "@suara-desa/shared/random";
import { adaptedSentiment, buildAdaptation, DEFAULT_ADAPT, type AdaptOptions, type SentimentCorrection } from "../sentimentAdaptation";
import { decideVillageSentiment, type VillageSentimentModels } from "../villageSentiment";
import { SENTIMENT_LABELS } from "../sentimentModel";
import { macroF1 } from "./metrics";
import { villageSentimentSplit, type VillageTrainingResources } from "./trainVillageSentiment";
import { readVillageSplit, type IntentExample } from "./intentData";
import { intentStats, urgentStats } from "./trainIntent";
import { createPipeline } from "../pipeline";
import { DEFAULT_TOPICS } from "../taxonomy";

export const CURVE_POINTS = [0, 25, 100, 400] as const;
const SEED = 20261205;
/** Held-out parts VALID is rotated through (each as large as VALID minus the largest curve point). */
export const FOLDS = 4;

export interface CurvePoint { corrections: number; macroF1: number; n: number }

const villageOf = (e: { id: string }): string => e.id.split("-")[0];

/** The seeded review order of VALID (the same for every curve). */
function reviewOrder(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const rand = mulberry32(SEED);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** One rotation: the held-out comments and the review order of the others (oldest correction first). */
interface Fold { heldOut: number[]; reviewed: number[] }

/** The FOLDS rotations of a split of n comments for curve points up to maxK corrections. */
export function curveFolds(n: number, maxK: number, folds: number = FOLDS): Fold[] {
  if (maxK >= n) throw new Error(`learning curve: ${maxK} corrections need more than the ${n} VALID comments`);
  const order = reviewOrder(n);
  const size = n - maxK;
  const count = Math.max(1, Math.min(folds, Math.floor(n / size)));
  return Array.from({ length: count }, (_, r) => {
    const held = new Set(order.slice(r * size, (r + 1) * size));
    return { heldOut: [...held], reviewed: order.filter((i) => !held.has(i)) };
  });
}

/** Sentiment macro-F1 on the held-out parts of VALID (pooled) after 0, 25, 100 and 400 simulated corrections. */
export function sentimentLearningCurve(m: VillageSentimentModels, res: VillageTrainingResources, points: readonly number[] = CURVE_POINTS, opts: AdaptOptions = DEFAULT_ADAPT): CurvePoint[] {
  const valid = villageSentimentSplit("valid", res);
  const folds = curveFolds(valid.length, Math.max(...points));
  const base = valid.map((e) => decideVillageSentiment(m, e, e.general).result);
  return points.map((k) => {
    const gold: number[] = [];
    const pred: number[] = [];
    for (const fold of folds) {
      const byVillage = new Map<string, SentimentCorrection[]>();
      for (const i of fold.reviewed.slice(0, k)) {
        const e = valid[i];
        const list = byVillage.get(villageOf(e)) ?? [];
        list.push({ surface: e.surface, normalized: e.normalized, general: e.general, label: SENTIMENT_LABELS[e.y] });
        byVillage.set(villageOf(e), list);
      }
      const adaptations = new Map([...byVillage].map(([v, list]) => [v, buildAdaptation(m, list, opts)]));
      for (const i of fold.heldOut) {
        const e = valid[i];
        const a = adaptations.get(villageOf(e));
        gold.push(e.y);
        pred.push(SENTIMENT_LABELS.indexOf((a ? adaptedSentiment(m, a, e, e.general, base[i]) : base[i]).label));
      }
    }
    return { corrections: k, macroF1: Math.round(macroF1(gold, pred, [0, 1, 2]) * 1e4) / 1e4, n: gold.length };
  });
}

export interface IntentCurvePoint { corrections: number; macroF1: number; urgentRecall: number; urgentFalseAlarmsPer100: number; n: number; urgent: number }

/** Intent macro-F1 and urgent recall / false alarms on the held-out parts of VALID (pooled) after k simulated intent/urgency corrections. */
export function intentLearningCurve(points: readonly number[] = CURVE_POINTS): IntentCurvePoint[] {
  const valid: IntentExample[] = readVillageSplit("valid");
  const folds = curveFolds(valid.length, Math.max(...points));
  return points.map((k) => {
    const held: IntentExample[] = [];
    const pred: Array<{ intent: string; urgent: boolean }> = [];
    for (const fold of folds) {
      const reviewed = fold.reviewed.slice(0, k).map((i) => valid[i]);
      const heldOut = fold.heldOut.map((i) => valid[i]);
      // Each village's pipeline is built with its own corrections, as in production.
      const pipelines = new Map([...new Set(heldOut.map(villageOf))].map((v) => [v, createPipeline({
        topics: DEFAULT_TOPICS,
        corrections: reviewed.filter((e) => villageOf(e) === v).map((e) => ({ text: e.text, label: "", intent: e.intent, urgent: e.urgent })),
      })]));
      for (const e of heldOut) {
        held.push(e);
        pred.push(pipelines.get(villageOf(e))!.analyze(e.text));
      }
    }
    const s = intentStats(held.map((e) => e.intent), pred.map((a) => a.intent));
    const u = urgentStats(held.map((e) => e.urgent), pred.map((a) => a.urgent));
    return {
      corrections: k, macroF1: Math.round(s.macroF1 * 1e4) / 1e4, urgentRecall: Math.round(u.recall * 1e4) / 1e4,
      urgentFalseAlarmsPer100: Math.round(u.falseAlarmsPer100 * 1e4) / 1e4, n: held.length, urgent: u.pos,
    };
  });
}
