// `npx tsx test/bench/nlpGolden.ts [--write]`: a hash of the full pipeline's output on fixed,
// varied texts, so a speed change can show that it changed no result. It analyses every text
// twice, singly and in batches (the second time the pipeline's token caches are warm), and checks
// both passes give the same JSON before hashing. The hash is stored in nlpGolden.json per corpus
// (with and without ../shared/data); a deliberate model or rule change rewrites it with --write.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildBenchCorpus } from "./nlpTexts";
import { createPipeline } from "@suara-desa/core/nlp/pipeline";
import { DEFAULT_TOPICS } from "@suara-desa/core/nlp/taxonomy";

const FILE = fileURLToPath(new URL("./nlpGolden.json", import.meta.url));
const EXTRA = [
  "", "   ", "!!!", "😡😡😡", "#JalanRusakParah @pemdes_mulyasari https://t.co/abc cc", "s|ot g4cor m4xw1n $lot depo 10rb wd jutaan",
  "NIK 3215011203900001 no hp 0812-3456-7890 email ani@gmail.com", "bagusss bgt pelayanannyaaaa :) :( xD ^_^",
  "anak2 sekolah kebanjiran sekarang!!! tolong evakuasi", "ＡＢＣ full-width ｔｅｋｓ\u200b zero width",
];

function main(): void {
  const corpus = buildBenchCorpus(4_000, 1_000);
  const texts = [...EXTRA, ...corpus.warm, ...corpus.measure];
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  const first = texts.map((t) => JSON.stringify(pipeline.analyze(t)));
  const batches: string[] = [];
  for (let i = 0; i < texts.length; i += 250) for (const a of pipeline.analyzeBatch(texts.slice(i, i + 250))) batches.push(JSON.stringify(a));
  const again = texts.map((t) => JSON.stringify(pipeline.analyze(t)));
  const diff = again.findIndex((s, i) => s !== first[i]);
  if (diff >= 0) throw new Error(`text ${diff} analysed twice gave two results:\n${first[diff]}\n${again[diff]}`);
  const hash = createHash("sha256").update(first.join("\n")).update("\n--batch--\n").update(batches.join("\n")).digest("hex");
  const key = corpus.note ? "villageOnly" : "withSharedData";
  const stored: Record<string, string> = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, "utf8")) as Record<string, string>) : {};
  console.log(`${texts.length} texts (${key}), model ${pipeline.model.version}: ${hash}`);
  if (process.argv.includes("--write")) {
    stored[key] = hash;
    writeFileSync(FILE, `${JSON.stringify(stored, null, 2)}\n`);
    console.log(`written to ${FILE}`);
  } else if (stored[key] === undefined) {
    console.log(`no stored hash for ${key}; run with --write to store one`);
  } else if (stored[key] !== hash) {
    console.error(`CHANGED: stored ${stored[key]}`);
    process.exit(1);
  } else {
    console.log("unchanged");
  }
}

main();
