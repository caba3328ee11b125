// `npm run eval:grouping [-- --split valid|test|train] [--grid]`: pairwise precision/recall/F1 of
// issue grouping against the village corpus's gold clusters (comments a writer wrote about the same
// concrete problem in the same days). The test split is scored once per release, never tuned on.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_TOPICS } from "../taxonomy";
import { createPipeline } from "../pipeline";
import { extractPlaces } from "../places";
import { groupingVocabulary } from "../resources";
import { DEFAULT_GROUPING, groupIssues, type GroupItem, type GroupingOptions } from "../grouping";
import { CORPUS_DIR } from "./intentData";

interface Row { id: string; text: string; day: number; cluster: string | null; split: string }

/** Pairwise scores: a pair is positive when both comments are in one gold cluster. */
export function pairwise(gold: Array<string | null>, predicted: Array<number | null>): { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number; fpWithSingleton: number } {
  let tp = 0, fp = 0, fn = 0, fpWithSingleton = 0;
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const g = gold[i] !== null && gold[i] === gold[j];
      const p = predicted[i] !== null && predicted[i] === predicted[j];
      if (g && p) tp++;
      else if (p) {
        fp++;
        if (gold[i] === null || gold[j] === null) fpWithSingleton++;
      }
      else if (g) fn++;
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, fp, fn, fpWithSingleton };
}

/** Groups one corpus split with the real pipeline's tokens and topics and scores it. */
export function evaluateGrouping(split: string) {
  const rows = readFileSync(path.join(CORPUS_DIR, "comments.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Row).filter((r) => r.split === split);
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  const analyses = pipeline.analyzeBatch(rows.map((r) => r.text));
  const vocab = groupingVocabulary();
  // The two writers' periods overlap in day numbers but are separate villages' worth of text:
  // keep them apart the way the product keeps villages apart.
  const score = (o: GroupingOptions) => {
    const predicted: Array<number | null> = rows.map(() => null);
    let next = 0;
    for (const writer of ["w1", "w2"]) {
      const idx = rows.map((r, i) => (r.id.startsWith(writer) ? i : -1)).filter((i) => i >= 0);
      const items: Array<GroupItem & { id: number }> = idx.map((i) => ({
        id: i, tokens: analyses[i].tokens, topics: analyses[i].topics.map((t) => t.key), places: extractPlaces(rows[i].text), day: rows[i].day,
      }));
      for (const g of groupIssues(items, vocab, o)) { for (const m of g.members) predicted[m] = next; next++; }
    }
    return { ...pairwise(rows.map((r) => r.cluster), predicted), groups: next };
  };
  return { rows: rows.length, score };
}

function main(): void {
  const split = process.argv.includes("--split") ? process.argv[process.argv.indexOf("--split") + 1] : "valid";
  const { rows, score } = evaluateGrouping(split);
  const f = (x: number) => x.toFixed(3);
  if (process.argv.includes("--grid")) {
    if (split === "test") throw new Error("--grid tunes: never on the test split");
    const out: Array<[number, string]> = [];
    for (const linkThreshold of [0.2, 0.3, 0.4, 0.5]) for (const joinThreshold of [0.1, 0.2]) for (const placeBoost of [0, 0.1]) for (const topicBoost of [0, 0.05]) for (const windowDays of [3]) for (const nameWeight of [1, 1.5, 2]) for (const genericThreshold of [0.4, 0.5, 0.6, 1]) {
      const o = { linkThreshold, joinThreshold, placeBoost, topicBoost, windowDays, nameWeight, genericThreshold };
      const s = score(o);
      out.push([process.argv.includes('--precision') ? (s.recall >= 0.3 ? s.precision : 0) : s.f1, `${JSON.stringify(o)} P ${f(s.precision)} R ${f(s.recall)} F1 ${f(s.f1)}`]);
    }
    out.sort((a, b) => b[0] - a[0]);
    for (const [, l] of out.slice(0, 12)) console.log(l);
    return;
  }
  const s = score(DEFAULT_GROUPING);
  // Pairs the writers left ungrouped although they may be the same problem (a singleton next to a
  // cluster) count as false here; the figure among comments the writers did group is shown beside it.
  const fpSingle = s.fpWithSingleton;
  const amongGrouped = s.tp / (s.tp + s.fp - fpSingle || 1);
  console.log(`issue grouping on the ${split} split (${rows} comments): pairwise precision ${f(s.precision)} · recall ${f(s.recall)} · F1 ${f(s.f1)}; precision among comments the writers grouped ${f(amongGrouped)} (${s.tp} true pairs, ${s.fp} false of which ${fpSingle} involve a comment the writer left alone, ${s.fn} missed; ${s.groups} groups)`);
}

if (process.argv[1]?.endsWith("evalGrouping.ts")) main();
