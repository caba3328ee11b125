// `npm run eval:nlp`: the one table of NLP quality figures, each beside the `sentiment` package (English
// AFINN on the raw text), our v0 lexicon, the benchmark sentiment model alone and the previous model
// card: sentiment on the *test* splits (SmSA, NusaX ind/sun/jav, village corpus), the other stages on
// the village corpus test split (intent, needs reply, urgency, topics, spam, personal data), issue
// grouping, the learning curve of the per-village adaptation (village VALID split), language ID and
// throughput; then the topic details. Reuses the eval functions of evalIntent/evalSpam/evalGrouping/
// evalTopics. Writes the model card (models/model-card.json) that the report, the client and the README read.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Sentiment } from "@suara-desa/shared/contracts";
import { getResources } from "../resources";
import { normalizeText } from "../normalize";
import { scoreAfinn, scoreLexicon } from "../sentimentLexicon";
import { predictSentiment, SENTIMENT_LABELS } from "../sentimentModel";
import { identifyLanguage } from "../language";
import { createPipeline, MODEL } from "../pipeline";
import { accuracy, expectedCalibrationError, macroF1 } from "./metrics";
import { readNusax, readSmsa, type LabelledText } from "./data";
import { languageSet } from "./trainLanguage";
import { DEFAULT_TOPICS } from "../taxonomy";
import { MODEL_CARD_FILE, readModelCard, type CardFigure, type DomainFigures, type ModelCard, type PreviousFigures } from "../modelCard";
import { DEFAULT_GROUPING } from "../grouping";
import { CORPUS_DIR } from "./intentData";
import { evaluateIntent } from "./evalIntent";
import { evaluateSpam } from "./evalSpam";
import { evaluateFresh, FRESH_SETS, type FreshEval } from "./evalFresh";
import { evaluateGrouping } from "./evalGrouping";
import { intentLearningCurve, sentimentLearningCurve } from "./learningCurve";
import { evaluateTopics, evaluateVillageTopics, formatTopicEval, optimisticAblations } from "./evalTopics";

type Method = "sentimentPackage" | "lexicon" | "benchmarkModel" | "model";
const METHODS: Method[] = ["sentimentPackage", "lexicon", "benchmarkModel", "model"];

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

const f3 = (x: number): string => x.toFixed(3);
const COL = 17;

/** One row of the table: a figure, its n, and a cell per column ("—" where a column has no figure). */
function row(section: string, figure: string, n: number | string, cells: string[], target = ""): string {
  return `${pad(section, 10)} ${pad(figure, 44)} ${pad(String(n), 5)} ${cells.map((c) => pad(c, COL)).join(" ")} ${target}`.trimEnd();
}

interface VillageTest { text: string; sentiment: Sentiment; pii: boolean }

