// Tokenisation of the normalised text. Normalisation already put single spaces between tokens, so
// this only splits and drops punctuation (which mattered for negation scope, not as a word).
import type { NlpContext, Stage } from "./types";
import { PUNCT_TOKENS as PUNCT, type WordRecord } from "./words";

/** Splits normalised text into word tokens (placeholders like <url> and <emo_pos> included). */
export function tokenizeText(normalized: string): string[] {
  const out: string[] = [];
  for (const t of normalized.split(" ")) {
    if (t.length === 0 || PUNCT.has(t)) continue;
    // Multi-word slang values ("dan lain-lain") arrive as one string with spaces; split handles them.
    out.push(t);
  }
  return out;
}

/** Pipeline stage: normalised text -> tokens. */
export const tokenize: Stage<string, string[]> = (normalized: string, _ctx: NlpContext) => tokenizeText(normalized);

/** tokenizeText over the normaliser's word records (same tokens, no second split). */
export function tokenizeWords(words: readonly WordRecord[]): string[] {
  const out: string[] = [];
  // The record knows whether its word is in PUNCT (WordRecord.punct): no set look-up per word.
  for (const w of words) if (!w.punct) out.push(w.text);
  return out;
}
