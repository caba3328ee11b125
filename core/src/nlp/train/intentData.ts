// The village-domain corpus (test/fixtures/village-corpus, in the repo) as intent/urgency examples,
// normalised with the pipeline's own normalisation so training sees exactly what inference sees.
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, type Split } from "./data";
import { loadBaseResources } from "../resources";
import { normalizeText } from "../normalize";
import type { Sentiment } from "@suara-desa/shared/contracts";
import type { IntentLabel } from "../types";

export const CORPUS_DIR = path.join(REPO_ROOT, "test/fixtures/village-corpus");

export interface IntentExample { id: string; text: string; surface: string; normalized: string; intent: IntentLabel; urgent: boolean; spam: boolean; sentiment: Sentiment; lang?: string; cluster?: string | null }

/** The rows of a JSON Lines file: a bare name is read from the corpus directory, a path as given. */
export function readJsonl<T>(file: string): T[] {
  const full = path.isAbsolute(file) || file.includes("/") ? file : path.join(CORPUS_DIR, file);
  return readFileSync(full, "utf8").split("\n").filter((l) => l.trim().length > 0).map((l) => JSON.parse(l) as T);
}

/** All examples of one split, in file order (deterministic). */
export function readVillageSplit(split: Split): IntentExample[] {
  const labels = new Map(readJsonl<{ id: string; intent: IntentLabel; urgent: boolean; spam: boolean; sentiment: Sentiment }>("labels.jsonl").map((l) => [l.id, l]));
  const res = loadBaseResources().normalize;
  const out: IntentExample[] = [];
  for (const c of readJsonl<{ id: string; text: string; split: Split; lang?: string; cluster?: string | null }>("comments.jsonl")) {
    if (c.split !== split) continue;
    const l = labels.get(c.id);
    if (!l) continue;
    const n = normalizeText(c.text, res);
    out.push({ id: c.id, text: c.text, surface: n.surface, normalized: n.normalized, intent: l.intent, urgent: l.urgent, spam: l.spam, sentiment: l.sentiment, lang: c.lang, cluster: c.cluster ?? null });
  }
  return out;
}

const INTENT_LABEL_SET = new Set<string>(["keluhan", "pertanyaan", "usulan", "apresiasi", "lainnya"]);

/**
 * Synthetic comments written for TRAINING the intent model only (synthetic-intent-train.jsonl: the kinds the
 * model called keluhan against the guide — emergency service requests asked as questions, residents' own goods,
 * memories and condolences, warnings and announcements, thanks after a danger is over, proposals with a reason —
 * and complaints beside them). Never part of valid or test: a row not marked train and synthetic is refused.
 */
export function readSyntheticIntent(): Array<{ id: string; text: string; surface: string; normalized: string; intent: IntentLabel }> {
  const rows = readJsonl<{ id: string; text: string; intent: string; split: string; synthetic: boolean }>("synthetic-intent-train.jsonl");
  const res = loadBaseResources().normalize;
  return rows.map((r, i) => {
    if (r.split !== "train" || r.synthetic !== true) throw new Error(`synthetic-intent-train.jsonl line ${i + 1}: ${r.id} must be split "train" and synthetic`);
    if (typeof r.text !== "string" || !INTENT_LABEL_SET.has(r.intent)) throw new Error(`synthetic-intent-train.jsonl line ${i + 1}: ${r.id} needs a text and an intent (keluhan, pertanyaan, usulan, apresiasi or lainnya)`);
    const n = normalizeText(r.text, res);
    return { id: r.id, text: r.text, surface: n.surface, normalized: n.normalized, intent: r.intent as IntentLabel };
  });
}

/**
 * Synthetic comments written for TRAINING the spam score only (synthetic-spam-train.jsonl: spam worded
 * in ways the corpus lacks, and ordinary comments that look like it). Never part of valid or test.
 */
export function readSyntheticSpam(): Array<{ id: string; text: string; spam: boolean }> {
  const rows = readJsonl<{ id: string; text: string; spam: boolean; split: string; synthetic: boolean }>("synthetic-spam-train.jsonl");
  for (const r of rows) if (r.split !== "train" || r.synthetic !== true) throw new Error(`synthetic-spam-train.jsonl: ${r.id} must be split "train" and synthetic`);
  return rows.map((r) => ({ id: r.id, text: r.text, spam: r.spam }));
}

/**
 * Synthetic comments written for TRAINING the urgency score only (synthetic-urgency-train.jsonl: danger
 * happening now in every register, and hard non-urgent comments that use the same words: past events,
 * warnings about later, thanks after a disaster, prevention programmes, crime without danger now).
 * Never part of valid or test: a row not marked train and synthetic is refused.
 */
/**
 * Synthetic urgency comments that are never trained on (synthetic-urgency-round3.jsonl: 120 comments of
 * dangers, languages and wordings the corpus has few of, written from the guide): urgency's thresholds are
 * chosen with them held out, so they count how the score carries to kinds of emergency it was not trained on.
 */
export function readUrgencyHeldOut(): Array<{ id: string; text: string; urgent: boolean }> {
  const rows = readJsonl<{ id: string; text: string; urgent: boolean; synthetic: boolean }>("synthetic-urgency-round3.jsonl");
  for (const r of rows) {
    if (r.synthetic !== true || typeof r.urgent !== "boolean" || typeof r.text !== "string") throw new Error(`synthetic-urgency-round3.jsonl: ${r.id} needs a text, a boolean "urgent" and synthetic true`);
  }
  return rows.map((r) => ({ id: r.id, text: r.text, urgent: r.urgent }));
}

export function readSyntheticUrgency(): Array<{ id: string; text: string; urgent: boolean }> {
  const rows = readJsonl<{ id: string; text: string; urgent: boolean; split: string; synthetic: boolean }>("synthetic-urgency-train.jsonl");
  for (const r of rows) {
    if (r.split !== "train" || r.synthetic !== true) throw new Error(`synthetic-urgency-train.jsonl: ${r.id} must be split "train" and synthetic`);
    if (typeof r.urgent !== "boolean" || typeof r.text !== "string") throw new Error(`synthetic-urgency-train.jsonl: ${r.id} needs a text and a boolean "urgent"`);
  }
  return rows.map((r) => ({ id: r.id, text: r.text, urgent: r.urgent }));
}
