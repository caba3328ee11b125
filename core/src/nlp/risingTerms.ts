// Rising terms: words and bigrams whose share of comments rose significantly this week against the
// previous weeks. Counts are per comment (document frequency), so one resident repeating a word
// does not make it "rise". Significance is Dunning's log-likelihood (G²) on the 2x2 table
// (term present/absent × current/baseline), kept only when the current rate is the higher one.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findPii } from "./pii";

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "data");

function readList(file: string): string[] {
  return readFileSync(path.join(DATA_DIR, file), "utf8")
    .replace(/\r/g, "")
    .split("\n")
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l.length > 0 && !l.startsWith("#"));
}

/**
 * Stopwords for rising terms only: stopwords-iso Indonesian plus colloquial/regional fillers.
 * It contains negators (tidak, belum), so no other stage may use it to drop words.
 */
export const RISING_STOPWORDS: ReadonlySet<string> = new Set([...readList("stopwords-id.txt"), ...readList("stopwords-colloquial.txt")]);

const WORD_RE = /[\p{L}\p{N}]+/gu;
const HAS_LETTER_RE = /\p{L}/u;
// Five digits in a row: a piece of a phone number, NIK or account number ("wa081234567890"), never a term.
const LONG_DIGITS_RE = /\d{5}/;
const IS_WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/**
 * The lower-cased words of `text` that hold personal data: every word a phone, NIK or e-mail span
 * touches ("wa081234567890" for "WA081234567890", "budisantoso82" and "gmail" for an address).
 */
function personalWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const span of findPii(text)) {
    let start = span.start;
    let end = span.end;
    while (start > 0 && IS_WORD_CHAR_RE.test(text[start - 1])) start--;
    while (end < text.length && IS_WORD_CHAR_RE.test(text[end])) end++;
    for (const w of text.slice(start, end).toLowerCase().match(WORD_RE) ?? []) out.add(w);
  }
  return out;
}

/**
 * The words of a comment that may be counted as terms: the words of its normalized form with
 * personal data removed (words of a phone, NIK or e-mail in the original text, and any word with
 * five digits in a row). A removed word leaves "" in its place, so no bigram bridges it. The one
 * source of the weekly review's rising terms and a topic's frequent words.
 */
export function termWords(text: string, normalized: string): string[] {
  const words = normalized.toLowerCase().match(WORD_RE) ?? [];
  const personal = personalWords(text);
  return words.map((w) => (LONG_DIGITS_RE.test(w) || personal.has(w) ? "" : w));
}

export interface RisingTermsInput {
  /** The original text (personal data is found in it) and its normalized form (terms are its words). */
  current: Array<{ id: number; text: string; normalized: string }>;
  baseline: Array<{ text: string; normalized: string }>;
  /** How many weeks the baseline covers (for the weekly average). */
  baselineWeeks: number;
  /** Words or phrases never to report (village, hamlet and official names). */
  exclude?: string[];
  /** Maximum terms returned (default 10). */
  limit?: number;
  /** Minimum number of current-week comments containing the term (default 3). */
  minCount?: number;
}

export interface RisingTerm {
  term: string;
  count: number;
  baselineAvg: number;
  score: number;
  exampleIds: number[];
}

/** Unigrams and bigrams of one comment (each once), personal data, stopwords and excluded names removed. */
function termsOf(text: string, normalized: string, excluded: ReadonlySet<string>): Set<string> {
  const words = termWords(text, normalized);
  const out = new Set<string>();
  let prev: string | null = null;
  for (const w of words) {
    const keep = w.length >= 3 && HAS_LETTER_RE.test(w) && !RISING_STOPWORDS.has(w) && !excluded.has(w);
    if (!keep) {
      prev = null;
      continue;
    }
    out.add(w);
    if (prev !== null && prev !== w) out.add(`${prev} ${w}`);
    prev = w;
  }
  return out;
}

const xlogx = (k: number, n: number): number => (k === 0 ? 0 : k * Math.log(k / n));

/** Dunning's G² for a term seen in a of n1 current comments and b of n2 baseline comments. */
export function logLikelihood(a: number, n1: number, b: number, n2: number): number {
  const c = n1 - a;
  const d = n2 - b;
  const n = n1 + n2;
  const g = xlogx(a, ((a + b) * n1) / n) + xlogx(b, ((a + b) * n2) / n) + xlogx(c, ((c + d) * n1) / n) + xlogx(d, ((c + d) * n2) / n);
  return 2 * g;
}

/** Terms rising this week vs the baseline weeks, highest G² first, with up to 3 example comment ids. */
export function computeRisingTerms(input: RisingTermsInput): RisingTerm[] {
  const limit = input.limit ?? 10;
  const minCount = input.minCount ?? 3;
  const weeks = Math.max(1, input.baselineWeeks);
  const excluded = new Set<string>();
  for (const name of input.exclude ?? []) for (const w of name.toLowerCase().match(WORD_RE) ?? []) excluded.add(w);

  const cur = new Map<string, number[]>();
  input.current.forEach((c, i) => {
    for (const t of termsOf(c.text, c.normalized, excluded)) {
      const list = cur.get(t);
      if (list) list.push(i);
      else cur.set(t, [i]);
    }
  });
  const base = new Map<string, number>();
  for (const b of input.baseline) for (const t of termsOf(b.text, b.normalized, excluded)) base.set(t, (base.get(t) ?? 0) + 1);

  const n1 = input.current.length;
  // An empty baseline still gets a comparison: pretend one comment per week without the term.
  const n2 = Math.max(input.baseline.length, weeks);
  const scored: Array<RisingTerm & { idx: number[] }> = [];
  for (const [term, idx] of cur) {
    const a = idx.length;
    if (a < minCount) continue;
    const b = base.get(term) ?? 0;
    // Add-one smoothing on the baseline rate so a term new this week needs real volume to rise.
    if (a / n1 <= (b + 1) / (n2 + 1)) continue;
    const score = logLikelihood(a, n1, b, n2);
    if (score < 3.84) continue; // p < 0.05 for one degree of freedom
    scored.push({ term, count: a, baselineAvg: Math.round((b / weeks) * 100) / 100, score: Math.round(score * 100) / 100, exampleIds: [], idx });
  }
  scored.sort((x, y) => y.score - x.score || y.count - x.count || x.term.localeCompare(y.term));

  // A word that mostly occurs inside a reported bigram adds nothing: "bocor" under "pipa bocor".
  const bigrams = scored.filter((s) => s.term.includes(" "));
  const kept = scored.filter((s) => s.term.includes(" ") || !bigrams.some((bg) => bg.term.split(" ").includes(s.term) && bg.count >= 0.8 * s.count));

  return kept.slice(0, limit).map(({ idx, ...t }) => {
    // Prefer examples with distinct texts (floods are excluded upstream, but replies repeat).
    const seen = new Set<string>();
    const ids: number[] = [];
    for (const i of idx) {
      const key = input.current[i].normalized.trim().toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      ids.push(input.current[i].id);
      if (ids.length === 3) break;
    }
    return { ...t, exampleIds: ids };
  });
}
