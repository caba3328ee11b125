// `npx tsx core/src/nlp/train/evalFresh.ts`: the "comments the team has not seen" check of issue 14 —
// test/fixtures/village-corpus/fresh-check.jsonl (155 comments written before the urgency/spam work of
// 2026-12-04 looked at the corpus or the models; never used for training or choices). Scored once per
// release, beside the test split, by eval:nlp.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createPipeline } from "../pipeline";
import { DEFAULT_TOPICS } from "../taxonomy";
import { CORPUS_DIR } from "./intentData";
import { intentStats, urgentStats } from "./trainIntent";
import { macroF1 } from "./metrics";

interface FreshRow { id: string; text: string; lang: string; intent: string; urgent: boolean; spam: boolean; sentiment?: string; split: string; fresh: boolean }

/**
 * The fresh check sets: fresh-check.jsonl (written by the session of the 1.3.0 work, before it looked at
 * the corpus or the models) and fresh-check-2.jsonl (160 comments written on 2026-12-04 evening by a helper
 * session that read only the annotation guide: no corpus, no models, no synthetic training comments; with
 * sentiment labels) and fresh-check-3.jsonl (180 comments written on 2026-12-04 night the same way by another
 * session, labelled blind by a third) and fresh-check-4.jsonl (180 comments written on 2026-12-05 the same way, while
 * the 1.4.1 spam rules were being written by a session that never saw it) and fresh-check-5.jsonl (240 comments
 * written on 2026-12-05 by six helper sessions that read only the annotation guide, while 1.5.x was being made;
 * labelled blind by others; first scored on 1.5.3) and fresh-check-6.jsonl (200 comments written the same way by
 * five sessions after the 1.6.0 changes; first scored on 1.6.0) and fresh-check-7.jsonl (200 comments written the
 * same way by five sessions after 1.6.4, labelled blind by five others from shuffled texts; first scored on 1.6.4) and
 * fresh-check-8.jsonl (200 comments written on 2026-12-06 by four sessions from the guide alone while 1.7.0's spam
 * rules were written from another session's development set, labelled blind by two others from shuffled texts; first
 * scored on 1.7.0) and fresh-check-9.jsonl (200 comments written on 2026-12-06 the same way by four sessions while urgency
 * v10 was being written from another session's development set, labelled blind by two others; first scored on 1.8.0).
 * None is ever used for training or a choice.
 */
export const FRESH_SETS = ["fresh-check.jsonl", "fresh-check-2.jsonl", "fresh-check-3.jsonl", "fresh-check-4.jsonl", "fresh-check-5.jsonl", "fresh-check-6.jsonl", "fresh-check-7.jsonl", "fresh-check-8.jsonl", "fresh-check-9.jsonl"] as const;

/** The rows of one fresh check set; a row not marked split "fresh" is refused (it must never feed training or choices). */
export function readFreshCheck(file: string = FRESH_SETS[0]): FreshRow[] {
  const rows = readFileSync(path.join(CORPUS_DIR, file), "utf8").split("\n").filter((l) => l.trim() !== "").map((l, i) => {
    const r = JSON.parse(l) as FreshRow;
    if (r.split !== "fresh" || r.fresh !== true) throw new Error(`${file} line ${i + 1}: must be split "fresh" and fresh`);
    return r;
  });
  return rows;
}

export interface FreshEval {
  n: number; urgent: number; spam: number;
  urgentRecall: number; urgentFalseAlarmsPer100: number;
  spamPrecision: number; spamRecall: number; spamFalseAlarmsPer100: number;
  intentMacroF1: number; misses: string[];
  /** Sentiment macro-F1 when the set has sentiment labels. */
  sentimentMacroF1: number | null;
}

/** Urgency, spam, intent (and sentiment) of the shipped pipeline on a fresh check set (one comment at a time). */
export function evaluateFresh(file: string = FRESH_SETS[0]): FreshEval {
  const rows = readFreshCheck(file);
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  const pred = rows.map((r) => pipeline.analyze(r.text));
  const u = urgentStats(rows.map((r) => r.urgent), pred.map((p) => p.urgent));
  let tp = 0, fp = 0, fn = 0;
  const misses: string[] = [];
  rows.forEach((r, i) => {
    const s = pred[i].spam.isSpam;
    if (s && r.spam) tp++; else if (s) fp++; else if (r.spam) fn++;
    if (s !== r.spam) misses.push(`spam ${s ? "false alarm" : "missed"} (${r.lang}): ${r.text}`);
    if (pred[i].urgent !== r.urgent) misses.push(`urgent ${pred[i].urgent ? "false alarm" : "missed"} (${r.lang}): ${r.text}`);
  });
  const ordinary = rows.length - tp - fn;
  return {
    n: rows.length, urgent: u.pos, spam: tp + fn,
    urgentRecall: u.recall, urgentFalseAlarmsPer100: u.falseAlarmsPer100,
    spamPrecision: tp / Math.max(1, tp + fp), spamRecall: tp / Math.max(1, tp + fn), spamFalseAlarmsPer100: (100 * fp) / Math.max(1, ordinary),
    intentMacroF1: intentStats(rows.map((r) => r.intent), pred.map((p) => p.intent)).macroF1, misses,
    sentimentMacroF1: rows.every((r) => r.sentiment) ? macroF1(rows.map((r) => r.sentiment!), pred.map((p) => p.sentiment.label), ["positif", "netral", "negatif"]) : null,
  };
}

function main(): void {
  for (const file of FRESH_SETS) {
    const f = evaluateFresh(file);
    for (const m of f.misses) console.log(`  ${m}`);
    console.log(`${file}: ${f.n} comments (${f.urgent} urgent, ${f.spam} spam): urgent recall ${f.urgentRecall.toFixed(3)}, false alarms ${f.urgentFalseAlarmsPer100.toFixed(2)}/100; spam precision ${f.spamPrecision.toFixed(3)}, recall ${f.spamRecall.toFixed(3)}, false alarms ${f.spamFalseAlarmsPer100.toFixed(2)}/100 ordinary; intent macro-F1 ${f.intentMacroF1.toFixed(3)}${f.sentimentMacroF1 === null ? "" : `; sentiment macro-F1 ${f.sentimentMacroF1.toFixed(3)}`}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
