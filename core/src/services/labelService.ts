// Comment detail, and officials' corrections of a comment's sentiment and topics. A correction wins
// over the model in every statistic, so the comment's day is re-rolled immediately.
import type { CommentDetailDTO, CommentLabelsInput } from "@suara-desa/shared/contracts";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { findCommentRef, getCommentThread } from "../db/commentRepository";
import { applyHumanLabels } from "../db/labelRepository";
import { findTopicsForVillage } from "../db/topicRepository";
import { badRequest, notFound } from "../errors";
import { assertCanCorrectLabels, assertCanReadVillage, assertCanViewRawPersonalData } from "../policies/access";
import { presentComment, presentPost } from "../presenters/commentPresenter";
import { recordAudit } from "./auditService";
import { followCorrection, followUpOfComment, syncCases } from "./caseService";
import { forgetVillagePipeline } from "../ingest/villagePipeline";

/** A comment with the post it answers, its parent and replies; `raw` shows personal data (audited) in all of them. */
export async function getCommentDetail(
  db: Database,
  auth: AuthContext | undefined,
  commentId: number,
  opts: { raw?: boolean } = {},
): Promise<CommentDetailDTO> {
  const thread = await getCommentThread(db, commentId);
  // A comment of another village answers 404 too: its existence is not the caller's business.
  if (!thread || !auth || !(auth.role === "admin" || auth.villageIds.includes(thread.comment.villageId))) throw notFound("Komentar");
  const { comment, parent, replies } = thread;
  assertCanReadVillage(auth, comment.villageId);
  const raw = opts.raw ?? false;
  if (raw) {
    assertCanViewRawPersonalData(auth, comment.villageId);
    await recordAudit(db, auth, { action: "pii.view", villageId: comment.villageId, target: `comment:${comment.id}` });
  }
  const post = comment.post;
  return {
    comment: presentComment(comment, { raw }),
    post: post ? presentPost(post, { raw }) : null,
    parent: parent ? presentComment(parent, { raw }) : null,
    replies: replies.map((r) => presentComment(r, { raw })),
    followUp: await followUpOfComment(db, comment.villageId, comment.id),
    corrections: {
      sentimentBy: comment.humanSentimentBy, sentimentAt: comment.humanSentimentAt?.toISOString() ?? null,
      topicsBy: comment.humanTopicsBy, topicsAt: comment.humanTopicsAt?.toISOString() ?? null,
      intentBy: comment.humanIntentBy, intentAt: comment.humanIntentAt?.toISOString() ?? null,
      urgentBy: comment.humanUrgentBy, urgentAt: comment.humanUrgentAt?.toISOString() ?? null,
    },
  };
}

/** Stores a human correction (who, when) and recomputes the rollups of the comment's day (and of the day it moved to meanwhile). */
export async function correctLabels(
  db: Database,
  auth: AuthContext | undefined,
  commentId: number,
  input: CommentLabelsInput,
): Promise<CommentDetailDTO> {
  const row = await findCommentRef(db, commentId);
  if (!row || !auth || !(auth.role === "admin" || auth.villageIds.includes(row.villageId))) throw notFound("Komentar");
  assertCanCorrectLabels(auth, row.villageId);
  let topicIds: number[] | undefined;
  if (input.topics !== undefined) {
    const topics = await findTopicsForVillage(db, row.villageId);
    const ids = new Map(topics.map((t) => [t.key, t.id]));
    const unknown = input.topics.filter((k) => !ids.has(k));
    if (unknown.length) throw badRequest(`topics: unknown topic ${unknown.join(", ")}`);
    topicIds = [...new Set(input.topics)].map((k) => ids.get(k)!);
  }
  // One transaction with the rollup difference it makes: statistics stay exact whatever stops or runs beside it.
  await applyHumanLabels(db, row.villageId, commentId, { sentiment: input.sentiment, intent: input.intent, urgent: input.urgent, topicIds }, auth.username);
  // Sentiment, intent and urgency corrections also teach the village's pipeline (new comments from now on).
  if (input.sentiment !== undefined || input.intent !== undefined || input.urgent !== undefined) forgetVillagePipeline(row.villageId);
  // The day read before the write, and the day the comment is on now (an import batch in between may have moved it).
  const now = await findCommentRef(db, commentId);
  const days = [...new Set([row.day, ...(now ? [now.day] : [])])];
  // A comment corrected to a request gets its case now; one corrected away closes a case nobody has acted on
  // when none of its comments asks for anything any more (followCorrection).
  if (input.intent !== undefined || input.urgent !== undefined) {
    await syncCases(db, row.villageId, days);
    await followCorrection(db, auth, row.villageId, commentId);
  }
  await recordAudit(db, auth, {
    action: "label.change", villageId: row.villageId, target: `comment:${commentId}`,
    details: { sentiment: input.sentiment, topics: input.topics, intent: input.intent, urgent: input.urgent },
  });
  return getCommentDetail(db, auth, commentId);
}
