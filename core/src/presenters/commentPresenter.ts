// Comment row -> DTO. Personal data is redacted here, for every response, until a role allows
// raw view: in the text, in the link and in the author's name.
import { NEEDS_REPLY_INTENTS, type CommentDTO, type CommentDetailDTO, type Intent, type Platform, type Sentiment } from "@suara-desa/shared/contracts";
import { piiSpansColumn, urgentTermsColumn } from "../db/jsonColumns";
import { findPii, nameHasPersonalData, redactLink, redactPersonalData } from "../nlp/pii";
import type { ListedComment } from "../db/commentRepository";
import { baseVersion, readModelCard, type ModelCard } from "../nlp/modelCard";
import { MODEL } from "../nlp/pipeline";
import { createHmac } from "node:crypto";
import { secrets } from "../secrets";

/** A listed comment, optionally knowing whether the village's own account wrote it (threads). */
export type PresentableComment = ListedComment & { fromVillage?: boolean };

/** Effective topics: human rows replace model rows when an official corrected them. */
function effectiveTopics(row: ListedComment): CommentDTO["topics"] {
  const origin = row.humanTopicsAt ? "human" : "model";
  const chosen = row.topics.filter((t) => t.origin === origin);
  return chosen
    .map((t) => ({ key: t.topic.key, name: t.topic.nameId, score: t.score, origin: t.origin as "model" | "human" }))
    .sort((a, b) => b.score - a.score);
}

// The label key is derived from the install's pseudonym secret: labels change with it, like the pseudonyms.
const labelKeys = new Map<string, Buffer>();
function labelKey(): Buffer {
  const secret = secrets().pseudonymSecret;
  let key = labelKeys.get(secret);
  if (!key) {
    key = createHmac("sha256", secret).update("author-label").digest();
    labelKeys.clear();
    labelKeys.set(secret, key);
  }
  return key;
}

/**
 * The pseudonym every role sees instead of a resident's name: stable within the village, different in every
 * village (the stored pseudonym is the same wherever one platform account writes, so a label cut from it would let
 * the officials of two villages join their lists and exports on the same resident).
 */
export function authorPseudonymLabel(pseudonym: string, villageId: number): string {
  return `warga-${createHmac("sha256", labelKey()).update(`${villageId}:${pseudonym}`).digest("hex").slice(0, 6)}`;
}

/**
 * The author as shown: the name only with `raw` (roles allowed raw personal data, audited) or
 * when the village's own account wrote it (an office, not a resident); the pseudonym otherwise.
 * A "name" that is a phone number, e-mail or NIK (a WhatsApp sender saved as a number, an e-mail
 * typed as the display name) is never shown, to any role: it is an identifier, not a name.
 */
export function presentAuthor(row: { villageId: number; authorName: string | null; authorPseudonym: string; fromVillage?: boolean }, raw: boolean): string {
  const name = row.authorName?.trim();
  if (!name || nameHasPersonalData(name) || !(raw || row.fromVillage)) return authorPseudonymLabel(row.authorPseudonym, row.villageId);
  return name;
}

/**
 * A link as shown: a wa.me link (or any link carrying a phone or e-mail) is masked unless `raw`, and
 * a post on X is linked without its author's username (x.com/<username>/status/<id> names the author
 * the pseudonym stands for; x.com/i/web/status/<id> opens the same post).
 */
export function presentUrl(url: string | null, raw: boolean): string | null {
  if (!url || raw) return url;
  return redactLink(url.replace(/^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:x|twitter)\.com\/[^/?#]+\/status(?:es)?\//i, "https://x.com/i/web/status/"));
}

/**
 * Free text written by officials (a case note, "diteruskan ke", its reference, a reason, a public
 * title) or named after a chat (a source's name): masked like a comment's text unless `raw`.
 */
export function presentOfficialText<T extends string | null>(text: T, raw: boolean): T {
  return (text === null || raw ? text : redactPersonalData(text).text) as T;
}

/** Presents one comment; personal data is redacted unless `raw` (allowed roles only, audited). */
export function presentComment(row: PresentableComment, opts: { raw?: boolean } = {}): CommentDTO {
  const raw = opts.raw ?? false;
  const stored = piiSpansColumn.parse(row.piiSpans);
  // The stored spans come from the detector of the comment's model version; the text is checked
  // again so forms found by a newer detector are masked before `npm run retag` reaches the row.
  const redacted = raw ? null : redactPersonalData(row.text, stored);
  let sentiment: CommentDTO["sentiment"] = null;
  if (row.humanSentiment) sentiment = { label: row.humanSentiment as Sentiment, score: 1, origin: "human" };
  else if (row.sentimentLabel) sentiment = { label: row.sentimentLabel as Sentiment, score: row.sentimentScore ?? 0, origin: "model" };
  let intent: CommentDTO["intent"] = null;
  if (row.humanIntent) intent = { label: row.humanIntent as Intent, score: 1, origin: "human" };
  else if (row.intent) intent = { label: row.intent as Intent, score: row.intentScore ?? 0, origin: "model" };
  const urgent: CommentDTO["urgent"] = row.humanUrgent !== null && row.humanUrgent !== undefined
    ? { value: row.humanUrgent, terms: [], origin: "human" }
    : { value: row.urgent, terms: row.urgent ? urgentTermsColumn.parse(row.urgentTerms) : [], origin: "model" };
  return {
    id: row.id,
    platform: row.platform as Platform,
    url: presentUrl(row.url, raw),
    author: presentAuthor(row, raw),
    text: redacted ? redacted.text : row.text,
    publishedAt: row.publishedAt.toISOString(),
    likeCount: row.likeCount,
    language: row.language,
    sentiment,
    topics: effectiveTopics(row),
    intent,
    urgent,
    needsReply: !row.isSpam && !row.fromVillage && intent !== null && NEEDS_REPLY_INTENTS.includes(intent.label),
    spam: row.isSpam,
    hasPersonalData: redacted ? redacted.found : stored.length > 0 || findPii(row.text).length > 0,
    model: row.modelName && row.modelVersion ? { name: row.modelName, version: row.modelVersion, accuracy: measuredAccuracy(row.modelName, row.modelVersion) } : null,
  };
}

/** The post a comment answers; its text and link are redacted like a comment's unless `raw`. */
export function presentPost(
  post: { platform: string; externalId: string; text: string; url: string | null; publishedAt: Date },
  opts: { raw?: boolean } = {},
): NonNullable<CommentDetailDTO["post"]> {
  const raw = opts.raw ?? false;
  return {
    platform: post.platform as Platform,
    externalId: post.externalId,
    text: raw ? post.text : redactPersonalData(post.text).text,
    url: presentUrl(post.url, raw),
    publishedAt: post.publishedAt.toISOString(),
  };
}

let card: ModelCard | null | undefined;

/** Test-split sentiment accuracy range from the model card, only for the version it measured. */
function measuredAccuracy(name: string, version: string): { min: number; max: number } | null {
  if (card === undefined) card = readModelCard();
  if (!card || name !== MODEL.name || version.split("+")[0] !== baseVersion(card.pipelineVersion) || card.sentiment.model.length === 0) return null;
  const acc = card.sentiment.model.map((f) => f.accuracy);
  return { min: Math.min(...acc), max: Math.max(...acc) };
}
