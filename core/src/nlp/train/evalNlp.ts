// `npm run eval:nlp`: the one table of NLP quality figures. Sentiment on the *test* splits (SmSA,
// NusaX ind/sun/jav) for three methods measured the same way (the `sentiment` package's English
// AFINN on the raw text, our v0 lexicon, our trained model), language-ID accuracy on NusaX
// test (valid chose its weight), topic P/R/F1 (blind village-corpus test split as the headline; the old
// test/fixtures/topics figure marked optimistic, with ablations) and pipeline throughput. Writes the
// model card (models/model-card.json) that the report, the client and the README read.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Sentiment } from "@suara-desa/shared/contracts";
import { getResources } from "../resources";
import { normalizeText } from "../normalize";
import { scoreAfinn, scoreLexicon } from "../sentimentLexicon";
import { predictProba, SENTIMENT_LABELS } from "../sentimentModel";
import { identifyLanguage } from "../language";
import { createPipeline, MODEL } from "../pipeline";
import { accuracy, expectedCalibrationError, macroF1 } from "./metrics";
import { readNusax, readSmsa, type LabelledText } from "./data";
import { languageSet } from "./trainLanguage";
import { DEFAULT_TOPICS } from "../taxonomy";
import { MODEL_CARD_FILE, type CardFigure, type ModelCard } from "../modelCard";
import { evaluateTopics, evaluateVillageTopics, formatTopicEval, optimisticAblations } from "./evalTopics";

type Method = "sentiment (AFINN, en)" | "v0 lexicon" | "model";

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const res = getResources();
  const loadMs = performance.now() - t0;
  if (!res.sentiment || !res.language) throw new Error("Model belum dilatih: jalankan npm run train:sentiment (models/sentiment-v1.json, language-v1.json)");
  const model = res.sentiment;
  const datasets: Array<[string, LabelledText[]]> = [
    ["SmSA test", readSmsa("test")],
    ["NusaX ind test", readNusax("indonesian", "test")],
    ["NusaX sun test", readNusax("sundanese", "test")],
    ["NusaX jav test", readNusax("javanese", "test")],
  ];
  const methods: Method[] = ["sentiment (AFINN, en)", "v0 lexicon", "model"];
  const lines: string[] = [];
  lines.push(`Suara Desa NLP evaluation — ${MODEL.name} ${MODEL.version} (test splits; tuned on valid only)`);
  lines.push(`${pad("dataset", 16)} ${pad("n", 5)} ${methods.map((m) => pad(`${m} F1 / acc`, 30)).join(" ")}`);
  const figures: Record<Method, CardFigure[]> = { "sentiment (AFINN, en)": [], "v0 lexicon": [], model: [] };
  const keys: Record<string, string> = { "SmSA test": "smsa", "NusaX ind test": "nusax-indonesian", "NusaX sun test": "nusax-sundanese", "NusaX jav test": "nusax-javanese" };
  const allConf: number[] = [];
  const allCorrect: boolean[] = [];
  for (const [name, items] of datasets) {
    const gold = items.map((t) => t.label);
    const cells: string[] = [];
    for (const m of methods) {
      const pred: Sentiment[] = items.map((t) => {
        if (m === "sentiment (AFINN, en)") return scoreAfinn(t.text).label;
        const n = normalizeText(t.text, res.normalize).normalized;
        if (m === "v0 lexicon") return scoreLexicon(n, res.lexicon).label;
        const p = predictProba(model, n);
        let best = 0;
        for (let c = 1; c < 3; c++) if (p[c] > p[best]) best = c;
        allConf.push(p[best]);
        allCorrect.push(SENTIMENT_LABELS[best] === t.label);
        return SENTIMENT_LABELS[best];
      });
      const fig = { dataset: keys[name], n: items.length, macroF1: round4(macroF1(gold, pred, SENTIMENT_LABELS)), accuracy: round4(accuracy(gold, pred)) };
      figures[m].push(fig);
      cells.push(pad(`${fig.macroF1.toFixed(3)} / ${fig.accuracy.toFixed(3)}`, 30));
    }
    lines.push(`${pad(name, 16)} ${pad(String(items.length), 5)} ${cells.join(" ")}`);
  }
  lines.push(`targets (macro-F1): SmSA >= 0.85, NusaX ind >= 0.85, sun >= 0.80, jav >= 0.80`);
  lines.push(`model confidence: temperature ${model.header.temperature} (fitted on valid); ECE on these test sets ${expectedCalibrationError(allConf, allCorrect).toFixed(3)}`);

  const langItems = languageSet("test", res);
  const langPred = langItems.map((x) => identifyLanguage(x.surface, res.language, res.english));
  const perLang = (["id", "su", "jv"] as const).map((l) => {
    const idx = langItems.map((x, i) => [x, i] as const).filter(([x]) => x.lang === l);
    return `${l} ${(idx.filter(([x, i]) => langPred[i] === x.lang).length / idx.length).toFixed(3)}`;
  });
  const langAcc = round4(accuracy(langItems.map((x) => x.lang), langPred));
  lines.push(`language ID accuracy (NusaX test, n=${langItems.length}): ${accuracy(langItems.map((x) => x.lang), langPred).toFixed(4)} (${perLang.join(", ")}; target >= 0.95)`);

  const blind = evaluateVillageTopics();
  lines.push("topics, blind (village corpus test split, test/fixtures/village-corpus; keywords never tuned on it):", ...formatTopicEval(blind).split("\n"));
  const old = evaluateTopics();
  const ablations = optimisticAblations().map((a) => ({ ...a, microF1: round4(a.microF1), englishMicroF1: round4(a.englishMicroF1) }));
  lines.push(`topics, OPTIMISTIC (test/fixtures/topics test part, keywords written with it in view): micro-F1 ${old.micro.f1.toFixed(3)}, n=${old.n}`);
  for (const a of ablations) lines.push(`  ${a.name} (${a.dropped} dropped): micro-F1 ${a.microF1.toFixed(3)}, English test comments ${a.englishMicroF1.toFixed(3)}`);

  // Throughput of the full pipeline on the test texts (one core, this process).
  const texts = datasets.flatMap(([, items]) => items.map((t) => t.text));
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
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
      "village corpus test split (test/fixtures/village-corpus)",
      "test/fixtures/topics test part (optimistic)",
    ],
    sentiment: { model: figures.model, lexicon: figures["v0 lexicon"], sentimentPackage: figures["sentiment (AFINN, en)"] },
    languageId: { dataset: "nusax-test", n: langItems.length, accuracy: langAcc },
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

/** Fixed precision so the card is stable across runs of the same models. */
function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
