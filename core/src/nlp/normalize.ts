// Normalisation: the surface clean-up (case, URLs, mentions, hashtags, emoji, elongations,
// reduplication, leetspeak) and then slang -> formal Indonesian. Language identification reads the
// surface form (slang mapping would turn Sundanese "naon" into Indonesian "apa"); sentiment, topics
// and spam read the fully normalised form, which is what gets stored.
import type { NlpContext, Stage } from "./types";
import type { NlpResources, NormalizeResources } from "./resources";
import { wordRecord, type WordRecord } from "./words";

/** Both forms of one comment: `surface` keeps regional words, `normalized` maps slang to formal. */
export interface NormalizedText {
  surface: string;
  normalized: string;
}

/**
 * Both forms and the shared records of their words (the non-empty space-separated parts, in order).
 * When the two forms are equal, `surfaceWords` is the same array as `normalizedWords`: read, never change them.
 */
export interface NormalizedWords extends NormalizedText {
  surfaceWords: readonly WordRecord[];
  normalizedWords: readonly WordRecord[];
  /**
   * Records of the raw tokens of the lower-cased text, when the text is ASCII without links, mentions,
   * hashtags or emoticons (pre-cleaning only lower-cased it, so these tokens hold every letter and
   * digit of the text); null otherwise. The spam stage reads the raw text's words from them.
   */
  rawWords?: readonly WordRecord[] | null;
  /** False only when the text has no non-ASCII character, digit or | $ @ ! and no letter standing alone before a separator (SCAN_SUSPECT). */
  suspect?: boolean;
}

export const URL_TOKEN = "<url>";
export const USER_TOKEN = "@user";
export const EMOJI_TOKENS = { pos: "<emo_pos>", neg: "<emo_neg>", laugh: "<emo_laugh>" } as const;

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9][a-z0-9-]{0,62}\.(?:com|id|net|org|co|ly|io|me|xyz|site|link|vip|club|top|online|info|biz|cc)\b(?:\/\S*)?/gi;
const MENTION_RE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu;
const HASHTAG_RE = /#([\p{L}\p{N}_]+)/gu;
// eslint-disable-next-line no-misleading-character-class -- joiners, selectors and skin tones are listed on purpose: they continue an emoji
const EMOJI_RE = /\p{Extended_Pictographic}[\uFE0F\u200D\u{1F3FB}-\u{1F3FF}\p{Extended_Pictographic}]*/gu;
// Word-ish runs, with the symbols leetspeak uses inside words ("s|ot", "$lot", "w!n").
const TOKEN_RE = /<(?:url|emo_pos|emo_neg|emo_laugh)>|@user|[\p{L}\p{N}$|!@'-]+|[.,?;:]/gu;
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "|": "l", "!": "i", "@": "a", $: "s" };
const ZERO_WIDTH_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const HAS_LETTER_RE = /\p{L}/u;
const HAS_DIGIT_OR_SYMBOL_RE = /[0-9$|!@]/;
const REDUP_RE = /^(\p{L}{3,})2(nya|an|kan|i|lah)?$/u;
const ELONG_RE = /(\p{L})\1{2,}/gu;
const DOUBLE_RE = /(\p{L})\1/gu;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const emoticonReCache = new WeakMap<NormalizeResources, RegExp>();
function emoticonRe(res: NormalizeResources): RegExp {
  let re = emoticonReCache.get(res);
  if (!re) {
    // Emoticons stand alone or follow a word ("mantap:)"), never inside numbers ("10:30").
    const alts = res.emoticons.map(([s]) => escapeRe(s)).join("|");
    re = new RegExp(`(?<![\\p{N}:;=])(?:${alts})(?![\\p{L}\\p{N}])`, "gu");
    emoticonReCache.set(res, re);
  }
  return re;
}

