// Trains the id/su/jv naive Bayes language identifier on NusaX train texts (parallel translations,
// so the language is the label) plus SmSA train for more Indonesian; tunes the word weight on NusaX
// valid. Writes core/src/nlp/models/language-v1.json. Called by trainSentiment.ts.
import { writeFileSync } from "node:fs";
import type { Language } from "@suara-desa/shared/contracts";
import { identifyLanguage, languageFeatures, withInterleaved, languageTokens, type LanguageModel, type LanguageModelFile } from "../language";
import { normalizeText } from "../normalize";
import { LANGUAGE_MODEL_FILE, readNusaxLexicon, type NlpResources } from "../resources";
import { DEFAULT_TOPICS } from "../taxonomy";
import { readNusax, readSmsa, removeNearDuplicates, type NusaxLang } from "./data";

const LANG_OF: Record<NusaxLang, Language> = { indonesian: "id", sundanese: "su", javanese: "jv" };
const LABELS: Language[] = ["id", "su", "jv"];
const BITS = 17;
const SPAM_WORDS = "slot gacor maxwin togel judi online deposit wd depo jp jackpot scatter link bio daftar situs bonus member rtp";

/** Labelled surface-normalised texts of one split. */
export function languageSet(split: "train" | "valid" | "test", res: Pick<NlpResources, "normalize">): Array<{ surface: string; lang: Language }> {
  return (["indonesian", "sundanese", "javanese"] as NusaxLang[]).flatMap((l) =>
    readNusax(l, split).map((t) => ({ surface: normalizeText(t.text, res.normalize).surface, lang: LANG_OF[l] })),
  );
}

/** Trains, tunes on valid and writes the model; returns it with its valid accuracy. */
export function trainLanguage(res: Omit<NlpResources, "language" | "sentiment" | "intent" | "villageSentiment">): { model: LanguageModel; validAccuracy: number } {
  const train = languageSet("train", res);
  // NusaX is formal translation; SmSA and the slang lists bring the colloquial Indonesian residents write.
  const refs = [...readNusax("indonesian", "valid"), ...readNusax("indonesian", "test")].map((t) => t.text);
  for (const t of removeNearDuplicates(readSmsa("train"), refs).kept) train.push({ surface: normalizeText(t.text, res.normalize).surface, lang: "id" });
  const regional = new Set<string>();
  for (const ex of train) if (ex.lang !== "id") for (const w of languageTokens(ex.surface)) regional.add(w);
  for (const [ind, w] of [...readNusaxLexicon("sundanese"), ...readNusaxLexicon("javanese")]) if (ind !== w) regional.add(w);
  const slangWords = [...res.normalize.slang.keys()].filter((w) => !regional.has(w) && /^\p{L}+$/u.test(w));
  for (const w of slangWords) train.push({ surface: w, lang: "id" });
  // Civic and online-gambling vocabulary that formal corpora lack (Indonesian in village feeds).
  const civic = DEFAULT_TOPICS.flatMap((t) => t.keywords).concat(SPAM_WORDS.split(" "));
  for (const k of civic) if (!k.split(" ").some((w) => regional.has(w))) train.push({ surface: k, lang: "id" });
  const size = 1 << BITS;
  const counts = new Float64Array(LABELS.length * size);
  const totals = new Float64Array(LABELS.length);
  for (const ex of train) {
    const c = LABELS.indexOf(ex.lang);
    languageFeatures(languageTokens(ex.surface), BITS, (b) => {
      counts[c * size + b]++;
      totals[c]++;
    });
  }
  const alpha = 0.1;
  const logProb = new Float32Array(LABELS.length * size);
  for (let c = 0; c < LABELS.length; c++) {
    const denom = Math.log(totals[c] + alpha * size);
    for (let b = 0; b < size; b++) logProb[c * size + b] = Math.log(counts[c * size + b] + alpha) - denom;
  }
  // Village comments are mostly Indonesian: a short or mixed comment should lean that way.
  const prior = [Math.log(0.9), Math.log(0.05), Math.log(0.05)];
  const valid = languageSet("valid", res);
  let best: { model: LanguageModel; validAccuracy: number } | null = null;
  for (const wordWeight of [0, 1, 2, 4]) {
    const model: LanguageModel = withInterleaved({ version: "1.0.0", bits: BITS, labels: LABELS, prior, logProb, wordWeight });
    let ok = 0;
    for (const ex of valid) if (identifyLanguage(ex.surface, model, res.english) === ex.lang) ok++;
    const acc = ok / valid.length;
    if (!best || acc > best.validAccuracy) best = { model, validAccuracy: acc };
  }
  const m = best!.model;
  const file: LanguageModelFile = {
    version: m.version,
    bits: m.bits,
    labels: m.labels,
    prior: m.prior,
    wordWeight: m.wordWeight,
    logProb: Buffer.from(m.logProb.buffer, m.logProb.byteOffset, m.logProb.byteLength).toString("base64"),
    trainedOn: "NusaX-Senti train (ind/sun/jav, CC BY-SA 4.0) + SmSA train (IndoNLU) + colloquial keys of the slang lists",
  };
  // A dry run (NLP_DRY_RUN=1) measures without replacing any shipped model.
  if (process.env.NLP_DRY_RUN !== "1") writeFileSync(LANGUAGE_MODEL_FILE, JSON.stringify(file));
  return best!;
}
