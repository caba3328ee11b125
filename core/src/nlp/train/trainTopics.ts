// Trains the topic classifier (per-topic L2 logistic regression over words, stems, bigrams and
// keyword-rule hits) on the TRAIN split of test/fixtures/topics, picks L2 strength and threshold by
// 5-fold cross-validation inside TRAIN, and writes core/src/nlp/models/topics-v1.json.
// Run: `npx tsx core/src/nlp/train/trainTopics.ts`. The test split is never read here.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { modelOutPath } from "./data";
import { fileURLToPath } from "node:url";
import { DEFAULT_TOPICS } from "../taxonomy";
import { compileTopics, matchRules, ruleHits, ruleScore, topicFeatures, topicTokens, type TopicModel, type TopicModelFile } from "../topics";
import { loadLabelledTopics, normalizeForTopics, scoreTopicSets } from "./evalTopics";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = modelOutPath(path.resolve(HERE, "../models/topics-v1.json"));
const KEYS = DEFAULT_TOPICS.map((t) => t.key);
// Features are independent of the weights; compile the rules against an empty model.
const EMPTY: TopicModel = { name: "empty", version: "0", threshold: 0.5, ruleMix: 0, topics: [], bias: new Float64Array(0), weights: new Map() };

interface Doc {
  feats: Array<[number, number]>;
  labels: Uint8Array;
  /** Rule-only score per topic (what an untrained topic would get). */
  rule: Float64Array;
}

function buildDocs(rows: Array<{ text: string; topics: string[] }>, vocab: Map<string, number>, grow: boolean): Doc[] {
  const compiled = compileTopics(DEFAULT_TOPICS, EMPTY);
  return rows.map((r) => {
    const feats: Array<[number, number]> = [];
    const tokens = topicTokens(normalizeForTopics(r.text));
    const matches = matchRules(tokens, compiled);
    const hits = ruleHits(matches, compiled);
    for (const [f, v] of topicFeatures(tokens, compiled, matches)) {
      let idx = vocab.get(f);
      if (idx === undefined && grow) {
        idx = vocab.size;
        vocab.set(f, idx);
      }
      if (idx !== undefined) feats.push([idx, v]);
    }
    return { feats, labels: Uint8Array.from(KEYS.map((k) => (r.topics.includes(k) ? 1 : 0))), rule: Float64Array.from(hits, (h) => ruleScore(h)) };
  });
}

/** Full-batch AdaGrad on mean log-loss + (l2/2)|w|^2, one binary model per topic. */
function train(docs: Doc[], vocab: Map<string, number>, l2: number, epochs = 300): { w: Float64Array[]; b: Float64Array } {
  const K = KEYS.length;
  const nFeat = vocab.size;
  // Rule-hit features are not shrunk: they carry the taxonomy's prior knowledge, which 300
  // comments cannot re-learn word by word; shrinking them makes the tagger forget unseen keywords.
  const shrink = new Float64Array(nFeat).fill(l2);
  for (const [f, i] of vocab) if (f.startsWith("r:")) shrink[i] = 0;
  const w = KEYS.map(() => new Float64Array(nFeat));
  const b = new Float64Array(K);
  const lr = 0.5;
  for (let k = 0; k < K; k++) {
    const gAcc = new Float64Array(nFeat).fill(1e-8);
    let bAcc = 1e-8;
    const grad = new Float64Array(nFeat);
    for (let e = 0; e < epochs; e++) {
      grad.fill(0);
      let gb = 0;
      for (const d of docs) {
        let z = b[k];
        for (const [i, v] of d.feats) z += w[k][i] * v;
        const err = 1 / (1 + Math.exp(-z)) - d.labels[k];
        for (const [i, v] of d.feats) grad[i] += err * v;
        gb += err;
      }
      for (let i = 0; i < nFeat; i++) {
        const g = grad[i] / docs.length + shrink[i] * w[k][i];
        gAcc[i] += g * g;
        w[k][i] -= (lr * g) / Math.sqrt(gAcc[i]);
      }
      gb /= docs.length;
      bAcc += gb * gb;
      b[k] -= (lr * gb) / Math.sqrt(bAcc);
    }
  }
  return { w, b };
}

