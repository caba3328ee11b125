// `npx tsx core/src/nlp/train/cvUrgencySpam.ts [--errors]`: 5-fold cross-validation on the village corpus
// train+valid splits (folds by cluster, so near-duplicates never straddle folds) for the urgency and
// learned spam scores, with and without the synthetic training comments. Prints, per configuration,
// the pooled out-of-fold recall / false alarms per 100 at each threshold, the spread over folds, and
// the choice made from the corpus alone (since urgency v5 trainIntent.ts chooses urgency's thresholds on
// a pool that also holds held-out synthetic emergencies and ordinary public texts). TEST is never read. --errors lists the out-of-fold
// misses and false alarms of the chosen configuration by language (train and valid texts only).
import { pathToFileURL } from "node:url";
import { loadBaseResources } from "../resources";
import { normalizeText } from "../normalize";
import { featurizeIntent, isUrgent, type IntentFeatures } from "../intent";
import { classifySpam } from "../spam";
import { readSyntheticSpam, readSyntheticUrgency, readVillageSplit } from "./intentData";
import { BITS, SEED } from "./trainIntent";
import { chooseSpamThreshold, chooseUrgencyThreshold, foldsOf, outOfFold, SPAM_GRID, URGENCY_GRID } from "./crossValidate";

const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
const sd = (v: number[]): number => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));


function main(): void {
  const showErrors = process.argv.includes("--errors");
  const res = loadBaseResources().normalize;
  const data = [...readVillageSplit("train"), ...readVillageSplit("valid")];
  const fold = foldsOf(data);
  const fs: IntentFeatures[] = data.map((e) => featurizeIntent(e, BITS));
  const x = fs.map((f) => f.idx);
  const synU = readSyntheticUrgency().map((e) => ({ ...e, ...normalizeText(e.text, res) }));
  const synS = readSyntheticSpam().map((e) => ({ ...e, ...normalizeText(e.text, res) }));
  const xu = synU.map((e) => featurizeIntent(e, BITS).idx), yu = synU.map((e) => (e.urgent ? 1 : 0));
  const xs = synS.map((e) => featurizeIntent(e, BITS).idx), ys = synS.map((e) => (e.spam ? 1 : 0));
  console.log(`train+valid ${data.length} comments, ${data.filter((e) => e.urgent).length} urgent, ${data.filter((e) => e.spam).length} spam; folds by cluster: ${[0, 1, 2, 3, 4].map((k) => fold.filter((f) => f === k).length).join("/")}`);

  // Urgency.
  const gold = data.map((e) => e.urgent);
  let bestU: { name: string; p: number[]; th: number; strong: number; score: number } | null = null;
  for (const useSyn of [false, true]) for (const opts of URGENCY_GRID) {
    const p = outOfFold(x, gold.map(Number), fold, useSyn ? xu : [], useSyn ? yu : [], opts, SEED + 1);
    const c = chooseUrgencyThreshold(p, fs, gold, fold);
    const name = `urgency ${useSyn ? "+synthetic" : "corpus only"} ${JSON.stringify(opts)}`;
    console.log(`${name}: th ${c.th} strong ${c.strong} pooled recall ${c.recall.toFixed(3)} (folds ${mean(c.foldRecall).toFixed(3)} ± ${sd(c.foldRecall).toFixed(3)}), false alarms/100 ${c.fa.toFixed(2)} (folds ${mean(c.foldFa).toFixed(2)} ± ${sd(c.foldFa).toFixed(2)})`);
    if (!bestU || c.score > bestU.score + 1e-9) bestU = { name, p, th: c.th, strong: c.strong, score: c.score };
  }
  console.log(`chosen: ${bestU!.name} th ${bestU!.th} strong ${bestU!.strong}`);
  if (showErrors) {
    const by = new Map<string, number[]>();
    data.forEach((e, i) => {
      const pred = isUrgent(bestU!.p[i], fs[i], bestU!.th, bestU!.strong);
      if (pred === e.urgent) return;
      const key = `${pred ? "false alarm" : "missed"} ${e.lang}`;
      by.set(key, [...(by.get(key) ?? []), i]);
    });
    for (const [k, v] of [...by].sort()) {
      console.log(`  ${k}: ${v.length}`);
      for (const i of v) console.log(`    ${bestU!.p[i].toFixed(2)} ${data[i].text.slice(0, 150)}`);
    }
  }

  // Spam: rules OR learned score.
  const rules = data.map((e) => classifySpam(e.text, e.normalized).isSpam);
  const goldS = data.map((e) => e.spam);
  let bestS: { name: string; p: number[]; th: number; alone: number } | null = null;
  for (const useSyn of [false, true]) for (const opts of SPAM_GRID) {
    const p = outOfFold(x, goldS.map(Number), fold, useSyn ? xs : [], useSyn ? ys : [], opts, SEED + 2);
    const c = chooseSpamThreshold(p, goldS, rules);
    const name = `spam ${useSyn ? "+synthetic" : "corpus only"} ${JSON.stringify(opts)}`;
    console.log(`${name}: th ${c.th} (highest ordinary ${c.maxOrdinary.toFixed(3)}) learned alone recall ${c.alone.toFixed(3)}, with rules recall ${c.recall.toFixed(3)}, false alarms ${c.falseAlarms}`);
    if (!bestS || c.alone > bestS.alone + 1e-9) bestS = { name, p, th: c.th, alone: c.alone };
  }
  console.log(`chosen: ${bestS!.name} th ${bestS!.th}`);
  if (showErrors) {
    data.forEach((e, i) => {
      const pred = bestS!.p[i] >= bestS!.th;
      if (pred !== e.spam) console.log(`  ${pred ? "false alarm" : "missed"} ${e.lang} ${bestS!.p[i].toFixed(2)} ${e.text.slice(0, 150)}`);
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
