// `npm run eval:spam [-- --verbose]`: spam precision, recall and false alarms per 100 ordinary comments
// on the village corpus splits (train and valid chose the cues; TEST is scored once per release, never
// tuned on). --verbose lists the misses of train and valid only.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createPipeline } from "../pipeline";
import { DEFAULT_TOPICS } from "../taxonomy";
import { CORPUS_DIR } from "./intentData";

interface Row { id: string; text: string; split: string }

export interface SpamEval { n: number; spam: number; precision: number; recall: number; falseAlarmsPer100: number; misses: string[] }

/** Spam precision, recall and false alarms per 100 ordinary comments of the pipeline on one split. */
export function evaluateSpam(split: string): SpamEval {
  const rows = readFileSync(path.join(CORPUS_DIR, "comments.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Row);
  const gold = new Map(readFileSync(path.join(CORPUS_DIR, "labels.jsonl"), "utf8").split("\n").filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; spam: boolean }).map((l) => [l.id, l.spam]));
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  const part = rows.filter((r) => r.split === split);
  const predicted = pipeline.analyzeBatch(part.map((r) => r.text)).map((a) => a.spam.isSpam);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  part.forEach((r, i) => {
    const g = gold.get(r.id) === true;
    if (predicted[i] && g) tp++;
    else if (predicted[i]) fp++;
    else if (g) fn++;
    if (predicted[i] !== g) misses.push(`${predicted[i] ? "false alarm" : "missed"}: ${r.text}`);
  });
  const ordinary = part.length - tp - fn;
  return { n: part.length, spam: tp + fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), falseAlarmsPer100: (100 * fp) / Math.max(1, ordinary), misses };
}

function main(): void {
  const verbose = process.argv.includes("--verbose");
  for (const split of ["train", "valid", "test"]) {
    const s = evaluateSpam(split);
    if (verbose && split !== "test") for (const m of s.misses) console.log(`  ${m}`);
    console.log(`${split.padEnd(5)} ${s.n} comments, ${s.spam} spam: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, false alarms ${s.falseAlarmsPer100.toFixed(2)} per 100 ordinary comments`);
  }
  console.log("target: recall 1.0 with no false alarms on ordinary comments");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