/** Splits a hashtag body: camelCase and underscores first, else a greedy dictionary split. */
export function splitHashtag(body: string, vocab: Set<string>): string {
  if (/[a-z][A-Z]/.test(body) || body.includes("_")) {
    return body.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  }
  const lower = body.toLowerCase();
  if (vocab.has(lower) || lower.length > 40) return lower;
  // Dynamic programming over dictionary words: the split with the fewest words wins.
  const n = lower.length;
  const best: Array<number[] | null> = new Array(n + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const cur = best[i];
    if (!cur) continue;
    for (let j = i + 2; j <= Math.min(n, i + 20); j++) {
      if (!vocab.has(lower.slice(i, j))) continue;
      const next = best[j];
      if (!next || next.length > cur.length + 1) best[j] = [...cur, j];
    }
  }
  const cuts = best[n];
  if (!cuts || cuts.length > 4) return lower;
  const words: string[] = [];
  let start = 0;
  for (const c of cuts) {
    words.push(lower.slice(start, c));
    start = c;
  }
  return words.join(" ");
}

/** Undoes leetspeak inside a word ("g4cor" -> gacor, "s|ot" -> slot, "$lot" -> slot). */
export function undoLeet(token: string, vocab: Set<string>): string {
  if (!HAS_DIGIT_OR_SYMBOL_RE.test(token) || !HAS_LETTER_RE.test(token)) return token;
  let out = "";
  let changed = false;
  const chars = [...token];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const rep = LEET[c];
    if (rep !== undefined) {
      const prevLetter = i > 0 && /\p{L}/u.test(chars[i - 1]);
      const nextLetter = i + 1 < chars.length && /\p{L}/u.test(chars[i + 1]);
      // Only symbols between letters ("g4cor") or a leading "$" ("$lot"); "rt05", "covid19" stay.
      if ((prevLetter && nextLetter) || (i === 0 && c === "$" && nextLetter)) {
        out += rep;
        changed = true;
        continue;
      }
    }
    out += c;
  }
  if (!changed) return token;
  // "1" is both i and l: "s1ot" is slot, "m4xw1n" is maxwin.
  if (!vocab.has(out) && token.includes("1")) {
    const alt = out.replace(/i/g, (m, idx: number) => (token[idx] === "1" ? "l" : m));
    if (vocab.has(alt)) return alt;
  }
  return out;
}

