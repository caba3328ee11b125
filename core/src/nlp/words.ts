// One record per distinct word, shared by every stage of the pipeline. Normalisation looks a raw
// token up once and hands the stages the records of its surface and formal words; each stage keeps
// what it derives from a word (hashes, cue bits, model contributions, topic forms) in that record,
// so a comment costs one map look-up per token instead of one per token per stage. The string
// stages (tokenizeText, identifyLanguage, featurize, ...) stay as they were for training and tests;
// the record paths must give the same results (the NLP golden hash, test/bench/nlpGolden.ts, checks).

/** The punctuation marks of the normalised text that are no word: tokenize drops them. */
export const PUNCT_TOKENS: ReadonlySet<string> = new Set([".", ",", "?", "!", ";", ":"]);

// Shared by records whose topic tokens were never listed (one-token words keep theirs in topicToken1): never changed.
const NO_TOKENS: never[] = [];

/**
 * A word as it appears between single spaces in the surface or normalised text (placeholders and
 * punctuation marks included). Stage slots start empty and are filled on first use; a slot that
 * depends on a model remembers which one (`*For`), so another model never reads stale values.
 */
export class WordRecord {
  // Slots are declared in the order the pipeline reads them per word (language, intent, sentiment,
  // topics, spam), the ones read only on a word's first sight or in rare cases last: a record spans
  // several cache lines, and the stages of one comment then touch fewer of them.
  readonly text: string;
  /** A punctuation mark of the normalised text (. , ? ! ; :): tokenize drops these; decided once per word, not per comment. */
  readonly punct: boolean;
  // language.ts
  langFor: object | null = null;
  langEnglishFor: Set<string> | null = null;
  langToken = false;
  langEnglish = false;
  /** The word's language-model scores (3 classes), valid when langScored. */
  langScored = false;
  langS0 = 0;
  langS1 = 0;
  langS2 = 0;
  // intent.ts
  intentDone = false;
  /** Lower-cased token, or null when the word is punctuation only (dropped by intent). */
  intentToken: string | null = null;
  intentInfo: unknown = null;
  // sentimentModel.ts
  sentFor: object | null = null;
  /** 0 word, 1 punctuation mark, 2 clause-break word ("tapi"). */
  sentKind = 0;
  sentHash = 0;
  /** Bucket of the bridged Indonesian word, or -1. */
  sentBridge = -1;
  sentNegator = false;
  /** Summed char-gram weights of " w " (3 classes) and their count (integers for the shipped model). */
  sentC0 = 0;
  sentC1 = 0;
  sentC2 = 0;
  sentCn = 0;
  // topics.ts
  topicFor: object | null = null;
  /** When the word is exactly one topic token (most words): that token and its info, read without the arrays. */
  topicToken1: string | null = null;
  topicInfo1: unknown = null;
  // spam.ts
  spamBits = -1;
  // Read only in a negation's scope, for words of several topic tokens, or in batches.
  sentNegHash = 0;
  topicTokens: string[] = NO_TOKENS;
  topicInfos: unknown[] = NO_TOKENS;
  /** The words of the lower-cased text that count for the flood key (floodKeyWords), or null before first use. */
  floodParts: string[] | null = null;

  constructor(text: string) {
    this.text = text;
    this.punct = PUNCT_TOKENS.has(text);
  }
}

const WORDS = new Map<string, WordRecord>();
// Bounded so a stream of unique junk cannot grow memory without limit; records still held by the
// normaliser's memo stay valid (every slot is a pure function of the word and the model).
const WORDS_MAX = 200_000;

/** The shared record of one word (created on first sight). */
export function wordRecord(text: string): WordRecord {
  let r = WORDS.get(text);
  if (r === undefined) {
    if (WORDS.size >= WORDS_MAX) WORDS.clear();
    r = new WordRecord(text);
    WORDS.set(text, r);
  }
  return r;
}

/** Records of the non-empty space-separated parts of `s` (how every stage splits its input). */
export function wordRecords(s: string): WordRecord[] {
  const out: WordRecord[] = [];
  for (const p of s.split(" ")) if (p.length > 0) out.push(wordRecord(p));
  return out;
}
