// `npm run train:intent`: trains the intent (5 classes) and urgency (binary) models on the village
// corpus TRAIN split, picks hyper-parameters and decision thresholds on VALID (never on TEST) and
// writes core/src/nlp/models/intent-v1.json and urgency-v1.json. Seeded SGD with weight averaging:
// the same code and data give the same bytes.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { mulberry32 } from "@suara-desa/shared/random";
import { INTENT_MODEL_FILE, loadBaseResources, SPAM_MODEL_FILE, URGENCY_MODEL_FILE } from "../resources";
import { normalizeText } from "../normalize";
import { modelOutPath } from "./data";
import { decideIntent, featurizeIntent, isUrgent, INTENT_LABELS, linearScores, NEEDS_REPLY, parseLinearModel, sigmoid, softmaxInPlace, type LinearModel, type LinearModelFile } from "../intent";
import { readSyntheticSpam, readVillageSplit, type IntentExample } from "./intentData";
import { macroF1 } from "./metrics";
import { classifySpam } from "../spam";

// 2^13 buckets: the joint weight table (8k x 8 floats, 256 KB) stays cache-friendly at run time, and
// on VALID it did as well as 2^14 and 2^16 (macro-F1 0.810 vs 0.807 / 0.802).
export const BITS = 13;
const SEED = 20261203;
/** 2: intent-only cue features, class weights, spam is lainnya, urgency gate with regional danger words. */
const MODEL_VERSION = "2";

interface TrainOpts { epochs: number; lr: number; l2: number; posWeight?: number; classWeights?: readonly number[] }

/**
 * Averaged SGD for logistic regression over binary hashed features. `y` is a class index (or 0/1
 * for a binary model with one logit). L2 is applied to the touched weights only (lazy, cheap).
 */
export function trainLinear(xs: number[][], ys: number[], classes: number, opts: TrainOpts, seed: number): { w: Float64Array; b: Float64Array } {
  const dim = 1 << BITS;
  const k = classes === 2 ? 1 : classes;
  const w = new Float64Array(dim * k);
  const b = new Float64Array(k);
  // Averaging trick: keep the sum of step-weighted updates; avg = w - u / t.
  const u = new Float64Array(dim * k);
  const ub = new Float64Array(k);
  const rand = mulberry32(seed);
  const order = xs.map((_, i) => i);
  const z = new Float64Array(k);
  let t = 1;
  for (let e = 0; e < opts.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = opts.lr / (1 + e * 0.5);
    for (const n of order) {
      const x = xs[n];
      for (let c = 0; c < k; c++) z[c] = b[c];
      for (const f of x) for (let c = 0; c < k; c++) z[c] += w[f * k + c];
      const g = new Float64Array(k);
      if (k === 1) {
        const y = ys[n];
        g[0] = (sigmoid(z[0]) - y) * (y === 1 ? (opts.posWeight ?? 1) : 1);
      } else {
        softmaxInPlace(z);
        const cw = opts.classWeights?.[ys[n]] ?? 1;
        for (let c = 0; c < k; c++) g[c] = (z[c] - (ys[n] === c ? 1 : 0)) * cw;
      }
      for (let c = 0; c < k; c++) {
        b[c] -= lr * g[c];
        ub[c] += t * lr * g[c];
      }
      for (const f of x) {
        for (let c = 0; c < k; c++) {
          const step = lr * (g[c] + opts.l2 * w[f * k + c]);
          w[f * k + c] -= step;
          u[f * k + c] += t * step;
        }
      }
      t++;
    }
  }
  for (let i = 0; i < w.length; i++) w[i] -= u[i] / t;
  for (let c = 0; c < k; c++) b[c] -= ub[c] / t;
  return { w, b };
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;

export function toModelFile(name: string, labels: readonly string[], tw: { w: Float64Array; b: Float64Array }, thresholds: Record<string, number>, training: Record<string, unknown>, version = "1"): LinearModelFile {
  const k = tw.b.length;
  const rows: number[][] = [];
  for (let f = 0; f < 1 << BITS; f++) {
    const row = [f];
    let any = false;
    for (let c = 0; c < k; c++) {
      const v = round(tw.w[f * k + c]);
      row.push(v);
      if (v !== 0) any = true;
    }
    if (any) rows.push(row);
  }
  return { name, version, bits: BITS, labels: [...labels], bias: Array.from(tw.b, round), rows, thresholds, training };
}

export function intentStats(gold: string[], pred: string[]): { macroF1: number; perClass: Record<string, number>; replyP: number; replyR: number } {
  const perClass: Record<string, number> = {};
  for (const l of INTENT_LABELS) perClass[l] = macroF1(gold, pred, [l]);
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = NEEDS_REPLY.has(gold[i] as never), p = NEEDS_REPLY.has(pred[i] as never);
    if (g && p) tp++; else if (p) fp++; else if (g) fn++;
  }
  return { macroF1: macroF1(gold, pred, INTENT_LABELS), perClass, replyP: tp / Math.max(1, tp + fp), replyR: tp / Math.max(1, tp + fn) };
}