function hasTripleLetter(token: string): boolean {
  for (let i = 2; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === token.charCodeAt(i - 1) && c === token.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** Collapses elongations ("bagusss" -> bagus, "maaaaf" -> maaf) using the word list to decide. */
export function collapseElongation(token: string, vocab: Set<string>): string {
  if (!hasTripleLetter(token)) return token;
  // Single letters first: elongation is emphasis ("mantaaap"), doubles are rare ("maaf", "saat").
  const one = token.replace(ELONG_RE, "$1");
  if (vocab.has(one)) return one;
  const two = token.replace(ELONG_RE, "$1$1");
  if (vocab.has(two)) return two;
  const allSingle = two.replace(DOUBLE_RE, "$1");
  if (vocab.has(allSingle)) return allSingle;
  return one;
}

/** Cleans one raw token to its surface form (no slang mapping). Returns "" to drop it. */
function surfaceToken(raw: string, res: NormalizeResources): string {
  // Fast path: a plain lower-case word needs only the elongation check.
  if (ASCII_WORD_RE.test(raw)) return collapseElongation(raw, res.vocab);
  let tok = raw;
  // Trailing/leading symbols are punctuation, not leetspeak ("bagus!!", "'kata'").
  tok = tok.replace(/^[|!@'-]+/, "").replace(/(?<![$|!@'-])[$|!@'-]+$/, "");
  if (tok.length === 0) return "";
  const redup = REDUP_RE.exec(tok);
  if (redup) return `${redup[1]}-${redup[1]}${redup[2] ?? ""}`;
  tok = undoLeet(tok, res.vocab);
  tok = collapseElongation(tok, res.vocab);
  return tok;
}

export const MAYBE_URL_RE = /https?:|www\.|\.[a-z]{2,}/i;
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL by definition
const NON_ASCII_RE = /[^\x00-\x7f]/;
export const MAYBE_EMOTICON_RE = /[:;=^<]|[-T]_|[xX]D/;
const ASCII_WORD_RE = /^[a-z]+$/;

// What one scan of an ASCII comment finds: the triggers of preClean's passes, exactly as
// MAYBE_URL_RE, "@", "#" and MAYBE_EMOTICON_RE would find them.
export const SCAN_NON_ASCII = 1;
export const SCAN_URL = 2;
export const SCAN_AT = 4;
export const SCAN_HASH = 8;
export const SCAN_EMOTICON = 16;
/**
 * A character the spam stage's obfuscation check looks for: a digit or | $ @ !, or a letter at the
 * start of the text or after white space followed by white space or . - _ * (spaced letters "s l o t").
 * Found in the same pass so the spam stage need not scan the text again.
 */
export const SCAN_SUSPECT = 32;

const isSpaceCode = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** Trigger bits of `text` (SCAN_NON_ASCII and nothing else when it has a non-ASCII character). */
export function scanTriggers(text: string): number {
  let bits = 0;
  const n = text.length;
  let afterSpace = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // A lower-case letter (most characters) can only start spaced letters: the tests below are all
    // for other characters, so it skips them (same bits).
    if (c >= 97 && c <= 122) {
      if (afterSpace && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (isSpaceCode(d) || d === 46 || d === 45 || d === 95 || d === 42) bits |= SCAN_SUSPECT;
      }
      afterSpace = false;
      continue;
    }
    if (c === 32) {
      afterSpace = true;
      continue;
    }
    if (afterSpace && isAsciiLetter(c) && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (isSpaceCode(d) || d === 46 || d === 45 || d === 95 || d === 42) bits |= SCAN_SUSPECT;
    }
    afterSpace = isSpaceCode(c);
    if (c < 65) {
      if ((c >= 48 && c <= 57) || c === 33 || c === 36 || c === 64) bits |= SCAN_SUSPECT;
      // . : ; = < @ # and the digits/space/punctuation below "A"
      if (c === 46) {
        // "\.[a-z]{2,}" or "www\."
        if ((i + 2 < n && isAsciiLetter(text.charCodeAt(i + 1)) && isAsciiLetter(text.charCodeAt(i + 2))) || (i >= 3 && text.slice(i - 3, i).toLowerCase() === "www")) bits |= SCAN_URL;
      } else if (c === 58) {
        bits |= SCAN_EMOTICON;
        // "https?:"
        if ((i >= 4 && text.slice(i - 4, i).toLowerCase() === "http") || (i >= 5 && text.slice(i - 5, i).toLowerCase() === "https")) bits |= SCAN_URL;
      } else if (c === 59 || c === 61 || c === 60) bits |= SCAN_EMOTICON;
      else if (c === 64) bits |= SCAN_AT;
      else if (c === 35) bits |= SCAN_HASH;
    } else if (c > 127) return SCAN_NON_ASCII;
    else if (c === 94) bits |= SCAN_EMOTICON; // ^
    else if (c === 124) bits |= SCAN_SUSPECT; // |
    else if (c === 95) {
      // "[-T]_"
      if (i > 0 && (text.charCodeAt(i - 1) === 45 || text.charCodeAt(i - 1) === 84)) bits |= SCAN_EMOTICON;
    } else if (c === 68 && i > 0 && (text.charCodeAt(i - 1) | 32) === 120) bits |= SCAN_EMOTICON; // [xX]D
  }
  return bits;
}

function preClean(text: string, res: NormalizeResources, triggers: number): string {
  // An ASCII comment without links, mentions or hashtags (most of them) is only lower-cased, and
  // its emoticons replaced when the scan saw one; the others take every pass the regexes call for.
  if ((triggers & (SCAN_NON_ASCII | SCAN_URL | SCAN_AT | SCAN_HASH)) === 0) {
    return (triggers & SCAN_EMOTICON ? replaceEmoticons(text, res) : text).toLowerCase();
  }
  // Each pass runs only when its trigger character is present: most comments need few of them.
  let s = text;
  if (NON_ASCII_RE.test(s)) s = s.normalize("NFKC").replace(ZERO_WIDTH_RE, "");
  if (MAYBE_URL_RE.test(s)) s = s.replace(URL_RE, ` ${URL_TOKEN} `);
  if (s.includes("@")) s = s.replace(MENTION_RE, `$1 ${USER_TOKEN} `);
  if (s.includes("#")) s = s.replace(HASHTAG_RE, (_m, body: string) => ` ${splitHashtag(body, res.vocab)} `);
  if (NON_ASCII_RE.test(s)) {
    s = s.replace(EMOJI_RE, (m) => {
      const pol = res.emoji.get(String.fromCodePoint(m.codePointAt(0)!));
      return pol ? ` ${EMOJI_TOKENS[pol]} ` : " ";
    });
  }
  if (MAYBE_EMOTICON_RE.test(s)) s = replaceEmoticons(s, res);
  return s.toLowerCase();
}

function replaceEmoticons(s: string, res: NormalizeResources): string {
  return s.replace(emoticonRe(res), (m) => {
    const hit = res.emoticons.find(([sym]) => sym === m);
    return hit ? ` ${EMOJI_TOKENS[hit[1]]} ` : " ";
  });
}

/** What one raw token becomes: its surface and formal forms and the records of their words. */
interface TokenForms {
  /** The raw token (the key in RawTokenTable). */
  raw: string;
  tok: string;
  formal: string;
  /** tok === formal, decided once (FormsBuilder reads it per token without touching the strings). */
  same: boolean;
  surfaceWord: WordRecord | null;
  /** The raw token's own record (NormalizedWords.rawWords). */
  rawWord: WordRecord;
  /** The formal words' records when there are none or several (a multi-word slang value); empty when formal1 holds the one. */
  formalWords: readonly WordRecord[];
  /** The only formal word's record when there is exactly one (nearly always): no array is kept for it. */
  formal1: WordRecord | null;
}

// Shared by every token with exactly one formal word (formal1) or none: never changed.
const NO_WORDS: readonly WordRecord[] = [];

function tokenForms(raw: string, tok: string, formal: string): TokenForms {
  let formal1: WordRecord | null = null;
  let formalWords = NO_WORDS;
  // A slang value may be several words ("dan lain-lain"); stages split the normalised text on spaces.
  if (formal.includes(" ")) {
    const words: WordRecord[] = [];
    for (const p of formal.split(" ")) if (p.length > 0) words.push(wordRecord(p));
    if (words.length === 1) formal1 = words[0];
    else formalWords = words;
  } else if (formal.length > 0) formal1 = wordRecord(formal);
  // Nearly always the word is its own formal form: its record was just looked up.
  const surfaceWord = tok.length === 0 ? null : tok === formal && formal1 !== null ? formal1 : wordRecord(tok);
  return {
    raw, tok, formal, same: tok === formal, surfaceWord, rawWord: surfaceWord !== null && tok === raw ? surfaceWord : wordRecord(raw), formalWords, formal1,
  };
}

const PLACEHOLDERS = ["<url>", "<emo_pos>", "<emo_neg>", "<emo_laugh>"];

function isAsciiWordChar(c: number): boolean {
  // a-z 0-9 $ | ! @ ' -  (the symbols leetspeak uses inside words)
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 36 || c === 124 || c === 33 || c === 64 || c === 39 || c === 45;
}

/**
 * Raw tokens of pre-cleaned text: placeholders, word-ish runs and single punctuation marks. A char
 * scanner for ASCII text (the common case, several times faster); TOKEN_RE for everything else.
 */
export function rawTokens(s: string): string[] {
  if (NON_ASCII_RE.test(s)) return s.match(TOKEN_RE) ?? [];
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 60 /* < */) {
      const ph = PLACEHOLDERS.find((p) => s.startsWith(p, i));
      if (ph) {
        out.push(ph);
        i += ph.length;
        continue;
      }
    }
    if (isAsciiWordChar(c)) {
      let j = i + 1;
      while (j < n && isAsciiWordChar(s.charCodeAt(j))) j++;
      out.push(s.slice(i, j));
      i = j;
      continue;
    }
    if (c === 46 || c === 44 || c === 63 || c === 59 || c === 58) out.push(s[i]);
    i++;
  }
  return out;
}