function predict(docs: Doc[], m: { w: Float64Array[]; b: Float64Array }, mix: number): Float64Array[] {
  return docs.map((d) =>
    Float64Array.from(KEYS.map((_, k) => {
      let z = m.b[k];
      for (const [i, v] of d.feats) z += m.w[k][i] * v;
      return (1 - mix) / (1 + Math.exp(-z)) + mix * d.rule[k];
    })),
  );
}

const labelsOf = (probs: Float64Array, t: number): string[] => KEYS.filter((_, k) => probs[k] >= t);

function main(): void {
  const all = loadLabelledTopics();
  const trainRows = all.filter((r) => r.split === "train");
  const L2S = [0.0001, 0.0003, 0.001, 0.003, 0.01];
  const THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
  const MIXES = [0, 0.25, 0.5, 0.75];
  const folds = 5;
  const results = new Map<string, { gold: string[][]; pred: string[][] }>();
  for (let f = 0; f < folds; f++) {
    const fit = trainRows.filter((_, i) => i % folds !== f);
    const held = trainRows.filter((_, i) => i % folds === f);
    const vocab = new Map<string, number>();
    const fitDocs = buildDocs(fit, vocab, true);
    const heldDocs = buildDocs(held, vocab, false);
    for (const l2 of L2S) {
      const m = train(fitDocs, vocab, l2);
      for (const mix of MIXES) {
        const probs = predict(heldDocs, m, mix);
        for (const t of THRESHOLDS) {
          const key = `${l2}|${t}|${mix}`;
          const acc = results.get(key) ?? { gold: [], pred: [] };
          held.forEach((r, i) => {
            acc.gold.push(r.topics);
            acc.pred.push(labelsOf(probs[i], t));
          });
          results.set(key, acc);
        }
      }
    }
    process.stdout.write(`fold ${f + 1}/${folds} done\n`);
  }
  let best = { key: "", f1: -1 };
  for (const [key, r] of results) {
    const f1 = scoreTopicSets(KEYS, r.gold, r.pred).micro.f1;
    if (f1 > best.f1) best = { key, f1 };
  }
  const [l2, threshold, ruleMix] = best.key.split("|").map(Number);
  const vocab = new Map<string, number>();
  const docs = buildDocs(trainRows, vocab, true);
  const model = train(docs, vocab, l2);
  const weights: Record<string, number[]> = {};
  for (const [feat, i] of vocab) {
    const row = KEYS.map((_, k) => Math.round(model.w[k][i] * 1e4) / 1e4);
    if (row.some((x) => Math.abs(x) >= 0.002)) weights[feat] = row;
  }
  const file: TopicModelFile = {
    name: "topics-lr",
    // 2: retrained at pipeline 1.1.2 (the shipped file predated the current training grid).
    version: "2",
    threshold,
    ruleMix,
    topics: KEYS,
    bias: Array.from(model.b, (x) => Math.round(x * 1e4) / 1e4),
    weights,
    trainedOn: { file: "test/fixtures/topics/labelled.jsonl", split: "train", n: trainRows.length, l2, ruleMix, cvMicroF1: Math.round(best.f1 * 1000) / 1000 },
  };
  writeFileSync(OUT, JSON.stringify(file) + "\n");
  console.log(`trained on ${trainRows.length} comments · features kept ${Object.keys(weights).length}/${vocab.size} · l2 ${l2} · threshold ${threshold} · rule mix ${ruleMix} · 5-fold CV micro-F1 ${best.f1.toFixed(3)} · wrote ${path.relative(process.cwd(), OUT)}`);
}

main();
