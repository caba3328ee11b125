// Sentiment v0: the `sentiment` package with a registered Indonesian + Sundanese + Javanese lexicon
// and negation. Kept as the transparent baseline the trained model is measured against (eval:nlp).
import Sentiment from "sentiment";
import type { NlpContext, SentimentResult, Stage } from "./types";
import type { NlpResources } from "./resources";

/** Negators in Indonesian (slang already mapped to "tidak"), Sundanese and Javanese. */
export const NEGATORS = new Set(["tidak", "bukan", "belum", "jangan", "tak", "kurang", "teu", "henteu", "lain", "acan", "ora", "dudu", "durung", "mboten", "ndak", "orak"]);

export interface LexiconV0 {
  labels: Map<string, number>;
}

/** Builds the v0 lexicon: own entries plus regional words bridged through the NusaX word lists. */
export function buildLexicon(lines: string[], sundanese: Array<[string, string]>, javanese: Array<[string, string]>): LexiconV0 {
  const labels = new Map<string, number>();
  for (const line of lines) {
    const [word, score] = line.split("\t");
    const n = Number(score);
    if (!word || !Number.isFinite(n) || n === 0) continue;
    labels.set(word.trim(), n);
  }
  const own = new Map(labels);
  // A regional word inherits the polarity of its Indonesian translation unless we scored it ourselves.
  for (const [ind, regional] of [...sundanese, ...javanese]) {
    const score = own.get(ind);
    if (score === undefined || regional.includes(" ") || labels.has(regional)) continue;
    labels.set(regional, score);
  }
  return { labels };
}

const ENGINE = new Sentiment();
const registered = new WeakSet<LexiconV0>();
const LANG_CODE = "idsujv";

function ensureRegistered(lex: LexiconV0): void {
  if (registered.has(lex)) return;
  ENGINE.registerLanguage(LANG_CODE, {
    labels: Object.fromEntries(lex.labels),
    scoringStrategy: {
      apply(tokens: string[], cursor: number, tokenScore: number): number {
        // Negation reaches two words back: "tidak terlalu bagus", "teu pati alus".
        for (let k = 1; k <= 2 && cursor - k >= 0; k++) if (NEGATORS.has(tokens[cursor - k])) return -tokenScore;
        return tokenScore;
      },
    },
  });
  registered.add(lex);
}

// The package's tokenizer strips "_" and "<", so placeholders become plain words it can score.
const PLACEHOLDERS: Array<[RegExp, string]> = [
  [/<emo_pos>/g, " emopositif "],
  [/<emo_neg>/g, " emonegatif "],
  [/<emo_laugh>/g, " "],
  [/<url>/g, " "],
  [/@user/g, " "],
];

/** Scores normalised text with the v0 lexicon; the confidence is a rough monotone map of |score|. */
export function scoreLexicon(normalized: string, lex: LexiconV0): SentimentResult {
  ensureRegistered(lex);
  let s = normalized;
  for (const [re, rep] of PLACEHOLDERS) s = s.replace(re, rep);
  const r = ENGINE.analyze(s, { language: LANG_CODE, extras: { emopositif: 2, emonegatif: -2 } });
  if (r.score === 0) return { label: "netral", score: 0.5 };
  const confidence = Math.min(0.95, 0.5 + Math.abs(r.score) / 10);
  return { label: r.score > 0 ? "positif" : "negatif", score: confidence };
}

/** Scores text with the `sentiment` package's default English AFINN (the naive baseline). */
export function scoreAfinn(text: string): SentimentResult {
  const r = ENGINE.analyze(text);
  if (r.score === 0) return { label: "netral", score: 0.5 };
  return { label: r.score > 0 ? "positif" : "negatif", score: Math.min(0.95, 0.5 + Math.abs(r.score) / 10) };
}

/** Pipeline stage (v0 baseline): normalised text -> sentiment. */
export const sentimentLexicon: Stage<string, SentimentResult> = (normalized: string, ctx: NlpContext) =>
  scoreLexicon(normalized, (ctx.resources.nlp as NlpResources).lexicon);