/** Normalises one comment into its surface and fully normalised forms (tokens joined by spaces). */
export function normalizeText(text: string, res: NormalizeResources): NormalizedText {
  const { surface, normalized } = normalizeWords(text, res);
  return { surface, normalized };
}

/**
 * Raw token -> its forms, found by hashing the token's characters where they lie in the text: a
 * known token (nearly all of them) costs no substring and no Map look-up. Open addressing, FNV-1a,
 * bounded (cleared when full; entries are pure functions of the token).
 * A look-up is a chain of dependent cache misses, so the table keeps its keys' characters itself:
 * a slot holds the hash, the entry, and where its key's characters lie in one flat buffer, so a hit
 * reads the slot, the key's characters and the entry (not the entry and then its key string). The
 * slots grow with the entries (load at most one half), so a few thousand words take little cache.
 */
class RawTokenTable {
  // Quads (hash, entry + 1, key offset in `keys`, key length).
  private slots = new Int32Array(4 << 12);
  private keys = new Uint16Array(1 << 16);
  private keyEnd = 0;
  private values: TokenForms[] = [];
  private static readonly MAX = 100_000;

  /** The entry for s[start, end) with hash h, or undefined. */
  get(s: string, start: number, end: number, h: number): TokenForms | undefined {
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    const len = end - start;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const o = i << 2;
      const e = slots[o + 1];
      if (e === 0) return undefined;
      if (slots[o] !== h || slots[o + 3] !== len) continue;
      const keys = this.keys;
      const k = slots[o + 2] - start;
      let c = start;
      while (c < end && keys[k + c] === s.charCodeAt(c)) c++;
      if (c === end) return this.values[e - 1];
    }
  }

  /** Adds `value` under its key `value.raw`, whose hash is h. */
  set(h: number, value: TokenForms): void {
    if (this.values.length >= RawTokenTable.MAX) {
      this.slots = new Int32Array(4 << 12);
      this.keyEnd = 0;
      this.values.length = 0;
    }
    if ((this.values.length + 1) * 2 > this.slots.length >> 2) this.grow();
    const raw = value.raw;
    if (this.keyEnd + raw.length > this.keys.length) {
      const keys = new Uint16Array(Math.max(this.keys.length * 2, this.keyEnd + raw.length));
      keys.set(this.keys.subarray(0, this.keyEnd));
      this.keys = keys;
    }
    const off = this.keyEnd;
    for (let c = 0; c < raw.length; c++) this.keys[off + c] = raw.charCodeAt(c);
    this.keyEnd += raw.length;
    this.values.push(value);
    this.place(this.slots, h, this.values.length, off, raw.length);
  }

  private place(slots: Int32Array, h: number, entry: number, off: number, len: number): void {
    const mask = (slots.length >> 2) - 1;
    let i = h & mask;
    while (slots[(i << 2) + 1] !== 0) i = (i + 1) & mask;
    const o = i << 2;
    slots[o] = h;
    slots[o + 1] = entry;
    slots[o + 2] = off;
    slots[o + 3] = len;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let o = 0; o < old.length; o += 4) if (old[o + 1] !== 0) this.place(slots, old[o], old[o + 1], old[o + 2], old[o + 3]);
    this.slots = slots;
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

