// `npm run eval:intent`: intent and urgency on the village corpus VALID and TEST splits, next to a
// trivial baseline ("?" -> pertanyaan, else keluhan; urgent = any danger keyword) so the gain shows.
// Runs the pipeline itself (the shipped models, and spam read as lainnya). TEST is reported, never tuned on.
import { pathToFileURL } from "node:url";
import { DANGER } from "../intent";
import { createPipeline } from "../pipeline";
import { DEFAULT_TOPICS } from "../taxonomy";
import type { Split } from "./data";
import { readVillageSplit, type IntentExample } from "./intentData";
import { intentStats, urgentStats } from "./trainIntent";

const DANGER_WORDS = new Set(DANGER.filter((d) => !d.includes(" ")));

function baseline(e: IntentExample): { intent: string; urgent: boolean } {
  const words = `${e.surface} ${e.normalized}`.toLowerCase().split(/\s+/);
  return { intent: e.text.includes("?") ? "pertanyaan" : "keluhan", urgent: words.some((w) => DANGER_WORDS.has(w)) };
}

function report(name: string, ex: IntentExample[], pred: { intent: string; urgent: boolean }[]): void {
  const s = intentStats(ex.map((e) => e.intent), pred.map((p) => p.intent));
  const u = urgentStats(ex.map((e) => e.urgent), pred.map((p) => p.urgent));
  const per = Object.entries(s.perClass).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(" · ");
  console.log(`  ${name.padEnd(9)} intent macro-F1 ${s.macroF1.toFixed(3)} (${per})`);
  console.log(`  ${"".padEnd(9)} needs-reply P ${s.replyP.toFixed(3)} R ${s.replyR.toFixed(3)} · urgent recall ${u.recall.toFixed(3)} (${u.tp}/${u.pos}), false alarms ${u.falseAlarmsPer100.toFixed(2)}/100`);
}

/** The pipeline's intent and urgency on one village corpus split (one comment at a time, no batch floods). */
export function predictIntent(ex: IntentExample[]): Array<{ intent: string; urgent: boolean }> {
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  return ex.map((e) => {
    const a = pipeline.analyze(e.text);
    return { intent: a.intent, urgent: a.urgent };
  });
}

/** Intent macro-F1, needs-reply precision/recall and urgent recall/false alarms of the shipped models on one split. */
export function evaluateIntent(split: Split) {
  const ex = readVillageSplit(split);
  const pred = predictIntent(ex);
  return {
    n: ex.length,
    intent: intentStats(ex.map((e) => e.intent), pred.map((p) => p.intent)),
    urgent: urgentStats(ex.map((e) => e.urgent), pred.map((p) => p.urgent)),
  };
}

function main(): void {
  // --valid-only: the figures used while choosing features (TEST stays unread until the release run).
  const splits: Split[] = process.argv.includes("--valid-only") ? ["valid"] : ["valid", "test"];
  for (const split of splits) {
    const ex = readVillageSplit(split);
    console.log(`${split.toUpperCase()} (${ex.length} comments, village corpus)`);
    report("model", ex, predictIntent(ex));
    report("baseline", ex, ex.map(baseline));
  }
  console.log(`targets (test): macro-F1 >= 0.80; needs-reply R >= 0.95 with P >= 0.90; urgent recall >= 0.90 with <= 2 false alarms/100`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
