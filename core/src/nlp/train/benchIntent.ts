// `npm run bench:intent`: CPU cost of the intent + urgency stages next to the whole pipeline, per
// comment, on the village corpus texts (real comment lengths). Both stages run on every comment, so
// the target is < 15 % of the pipeline's time. Several rounds; the first warms up the memo caches.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getResources } from "../resources";
import { normalizeText } from "../normalize";
import { classifyIntentUrgency } from "../intent";
import { createPipeline } from "../pipeline";
import { DEFAULT_TOPICS } from "../taxonomy";
import { CORPUS_DIR } from "./intentData";

const res = getResources();
const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
const texts = readFileSync(path.join(CORPUS_DIR, "comments.jsonl"), "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
const forms = texts.map((t) => normalizeText(t, res.normalize));
const cpu = (): number => { const u = process.cpuUsage(); return u.user + u.system; };
const rows: Array<[number, number]> = [];
for (let round = 0; round < 5; round++) {
  let t = cpu();
  for (const x of texts) pipeline.analyze(x);
  const pipe = (cpu() - t) / texts.length;
  t = cpu();
  for (let k = 0; k < 3; k++) for (const f of forms) classifyIntentUrgency(f, res.intent);
  const stages = (cpu() - t) / (3 * texts.length);
  if (round > 0) rows.push([pipe, stages]);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pipe = median(rows.map((r) => r[0]));
const stages = median(rows.map((r) => r[1]));
console.log(`bench:intent — ${texts.length} village-corpus comments, median of 4 rounds (CPU time)`);
console.log(`full pipeline (incl. intent+urgency): ${pipe.toFixed(1)} µs/comment`);
console.log(`intent+urgency stages:                ${stages.toFixed(1)} µs/comment (${((100 * stages) / pipe).toFixed(1)} % of the pipeline; target < 15 %)`);