const rawTables = new WeakMap<NormalizeResources, RawTokenTable>();
// The resources of the last call and their table (nearly every call passes the same resources).
let lastRes: NormalizeResources | null = null;
let lastTable: RawTokenTable | undefined;

// Punctuation marks are a handful of words: their records are held here, not looked up per comment.
const PUNCT_RECORDS = new Map([".", ",", "?", ";", ":", "!"].map((p) => [p, wordRecord(p)]));
const BANG = PUNCT_RECORDS.get("!")!;
// Placeholders and @user are kept as they are (no leetspeak or slang mapping).
const PLACEHOLDER_FORMS = new Map([...PLACEHOLDERS, USER_TOKEN].map((p) => [p, tokenForms(p, p, p)]));

/** The forms of the word token s[start, end) with hash h (a word-ish run, not a placeholder). */
function wordForms(s: string, start: number, end: number, h: number, table: RawTokenTable, res: NormalizeResources): TokenForms {
  let hit = table.get(s, start, end, h);
  if (hit === undefined) {
    const raw = s.slice(start, end);
    const t = surfaceToken(raw, res);
    hit = tokenForms(raw, t, res.slang.get(t) ?? t);
    table.set(h, hit);
  }
  return hit;
}

/**
 * Collects both forms and their word records, token by token, with normalizeText's punctuation rules.
 * Until a token's formal form differs from its surface form (no slang met yet), only the normalised
 * side is written: a comment without slang gets one token list, one join and one record array, shared
 * by both forms (the same string and the same array), and the surface side is copied from the
 * normalised one at the first difference.
 */
