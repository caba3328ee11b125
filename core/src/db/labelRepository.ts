// Human corrections of model labels. They are stored beside the model's labels (never over them),
// so a retag keeps them and `npm run export:labels` can hand them back as training data.
import type { Database } from "./client";

/** Sets (or clears, with null) the human sentiment of a comment. */
export async function setHumanSentiment(db: Database, commentId: number, label: string | null, by: string): Promise<void> {
  await db.prisma.comment.update({
    where: { id: commentId },
    data: label === null
      ? { humanSentiment: null, humanSentimentBy: null, humanSentimentAt: null }
      : { humanSentiment: label, humanSentimentBy: by, humanSentimentAt: new Date() },
  });
}

/** Sets (or clears, with null) the official's intent for a comment. */
export async function setHumanIntent(db: Database, commentId: number, intent: string | null, by: string): Promise<void> {
  await db.prisma.comment.update({
    where: { id: commentId },
    data: intent === null
      ? { humanIntent: null, humanIntentBy: null, humanIntentAt: null }
      : { humanIntent: intent, humanIntentBy: by, humanIntentAt: new Date() },
  });
}

/** Sets (or clears, with null) the official's urgency for a comment. */
export async function setHumanUrgent(db: Database, commentId: number, urgent: boolean | null, by: string): Promise<void> {
  await db.prisma.comment.update({
    where: { id: commentId },
    data: urgent === null
      ? { humanUrgent: null, humanUrgentBy: null, humanUrgentAt: null }
      : { humanUrgent: urgent, humanUrgentBy: by, humanUrgentAt: new Date() },
  });
}

/** Replaces the human topics of a comment; from now on they (even none) are its topics. */
export async function setHumanTopics(db: Database, commentId: number, topicIds: number[], by: string): Promise<void> {
  const now = new Date();
  await db.prisma.$transaction([
    db.prisma.commentTopic.deleteMany({ where: { commentId, origin: "human" } }),
    db.prisma.commentTopic.createMany({ data: topicIds.map((topicId) => ({ commentId, topicId, score: 1, origin: "human", createdBy: by, createdAt: now })) }),
    db.prisma.comment.update({ where: { id: commentId }, data: { humanTopicsBy: by, humanTopicsAt: now } }),
  ]);
}

export interface HumanLabelRow {
  id: number;
  platform: string;
  externalId: string;
  text: string;
  language: string | null;
  humanSentiment: string | null;
  humanSentimentBy: string | null;
  humanSentimentAt: Date | null;
  humanTopicsBy: string | null;
  humanTopicsAt: Date | null;
  topics: string[];
}

/** Every comment an official corrected, with its human labels, in id order. */
export async function findHumanLabels(db: Database, villageId?: number): Promise<HumanLabelRow[]> {
  const rows = await db.prisma.comment.findMany({
    where: { ...(villageId ? { villageId } : {}), OR: [{ humanSentiment: { not: null } }, { humanTopicsAt: { not: null } }] },
    include: { topics: { where: { origin: "human" }, include: { topic: { select: { key: true } } } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    id: r.id, platform: r.platform, externalId: r.externalId, text: r.text, language: r.language,
    humanSentiment: r.humanSentiment, humanSentimentBy: r.humanSentimentBy, humanSentimentAt: r.humanSentimentAt,
    humanTopicsBy: r.humanTopicsBy, humanTopicsAt: r.humanTopicsAt, topics: r.topics.map((t) => t.topic.key),
  }));
}

/** How many comments of a village an official corrected (sentiment, intent or urgency). */
export async function countCorrectedComments(db: Database, villageId: number): Promise<number> {
  return db.prisma.comment.count({ where: { villageId, OR: [{ humanSentiment: { not: null } }, { humanIntent: { not: null } }, { humanUrgent: { not: null } }] } });
}

/**
 * Cheap change marker of a village's corrections (per corrected field: how many and the latest time one
 * was set): the village's pipeline rebuilds its adaptation only when this changes. Starts with "0:" when
 * the village has none.
 */
export async function getCorrectionStamp(db: Database, villageId: number): Promise<string> {
  const r = await db.prisma.comment.aggregate({
    where: { villageId, OR: [{ humanSentiment: { not: null } }, { humanIntent: { not: null } }, { humanUrgent: { not: null } }] },
    _count: { _all: true, humanSentiment: true, humanIntent: true, humanUrgent: true },
    _max: { humanSentimentAt: true, humanIntentAt: true, humanUrgentAt: true },
  });
  const c = r._count;
  const m = r._max;
  return `${c._all}:${c.humanSentiment}@${m.humanSentimentAt?.toISOString() ?? ""}|${c.humanIntent}@${m.humanIntentAt?.toISOString() ?? ""}|${c.humanUrgent}@${m.humanUrgentAt?.toISOString() ?? ""}`;
}

/**
 * A village's most recent `limit` corrections of each kind, oldest first: sentiment ones as
 * { text, label }, then intent/urgency ones as { text, label: "", intent, urgent } (either may be null).
 */
export async function findCorrections(db: Database, villageId: number, limit: number): Promise<Array<{ text: string; label: string; intent?: string | null; urgent?: boolean | null }>> {
  const sentiment = await db.prisma.comment.findMany({
    where: { villageId, humanSentiment: { not: null } },
    select: { text: true, humanSentiment: true },
    orderBy: [{ humanSentimentAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  const intent = await db.prisma.comment.findMany({
    where: { villageId, humanIntent: { not: null } },
    select: { id: true, text: true, humanIntent: true, humanUrgent: true },
    orderBy: [{ humanIntentAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  // Urgency corrected without intent (the badge alone).
  const urgent = await db.prisma.comment.findMany({
    where: { villageId, humanUrgent: { not: null }, humanIntent: null },
    select: { id: true, text: true, humanUrgent: true },
    orderBy: [{ humanUrgentAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return [
    ...sentiment.reverse().map((r) => ({ text: r.text, label: r.humanSentiment! })),
    ...urgent.reverse().map((r) => ({ text: r.text, label: "", intent: null, urgent: r.humanUrgent })),
    ...intent.reverse().map((r) => ({ text: r.text, label: "", intent: r.humanIntent, urgent: r.humanUrgent })),
  ];
}