export function urgentStats(gold: boolean[], pred: boolean[]): { recall: number; falseAlarmsPer100: number; tp: number; pos: number } {
  let tp = 0, fp = 0, pos = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i]) pos++;
    if (gold[i] && pred[i]) tp++;
    if (!gold[i] && pred[i]) fp++;
  }
  return { recall: tp / Math.max(1, pos), falseAlarmsPer100: (100 * fp) / Math.max(1, gold.length), tp, pos };
}

function feats(ex: IntentExample[]): number[][] {
  return ex.map((e) => featurizeIntent(e, BITS).idx);
}

/**
 * The learned spam score: trained on the train split plus the synthetic training comments (spam worded
 * in ways the corpus lacks, and residents' callbacks, sellers in context and thanks that must not be
 * spam); its threshold is the lowest grid value at least 0.1 above the highest score of a VALID ordinary
 * comment the rules leave alone (a margin: the target is no false alarm at all), and the configuration
 * kept is the one whose score alone finds most VALID spam at its threshold.
 */
function trainSpam(train: IntentExample[], xt: number[][], valid: IntentExample[], xv: number[][]): LinearModelFile {
  const res = loadBaseResources().normalize;
  const synthetic = readSyntheticSpam().map((e) => ({ ...e, ...normalizeText(e.text, res) }));
  const xs = [...xt, ...synthetic.map((e) => featurizeIntent(e, BITS).idx)];
  const ys = [...train.map((e) => (e.spam ? 1 : 0)), ...synthetic.map((e) => (e.spam ? 1 : 0))];
  const rules = valid.map((e) => classifySpam(e.text, e.normalized).isSpam);
  const spamCount = valid.filter((e) => e.spam).length;
  let best: { recall: number; file: LinearModelFile } | null = null;
  for (const epochs of [10, 20]) for (const posWeight of [1, 3]) for (const lr of [0.05, 0.2]) {
    const opts = { epochs, lr, l2: 1e-4, posWeight };
    const file = toModelFile("spam", ["bukan", "spam"], trainLinear(xs, ys, 2, opts, SEED + 2), {}, {}, "1");
    const model = parseLinearModel(JSON.stringify(file));
    const p = xv.map((x) => sigmoid(linearScores(model, x)[0]));
    const maxOrdinary = Math.max(...valid.map((e, i) => (e.spam || rules[i] ? 0 : p[i])));
    let th = 1;
    for (let t = 0.5; t <= 0.95 + 1e-9; t += 0.05) {
      if (t < maxOrdinary + 0.1) continue;
      th = Math.round(t * 100) / 100;
      break;
    }
    const recall = valid.filter((e, i) => e.spam && p[i] >= th).length / Math.max(1, spamCount);
    process.stderr.write(`spam ${JSON.stringify(opts)} th ${th}: its own valid recall ${recall.toFixed(3)}, highest ordinary comment ${maxOrdinary.toFixed(3)}\n`);
    if (!best || recall > best.recall + 1e-9) {
      file.thresholds = { spam: th };
      file.training = { data: "village-corpus train + synthetic-spam-train.jsonl", examples: xs.length, ...opts, seed: SEED + 2, tunedOn: "village-corpus valid" };
      best = { recall, file };
    }
  }
  return best!.file;
}

