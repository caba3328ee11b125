// Loads the NLP data files (slang lists, lexicons, models) once per process. Stages never read files;
// they get these resources through NlpContext.resources. Everything here ships inside the project
// (core/src/nlp/data, core/src/nlp/models): the product never reads ../shared at run time.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { LanguageModel } from "./language";
import type { SentimentModel } from "./sentimentModel";
import { parseLanguageModel } from "./language";
import { parseSentimentModel } from "./sentimentModel";
import { joinModels, parseLinearModel, type IntentModels } from "./intent";
import { parseVillageSentimentModels, type VillageSentimentModels } from "./villageSentiment";
import { buildLexicon, type LexiconV0 } from "./sentimentLexicon";
import type { GroupingVocabulary } from "./grouping";
import { RISING_STOPWORDS } from "./risingTerms";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.join(HERE, "data");
export const MODELS_DIR = path.join(HERE, "models");
export const SENTIMENT_MODEL_FILE = path.join(MODELS_DIR, "sentiment-v1.json");
export const LANGUAGE_MODEL_FILE = path.join(MODELS_DIR, "language-v1.json");
export const INTENT_MODEL_FILE = path.join(MODELS_DIR, "intent-v1.json");
export const URGENCY_MODEL_FILE = path.join(MODELS_DIR, "urgency-v1.json");
/** Learned spam score over the intent features, beside spam.ts's rules (trained by `npm run train:intent`). */
export const SPAM_MODEL_FILE = path.join(MODELS_DIR, "spam-v1.json");
export const VILLAGE_SENTIMENT_MODEL_FILE = path.join(MODELS_DIR, "village-sentiment-v1.json");

export type EmojiPolarity = "pos" | "neg" | "laugh";

/** What normalisation needs: slang map, a word list for elongation/segmentation, emoji polarity. */
export interface NormalizeResources {
  slang: Map<string, string>;
  vocab: Set<string>;
  emoji: Map<string, EmojiPolarity>;
  emoticons: Array<[string, EmojiPolarity]>;
}

export interface NlpResources {
  normalize: NormalizeResources;
  english: Set<string>;
  lexicon: LexiconV0;
  language: LanguageModel | null;
  sentiment: SentimentModel | null;
  /** Intent and urgency models (trained by `npm run train:intent`); required by the pipeline. */
  intent: IntentModels;
  /** Village-speech sentiment and its gate (`npm run train:village-sentiment`); shipped and loaded with `sentiment`. */
  villageSentiment: VillageSentimentModels | null;
}

function readLines(file: string): string[] {
  return readFileSync(path.join(DATA_DIR, file), "utf8")
    .replace(/\r/g, "")
    .split("\n")
    .filter((l) => l.length > 0 && !l.startsWith("#"));
}

/** Reads a two-column slang file (informal TAB formal); phrase keys are skipped (we map per token). */
function readSlang(file: string, into: Map<string, string>, skipHeader: boolean, english: Set<string>, override: boolean): void {
  const lines = readLines(file);
  for (let i = skipHeader ? 1 : 0; i < lines.length; i++) {
    const [from, to] = lines[i].split("\t");
    if (!from || to === undefined) continue;
    const key = from.trim().toLowerCase();
    if (key.includes(" ")) continue;
    // English words in the upstream lists ("in" -> di, "my" -> milikku) would break English detection.
    if (!override && english.has(key)) continue;
    const value = to.trim().toLowerCase();
    into.set(key, value === "=" ? key : value);
  }
}

/** Loads the slang map (civic list overrides Pujangga, which overrides IndoCollex). */
export function loadSlang(english: Set<string>): Map<string, string> {
  const slang = new Map<string, string>();
  readSlang("indocollex-informal-formal.tsv", slang, true, english, false);
  readSlang("pujangga-formalization.tsv", slang, false, english, false);
  readSlang("slang-civic.tsv", slang, false, english, true);
  for (const [k, v] of slang) if (k === v) slang.delete(k);
  return slang;
}

function loadEmoji(): { emoji: Map<string, EmojiPolarity>; emoticons: Array<[string, EmojiPolarity]> } {
  const emoji = new Map<string, EmojiPolarity>();
  const emoticons: Array<[string, EmojiPolarity]> = [];
  for (const line of readLines("emoji-polarity.tsv")) {
    const [sym, pol] = line.split("\t");
    if (!sym || (pol !== "pos" && pol !== "neg" && pol !== "laugh")) continue;
    const cp = sym.codePointAt(0)!;
    if (cp > 0x2000) emoji.set(String.fromCodePoint(cp), pol);
    else emoticons.push([sym, pol]);
  }
  // Longest first so ">:(" wins over ":(".
  emoticons.sort((a, b) => b[0].length - a[0].length);
  return { emoji, emoticons };
}

