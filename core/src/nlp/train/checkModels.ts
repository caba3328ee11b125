// `npm run check:models`: retrains the cheap models (topics, intent, urgency, village sentiment) into a temporary
// directory with the committed code and data and compares them byte for byte with the shipped files.
// Fails naming every file that differs: the shipped artifacts must be what `npm run train:*` makes,
// and the model card must have been measured on the shipped pipeline and sentiment model versions.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MODEL } from "../pipeline";
import { readModelCard } from "../modelCard";
import { getResources, MODELS_DIR } from "../resources";
import { REPO_ROOT } from "./data";

const CHEAP: Array<{ script: string; files: string[] }> = [
  { script: "core/src/nlp/train/trainTopics.ts", files: ["topics-v1.json"] },
  { script: "core/src/nlp/train/trainIntent.ts", files: ["intent-v1.json", "urgency-v1.json", "spam-v1.json"] },
  // Needs the shipped sentiment model and the SmSA/NusaX train and valid splits (../shared/data).
  { script: "core/src/nlp/train/trainVillageSentiment.ts", files: ["village-sentiment-v1.json"] },
];

const dir = mkdtempSync(path.join(os.tmpdir(), "suara-desa-models-"));
const differ: string[] = [];
try {
  for (const { script, files } of CHEAP) {
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, script), "--out", dir], { cwd: REPO_ROOT, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`${script} failed (exit ${run.status}):\n${run.stderr}`);
    for (const f of files) {
      if (!readFileSync(path.join(dir, f)).equals(readFileSync(path.join(MODELS_DIR, f)))) differ.push(f);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// The shipped card must describe the shipped models.
const card = readModelCard();
const sentimentVersion = getResources().sentiment?.header.version;
if (!card) differ.push("model-card.json (missing: run npm run eval:nlp)");
else if (card.pipelineVersion !== MODEL.version || card.sentimentModelVersion !== sentimentVersion) {
  differ.push(`model-card.json (measured ${card.pipelineVersion} / sentiment ${card.sentimentModelVersion}, shipped ${MODEL.version} / sentiment ${sentimentVersion}: run npm run eval:nlp)`);
}
if (differ.length) {
  console.error(`retrained models differ from the shipped ones: ${differ.join(", ")} (run npm run train:topics / train:intent / train:village-sentiment and commit)`);
  process.exit(1);
}
console.log(`models reproduce byte for byte: ${CHEAP.flatMap((c) => c.files).join(", ")}; the model card matches the shipped models`);