function main(): void {
  const train = readVillageSplit("train");
  const valid = readVillageSplit("valid");
  const xt = feats(train), fv = valid.map((e) => featurizeIntent(e, BITS)), xv = fv.map((f) => f.idx);
  const yi = train.map((e) => INTENT_LABELS.indexOf(e.intent));
  const yu = train.map((e) => (e.urgent ? 1 : 0));

  // Spam is `lainnya` whatever the model says (the pipeline applies the same rule, see intentAfterSpam).
  const spamValid = valid.map((e) => classifySpam(e.text, e.normalized).isSpam);
  const decide = (p: Float64Array, i: number, th: number): string => (spamValid[i] ? "lainnya" : decideIntent(p, INTENT_LABELS, th).label);
  // Class weights: none, or the square root of the inverse class frequency (rare usulan and apresiasi
  // weigh more; chosen over plain inverse frequency and none by cross-validation on train+valid).
  const counts = INTENT_LABELS.map((l) => train.filter((e) => e.intent === l).length);
  const sqrtWeights = counts.map((c) => Math.round(Math.sqrt(Math.max(...counts) / c) * 1000) / 1000);

  // Intent: grid over epochs / lr / l2 / class weights, then the needs-reply threshold, all scored on VALID.
  let best: { f1: number; opts: TrainOpts; model: LinearModel; file: LinearModelFile } | null = null;
  for (const classWeights of [undefined, sqrtWeights]) for (const epochs of [10, 20]) for (const lr of [0.02, 0.05, 0.2]) for (const l2 of [0, 1e-4]) {
    const opts: TrainOpts = { epochs, lr, l2, ...(classWeights ? { classWeights } : {}) };
    const file = toModelFile("intent", INTENT_LABELS, trainLinear(xt, yi, 5, opts, SEED), { needsReply: 1 }, {}, MODEL_VERSION);
    const model = parseLinearModel(JSON.stringify(file));
    const pred = xv.map((x, i) => decide(softmaxInPlace(linearScores(model, x)), i, 1));
    const f1 = intentStats(valid.map((e) => e.intent), pred).macroF1;
    process.stderr.write(`intent ${JSON.stringify(opts)} valid macro-F1 ${f1.toFixed(3)}\n`);
    if (!best || f1 > best.f1) best = { f1, opts, model, file };
  }
  // Lowest threshold that keeps needs-reply precision >= 0.92 on VALID; recall matters most.
  const probs = xv.map((x) => Float64Array.from(softmaxInPlace(linearScores(best!.model, x))));
  let needsReply = 1;
  for (const th of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
    const pred = probs.map((p, i) => decide(p, i, th));
    const s = intentStats(valid.map((e) => e.intent), pred);
    process.stderr.write(`  needsReply>=${th}: P ${s.replyP.toFixed(3)} R ${s.replyR.toFixed(3)} macro-F1 ${s.macroF1.toFixed(3)}\n`);
    if (s.replyP >= 0.92 && s.macroF1 >= best!.f1 - 0.01 && needsReply === 1) needsReply = th;
  }
  best!.file.thresholds = { needsReply };
  best!.file.training = { data: "village-corpus train", examples: train.length, ...best!.opts, seed: SEED, tunedOn: "village-corpus valid" };
  writeFileSync(modelOutPath(INTENT_MODEL_FILE), JSON.stringify(best!.file) + "\n");

  // Urgency: positives are rare (~5 %), so they are up-weighted; threshold tuned for recall on VALID.
  let bestU: { score: number; file: LinearModelFile } | null = null;
  for (const epochs of [10, 20]) for (const posWeight of [3, 8]) for (const lr of [0.05, 0.2, 0.5]) {
    const opts = { epochs, lr, l2: 1e-4, posWeight };
    const file = toModelFile("urgency", ["tidak", "mendesak"], trainLinear(xt, yu, 2, opts, SEED + 1), {}, {}, MODEL_VERSION);
    const model = parseLinearModel(JSON.stringify(file));
    const pv = xv.map((x) => sigmoid(linearScores(model, x)[0]));
    // Threshold: the highest that reaches recall >= 0.95 (else the best recall), scored by false alarms;
    // measured with the whole decision (score, danger/person gate, no ad), as the pipeline decides.
    let chosen = { th: 0.5, recall: -1, fa: Infinity };
    for (let th = 0.95; th >= 0.05 - 1e-9; th -= 0.05) {
      const s = urgentStats(valid.map((e) => e.urgent), pv.map((p, i) => isUrgent(p, fv[i], th)));
      if (s.recall > chosen.recall + 1e-9 && chosen.recall < 0.95) chosen = { th: Math.round(th * 100) / 100, recall: s.recall, fa: s.falseAlarmsPer100 };
    }
    const score = chosen.recall - chosen.fa / 20;
    process.stderr.write(`urgency ${JSON.stringify(opts)} th ${chosen.th} valid recall ${chosen.recall.toFixed(3)} FA/100 ${chosen.fa.toFixed(2)}\n`);
    if (!bestU || score > bestU.score) {
      file.thresholds = { urgent: chosen.th };
      file.training = { data: "village-corpus train", examples: train.length, ...opts, seed: SEED + 1, tunedOn: "village-corpus valid" };
      bestU = { score, file };
    }
  }
  writeFileSync(modelOutPath(URGENCY_MODEL_FILE), JSON.stringify(bestU!.file) + "\n");
  writeFileSync(modelOutPath(SPAM_MODEL_FILE), JSON.stringify(trainSpam(train, xt, valid, xv)) + "\n");
  process.stderr.write(`wrote ${modelOutPath(INTENT_MODEL_FILE)}, ${modelOutPath(URGENCY_MODEL_FILE)} and ${modelOutPath(SPAM_MODEL_FILE)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
