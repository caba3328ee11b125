// The stored columns of one analysis. Its own module (no database imports) so NLP worker threads
// load only the pipeline and this (and the column codecs, which are zod only).
import { piiSpansColumn, urgentTermsColumn } from "../db/jsonColumns";
import type { Analysis } from "../nlp/types";

/** What one comment's analysis stores; topics hold the village's topic ids. */
export interface StoredAnalysis {
  normalized: string;
  language: string;
  sentimentLabel: string;
  sentimentScore: number;
  isSpam: boolean;
  spamScore: number;
  piiSpans: string;
  intent: string;
  intentScore: number;
  urgent: boolean;
  urgentTerms: string;
  topics: Array<{ topicId: number; score: number }>;
}

/** The stored columns of one analysis; topics the village does not have are dropped. */
export function toStoredAnalysis(a: Analysis, topicIds: Map<string, number>): StoredAnalysis {
  return {
    normalized: a.normalized,
    language: a.language,
    sentimentLabel: a.sentiment.label,
    sentimentScore: a.sentiment.score,
    isSpam: a.spam.isSpam,
    spamScore: a.spam.score,
    piiSpans: piiSpansColumn.serialise(a.pii),
    intent: a.intent,
    intentScore: a.intentScore,
    urgent: a.urgent,
    urgentTerms: urgentTermsColumn.serialise(a.urgentTerms),
    topics: a.topics.flatMap((t) => {
      const topicId = topicIds.get(t.key);
      return topicId === undefined ? [] : [{ topicId, score: t.score }];
    }),
  };
}
