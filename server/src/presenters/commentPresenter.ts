// Comment row -> DTO. Personal data is redacted here, for every response, until a role allows
// raw view.
import type { CommentDTO, Platform, Sentiment } from "../../../shared/src/contracts";
import { parsePiiSpans, redact } from "../../../jobs/src/nlp/pii";
import type { ListedComment } from "../db/commentRepository";

/** Effective topics: human rows replace model rows when an official corrected them. */
function effectiveTopics(row: ListedComment): CommentDTO["topics"] {
  const origin = row.humanTopicsAt ? "human" : "model";
  const chosen = row.topics.filter((t) => t.origin === origin);
  return chosen
    .map((t) => ({ key: t.topic.key, name: t.topic.nameId, score: t.score, origin: t.origin as "model" | "human" }))
    .sort((a, b) => b.score - a.score);
}

/** Presents one comment; personal data is redacted unless `raw` (allowed roles only, audited). */
export function presentComment(row: ListedComment, opts: { raw?: boolean } = {}): CommentDTO {
  const spans = parsePiiSpans(row.piiSpans);
  let sentiment: CommentDTO["sentiment"] = null;
  if (row.humanSentiment) sentiment = { label: row.humanSentiment as Sentiment, score: 1, origin: "human" };
  else if (row.sentimentLabel) sentiment = { label: row.sentimentLabel as Sentiment, score: row.sentimentScore ?? 0, origin: "model" };
  return {
    id: row.id,
    platform: row.platform as Platform,
    externalId: row.externalId,
    url: row.url,
    author: row.authorName ?? `warga-${row.authorPseudonym.slice(0, 6)}`,
    text: spans.length && !opts.raw ? redact(row.text, spans) : row.text,
    publishedAt: row.publishedAt.toISOString(),
    likeCount: row.likeCount,
    language: row.language,
    sentiment,
    topics: effectiveTopics(row),
    spam: row.isSpam,
    hasPersonalData: spans.length > 0,
    model: row.modelName && row.modelVersion ? { name: row.modelName, version: row.modelVersion } : null,
  };
}
