// `npx tsx core/src/nlp/train/cvHeldOutSynthetic.ts [urgency.jsonl spam.jsonl]` (default: the round-3 files of
// test/fixtures/village-corpus, synthetic-urgency-round3.jsonl and synthetic-spam-round3.jsonl): judges candidate synthetic
// training comments that the corpus cannot judge. cvUrgencySpam.ts credits new comments only through the
// corpus's own kinds of danger and spam (mostly gambling): a new kind (English prize lures, a python in the
// kitchen) can only cost false alarms there. Here the candidates join the pool that is cross-validated:
// corpus train+valid (folds by cluster) plus the candidates (dealt to the same 5 folds), the existing
// synthetic comments always in training. Two variants are compared on the same pool and the same
// out-of-fold predictions' rule: candidates never trained on (they are only predicted) against candidates of
// the other folds trained on. The rule, fixed before the first run: a variant's score is the pooled
// recall - 0.02 x false alarms per 100 over corpus + candidates at the threshold maximising it (urgency), and
// the pooled learned-alone recall at a threshold 0.05 above the highest ordinary out-of-fold score
// (spam); the candidates join the training data when their variant scores higher while the corpus part
// keeps at most 2 false alarms per 100 (urgency) and no false alarm with the rules (spam). TEST is never read.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadBaseResources } from "../resources";
import { normalizeText } from "../normalize";
import { featurizeIntent, isUrgent, type IntentFeatures } from "../intent";
import { classifySpam } from "../spam";
import { CORPUS_DIR, readJsonl, readSyntheticSpam, readSyntheticUrgency, readVillageSplit } from "./intentData";
import { BITS, SEED, type TrainOpts } from "./trainIntent";
import { chooseSpamThreshold, chooseUrgencyThreshold, foldsOf, heldOutFolds, outOfFold, SPAM_GRID, URGENCY_GRID } from "./crossValidate";

interface Row { text: string; surface: string; normalized: string; label: boolean; candidate: boolean; fold: number; f: IntentFeatures }

function readCandidates(file: string, field: "urgent" | "spam"): Array<{ text: string; label: boolean }> {
  return readJsonl<Record<string, unknown>>(file).map((r, i) => {
    if (typeof r.text !== "string" || typeof r[field] !== "boolean") throw new Error(`${file} row ${i + 1}: needs "text" and a boolean "${field}"`);
    return { text: r.text, label: r[field] as boolean };
  });
}

function pool(field: "urgent" | "spam", candidates: Array<{ text: string; label: boolean }>): Row[] {
  const res = loadBaseResources().normalize;
  const data = [...readVillageSplit("train"), ...readVillageSplit("valid")];
  const fold = foldsOf(data);
  const rows: Row[] = data.map((e, i) => ({ text: e.text, surface: e.surface, normalized: e.normalized, label: e[field], candidate: false, fold: fold[i], f: featurizeIntent(e, BITS) }));
  const candidateFold = heldOutFolds(candidates.length);
  candidates.forEach((c, i) => {
    const n = normalizeText(c.text, res);
    const e = { text: c.text, surface: n.surface, normalized: n.normalized };
    rows.push({ ...e, label: c.label, candidate: true, fold: candidateFold[i], f: featurizeIntent(e, BITS) });
  });
  return rows;
}

/** Out-of-fold probabilities in row order (corpus rows, then candidates): candidates held out unless `trainCandidates`. */
function oof(rows: Row[], extraX: number[][], extraY: number[], trainCandidates: boolean, opts: TrainOpts, seed: number): number[] {
  const trained = rows.filter((r) => trainCandidates || !r.candidate);
  const held = trainCandidates ? [] : rows.filter((r) => r.candidate);
  return outOfFold(trained.map((r) => r.f.idx), trained.map((r) => Number(r.label)), trained.map((r) => r.fold), extraX, extraY, opts, seed,
    { x: held.map((r) => r.f.idx), fold: held.map((r) => r.fold) });
}

function part(rows: Row[], pred: boolean[], keep: (r: Row) => boolean): string {
  let tp = 0, fp = 0, pos = 0, n = 0;
  rows.forEach((r, i) => { if (!keep(r)) return; n++; if (r.label) pos++; if (r.label && pred[i]) tp++; if (!r.label && pred[i]) fp++; });
  return `recall ${(tp / Math.max(1, pos)).toFixed(3)} (${tp}/${pos}), false alarms ${fp} (${((100 * fp) / Math.max(1, n)).toFixed(2)}/100)`;
}

function urgency(file: string): void {
  const rows = pool("urgent", readCandidates(file, "urgent"));
  const res = loadBaseResources().normalize;
  const syn = readSyntheticUrgency().map((e) => ({ ...e, ...normalizeText(e.text, res) }));
  const xu = syn.map((e) => featurizeIntent(e, BITS).idx), yu = syn.map((e) => (e.urgent ? 1 : 0));
  for (const trainCandidates of [false, true]) {
    let best: { score: number; line: string } | null = null;
    for (const opts of URGENCY_GRID) {
      const p = oof(rows, xu, yu, trainCandidates, opts, SEED + 1);
      const c = chooseUrgencyThreshold(p, rows.map((r) => r.f), rows.map((r) => r.label), rows.map((r) => r.fold));
      const pred = p.map((v, i) => isUrgent(v, rows[i].f, c.th, c.strong));
      const line = `${JSON.stringify(opts)} th ${c.th} strong ${c.strong}: pooled score ${c.score.toFixed(3)}; corpus ${part(rows, pred, (r) => !r.candidate)}; candidates ${part(rows, pred, (r) => r.candidate)}`;
      if (!best || c.score > best.score + 1e-9) best = { score: c.score, line };
    }
    console.log(`urgency, candidates ${trainCandidates ? "trained on (other folds)" : "never trained on"}: ${best!.line}`);
  }
}

function spam(file: string): void {
  const rows = pool("spam", readCandidates(file, "spam"));
  const res = loadBaseResources().normalize;
  const syn = readSyntheticSpam().map((e) => ({ ...e, ...normalizeText(e.text, res) }));
  const xs = syn.map((e) => featurizeIntent(e, BITS).idx), ys = syn.map((e) => (e.spam ? 1 : 0));
  const rules = rows.map((r) => classifySpam(r.text, r.normalized).isSpam);
  for (const trainCandidates of [false, true]) {
    let best: { alone: number; line: string } | null = null;
    for (const opts of SPAM_GRID) {
      const p = oof(rows, xs, ys, trainCandidates, opts, SEED + 2);
      const c = chooseSpamThreshold(p, rows.map((r) => r.label), rules);
      const pred = p.map((v, i) => rules[i] || v >= c.th);
      const line = `${JSON.stringify(opts)} th ${c.th}: pooled learned alone ${c.alone.toFixed(3)}, with rules ${c.recall.toFixed(3)}, false alarms ${c.falseAlarms}; corpus ${part(rows, pred, (r) => !r.candidate)}; candidates ${part(rows, pred, (r) => r.candidate)}`;
      if (!best || c.alone > best.alone + 1e-9) best = { alone: c.alone, line };
    }
    console.log(`spam, candidates ${trainCandidates ? "trained on (other folds)" : "never trained on"}: ${best!.line}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.length !== 0 && args.length !== 2) throw new Error("usage: cvHeldOutSynthetic.ts [urgency.jsonl spam.jsonl]");
  const [u, s] = args.length === 2 ? args : [path.join(CORPUS_DIR, "synthetic-urgency-round3.jsonl"), path.join(CORPUS_DIR, "synthetic-spam-round3.jsonl")];
  urgency(u);
  spam(s);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
