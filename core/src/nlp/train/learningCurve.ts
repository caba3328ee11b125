// Learning curve of the per-village adaptation (sentimentAdaptation.ts) on the village corpus VALID
// split: officials review comments in a seeded random order and correct each reviewed comment's
// sentiment to the gold label; after k reviews the adaptation is rebuilt (per village: the two writers'
// comments stand for two villages, corrections never cross) and scored on a fixed held-out part of
// VALID that no k reviews. Printed by `npm run eval:nlp`; VALID only (TEST is never used to tune).
// The same for intent and urgency (intentLearningCurve): the officials set the gold intent and urgency
// of each reviewed comment; each village's pipeline is built with its corrections, as in production.
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

/** Macro-F1 on the held-out part of VALID after 0, 25, 100 and 400 simulated corrections. */
export function sentimentLearningCurve(m: VillageSentimentModels, res: VillageTrainingResources, points: readonly number[] = CURVE_POINTS, opts: AdaptOptions = DEFAULT_ADAPT): CurvePoint[] {
  const valid = villageSentimentSplit("valid", res);
  const order = reviewOrder(valid.length);
  const maxK = Math.max(...points);
  if (maxK >= valid.length) throw new Error(`learning curve: ${maxK} corrections need more than the ${valid.length} VALID comments`);
  const heldOut = order.slice(maxK).map((i) => valid[i]);
  return points.map((k) => {
    const byVillage = new Map<string, SentimentCorrection[]>();
    for (const i of order.slice(0, k)) {
      const e = valid[i];
      const list = byVillage.get(villageOf(e)) ?? [];
      list.push({ surface: e.surface, normalized: e.normalized, general: e.general, label: SENTIMENT_LABELS[e.y] });
      byVillage.set(villageOf(e), list);
    }
    const adaptations = new Map([...byVillage].map(([v, list]) => [v, buildAdaptation(m, list, opts)]));
    const pred = heldOut.map((e) => {
      const base = decideVillageSentiment(m, e, e.general).result;
      const a = adaptations.get(villageOf(e));
      return SENTIMENT_LABELS.indexOf((a ? adaptedSentiment(m, a, e, e.general, base) : base).label);
    });
    return { corrections: k, macroF1: Math.round(macroF1(heldOut.map((e) => e.y), pred, [0, 1, 2]) * 1e4) / 1e4, n: heldOut.length };
  });
}

export interface IntentCurvePoint { corrections: number; macroF1: number; urgentRecall: number; urgentFalseAlarmsPer100: number; n: number; urgent: number }

/** Intent macro-F1 and urgent recall / false alarms on the held-out part of VALID after k simulated intent/urgency corrections. */
export function intentLearningCurve(points: readonly number[] = CURVE_POINTS): IntentCurvePoint[] {
  const valid: IntentExample[] = readVillageSplit("valid");
  const order = reviewOrder(valid.length);
  const maxK = Math.max(...points);
  if (maxK >= valid.length) throw new Error(`learning curve: ${maxK} corrections need more than the ${valid.length} VALID comments`);
  const heldOut = order.slice(maxK).map((i) => valid[i]);
  const villages = [...new Set(heldOut.map(villageOf))];
  return points.map((k) => {
    const reviewed = order.slice(0, k).map((i) => valid[i]);
    const pipelines = new Map(villages.map((v) => [v, createPipeline({
      topics: DEFAULT_TOPICS,
      corrections: reviewed.filter((e) => villageOf(e) === v).map((e) => ({ text: e.text, label: "", intent: e.intent, urgent: e.urgent })),
    })]));
    const pred = heldOut.map((e) => pipelines.get(villageOf(e))!.analyze(e.text));
    const s = intentStats(heldOut.map((e) => e.intent), pred.map((a) => a.intent));
    const u = urgentStats(heldOut.map((e) => e.urgent), pred.map((a) => a.urgent));
    return {
      corrections: k, macroF1: Math.round(s.macroF1 * 1e4) / 1e4, urgentRecall: Math.round(u.recall * 1e4) / 1e4,
      urgentFalseAlarmsPer100: Math.round(u.falseAlarmsPer100 * 1e4) / 1e4, n: heldOut.length, urgent: u.pos,
    };
  });
}
