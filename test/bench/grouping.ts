// `npx tsx test/bench/grouping.ts [--comments 20000] [--days 14] [--runs 5] [--before file.ts]`: wall time of
// issue grouping (groupIssues) over one village's open days, the way syncCases and the weekly review
// call it. Comments are varied resident text (variedCorpus.ts: two real clauses joined, or one with a
// village phrase) spread over the days; the pipeline's tokens, topics and places are computed once,
// untimed. With --before, another copy of grouping.ts (e.g. `git show main:core/src/nlp/grouping.ts`)
// is timed on the same items, alternating runs, so both see the same machine load.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import os from "node:os";
import { mulberry32 } from "@suara-desa/shared/random";
import { DEFAULT_TOPICS } from "@suara-desa/core/nlp/taxonomy";
import { createPipeline } from "@suara-desa/core/nlp/pipeline";
import { extractPlaces } from "@suara-desa/core/nlp/places";
import { groupingVocabulary } from "@suara-desa/core/nlp/resources";
import { groupIssues, type GroupItem } from "@suara-desa/core/nlp/grouping";
import { commentGenerator, loadClauses } from "./variedCorpus";

const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const count = Number(arg("--comments", "20000"));
const days = Number(arg("--days", "14"));
const runs = Number(arg("--runs", "5"));
const before = process.argv.includes("--before") ? path.resolve(arg("--before", "")) : null;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const next = commentGenerator(loadClauses(root).clauses, 20261204);
const texts = Array.from({ length: count }, next);
const rnd = mulberry32(7);
const analyses = createPipeline({ topics: DEFAULT_TOPICS }).analyzeBatch(texts);
const items: Array<GroupItem & { id: number }> = texts.map((t, i) => ({
  id: i, tokens: analyses[i].tokens, topics: analyses[i].topics.map((x) => x.key), places: extractPlaces(t), day: Math.floor(rnd() * days),
}));
const vocab = groupingVocabulary();
type Group = (list: typeof items, v: typeof vocab) => Array<{ members: number[] }>;
const variants: Array<[string, Group]> = [["this branch", groupIssues as Group]];
if (before) variants.unshift(["before", ((await import(pathToFileURL(before).href)) as { groupIssues: Group }).groupIssues]);

const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
const sizes = new Map<string, string>();
for (let r = 0; r < runs; r++) {
  for (const [name, fn] of variants) {
    const t0 = performance.now();
    const groups = fn(items, vocab);
    times.get(name)!.push(performance.now() - t0);
    const grouped = groups.reduce((s, g) => s + g.members.length, 0);
    sizes.set(name, `${groups.length} groups holding ${grouped} comments, largest ${Math.max(0, ...groups.map((g) => g.members.length))}`);
  }
}
console.log(`grouping ${count} varied comments of one village over ${days} days, ${runs} runs (load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")})`);
for (const [name] of variants) {
  const t = [...times.get(name)!].sort((a, b) => a - b);
  console.log(`${name}: median ${t[Math.floor(t.length / 2)].toFixed(0)} ms (min ${t[0].toFixed(0)}, max ${t.at(-1)!.toFixed(0)}) = ${((t[Math.floor(t.length / 2)] * 1000) / count).toFixed(1)} µs/comment; ${sizes.get(name)}`);
}