/** Loads the data files every stage needs except the trained models (used by training too). */
export function loadBaseResources(): Omit<NlpResources, "language" | "sentiment" | "intent" | "villageSentiment"> {
  const english = new Set(readLines("english-function-words.txt").map((w) => w.trim()));
  const slang = loadSlang(english);
  const vocab = new Set<string>();
  if (existsSync(path.join(DATA_DIR, "vocab.txt"))) for (const w of readLines("vocab.txt")) vocab.add(w);
  for (const v of slang.values()) for (const w of v.split(" ")) vocab.add(w);
  const lexicon = buildLexicon(readLines("lexicon-v0.tsv"), readNusaxLexicon("sundanese"), readNusaxLexicon("javanese"));
  for (const w of lexicon.labels.keys()) vocab.add(w);
  const { emoji, emoticons } = loadEmoji();
  return { normalize: { slang, vocab, emoji, emoticons }, english, lexicon };
}

/** NusaX lexicon rows as [indonesian, regional] pairs. */
export function readNusaxLexicon(lang: "sundanese" | "javanese"): Array<[string, string]> {
  const rows = readLines(`nusax-lexicon-${lang}.csv`).slice(1);
  const out: Array<[string, string]> = [];
  for (const row of rows) {
    const parts = row.split(",");
    if (parts.length < 3) continue;
    out.push([parts[1].trim().toLowerCase(), parts[2].trim().toLowerCase()]);
  }
  return out;
}

let groupingVocab: GroupingVocabulary | null = null;

/**
 * What issue grouping needs: stopwords, a regional/English -> Indonesian word map (the village-problem
 * table `grouping-bridge.tsv` first, then the NusaX lexicons, first translation wins) and the known words. Cached.
 */
export function groupingVocabulary(): GroupingVocabulary {
  if (groupingVocab) return groupingVocab;
  const bridge = new Map<string, string>();
  for (const row of readLines("grouping-bridge.tsv")) {
    const [word, indonesian] = row.split("\t");
    if (word && indonesian && !bridge.has(word)) bridge.set(word, indonesian);
  }
  for (const lang of ["sundanese", "javanese"] as const) {
    for (const [ind, reg] of readNusaxLexicon(lang)) if (reg !== ind && !bridge.has(reg) && !reg.includes(" ")) bridge.set(reg, ind);
  }
  // The word lists only: loading the trained models here would cost a process that groups cases
  // (an import whose NLP runs on worker threads) their memory for nothing.
  const base = cached ?? loadBaseResources();
  const known = new Set([...base.normalize.vocab, ...base.english, ...bridge.keys()]);
  // Regional and English words that name no problem ("nyuwun sewu", "does anyone know") would
  // otherwise link two unrelated questions written in the same language.
  const stopwords = new Set([...RISING_STOPWORDS, ...base.english, ...readLines("grouping-stopwords.txt")]);
  groupingVocab = { stopwords, bridge, known, english: base.english };
  return groupingVocab;
}

let cached: NlpResources | null = null;

/** All resources, loaded on first use and cached for the process. */
export function getResources(): NlpResources {
  if (cached) return cached;
  const base = loadBaseResources();
  const language = existsSync(LANGUAGE_MODEL_FILE) ? parseLanguageModel(readFileSync(LANGUAGE_MODEL_FILE, "utf8")) : null;
  const sentiment = existsSync(SENTIMENT_MODEL_FILE) ? parseSentimentModel(SENTIMENT_MODEL_FILE) : null;
  const intent: IntentModels = joinModels(
    parseLinearModel(readFileSync(INTENT_MODEL_FILE, "utf8")),
    parseLinearModel(readFileSync(URGENCY_MODEL_FILE, "utf8")),
    parseLinearModel(readFileSync(SPAM_MODEL_FILE, "utf8")),
  );
  // Required with the trained sentiment model: results are stamped with both versions (pipeline MODEL).
  const villageSentiment = sentiment ? parseVillageSentimentModels(readFileSync(VILLAGE_SENTIMENT_MODEL_FILE, "utf8")) : null;
  cached = { ...base, language, sentiment, intent, villageSentiment };
  return cached;
}