function readVillageTest(): VillageTest[] {
  const read = (f: string) => readFileSync(path.join(CORPUS_DIR, f), "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
  const labels = new Map(read("labels.jsonl").map((l) => [String(l.id), l]));
  return read("comments.jsonl").filter((c) => c.split === "test").map((c) => {
    const l = labels.get(String(c.id))!;
    return { text: String(c.text), sentiment: l.sentiment as Sentiment, pii: l.pii === true };
  });
}

/** A fresh check set's figures as the model card keeps them. */
function freshFigures(dataset: string, f: FreshEval): NonNullable<DomainFigures["fresh2"]> {
  return {
    dataset, n: f.n, urgent: f.urgent, spam: f.spam, urgentRecall: round4(f.urgentRecall), urgentFalseAlarmsPer100: round4(f.urgentFalseAlarmsPer100),
    spamPrecision: round4(f.spamPrecision), spamRecall: round4(f.spamRecall), spamFalseAlarmsPer100: round4(f.spamFalseAlarmsPer100), intentMacroF1: round4(f.intentMacroF1),
    sentimentMacroF1: round4(f.sentimentMacroF1 ?? 0),
  };
}

async function main(): Promise<void> {
  // The card on disk describes the previous release (read before this run replaces it); a card of this
  // same version is a re-measurement and passes on the previous release it recorded.
  const onDisk = readModelCard();
  const previous: PreviousFigures | null = onDisk && onDisk.pipelineVersion !== MODEL.version ? previousOf(onDisk) : onDisk?.previous ?? null;
  const t0 = performance.now();
  const res = getResources();
  const loadMs = performance.now() - t0;
  if (!res.sentiment || !res.language || !res.villageSentiment) throw new Error("Model belum dilatih: jalankan npm run train:sentiment dan npm run train:village-sentiment");
  const model = res.sentiment;
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  const village = readVillageTest();
  const datasets: Array<[string, string, LabelledText[]]> = [
    ["SmSA", "smsa", readSmsa("test")],
    ["NusaX ind", "nusax-indonesian", readNusax("indonesian", "test")],
    ["NusaX sun", "nusax-sundanese", readNusax("sundanese", "test")],
    ["NusaX jav", "nusax-javanese", readNusax("javanese", "test")],
    ["village speech", "village-corpus", village.map((v, i) => ({ id: `village-${i}`, text: v.text, label: v.sentiment }))],
  ];
  const prevVersion = previous?.pipelineVersion ?? "none";
  const prevFigure = (key: string) => previous?.sentiment.find((f) => f.dataset === key);
  const lines: string[] = [];
  lines.push(`Suara Desa NLP evaluation — ${MODEL.name} ${MODEL.version}. TEST splits, scored once per release (tuned on VALID only); the learning curve is on VALID.`);
  lines.push(`"benchmark model" = sentiment-v1 alone (how the previous version scored sentiment); "previous card" = figures the previous model card recorded (${prevVersion}).`);
  lines.push(row("section", "figure", "n", ["sentiment pkg", "v0 lexicon", "benchmark model", "previous card", "current"], "target"));
  const figures: Record<Method, CardFigure[]> = { sentimentPackage: [], lexicon: [], benchmarkModel: [], model: [] };
  const allConf: number[] = [];
  const allCorrect: boolean[] = [];
  for (const [name, key, items] of datasets) {
    const gold = items.map((t) => t.label);
    const cells: string[] = [];
    for (const m of METHODS) {
      const pred: Sentiment[] = items.map((t) => {
        if (m === "sentimentPackage") return scoreAfinn(t.text).label;
        const n = normalizeText(t.text, res.normalize).normalized;
        if (m === "lexicon") return scoreLexicon(n, res.lexicon).label;
        if (m === "benchmarkModel") return predictSentiment(model, n).label;
        // What ships: the pipeline's sentiment stage (benchmark model, village model, gate).
        const s = pipeline.analyze(t.text).sentiment;
        allConf.push(s.score);
        allCorrect.push(s.label === t.label);
        return s.label;
      });
      const fig = { dataset: key, n: items.length, macroF1: round4(macroF1(gold, pred, SENTIMENT_LABELS)), accuracy: round4(accuracy(gold, pred)) };
      figures[m].push(fig);
      cells.push(`${f3(fig.macroF1)}/${f3(fig.accuracy)}`);
    }
    const prev = prevFigure(key);
    cells.splice(3, 0, prev ? `${f3(prev.macroF1)}/${f3(prev.accuracy)}` : "—");
    lines.push(row(key === "village-corpus" ? "domain" : "benchmark", `${name} sentiment macro-F1 / acc`, items.length, cells, key === "village-corpus" ? ">= 0.80" : key === "smsa" || key === "nusax-indonesian" ? ">= 0.85" : ">= 0.80"));
  }

  const none = ["—", "—", "—"];
  const prevDomain = previous?.domain;
  const intent = evaluateIntent("test");
  lines.push(row("domain", "intent macro-F1", intent.n, [...none, prevDomain ? f3(prevDomain.intent.macroF1) : "—", f3(intent.intent.macroF1)], ">= 0.80"));
  lines.push(row("domain", "needs reply precision / recall", intent.n, [...none, prevDomain ? `${f3(prevDomain.intent.needsReplyPrecision)}/${f3(prevDomain.intent.needsReplyRecall)}` : "—", `${f3(intent.intent.replyP)}/${f3(intent.intent.replyR)}`], "P >= 0.90, R >= 0.95"));
  lines.push(row("domain", "urgent recall / false alarms /100", intent.n, [...none, prevDomain ? `${f3(prevDomain.urgent.recall)}/${prevDomain.urgent.falseAlarmsPer100.toFixed(2)}` : "—", `${f3(intent.urgent.recall)}/${intent.urgent.falseAlarmsPer100.toFixed(2)}`], "R >= 0.90, <= 2/100"));
  const blind = evaluateVillageTopics();
  lines.push(row("domain", "topics micro-F1 / macro-F1", blind.n, [...none, previous ? `${f3(previous.topics.microF1)}/${f3(previous.topics.macroF1)}` : "—", `${f3(blind.micro.f1)}/${f3(blind.macroF1)}`]));
  const spam = evaluateSpam("test");
  lines.push(row("domain", "spam precision / recall / FA /100", spam.n, [...none, prevDomain ? `${f3(prevDomain.spam.precision)}/${f3(prevDomain.spam.recall)}/${prevDomain.spam.falseAlarmsPer100.toFixed(2)}` : "—", `${f3(spam.precision)}/${f3(spam.recall)}/${spam.falseAlarmsPer100.toFixed(2)}`], "R 1.0, no FA"));
  // Comments the team had not seen (written before the issue-14 urgency/spam work looked at anything).
  const fresh = evaluateFresh();
  const prevFresh = prevDomain?.fresh;
  lines.push(row("fresh", "urgent recall / false alarms /100", fresh.n, [...none, prevFresh ? `${f3(prevFresh.urgentRecall)}/${prevFresh.urgentFalseAlarmsPer100.toFixed(2)}` : "—", `${f3(fresh.urgentRecall)}/${fresh.urgentFalseAlarmsPer100.toFixed(2)}`], "R >= 0.90, <= 2/100"));
  lines.push(row("fresh", "spam precision / recall / FA /100", fresh.n, [...none, prevFresh ? `${f3(prevFresh.spamPrecision)}/${f3(prevFresh.spamRecall)}/${prevFresh.spamFalseAlarmsPer100.toFixed(2)}` : "—", `${f3(fresh.spamPrecision)}/${f3(fresh.spamRecall)}/${fresh.spamFalseAlarmsPer100.toFixed(2)}`], "R 1.0, no FA"));
  lines.push(row("fresh", "intent macro-F1", fresh.n, [...none, prevFresh ? f3(prevFresh.intentMacroF1) : "—", f3(fresh.intentMacroF1)], ">= 0.80"));
  // The second, third and fourth sets: each written by a session that read only the annotation guide (no corpus,
  // models or training comments) and labelled blind by another.
  const fresh2 = evaluateFresh(FRESH_SETS[1]);
  const fresh3 = evaluateFresh(FRESH_SETS[2]);
  const fresh4 = evaluateFresh(FRESH_SETS[3]);
  const fresh5 = evaluateFresh(FRESH_SETS[4]);
  const fresh6 = evaluateFresh(FRESH_SETS[5]);
  const fresh7 = evaluateFresh(FRESH_SETS[6]);
  const fresh8 = evaluateFresh(FRESH_SETS[7]);
  const fresh9 = evaluateFresh(FRESH_SETS[8]);
  for (const [label, f, prev] of [["fresh-2", fresh2, prevDomain?.fresh2], ["fresh-3", fresh3, prevDomain?.fresh3], ["fresh-4", fresh4, prevDomain?.fresh4], ["fresh-5", fresh5, prevDomain?.fresh5], ["fresh-6", fresh6, prevDomain?.fresh6], ["fresh-7", fresh7, prevDomain?.fresh7], ["fresh-8", fresh8, prevDomain?.fresh8], ["fresh-9", fresh9, prevDomain?.fresh9]] as const) {
    lines.push(row(label, "urgent recall / false alarms /100", f.n, [...none, prev ? `${f3(prev.urgentRecall)}/${prev.urgentFalseAlarmsPer100.toFixed(2)}` : "—", `${f3(f.urgentRecall)}/${f.urgentFalseAlarmsPer100.toFixed(2)}`], "R >= 0.90, <= 2/100"));
    lines.push(row(label, "spam precision / recall / FA /100", f.n, [...none, prev ? `${f3(prev.spamPrecision)}/${f3(prev.spamRecall)}/${prev.spamFalseAlarmsPer100.toFixed(2)}` : "—", `${f3(f.spamPrecision)}/${f3(f.spamRecall)}/${f.spamFalseAlarmsPer100.toFixed(2)}`], "R 1.0, no FA"));
    lines.push(row(label, "intent / sentiment macro-F1", f.n, [...none, prev ? `${f3(prev.intentMacroF1)}/${f3(prev.sentimentMacroF1 ?? 0)}` : "—", `${f3(f.intentMacroF1)}/${f3(f.sentimentMacroF1 ?? 0)}`], ">= 0.80 / >= 0.80"));
  }
  const piiPred = village.map((v) => pipeline.analyze(v.text).pii.length > 0);
  const piiTp = village.filter((v, i) => v.pii && piiPred[i]).length;
  const pii = { precision: piiTp / Math.max(1, piiPred.filter(Boolean).length), recall: piiTp / Math.max(1, village.filter((v) => v.pii).length) };
  lines.push(row("domain", "personal data precision / recall", village.length, [...none, prevDomain ? `${f3(prevDomain.personalData.precision)}/${f3(prevDomain.personalData.recall)}` : "—", `${f3(pii.precision)}/${f3(pii.recall)}`]));
  const grouping = evaluateGrouping("test");
  const g = grouping.score(DEFAULT_GROUPING);
  lines.push(row("clusters", "issue grouping pairwise P / R / F1", grouping.rows, [...none, prevDomain ? `${f3(prevDomain.grouping.precision)}/${f3(prevDomain.grouping.recall)}/${f3(prevDomain.grouping.f1)}` : "—", `${f3(g.precision)}/${f3(g.recall)}/${f3(g.f1)}`]));
  const curve = sentimentLearningCurve(res.villageSentiment, { normalize: res.normalize, sentiment: model });
  for (const p of curve) {
    const prevPoint = prevDomain?.learningCurve.points.find((x) => x.corrections === p.corrections);
    lines.push(row("learning", `sentiment F1, ${p.corrections} corrections (VALID)`, p.n, [...none, prevPoint ? f3(prevPoint.macroF1) : "—", f3(p.macroF1)]));
  }

  const intentCurve = intentLearningCurve();
  // Since urgency v3 the urgency model trains on train and valid (cross-validated): its valid figures are in-sample.
  const urgencyFile = JSON.parse(readFileSync(path.join(path.dirname(MODEL_CARD_FILE), "urgency-v1.json"), "utf8")) as { training?: { data?: string } };
  if ((urgencyFile.training?.data ?? "").includes("valid")) lines.push("learning   (urgency figures below are in-sample: the urgency model trained on VALID too; test and fresh measure it)");
  for (const p of intentCurve) {
    const prevPoint = prevDomain?.intentLearningCurve?.points.find((x) => x.corrections === p.corrections);
    lines.push(row("learning", `intent F1 / urgent R / false alarms per 100, ${p.corrections} corrections (VALID)`, p.n, [
      ...none, prevPoint ? `${f3(prevPoint.macroF1)}/${f3(prevPoint.urgentRecall)}/${f3(prevPoint.urgentFalseAlarmsPer100)}` : "—", `${f3(p.macroF1)}/${f3(p.urgentRecall)}/${f3(p.urgentFalseAlarmsPer100)}`,
    ]));
  }

  const langItems = languageSet("test", res);
  const langPred = langItems.map((x) => identifyLanguage(x.surface, res.language, res.english));
  const perLang = (["id", "su", "jv"] as const).map((l) => {
    const idx = langItems.map((x, i) => [x, i] as const).filter(([x]) => x.lang === l);
    return `${l} ${(idx.filter(([x, i]) => langPred[i] === x.lang).length / idx.length).toFixed(3)}`;
  });
  const langAcc = round4(accuracy(langItems.map((x) => x.lang), langPred));
  lines.push(row("language", `ID accuracy, NusaX (${perLang.join(", ")})`, langItems.length, [...none, previous ? f3(previous.languageId) : "—", f3(langAcc)], ">= 0.95"));
  lines.push(`sentiment confidence: temperature ${model.header.temperature} (fitted on valid); ECE of the shipped stage on these test sets ${expectedCalibrationError(allConf, allCorrect).toFixed(3)}`);

  lines.push("details — topics, blind (village corpus test split; keywords never tuned on it):", ...formatTopicEval(blind).split("\n"));
  const old = evaluateTopics();
  const ablations = optimisticAblations().map((a) => ({ ...a, microF1: round4(a.microF1), englishMicroF1: round4(a.englishMicroF1) }));
  lines.push(`topics, OPTIMISTIC (test/fixtures/topics test part, keywords written with it in view): micro-F1 ${old.micro.f1.toFixed(3)}, n=${old.n}`);
  for (const a of ablations) lines.push(`  ${a.name} (${a.dropped} dropped): micro-F1 ${a.microF1.toFixed(3)}, English test comments ${a.englishMicroF1.toFixed(3)}`);

  // Throughput of the full pipeline on the test texts (one core, this process).
  const texts = datasets.flatMap(([, , items]) => items.map((t) => t.text));
  for (const t of texts.slice(0, 300)) pipeline.analyze(t);
  let n = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < 2000) for (const t of texts) {
    pipeline.analyze(t);
    n++;
  }
  const secs = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const words = texts.reduce((a, t) => a + t.split(/\s+/).length, 0) / texts.length;
  lines.push(
    `throughput: ${Math.round(n / cpuSecs)} comments per CPU-second, ${Math.round(n / secs)}/s wall clock (full pipeline, one thread, test texts averaging ${words.toFixed(0)} words; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores); resources loaded in ${loadMs.toFixed(0)} ms`,
  );
  console.log(lines.join("\n"));

  const card: ModelCard = {
    pipelineVersion: MODEL.version,
    sentimentModelVersion: model.header.version,
    measuredOn: new Date().toISOString().slice(0, 10),
    dataSources: [
      "SmSA (IndoNLU) test split",
      "NusaX-senti test splits (Indonesian, Sundanese, Javanese)",
      "village corpus test split (test/fixtures/village-corpus; learning curve on its valid split)",
      "village corpus fresh check (fresh-check.jsonl: comments written before the issue-14 urgency/spam work, never used for choices)",
      "village corpus fresh check 2 (fresh-check-2.jsonl: comments written from the annotation guide only by a session that saw no corpus, model or training comment)",
      "village corpus fresh check 3 (fresh-check-3.jsonl: the same way, by another session, labelled blind by a third)",
      "village corpus fresh checks 4 to 9 (fresh-check-4.jsonl … fresh-check-9.jsonl: the same way)",
      "test/fixtures/topics test part (optimistic)",
    ],
    sentiment: { model: figures.model, lexicon: figures.lexicon, sentimentPackage: figures.sentimentPackage, benchmarkModel: figures.benchmarkModel },
    languageId: { dataset: "nusax-test", n: langItems.length, accuracy: langAcc },
    ...(previous ? { previous } : {}),
    domain: {
      dataset: "village-corpus-test",
      n: intent.n,
      intent: { macroF1: round4(intent.intent.macroF1), needsReplyPrecision: round4(intent.intent.replyP), needsReplyRecall: round4(intent.intent.replyR) },
      urgent: { recall: round4(intent.urgent.recall), falseAlarmsPer100: round4(intent.urgent.falseAlarmsPer100) },
      spam: { precision: round4(spam.precision), recall: round4(spam.recall), falseAlarmsPer100: round4(spam.falseAlarmsPer100) },
      personalData: { precision: round4(pii.precision), recall: round4(pii.recall) },
      grouping: { precision: round4(g.precision), recall: round4(g.recall), f1: round4(g.f1) },
      fresh: {
        dataset: "village-corpus-fresh-check", n: fresh.n, urgent: fresh.urgent, spam: fresh.spam, urgentRecall: round4(fresh.urgentRecall), urgentFalseAlarmsPer100: round4(fresh.urgentFalseAlarmsPer100),
        spamPrecision: round4(fresh.spamPrecision), spamRecall: round4(fresh.spamRecall), spamFalseAlarmsPer100: round4(fresh.spamFalseAlarmsPer100), intentMacroF1: round4(fresh.intentMacroF1),
      },
      fresh2: freshFigures("village-corpus-fresh-check-2", fresh2),
      fresh3: freshFigures("village-corpus-fresh-check-3", fresh3),
      fresh4: freshFigures("village-corpus-fresh-check-4", fresh4),
      fresh5: freshFigures("village-corpus-fresh-check-5", fresh5),
      fresh6: freshFigures("village-corpus-fresh-check-6", fresh6),
      fresh7: freshFigures("village-corpus-fresh-check-7", fresh7),
      fresh8: freshFigures("village-corpus-fresh-check-8", fresh8),
      fresh9: freshFigures("village-corpus-fresh-check-9", fresh9),
      learningCurve: { dataset: "village-corpus-valid-heldout", n: curve[0]?.n ?? 0, points: curve.map((p) => ({ corrections: p.corrections, macroF1: p.macroF1 })) },
      intentLearningCurve: {
        dataset: "village-corpus-valid-heldout", n: intentCurve[0]?.n ?? 0, urgent: intentCurve[0]?.urgent ?? 0,
        points: intentCurve.map((p) => ({ corrections: p.corrections, macroF1: p.macroF1, urgentRecall: p.urgentRecall, urgentFalseAlarmsPer100: p.urgentFalseAlarmsPer100 })),
      },
    },
    topics: {
      blind: {
        dataset: "village-corpus-test",
        n: blind.n,
        microF1: round4(blind.micro.f1),
        macroF1: round4(blind.macroF1),
        perTopic: blind.perTopic.map((t) => ({ key: t.key, f1: round4(t.f1), support: t.support })),
      },
      optimistic: { dataset: "topics-fixture-test", n: old.n, microF1: round4(old.micro.f1), ablations },
    },
  };
  if (process.env.NLP_DRY_RUN === "1") return;
  writeFileSync(MODEL_CARD_FILE, JSON.stringify(card, null, 1) + "\n");
  console.log(`model card written: ${MODEL_CARD_FILE}`);
}

/** What the table shows of the previous release's card. */
function previousOf(card: ModelCard): PreviousFigures {
  return {
    pipelineVersion: card.pipelineVersion,
    sentiment: card.sentiment.model,
    domain: card.domain,
    topics: { microF1: card.topics.blind.microF1, macroF1: card.topics.blind.macroF1 },
    languageId: card.languageId.accuracy,
  };
}

/** Fixed precision so the card is stable across runs of the same models. */
function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
