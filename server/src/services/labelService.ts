// Officials correct a comment's sentiment and topics; the correction wins over the model in every
// statistic, so the comment's day is re-rolled immediately.
import type { CommentDetailDTO, CommentLabelsInput } from "../../../shared/src/contracts";
import type { Database } from "../db/client";
import { getCommentThread } from "../db/commentRepository";
import { recomputeRollups } from "../db/ingestRepository";
import { setHumanSentiment, setHumanTopics } from "../db/labelRepository";
import { findTopicsForVillage } from "../db/topicRepository";
import { badRequest, notFound } from "../errors";
import { presentComment } from "../presenters/commentPresenter";

/** A comment with the post it answers, its parent and replies. */
export async function getCommentDetail(db: Database, commentId: number): Promise<{ villageId: number; detail: CommentDetailDTO }> {
  const thread = await getCommentThread(db, commentId);
  if (!thread) throw notFound("Komentar");
  const { comment, parent, replies } = thread;
  const post = comment.post;
  return {
    villageId: comment.villageId,
    detail: {
      comment: presentComment(comment),
      post: post ? { platform: post.platform as CommentDetailDTO["comment"]["platform"], externalId: post.externalId, text: post.text, url: post.url, publishedAt: post.publishedAt.toISOString() } : null,
      parent: parent ? presentComment(parent) : null,
      replies: replies.map(presentComment),
      corrections: {
        sentimentBy: comment.humanSentimentBy, sentimentAt: comment.humanSentimentAt?.toISOString() ?? null,
        topicsBy: comment.humanTopicsBy, topicsAt: comment.humanTopicsAt?.toISOString() ?? null,
      },
    },
  };
}

/** The village a comment belongs to (for authorisation before any change). */
export async function getCommentVillageId(db: Database, commentId: number): Promise<number> {
  const row = await db.prisma.comment.findUnique({ where: { id: commentId }, select: { villageId: true } });
  if (!row) throw notFound("Komentar");
  return row.villageId;
}

/** Stores a human correction and recomputes the rollups of the comment's day. */
export async function correctLabels(db: Database, commentId: number, input: CommentLabelsInput, actor: string): Promise<CommentDetailDTO> {
  const row = await db.prisma.comment.findUnique({ where: { id: commentId }, select: { villageId: true, day: true } });
  if (!row) throw notFound("Komentar");
  if (input.topics !== undefined) {
    const topics = await findTopicsForVillage(db, row.villageId);
    const ids = new Map(topics.map((t) => [t.key, t.id]));
    const unknown = input.topics.filter((k) => !ids.has(k));
    if (unknown.length) throw badRequest(`topics: unknown topic ${unknown.join(", ")}`);
    setHumanTopics(db, commentId, [...new Set(input.topics)].map((k) => ids.get(k)!), actor);
  }
  if (input.sentiment !== undefined) await setHumanSentiment(db, commentId, input.sentiment, actor);
  recomputeRollups(db, row.villageId, [row.day]);
  return (await getCommentDetail(db, commentId)).detail;
}
