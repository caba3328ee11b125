// The NLP pipeline's stage interface. Stages are pure: no I/O, no clock; everything they need
// (lexicons, models, the topic taxonomy) is in the context, loaded once.
import type { Language, Sentiment } from "@suara-desa/shared/contracts";

/** A topic as the tagger sees it: the global taxonomy plus a village's own additions. */
export interface TopicRule {
  key: string;
  nameId: string;
  nameEn: string;
  descriptionId?: string;
  descriptionEn?: string;
  /** Keywords or phrases (lower-case, formal Indonesian or regional forms); matched on stems. */
  keywords: string[];
}

export type PiiType = "nik" | "kk" | "phone" | "email";
export interface PiiSpan { type: PiiType; start: number; end: number }

export interface SentimentResult { label: Sentiment; score: number }
export interface TopicScore { key: string; score: number }
export interface SpamResult { isSpam: boolean; score: number; reason: string | null }
export type IntentLabel = "keluhan" | "pertanyaan" | "usulan" | "apresiasi" | "lainnya";
export interface IntentResult { label: IntentLabel; score: number }
/** Life, health or home at risk now; `urgentTerms` are the words that triggered it (empty if not urgent). */
export interface UrgencyResult { urgent: boolean; score: number; urgentTerms: string[] }

/** Everything the pipeline says about one comment. Offsets in `pii` refer to the original text. */
export interface Analysis {
  text: string;
  normalized: string;
  tokens: string[];
  language: Language;
  sentiment: SentimentResult;
  topics: TopicScore[];
  spam: SpamResult;
  pii: PiiSpan[];
  intent: IntentLabel;
  intentScore: number;
  urgent: boolean;
  urgentTerms: string[];
}

export interface ModelInfo { name: string; version: string }

/** Loaded once per process (or per taxonomy change); never rebuilt per call. */
export interface NlpContext {
  topics: TopicRule[];
  // Stage-specific resources (lexicons, weights) live behind this; stages cast what they own.
  resources: Record<string, unknown>;
}

export type Stage<I, O> = (input: I, ctx: NlpContext) => O;

export interface Pipeline {
  model: ModelInfo;
  analyze(text: string): Analysis;
  /** Batch form: also flags copy-paste floods (the same text posted many times in the batch). */
  analyzeBatch(texts: string[]): Analysis[];
}
