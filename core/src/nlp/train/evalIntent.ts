// `npm run eval:intent`: intent and urgency on the village corpus VALID and TEST splits, next to a
// trivial baseline ("?" -> pertanyaan, else keluhan; urgent = any danger keyword) so the gain shows.
// Uses the shipped models exactly as the pipeline does. TEST is reported, never tuned on.
import { pathToFileURL } from "node:url";
import { classifyIntentUrgency, DANGER, type IntentModels } from "../intent";
import { getResources } from "../resources";
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

/** The shipped intent and urgency models' predictions on one village corpus split. */
export function predictIntent(ex: IntentExample[], models: IntentModels = getResources().intent): Array<{ intent: string; urgent: boolean }> {
  return ex.map((e) => {
    const r = classifyIntentUrgency(e, models);
    return { intent: r.intent.label, urgent: r.urgency.urgent };
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
  for (const split of ["valid", "test"] as Split[]) {
    const ex = readVillageSplit(split);
    console.log(`${split.toUpperCase()} (${ex.length} comments, village corpus)`);
    report("model", ex, predictIntent(ex));
    report("baseline", ex, ex.map(baseline));
  }
  console.log(`targets (test): macro-F1 >= 0.80; needs-reply R >= 0.95 with P >= 0.90; urgent recall >= 0.90 with <= 2 false alarms/100`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