class FormsBuilder {
  normalized: string[] = [];
  normalizedWords: WordRecord[] = [];
  /** Null while the surface form equals the normalised form. */
  surface: string[] | null = null;
  surfaceWords: WordRecord[] | null = null;
  /** Tokens written so far (on the surface side). */
  count = 0;
  lastPunct = "";
  /** The raw tokens' records, when collected (see NormalizedWords.rawWords). */
  raw: WordRecord[] | null = null;

  punct(p: string): void {
    // One punctuation mark per run: it bounds negation scope; repeats carry nothing more.
    if (this.lastPunct !== p && this.count > 0) {
      const r = p === "!" ? BANG : (PUNCT_RECORDS.get(p) ?? wordRecord(p));
      this.normalized.push(p);
      this.normalizedWords.push(r);
      if (this.surface !== null) {
        this.surface.push(p);
        this.surfaceWords!.push(r);
      }
      this.count++;
    }
    this.lastPunct = p;
  }

  word(hit: TokenForms, bang: boolean): void {
    if (this.raw !== null) this.raw.push(hit.rawWord);
    const sw = hit.surfaceWord;
    if (sw !== null) {
      if (this.surface === null && !hit.same) {
        this.surface = this.normalized.slice();
        this.surfaceWords = this.normalizedWords.slice();
      }
      this.normalized.push(hit.formal);
      const f1 = hit.formal1;
      if (f1 !== null) this.normalizedWords.push(f1);
      else {
        const fw = hit.formalWords;
        for (let k = 0; k < fw.length; k++) this.normalizedWords.push(fw[k]);
      }
      if (this.surface !== null) {
        this.surface.push(hit.tok);
        this.surfaceWords!.push(sw);
      }
      this.count++;
      this.lastPunct = "";
    }
    if (bang) this.punct("!");
  }

