// `npm run eval:nlp`: the one table of NLP quality figures. Sentiment on the *test* splits (SmSA,
// NusaX ind/sun/jav) for three methods measured the same way (the `sentiment` package's English
// AFINN on the raw text, our v0 lexicon, our trained model), language-ID accuracy on NusaX
// valid+test, topic P/R/F1 (from evalTopics.ts when present) and pipeline throughput.
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
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

type Method = "sentiment (AFINN, en)" | "v0 lexicon" | "model";

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

async function topicSection(): Promise<string[]> {
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), "evalTopics.ts");
  if (!existsSync(file)) return ["topics: not available"];
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  if (typeof mod.evaluateTopics === "function" && typeof mod.formatTopicEval === "function") {
    const e = (mod.evaluateTopics as () => unknown)();
    return ["topics (held-out part of the labelled set, test/fixtures/topics):", ...String((mod.formatTopicEval as (x: unknown) => string)(e)).split("\n")];
  }
  // The topic helper owns the evaluator's shape; accept a function returning lines or a report.
  const fn = (mod.evalTopics ?? mod.evaluateTopics ?? mod.runTopicEval ?? mod.default) as (() => unknown) | undefined;
  if (typeof fn !== "function") return ["topics: evaluator found but exports no evalTopics()"];
  const out = await fn();
  if (Array.isArray(out)) return out.map(String);
  if (typeof out === "string") return out.split("\n");
  if (out && typeof out === "object" && typeof (out as { format?: unknown }).format === "function") {
    return String((out as { format: () => string }).format()).split("\n");
  }
  return [`topics: ${JSON.stringify(out)}`];
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
      cells.push(pad(`${macroF1(gold, pred, SENTIMENT_LABELS).toFixed(3)} / ${accuracy(gold, pred).toFixed(3)}`, 30));
    }
    lines.push(`${pad(name, 16)} ${pad(String(items.length), 5)} ${cells.join(" ")}`);
  }
  lines.push(`targets (macro-F1): SmSA >= 0.85, NusaX ind >= 0.85, sun >= 0.80, jav >= 0.80`);
  lines.push(`model confidence: temperature ${model.header.temperature} (fitted on valid); ECE on these test sets ${expectedCalibrationError(allConf, allCorrect).toFixed(3)}`);

  const langItems = [...languageSet("valid", res), ...languageSet("test", res)];
  const langPred = langItems.map((x) => identifyLanguage(x.surface, res.language, res.english));
  const perLang = (["id", "su", "jv"] as const).map((l) => {
    const idx = langItems.map((x, i) => [x, i] as const).filter(([x]) => x.lang === l);
    return `${l} ${(idx.filter(([x, i]) => langPred[i] === x.lang).length / idx.length).toFixed(3)}`;
  });
  lines.push(`language ID accuracy (NusaX valid+test, n=${langItems.length}): ${accuracy(langItems.map((x) => x.lang), langPred).toFixed(4)} (${perLang.join(", ")}; target >= 0.95)`);

  lines.push(...(await topicSection()));

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
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
