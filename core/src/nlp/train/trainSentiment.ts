// `npm run train:sentiment`: trains the language identifier and the sentiment model from the *train*
// splits in ../shared/data, tunes on the *valid* splits and writes core/src/nlp/models/. Test splits
// are never read here (eval:nlp reports on them).
//
// Training data: SmSA train minus every near-duplicate (token Jaccard >= 0.5) of a NusaX-ind valid or
// test sentence (NusaX was sampled from SmSA), plus NusaX train ind/sun/jav, with Sundanese and
// Javanese up-weighted because they have only 500 examples each.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Sentiment } from "@suara-desa/shared/contracts";
import { normalizeText } from "../normalize";
import { loadBaseResources, MODELS_DIR, readNusaxLexicon, SENTIMENT_MODEL_FILE } from "../resources";
import { featurize, interleave, logits, quantizeWeights, SENTIMENT_LABELS, softmax, type FeatureConfig, type SentimentModel, type SentimentModelHeader } from "../sentimentModel";
import { CORE_VERSION, MODEL } from "../pipeline";
import { macroF1, accuracy, expectedCalibrationError } from "./metrics";
import { readNusax, readSmsa, removeNearDuplicates, type LabelledText, type NusaxLang } from "./data";
import { trainLanguage } from "./trainLanguage";
import { mulberry32 } from "@suara-desa/shared/random";

export interface Doc {
  normalized: string;
  y: number;
  weight: number;
  group: string;
}

interface Encoded {
  idx: Int32Array;
  /** start offset of each doc's features in idx; word features first, then char */
  start: Int32Array;
  wordEnd: Int32Array;
  wordScale: Float32Array;
  charScale: Float32Array;
}

export interface TrainParams {
  epochs: number;
  lr: number;
  l2: number;
  seed: number;
  /** Models trained on different shuffles, averaged (a linear model: averaging weights = averaging logits). */
  ensemble: number;
  /** 0 = no class re-weighting, 1 = fully balanced classes (helps the rare neutral class). */
  classBalance: number;
}

const LABEL_INDEX = new Map<Sentiment, number>(SENTIMENT_LABELS.map((l, i) => [l, i]));

/**
 * Word alignments learned from the parallel NusaX *train* sentences: a regional word maps to the
 * Indonesian word it co-occurs with most (Dice coefficient over sentence pairs).
 */
export function alignParallel(pairs: Array<[string[], string[]]>, minCount = 2, minDice = 0.6): Map<string, string> {
  const regFreq = new Map<string, number>();
  const indFreq = new Map<string, number>();
  const co = new Map<string, Map<string, number>>();
  for (const [reg, ind] of pairs) {
    const rs = new Set(reg);
    const is = new Set(ind);
    for (const w of is) indFreq.set(w, (indFreq.get(w) ?? 0) + 1);
    for (const r of rs) {
      regFreq.set(r, (regFreq.get(r) ?? 0) + 1);
      let m = co.get(r);
      if (!m) co.set(r, (m = new Map()));
      for (const w of is) m.set(w, (m.get(w) ?? 0) + 1);
    }
  }
  const out = new Map<string, string>();
  for (const [r, m] of co) {
    const fr = regFreq.get(r)!;
    if (fr < minCount || indFreq.has(r)) continue;
    let best = "";
    let bestDice = 0;
    for (const [w, c] of m) {
      const dice = (2 * c) / (fr + indFreq.get(w)!);
      if (dice > bestDice) {
        bestDice = dice;
        best = w;
      }
    }
    if (bestDice >= minDice) out.set(r, best);
  }
  return out;
}

