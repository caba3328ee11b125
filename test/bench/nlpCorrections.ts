// `npx tsx test/bench/nlpCorrections.ts [--texts 20000] [--corrections 400]`: what a village's corrections
// cost per comment. Three pipelines in ONE process on bench:nlp's texts: no corrections (every village
// without any: the unchanged path), intent/urgency corrections only (overrides + the online update,
// intentAdaptation.ts), and the same corrections with sentiment labels too. The corrections are the
// village corpus VALID comments with their gold labels. Chunks of 500 are analysed by all three in
// rotating order so all see the same machine load; prints comments per CPU-second and the ratios.
import { buildBenchCorpus } from "./nlpTexts";
import { createPipeline } from "@suara-desa/core/nlp/pipeline";
import { DEFAULT_TOPICS } from "@suara-desa/core/nlp/taxonomy";
import { readVillageSplit } from "@suara-desa/core/nlp/train/intentData";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer, got ${process.argv[i + 1]}`);
  return v;
};
const count = arg("--texts", 20_000);
const k = arg("--corrections", 400);
const CHUNK = 500;
const { warm, measure } = buildBenchCorpus(count);
const valid = readVillageSplit("valid").slice(0, k);
const names = ["no corrections", `${valid.length} intent/urgency corrections`, `${valid.length} sentiment+intent/urgency corrections`];
const t0 = process.cpuUsage();
const pipelines = [
  createPipeline({ topics: DEFAULT_TOPICS }),
  createPipeline({ topics: DEFAULT_TOPICS, corrections: valid.map((e) => ({ text: e.text, label: "", intent: e.intent, urgent: e.urgent })) }),
  createPipeline({ topics: DEFAULT_TOPICS, corrections: valid.map((e) => ({ text: e.text, label: e.sentiment, intent: e.intent, urgent: e.urgent })) }),
];
const build = process.cpuUsage(t0);
console.log(`built the three pipelines in ${Math.round((build.user + build.system) / 1000)} CPU-ms`);
for (const t of warm) for (const p of pipelines) p.analyze(t);

function pass(): number[] {
  const used = pipelines.map(() => 0);
  for (let c = 0; c < measure.length; c += CHUNK) {
    const part = measure.slice(c, c + CHUNK);
    const r = (c / CHUNK) % pipelines.length;
    for (const j of pipelines.map((_, i) => (i + r) % pipelines.length)) {
      const s = process.cpuUsage();
      for (const t of part) pipelines[j].analyze(t);
      const u = process.cpuUsage(s);
      used[j] += u.user + u.system;
    }
  }
  return used;
}

const rate = (us: number): string => Math.round(measure.length / (us / 1e6)).toLocaleString("en-US");
for (const name of ["cold", "warm"]) {
  const used = pass();
  console.log(`${name}: ${names.map((n, i) => `${n} ${rate(used[i])}/s`).join(", ")}; cost ratio ${used.slice(1).map((u) => (u / used[0]).toFixed(3)).join(" / ")}`);
}
