// `npx tsx test/bench/nlpAB.ts <other checkout> [--texts 20000]`: this checkout's NLP pipeline against
// another checkout's (e.g. `git worktree add /tmp/base main`) in ONE process, on bench:nlp's texts.
// Both are warmed on the same 5,000 texts, then the measured texts are analysed in chunks of 500,
// each chunk by both pipelines in alternating order, so both see the same machine load and cache
// pressure. On the shared 2-core machine separate bench:nlp runs differ by ±15 % from load alone;
// this ratio is what to read for a change of a few per cent. Prints comments per CPU-second, cold
// (first sight) and warm (second pass), and the ratio other/this (> 1: this checkout is faster).
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildBenchCorpus } from "./nlpTexts";
import { createPipeline } from "@suara-desa/core/nlp/pipeline";
import { DEFAULT_TOPICS } from "@suara-desa/core/nlp/taxonomy";
import type { Pipeline, TopicRule } from "@suara-desa/core/nlp/types";

const other = process.argv[2];
const pipelineFile = other ? path.resolve(other, "core/src/nlp/pipeline.ts") : "";
if (!other || !existsSync(pipelineFile)) {
  console.error(`usage: npx tsx test/bench/nlpAB.ts <other checkout> — ${other ? `${pipelineFile} not found` : "no checkout given"}`);
  process.exit(1);
}
const i = process.argv.indexOf("--texts");
const count = i >= 0 ? Number(process.argv[i + 1]) : 20_000;
if (!Number.isInteger(count) || count <= 0) throw new Error(`--texts must be a positive integer, got ${process.argv[i + 1]}`);

const CHUNK = 500;
const { warm, measure } = buildBenchCorpus(count);
const theirs = (await import(pathToFileURL(pipelineFile).href)) as { createPipeline(o: { topics: TopicRule[] }): Pipeline };
const theirTopics = (await import(pathToFileURL(path.resolve(other, "core/src/nlp/taxonomy.ts")).href)) as { DEFAULT_TOPICS: TopicRule[] };
const pipelines = [theirs.createPipeline({ topics: theirTopics.DEFAULT_TOPICS }), createPipeline({ topics: DEFAULT_TOPICS })];
for (const t of warm) for (const p of pipelines) p.analyze(t);

/** CPU microseconds of [other, this] over the measured texts, chunk by chunk in alternating order. */
function pass(): [number, number] {
  const used: [number, number] = [0, 0];
  for (let c = 0; c < measure.length; c += CHUNK) {
    const part = measure.slice(c, c + CHUNK);
    for (const k of (c / CHUNK) % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = process.cpuUsage();
      for (const t of part) pipelines[k].analyze(t);
      const u = process.cpuUsage(t0);
      used[k] += u.user + u.system;
    }
  }
  return used;
}

const rate = (us: number): string => Math.round(measure.length / (us / 1e6)).toLocaleString("en-US");
for (const name of ["cold", "warm"]) {
  const [a, b] = pass();
  console.log(`${name}: ${other} ${rate(a)}/s, this checkout ${rate(b)}/s, ratio ${(a / b).toFixed(3)}`);
}