  finish(suspect: boolean): NormalizedWords {
    const { normalized, normalizedWords } = this;
    // Trailing . , ; : are dropped (a trailing mark is one token on both sides: a word never ends in one).
    // No read past either end: a comment without tokens (first met on a cold pass) would otherwise read
    // index -1, and the optimised code would be thrown away and compiled again for that one case.
    while (normalized.length > 0 && isTrailingMark(normalized[normalized.length - 1])) {
      normalized.pop();
      normalizedWords.pop();
      if (this.surface !== null) {
        this.surface.pop();
        this.surfaceWords!.pop();
      }
    }
    const norm = normalized.join(" ");
    const rawWords = this.raw;
    if (this.surface === null) return { surface: norm, normalized: norm, surfaceWords: normalizedWords, normalizedWords, rawWords, suspect };
    return { surface: this.surface.join(" "), normalized: norm, surfaceWords: this.surfaceWords!, normalizedWords, rawWords, suspect };
  }
}

// Compared by character code: a one-letter word that is no internalised string (a non-ASCII letter) then
// reaches no string comparison specialised for the marks, which would send the caller back to the interpreter.
function isTrailingMark(t: string): boolean {
  if (t.length !== 1) return false;
  const c = t.charCodeAt(0);
  return c === 46 || c === 44 || c === 59 || c === 58; // . , ; :
}

/** normalizeText plus the word records every later stage reads (one look-up per raw token). */
export function normalizeWords(text: string, res: NormalizeResources): NormalizedWords {
  let table = res === lastRes ? lastTable : rawTables.get(res);
  if (!table) rawTables.set(res, (table = new RawTokenTable()));
  lastRes = res;
  lastTable = table;
  const triggers = scanTriggers(text);
  const s = preClean(text, res, triggers);
  const out = new FormsBuilder();
  // Pre-cleaning only lower-cases such a text: its raw tokens are the lower-cased text's words.
  if ((triggers & ~SCAN_SUSPECT) === 0) out.raw = [];
  const suspect = (triggers & (SCAN_SUSPECT | SCAN_NON_ASCII)) !== 0;
  // An ASCII comment stays ASCII through preClean (its replacements are ASCII placeholders and words).
  if (triggers & SCAN_NON_ASCII && NON_ASCII_RE.test(s)) {
    for (const raw of rawTokens(s)) {
      if (raw.length === 1 && ".,?;:".includes(raw)) out.punct(raw);
      else {
        const ph = PLACEHOLDER_FORMS.get(raw);
        const bang = (raw.length > 1 && raw.endsWith("!") && !raw.startsWith("<")) || raw === "!";
        out.word(ph ?? wordForms(raw, 0, raw.length, hashRange(raw, 0, raw.length), table, res), bang);
      }
    }
    return out.finish(suspect);
  }
  // ASCII (most comments): the same tokens as rawTokens, read in place.
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 60 /* < */) {
      const ph = PLACEHOLDERS.find((p) => s.startsWith(p, i));
      if (ph) {
        out.word(PLACEHOLDER_FORMS.get(ph)!, false);
        i += ph.length;
        continue;
      }
    }
    if (isAsciiWordChar(c)) {
      // The token's hash is taken while finding its end (one pass over its characters).
      let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      let j = i + 1;
      for (let d = s.charCodeAt(j); j < n && isAsciiWordChar(d); d = s.charCodeAt(++j)) h = Math.imul(h ^ d, FNV_PRIME);
      // "!" ends a word ("bagus!") or stands alone: either way one "!" follows the word.
      const bang = s.charCodeAt(j - 1) === 33;
      const user = j - i === USER_TOKEN.length && s.startsWith(USER_TOKEN, i);
      out.word(user ? PLACEHOLDER_FORMS.get(USER_TOKEN)! : wordForms(s, i, j, h, table, res), bang);
      i = j;
      continue;
    }
    if (c === 46 || c === 44 || c === 63 || c === 59 || c === 58) out.punct(s[i]);
    i++;
  }
  return out.finish(suspect);
}

/** Pipeline stage: raw comment -> both normalised forms. */
export const normalize: Stage<string, NormalizedText> = (text: string, ctx: NlpContext) =>
  normalizeText(text, (ctx.resources.nlp as NlpResources).normalize);