/** Sundanese/Javanese -> Indonesian bridge: NusaX word lists first, then parallel-train alignments. */
export function buildBridge(normalize?: (t: string) => string): Map<string, string> {
  const bridge = new Map<string, string>();
  for (const lang of ["sundanese", "javanese"] as const) {
    for (const [ind, regional] of readNusaxLexicon(lang)) {
      if (regional.includes(" ") || ind.includes(" ") || regional === ind || bridge.has(regional)) continue;
      bridge.set(regional, ind);
    }
  }
  if (normalize) {
    const toks = (t: string) => normalize(t).split(" ").filter((w) => /\p{L}/u.test(w));
    const ind = new Map(readNusax("indonesian", "train").map((t) => [t.id.replace(/^nusax-indonesian-/, ""), toks(t.text)]));
    for (const lang of ["sundanese", "javanese"] as const) {
      const pairs: Array<[string[], string[]]> = [];
      for (const t of readNusax(lang, "train")) {
        const other = ind.get(t.id.replace(`nusax-${lang}-`, ""));
        if (other) pairs.push([toks(t.text), other]);
      }
      for (const [r, w] of alignParallel(pairs)) if (!bridge.has(r)) bridge.set(r, w);
    }
  }
  return bridge;
}

function encode(docs: Doc[], cfg: FeatureConfig, bridge: Map<string, string>): Encoded {
  const chunks: Int32Array[] = [];
  const start = new Int32Array(docs.length + 1);
  const wordEnd = new Int32Array(docs.length);
  const wordScale = new Float32Array(docs.length);
  const charScale = new Float32Array(docs.length);
  let total = 0;
  docs.forEach((d, i) => {
    const f = featurize(d.normalized, cfg, bridge);
    const arr = new Int32Array(f.wordLen + f.charLen);
    arr.set(f.word.subarray(0, f.wordLen), 0);
    arr.set(f.char.subarray(0, f.charLen), f.wordLen);
    chunks.push(arr);
    start[i] = total;
    wordEnd[i] = total + f.wordLen;
    wordScale[i] = f.wordLen > 0 ? cfg.wordScale / Math.sqrt(f.wordLen) : 0;
    charScale[i] = f.charLen > 0 ? cfg.charScale / Math.sqrt(f.charLen) : 0;
    total += arr.length;
  });
  start[docs.length] = total;
  const idx = new Int32Array(total);
  let o = 0;
  for (const c of chunks) {
    idx.set(c, o);
    o += c.length;
  }
  return { idx, start, wordEnd, wordScale, charScale };
}


/** Trains `ensemble` models on different shuffles and averages their weights. */
export function trainEnsemble(docs: Doc[], cfg: FeatureConfig, bridge: Map<string, string>, p: TrainParams): { weights: Float32Array; bias: number[] } {
  const runs = Math.max(1, p.ensemble);
  let acc: { weights: Float32Array; bias: number[] } | null = null;
  for (let r = 0; r < runs; r++) {
    const m = trainLogReg(docs, cfg, bridge, { ...p, seed: p.seed + r * 101 });
    if (!acc) acc = m;
    else {
      for (let i = 0; i < acc.weights.length; i++) acc.weights[i] += m.weights[i];
      for (let c = 0; c < 3; c++) acc.bias[c] += m.bias[c];
    }
  }
  for (let i = 0; i < acc!.weights.length; i++) acc!.weights[i] /= runs;
  for (let c = 0; c < 3; c++) acc!.bias[c] /= runs;
  return acc!;
}

/** Multinomial logistic regression with AdaGrad and L2 on touched weights (sparse, lazy). */
export function trainLogReg(docs: Doc[], cfg: FeatureConfig, bridge: Map<string, string>, p: TrainParams): { weights: Float32Array; bias: number[] } {
  const size = 1 << cfg.bits;
  const enc = encode(docs, cfg, bridge);
  const W = new Float32Array(3 * size);
  const G = new Float32Array(3 * size).fill(1e-6);
  const bias = [0, 0, 0];
  const gb = [1e-6, 1e-6, 1e-6];
  const rand = mulberry32(p.seed);
  const order = docs.map((_, i) => i);
  const z = new Float64Array(3);
  const classMass = [0, 0, 0];
  for (const d of docs) classMass[d.y] += d.weight;
  const totalMass = classMass[0] + classMass[1] + classMass[2];
  const classWeight = classMass.map((m) => Math.pow(totalMass / (3 * m), p.classBalance));
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const d of order) {
      const s = enc.start[d];
      const we = enc.wordEnd[d];
      const e = enc.start[d + 1];
      const ws = enc.wordScale[d];
      const cs = enc.charScale[d];
      for (let c = 0; c < 3; c++) {
        const base = c * size;
        let acc = bias[c];
        for (let k = s; k < we; k++) acc += W[base + enc.idx[k]] * ws;
        for (let k = we; k < e; k++) acc += W[base + enc.idx[k]] * cs;
        z[c] = acc;
      }
      softmax(z, 1);
      const wt = docs[d].weight * classWeight[docs[d].y];
      for (let c = 0; c < 3; c++) {
        const g = (z[c] - (docs[d].y === c ? 1 : 0)) * wt;
        gb[c] += g * g;
        bias[c] -= (p.lr * g) / Math.sqrt(gb[c]);
        const base = c * size;
        for (let k = s; k < e; k++) {
          const x = k < we ? ws : cs;
          const bi = base + enc.idx[k];
          const gw = g * x + p.l2 * W[bi];
          G[bi] += gw * gw;
          W[bi] -= (p.lr * gw) / Math.sqrt(G[bi]);
        }
      }
    }
  }
  return { weights: W, bias };
}

