// `npx tsx test/bench/nlpStages.ts [--texts 20000]`: time per pipeline stage, in microseconds per
// comment, on bench:nlp's texts (cold pass, then warm pass), after the same JIT warm-up. The stages
// are called in the pipeline's order with the pipeline's inputs, each timed on its own, so the sum
// is close to (slightly above) a pipeline.analyze() call. Wall time (a CPU-time read per stage would
// cost more than the smaller stages): on a loaded machine read the shares, not the microseconds.
// A profile in numbers, not a benchmark.
import { performance } from "node:perf_hooks";
import { buildBenchCorpus } from "./nlpTexts";
import { createPipeline } from "@suara-desa/core/nlp/pipeline";
import { DEFAULT_TOPICS } from "@suara-desa/core/nlp/taxonomy";
import { getResources } from "@suara-desa/core/nlp/resources";
import { normalizeWords, type NormalizedWords } from "@suara-desa/core/nlp/normalize";
import { tokenizeWords } from "@suara-desa/core/nlp/tokenize";
import { identifyLanguageWords } from "@suara-desa/core/nlp/language";
import { probabilitiesWords } from "@suara-desa/core/nlp/sentimentModel";
import { decideVillageSentiment } from "@suara-desa/core/nlp/villageSentiment";
import { tagTopicsWords } from "@suara-desa/core/nlp/topics";
import { classifyIntentUrgency } from "@suara-desa/core/nlp/intent";
import { detectSpamWords } from "@suara-desa/core/nlp/spam";
import { detectPii } from "@suara-desa/core/nlp/pii";
import type { NlpContext } from "@suara-desa/core/nlp/types";

const i = process.argv.indexOf("--texts");
const count = i >= 0 ? Number(process.argv[i + 1]) : 20_000;
const { warm, measure } = buildBenchCorpus(count);
const res = getResources();
const ctx: NlpContext = { topics: DEFAULT_TOPICS, resources: { nlp: res, intent: res.intent, villageSentiment: res.villageSentiment } };
const spamThreshold = res.intent.spam.thresholds.spam ?? 1;
const p = new Float64Array(3);
const NAMES = ["normalize", "tokenize", "language", "sentiment (general)", "sentiment (village)", "topics", "intent+urgency", "spam", "pii"] as const;

function run(texts: string[], acc: Float64Array): void {
  let t = performance.now();
  const lap = (k: number): void => {
    const now = performance.now();
    acc[k] += now - t;
    t = now;
  };
  for (const text of texts) {
    t = performance.now();
    const forms: NormalizedWords = normalizeWords(text, res.normalize); lap(0);
    tokenizeWords(forms.normalizedWords); lap(1);
    identifyLanguageWords(forms.surfaceWords, res.language, res.english); lap(2);
    const model = classifyIntentUrgency(forms, res.intent); lap(6);
    probabilitiesWords(res.sentiment!, forms.normalizedWords, p); lap(3);
    decideVillageSentiment(res.villageSentiment!, forms, p, model.features); lap(4);
    tagTopicsWords(forms.normalizedWords, ctx); lap(5);
    detectSpamWords({ text, normalized: forms.normalized, normalizedWords: forms.normalizedWords, rawWords: forms.rawWords, suspect: forms.suspect, urgent: model.urgency.urgent, model: { probability: model.spamProbability, threshold: spamThreshold } }); lap(7);
    detectPii(text, ctx); lap(8);
  }
}

createPipeline({ topics: DEFAULT_TOPICS });
run(warm, new Float64Array(NAMES.length));
for (const name of ["cold", "warm"]) {
  const acc = new Float64Array(NAMES.length);
  run(measure, acc);
  const total = acc.reduce((a, b) => a + b, 0);
  console.log(`${name}: ${((total * 1000) / measure.length).toFixed(1)} µs per comment (${Math.round(measure.length / (total / 1000)).toLocaleString("en-US")}/s wall)`);
  NAMES.forEach((n, k) => console.log(`  ${n.padEnd(22)} ${((acc[k] * 1000) / measure.length).toFixed(2).padStart(7)} µs  ${((acc[k] / total) * 100).toFixed(1).padStart(5)} %`));
}
