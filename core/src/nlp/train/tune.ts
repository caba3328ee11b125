// Hyper-parameter search on the *valid* splits (development aid; prints one line per setting).
// Run: npx tsx core/src/nlp/train/tune.ts '<json array of {cfg, params, regionalWeight}>'
import { DEFAULT_CONFIG, DEFAULT_PARAMS, buildBridge, loadTrainingData, scoreDocs, trainEnsemble } from "./trainSentiment";
import type { SentimentModel } from "../sentimentModel";
import { interleave, SENTIMENT_LABELS } from "../sentimentModel";
import { normalizeText } from "../normalize";

const settings = JSON.parse(process.argv[2] ?? "[{}]") as Array<{ cfg?: object; params?: object; regionalWeight?: number; align?: boolean }>;
const data = loadTrainingData(1);
const bridgeLex = buildBridge();
const bridgeAligned = buildBridge((t) => normalizeText(t, data.base.normalize).normalized);
console.log(`bridge sizes: lexicon ${bridgeLex.size}, with alignments ${bridgeAligned.size}`);
for (const s of settings) {
  const cfg = { ...DEFAULT_CONFIG, ...(s.cfg ?? {}) };
  const params = { ...DEFAULT_PARAMS, ...(s.params ?? {}) };
  const rw = s.regionalWeight ?? 3;
  const train = data.train.map((d) => ({ ...d, weight: d.group === "nusax-sundanese" || d.group === "nusax-javanese" ? rw : d.weight }));
  const t0 = Date.now();
  const bridge = s.align ? bridgeAligned : bridgeLex;
  const { weights, bias } = trainEnsemble(train, cfg, bridge, params);
  const model: SentimentModel = {
    header: { name: "t", version: "0", labels: [...SENTIMENT_LABELS], config: cfg, temperature: 1, bias, bridge: {}, weightsFile: "", quantScale: [1, 1, 1], trainedOn: "" },
    bridge,
    weights: interleave(weights),
    scale: [1, 1, 1],
    mask: (1 << cfg.bits) - 1,
    charCache: new Map(),
  };
  const parts = Object.entries(data.valid).map(([k, docs]) => [k, scoreDocs(model, docs).f1] as const);
  const mean = parts.reduce((a, [, f]) => a + f, 0) / parts.length;
  console.log(`${JSON.stringify(s)} -> ${parts.map(([k, f]) => `${k.replace("nusax-", "")} ${f.toFixed(3)}`).join(" ")} mean ${mean.toFixed(4)} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
}