/** Normalises labelled texts into training docs. */
export function toDocs(items: LabelledText[], group: string, weight: number, normalize: (t: string) => string): Doc[] {
  return items.map((t) => ({ normalized: normalize(t.text), y: LABEL_INDEX.get(t.label)!, weight, group }));
}

/** Scores docs: macro-F1, accuracy and top-class confidences/correctness for calibration. */
export function scoreDocs(model: SentimentModel, docs: Doc[]): { f1: number; acc: number; z: Float64Array[] } {
  const gold: number[] = [];
  const pred: number[] = [];
  const zs: Float64Array[] = [];
  for (const d of docs) {
    const z = logits(model, featurize(d.normalized, model.header.config, model.bridge), new Float64Array(3));
    zs.push(z);
    let best = 0;
    for (let c = 1; c < 3; c++) if (z[c] > z[best]) best = c;
    gold.push(d.y);
    pred.push(best);
  }
  return { f1: macroF1(gold, pred, [0, 1, 2]), acc: accuracy(gold, pred), z: zs };
}

/** Temperature minimising the negative log-likelihood of the valid docs. */
export function fitTemperature(zs: Float64Array[], ys: number[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t = 0.2; t <= 4.001; t += 0.05) {
    let nll = 0;
    zs.forEach((z, i) => {
      const p = softmax(Float64Array.from(z), t);
      nll -= Math.log(Math.max(1e-12, p[ys[i]]));
    });
    if (nll < bestNll) {
      bestNll = nll;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

export const DEFAULT_CONFIG: FeatureConfig = {
  bits: 20,
  charMin: 2,
  charMax: 5,
  wordBigrams: true,
  negation: true,
  bridge: true,
  wordScale: 1,
  charScale: 0.5,
};
export const DEFAULT_PARAMS: TrainParams = { epochs: 6, lr: 0.1, l2: 1e-6, seed: 7, classBalance: 0, ensemble: 3 };

/** Loads and normalises every split used for training and tuning. */
export function loadTrainingData(regionalWeight: number) {
  const base = loadBaseResources();
  const norm = (t: string) => normalizeText(t, base.normalize).normalized;
  const nusaxRefs = [...readNusax("indonesian", "test"), ...readNusax("indonesian", "valid")].map((t) => t.text);
  const smsa = removeNearDuplicates(readSmsa("train"), nusaxRefs, 0.5);
  const train: Doc[] = [...toDocs(smsa.kept, "smsa", 1, norm)];
  const langs: NusaxLang[] = ["indonesian", "sundanese", "javanese"];
  for (const l of langs) train.push(...toDocs(readNusax(l, "train"), `nusax-${l}`, l === "indonesian" ? 1 : regionalWeight, norm));
  const valid: Record<string, Doc[]> = { smsa: toDocs(readSmsa("valid"), "smsa", 1, norm) };
  for (const l of langs) valid[`nusax-${l}`] = toDocs(readNusax(l, "valid"), `nusax-${l}`, 1, norm);
  return { base, train, valid, removed: smsa.removed, smsaKept: smsa.kept.length };
}

function main(): void {
  const t0 = Date.now();
  const regionalWeight = Number(process.env.REGIONAL_WEIGHT ?? 3);
  const { base, train, valid, removed, smsaKept } = loadTrainingData(regionalWeight);
  console.log(`SmSA train: ${smsaKept} kept, ${removed} near-duplicates of NusaX-ind valid/test removed; total train docs ${train.length}`);

  const lang = trainLanguage(base);
  console.log(`language-v1: NusaX valid accuracy ${lang.validAccuracy.toFixed(4)} (word weight ${lang.model.wordWeight})`);

  const cfg: FeatureConfig = { ...DEFAULT_CONFIG, ...(process.env.NLP_CFG ? JSON.parse(process.env.NLP_CFG) : {}) };
  const params: TrainParams = { ...DEFAULT_PARAMS, ...(process.env.NLP_PARAMS ? JSON.parse(process.env.NLP_PARAMS) : {}) };
  const bridge = buildBridge(process.env.NLP_ALIGN !== "1" ? undefined : (t) => normalizeText(t, base.normalize).normalized);
  console.log(`bridge: ${bridge.size} regional words -> Indonesian`);
  const { weights, bias } = trainEnsemble(train, cfg, bridge, params);
  const header: SentimentModelHeader = {
    name: MODEL.name,
    version: CORE_VERSION,
    labels: [...SENTIMENT_LABELS],
    config: cfg,
    temperature: 1,
    bias,
    bridge: Object.fromEntries(bridge),
    weightsFile: "sentiment-v1.bin",
    quantScale: [1, 1, 1],
    trainedOn: "SmSA train (IndoNLU; near-duplicates of NusaX-ind valid/test removed) + NusaX-Senti train ind/sun/jav (CC BY-SA 4.0)",
  };
  // Evaluate and ship the quantised weights, so valid figures describe exactly what is shipped.
  const quant = quantizeWeights(weights, 3);
  header.quantScale = quant.scale;
  const q = new Int16Array(quant.bytes.buffer, quant.bytes.byteOffset, quant.bytes.byteLength / 2);
  const shipped = new Float32Array(q.length);
  const size = 1 << cfg.bits;
  for (let i = 0; i < q.length; i++) shipped[i] = q[i] * quant.scale[Math.floor(i / size)];
  const model: SentimentModel = { header, bridge, weights: interleave(shipped), scale: [1, 1, 1], mask: size - 1, charCache: new Map() };

  const allZ: Float64Array[] = [];
  const allY: number[] = [];
  const validMetrics: Record<string, { f1: number; acc: number }> = {};
  for (const [name, docs] of Object.entries(valid)) {
    const r = scoreDocs(model, docs);
    validMetrics[name] = { f1: Math.round(r.f1 * 1e4) / 1e4, acc: Math.round(r.acc * 1e4) / 1e4 };
    allZ.push(...r.z);
    allY.push(...docs.map((d) => d.y));
  }
  header.temperature = fitTemperature(allZ, allY);
  const conf: number[] = [];
  const correct: boolean[] = [];
  allZ.forEach((z, i) => {
    const p = softmax(Float64Array.from(z), header.temperature);
    let best = 0;
    for (let c = 1; c < 3; c++) if (p[c] > p[best]) best = c;
    conf.push(p[best]);
    correct.push(best === allY[i]);
  });
  const ece = expectedCalibrationError(conf, correct);
  header.metrics = { valid: validMetrics, validEce: Math.round(ece * 1e4) / 1e4, params, regionalWeight };
  const meanF1 = Object.values(validMetrics).reduce((a, m) => a + m.f1, 0) / Object.keys(validMetrics).length;

  if (process.env.NLP_DRY_RUN !== "1") {
    writeFileSync(path.join(MODELS_DIR, header.weightsFile), quant.bytes);
    writeFileSync(SENTIMENT_MODEL_FILE, JSON.stringify(header, null, 1));
  }
  console.log(`valid macro-F1: ${Object.entries(validMetrics).map(([k, m]) => `${k} ${m.f1.toFixed(4)} (acc ${m.acc.toFixed(4)})`).join(" | ")} | mean ${meanF1.toFixed(4)}`);
  console.log(`temperature ${header.temperature}, valid ECE ${ece.toFixed(4)}; trained in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
