// Human corrections of model labels. They are stored beside the model's labels (never over them),
// so a retag keeps them and `npm run export:labels` can hand them back as training data.
import type { Database } from "./client";
import { rewriteComments, type CommentStatement } from "./ingestRepository";

/** An official's labels for one comment; a field left out is not changed, null clears it. */
export interface HumanLabels { sentiment?: string | null; intent?: string | null; urgent?: boolean | null; topicIds?: number[] }

/**
 * Stores an official's labels for one comment of `villageId` (human topics, even none, replace the
 * model's from then on), with the rollup difference they make, in one transaction.
 */
export async function applyHumanLabels(db: Database, villageId: number, commentId: number, labels: HumanLabels, by: string): Promise<void> {
  const at = new Date();
  const ts = db.pg ? "::timestamp(3)" : "";
  const id = commentId;
  const statements: CommentStatement[] = [];
  const set = (column: string, value: unknown) => statements.push({
    sql: `UPDATE "Comment" SET "${column}" = @value, "${column}By" = @by, "${column}At" = @at${ts} WHERE id = @id AND "villageId" = @villageId`,
    params: value === null ? { value: null, by: null, at: null, id, villageId } : { value, by, at, id, villageId },
  });
  if (labels.topicIds !== undefined) {
    // Topic rows carry no village: they are written only for a comment of this village.
    const ofVillage = `EXISTS (SELECT 1 FROM "Comment" WHERE id = @id AND "villageId" = @villageId)`;
    statements.push({ sql: `DELETE FROM "CommentTopic" WHERE "commentId" = @id AND origin = 'human' AND ${ofVillage}`, params: { id, villageId } });
    for (const topicId of new Set(labels.topicIds)) {
      statements.push({
        sql: `INSERT INTO "CommentTopic" ("commentId", "topicId", score, origin, "createdBy", "createdAt") SELECT @id, @topicId, 1, 'human', @by, @at${ts} WHERE ${ofVillage}`,
        params: { id, topicId, by, at, villageId },
      });
    }
    statements.push({ sql: `UPDATE "Comment" SET "humanTopicsBy" = @by, "humanTopicsAt" = @at${ts} WHERE id = @id AND "villageId" = @villageId`, params: { by, at, id, villageId } });
  }
  if (labels.sentiment !== undefined) set("humanSentiment", labels.sentiment);
  if (labels.intent !== undefined) set("humanIntent", labels.intent);
  if (labels.urgent !== undefined) set("humanUrgent", labels.urgent);
  await rewriteComments(db, villageId, [commentId], statements);
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
