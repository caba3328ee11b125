// `npm run bench:nlp [-- --runs 3 --texts 20000]`: comments per CPU-second on one core for the full
// NLP pipeline (intent/urgency included), with the `sentiment` package on the same texts in the
// same process as the reference. Texts are real comments and reviews (see nlpTexts.ts), not a few
// sentences recombined.
//
// Each run is a fresh child process (empty token caches, cold JIT). It warms the JIT on 5,000 texts
// from sources disjoint from the measured ones, then times
//   cold: every measured text analysed for the first time; the per-word caches hold what the
//         warm-up and the earlier texts left, as in a worker that has been running, and
//   warm: a second pass over the same texts (the pipeline's per-token caches now hold every word).
// The figure to compare with the goal is the cold one.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";
import { performance } from "node:perf_hooks";
import Sentiment from "sentiment";
import { buildBenchCorpus, describeTexts } from "./nlpTexts";

interface RunResult {
  nlpCold: number;
  nlpWarm: number;
  sentCold: number;
  sentWarm: number;
  pii: number;
  loadMs: number;
  rssMb: number;
  model: string;
}

const NUMBERS = [
  "hubungi pak RT di 0812-3456-7890 atau (0812) 3456 7893 atau wa.me/6281234567895",
  "NIK 3215011203900001 blm masuk DTKS, no hp 0 8 1 2 3 4 5 6 7 8 9 4, email ani@gmail.com",
  "bansos tahap 3 tahun 2026 cair Rp 1.500.000 per KK, RT 03 RW 05, rapat 12-03-2026 jam 19.30",
  "dana desa Rp 62.850.000.000 untuk 1.250 warga, kontak +62 812 3456 7890",
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer, got ${process.argv[i + 1]}`);
  return v;
}

/** Comments per CPU-second (user + system of this process) for one pass over `texts`. */
function pass(texts: string[], fn: (t: string) => unknown): number {
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < texts.length; i++) fn(texts[i]);
  const used = process.cpuUsage(cpu0);
  return texts.length / ((used.user + used.system) / 1e6);
}

async function child(measureCount: number): Promise<RunResult> {
  const { warm, measure } = buildBenchCorpus(measureCount);
  const t0 = performance.now();
  const { createPipeline } = await import("@suara-desa/core/nlp/pipeline");
  const { DEFAULT_TOPICS } = await import("@suara-desa/core/nlp/taxonomy");
  const { findPii } = await import("@suara-desa/core/nlp/pii");
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  const loadMs = performance.now() - t0;
  const engine = new Sentiment();
  const nlp = (t: string): unknown => pipeline.analyze(t);
  const sent = (t: string): unknown => engine.analyze(t);
  // JIT warm-up on texts that share no source sentence with the measured ones.
  pass(warm, nlp);
  pass(warm, sent);
  const nlpCold = pass(measure, nlp);
  const nlpWarm = pass(measure, nlp);
  const sentCold = pass(measure, sent);
  const sentWarm = pass(measure, sent);
  // The personal-data detector runs on every comment and again when one is shown or exported:
  // also measured on texts that all carry phones, NIK, money and dates.
  const numbers = measure.slice(0, 5000).map((t, i) => `${t} ${NUMBERS[i % NUMBERS.length]}`);
  pass(numbers.slice(0, 500), (t) => findPii(t));
  const pii = pass(numbers, (t) => findPii(t));
  return {
    nlpCold, nlpWarm, sentCold, sentWarm, pii, loadMs,
    rssMb: process.resourceUsage().maxRSS / 1024,
    model: `${pipeline.model.name} ${pipeline.model.version}`,
  };
}

function runChild(measureCount: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const cp = fork(fileURLToPath(import.meta.url), ["--child", "--texts", String(measureCount)], { execArgv: process.execArgv });
    let result: RunResult | null = null;
    cp.on("message", (m) => (result = m as RunResult));
    cp.on("error", reject);
    cp.on("exit", (code) => (result && code === 0 ? resolve(result) : reject(new Error(`benchmark child exited with code ${code}`))));
  });
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmt = (x: number): string => Math.round(x).toLocaleString("en-US");
const spread = (xs: number[], f: (x: number) => string): string => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
const ratio = (x: number): string => x.toFixed(3);

async function parent(): Promise<void> {
  const runs = arg("runs", 3);
  const measureCount = arg("texts", 20_000);
  const corpus = buildBenchCorpus(measureCount);
  const m = describeTexts(corpus.measure);
  const w = describeTexts(corpus.warm);
  const cpu = os.cpus();
  const loadBefore = os.loadavg();
  console.log(`bench:nlp — ${corpus.measure.length} measured texts (${m.distinct} distinct, none more than ${m.maxRepeat}×, ${m.meanWords.toFixed(1)} words on average); JIT warm-up on ${corpus.warm.length} texts (${w.distinct} distinct) from disjoint sources`);
  for (const s of corpus.sources) console.log(`  source: ${s.name}: ${s.count} texts`);
  console.log("  plus recombinations: those sentences joined with phrases from the village corpus");
  if (corpus.note) console.log(`  NOTE: ${corpus.note}`);
  console.log(`machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores; load average (1/5/15 min) before: ${loadBefore.map((x) => x.toFixed(2)).join(" / ")}`);
  const results: RunResult[] = [];
  for (let r = 0; r < runs; r++) {
    const res = await runChild(measureCount);
    results.push(res);
    console.log(
      `run ${r + 1}: pipeline cold ${fmt(res.nlpCold)}/s, warm ${fmt(res.nlpWarm)}/s; sentiment pkg cold ${fmt(res.sentCold)}/s, warm ${fmt(res.sentWarm)}/s; ` +
        `ratio cold ${ratio(res.nlpCold / res.sentCold)}, warm ${ratio(res.nlpWarm / res.sentWarm)}; load avg ${os.loadavg()[0].toFixed(2)}`,
    );
  }
  const col = (f: (r: RunResult) => number): number[] => results.map(f);
  console.log(`model: ${results[0].model}`);
  console.log(`median over ${runs} runs (min–max), comments per CPU-second on one core:`);
  console.log(`  full pipeline, cold (first sight):  ${spread(col((r) => r.nlpCold), fmt)}   sentiment pkg ${spread(col((r) => r.sentCold), fmt)}   ratio ${spread(col((r) => r.nlpCold / r.sentCold), ratio)}   (target >= 20,000, ratio >= 0.12)`);
  console.log(`  full pipeline, warm (second pass): ${spread(col((r) => r.nlpWarm), fmt)}   sentiment pkg ${spread(col((r) => r.sentWarm), fmt)}   ratio ${spread(col((r) => r.nlpWarm / r.sentWarm), ratio)}`);
  console.log(`  personal-data detector on texts with phones, NIK, money and dates: ${spread(col((r) => r.pii), fmt)}`);
  console.log(`model load (import + resources + first pipeline): ${spread(col((r) => r.loadMs), (x) => `${Math.round(x)} ms`)} (target <= 1000 ms)`);
  console.log(`peak RSS of a run: ${spread(col((r) => r.rssMb), (x) => `${Math.round(x)} MB`)} (target <= 300 MB)`);
  console.log(`load average (1/5/15 min) after: ${os.loadavg().map((x) => x.toFixed(2)).join(" / ")}`);
}

const isChild = process.argv.includes("--child");
(isChild
  ? child(arg("texts", 20_000)).then((r) => process.send?.(r, () => process.disconnect()))
  : parent()
).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
