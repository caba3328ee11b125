// Held-out evaluation of the topic tagger on test/fixtures/topics (split "test"), through the same
// path the pipeline takes: normalise (normalize.ts) -> tagTopics with the default taxonomy.
// Runnable on its own: `npx tsx core/src/nlp/train/evalTopics.ts`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeText } from "../normalize";
import { loadBaseResources } from "../resources";
import { DEFAULT_TOPICS } from "../taxonomy";
import { compileTopics, matchRules, tagTopics, topicTokens } from "../topics";
import { tokenizeText } from "../tokenize";
import type { NlpContext, TopicRule } from "../types";
import type { Split } from "./data";
import { CORPUS_DIR } from "./intentData";

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The labelled resident comments (JSONL). */
export const LABELLED_TOPICS_FILE = path.resolve(HERE, "../../../../test/fixtures/topics/labelled.jsonl");

export interface LabelledComment {
  id: number;
  text: string;
  topics: string[];
  split: "train" | "test";
  lang: string;
}

/** Reads and validates the labelled set; a bad line fails with its line number and field. */
export function loadLabelledTopics(file: string = LABELLED_TOPICS_FILE): LabelledComment[] {
  const known = new Set(DEFAULT_TOPICS.map((t) => t.key));
  const out: LabelledComment[] = [];
  readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${path.basename(file)} line ${i + 1}`;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`${where}: not valid JSON`);
    }
    if (typeof row.id !== "number") throw new Error(`${where}: field "id" must be a number`);
    if (typeof row.text !== "string" || row.text.trim() === "") throw new Error(`${where}: field "text" must be a non-empty string`);
    if (!Array.isArray(row.topics) || row.topics.some((t) => typeof t !== "string" || !known.has(t))) {
      throw new Error(`${where}: field "topics" must list default taxonomy keys`);
    }
    if (row.split !== "train" && row.split !== "test") throw new Error(`${where}: field "split" must be "train" or "test"`);
    out.push({ id: row.id, text: row.text, topics: row.topics as string[], split: row.split, lang: String(row.lang ?? "") });
  });
  return out;
}

let normalizeResources: ReturnType<typeof loadBaseResources>["normalize"] | null = null;

/** The pipeline's normalised form of a comment (resources loaded once). */
export function normalizeForTopics(text: string): string {
  normalizeResources ??= loadBaseResources().normalize;
  return normalizeText(text, normalizeResources).normalized;
}

export interface TopicEval {
  perTopic: Array<{ key: string; precision: number; recall: number; f1: number; support: number }>;
  micro: { precision: number; recall: number; f1: number };
  macroF1: number;
  n: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores predicted label sets against gold ones (per topic, micro, macro over topics with support). */
export function scoreTopicSets(keys: string[], gold: string[][], pred: string[][]): TopicEval {
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  const perTopic = keys.map((key) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const inG = g.includes(key);
      const inP = pred[i].includes(key);
      if (inG && inP) tp++;
      else if (inP) fp++;
      else if (inG) fn++;
    });
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return { key, precision, recall, f1: f1(precision, recall), support: tp + fn };
  });
  const precision = ratio(tpAll, tpAll + fpAll);
  const recall = ratio(tpAll, tpAll + fnAll);
  const withSupport = perTopic.filter((t) => t.support > 0);
  const macroF1 = ratio(withSupport.reduce((s, t) => s + t.f1, 0), withSupport.length);
  return { perTopic, micro: { precision, recall, f1: f1(precision, recall) }, macroF1, n: gold.length };
}

function tagAll(texts: string[], topics: TopicRule[]): string[][] {
  const ctx: NlpContext = { topics, resources: {} };
  return texts.map((text) => {
    const normalized = normalizeForTopics(text);
    return tagTopics({ normalized, tokens: tokenizeText(normalized) }, ctx).map((t) => t.key);
  });
}

/**
 * Per-topic and micro P/R/F1 of the shipped tagger on the "test" part of test/fixtures/topics.
 * Optimistic: the keywords were written with these comments in view.
 */
export function evaluateTopics(topics: TopicRule[] = DEFAULT_TOPICS): TopicEval {
  const test = loadLabelledTopics().filter((r) => r.split === "test");
  return scoreTopicSets(DEFAULT_TOPICS.map((t) => t.key), test.map((r) => r.topics), tagAll(test.map((r) => r.text), topics));
}

/**
 * The blind figure: the village corpus test split (test/fixtures/village-corpus, written and
 * double-labelled by sessions that never saw the keywords). Frozen: never tune keywords on it.
 */
export function evaluateVillageTopics(topics: TopicRule[] = DEFAULT_TOPICS): TopicEval {
  const test = readVillageTopicSplit("test");
  return scoreTopicSets(DEFAULT_TOPICS.map((t) => t.key), test.map((r) => r.topics), tagAll(test.map((r) => r.text), topics));
}

/** Village corpus comments of one split with their adjudicated topic lists (file order). */
export function readVillageTopicSplit(split: Split): Array<{ id: string; text: string; topics: string[] }> {
  const read = (f: string): Array<Record<string, unknown>> =>
    readFileSync(path.join(CORPUS_DIR, f), "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
  const labels = new Map(read("labels.jsonl").map((l) => [String(l.id), l.topics as string[]]));
  const out: Array<{ id: string; text: string; topics: string[] }> = [];
  for (const c of read("comments.jsonl")) {
    const topics = labels.get(String(c.id));
    if (c.split === split && topics) out.push({ id: String(c.id), text: String(c.text), topics });
  }
  return out;
}

/** The evaluation as a fixed-width table. */
export function formatTopicEval(e: TopicEval): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [`topic                    precision  recall     f1  support`];
  for (const t of e.perTopic) lines.push(`${t.key.padEnd(24)} ${f(t.precision).padStart(9)} ${f(t.recall).padStart(7)} ${f(t.f1).padStart(6)} ${String(t.support).padStart(8)}`);
  lines.push(`${"micro".padEnd(24)} ${f(e.micro.precision).padStart(9)} ${f(e.micro.recall).padStart(7)} ${f(e.micro.f1).padStart(6)}`);
  lines.push(`macro-F1 ${f(e.macroF1)} · held-out comments: ${e.n}`);
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatTopicEval(evaluateTopics()));
}

/** Keyword signatures (as matched) that fire on each labelled comment of test/fixtures/topics. */
function firedKeywords(rows: LabelledComment[]): Array<Set<string>> {
  const compiled = compileTopics(DEFAULT_TOPICS);
  return rows.map((r) => new Set(matchRules(topicTokens(normalizeForTopics(r.text)), compiled).map((m) => `${compiled.keys[m.topic]}|${m.keyword}`)));
}

/** The taxonomy without the given `topic|keyword` signatures. */
function withoutKeywords(drop: ReadonlySet<string>): TopicRule[] {
  return DEFAULT_TOPICS.map((t) => ({ ...t, keywords: t.keywords.filter((k) => !drop.has(`${t.key}|${topicTokens(k).join(" ")}`)) }));
}

/**
 * Ablations of the optimistic figure (keywords were written with the test comments in view):
 * without the keywords that fire only on English comments, and without those that fire on some
 * test comment but on no train comment. Micro-F1 on all test comments and on the English ones.
 */
export function optimisticAblations(): Array<{ name: string; dropped: number; microF1: number; englishMicroF1: number }> {
  const rows = loadLabelledTopics();
  const fired = firedKeywords(rows);
  const onTrain = new Set<string>();
  const onTest = new Set<string>();
  const onEnglish = new Set<string>();
  const onOther = new Set<string>();
  rows.forEach((r, i) => {
    for (const k of fired[i]) {
      (r.split === "train" ? onTrain : onTest).add(k);
      (r.lang === "en" ? onEnglish : onOther).add(k);
    }
  });
  const english = new Set([...onEnglish].filter((k) => !onOther.has(k)));
  const testOnly = new Set([...onTest].filter((k) => !onTrain.has(k)));
  const test = rows.filter((r) => r.split === "test");
  const en = test.filter((r) => r.lang === "en");
  const score = (topics: TopicRule[], set: LabelledComment[]): number =>
    scoreTopicSets(DEFAULT_TOPICS.map((t) => t.key), set.map((r) => r.topics), tagAll(set.map((r) => r.text), topics)).micro.f1;
  return [
    { name: "shipped keywords", drop: new Set<string>() },
    { name: "without keywords firing only on English comments", drop: english },
    { name: "without keywords firing only on test comments", drop: testOnly },
  ].map(({ name, drop }) => {
    const topics = drop.size ? withoutKeywords(drop) : DEFAULT_TOPICS;
    return { name, dropped: drop.size, microF1: score(topics, test), englishMicroF1: score(topics, en) };
  });
}
