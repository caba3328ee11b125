// Comment reads for the explorer. Effective labels: a human correction wins over the model.
import type { CommentListQuery } from "../../../shared/src/contracts";
import type { Prisma } from "./generated/client";
import type { Database } from "./client";

const include = {
  topics: { include: { topic: { select: { key: true, nameId: true } } } },
} satisfies Prisma.CommentInclude;

export type CommentWithTopics = Prisma.CommentGetPayload<{ include: typeof include }>;

export type CommentFilterQuery = Omit<CommentListQuery, "cursor" | "limit" | "sort">;

/** Turns free text into an FTS5 query: every word must match, the last one as a prefix. */
export function toFtsQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.slice(0, 8).map((w, i, all) => `"${w}"${i === all.length - 1 ? "*" : ""}`).join(" ");
}

const FTS_MAX_MATCHES = 20_000;

/** Ids of comments matching a full-text query, newest first (bounded). */
export function findCommentIdsByText(db: Database, villageId: number, q: string): number[] {
  const fts = toFtsQuery(q);
  if (!fts || !db.raw) return [];
  const rows = db.raw
    .prepare(`SELECT c.id FROM "CommentFts" f JOIN "Comment" c ON c.id = f.rowid
      WHERE "CommentFts" MATCH ? AND c.villageId = ? ORDER BY c.id DESC LIMIT ${FTS_MAX_MATCHES}`)
    .all(fts, villageId) as Array<{ id: number }>;
  return rows.map((r) => r.id);
}

/** The where-clause of the explorer's filters (also used by exports, so both agree). */
export function commentFilter(db: Database, villageId: number, q: CommentFilterQuery): Prisma.CommentWhereInput {
  // The village's own replies appear in threads (comment detail), not in lists or statistics.
  const and: Prisma.CommentWhereInput[] = [{ villageId, fromVillage: false }];
  if (q.pii === "only") and.push({ piiSpans: { not: "[]" } });
  else if (q.pii === "exclude") and.push({ OR: [{ piiSpans: "[]" }, { piiSpans: null }] });
  if (q.spam === "exclude") and.push({ isSpam: false });
  else if (q.spam === "only") and.push({ isSpam: true });
  if (q.platform) and.push({ platform: q.platform });
  if (q.language) and.push({ language: q.language });
  if (q.from) and.push({ day: { gte: q.from } });
  if (q.to) and.push({ day: { lte: q.to } });
  if (q.sentiment) {
    and.push({ OR: [{ humanSentiment: q.sentiment }, { humanSentiment: null, sentimentLabel: q.sentiment }] });
  }
  if (q.topic) {
    and.push({
      OR: [
        { humanTopicsAt: { not: null }, topics: { some: { origin: "human", topic: { key: q.topic } } } },
        { humanTopicsAt: null, topics: { some: { origin: "model", topic: { key: q.topic } } } },
      ],
    });
  }
  if (q.q) and.push({ id: { in: findCommentIdsByText(db, villageId, q.q) } });
  return { AND: and };
}

/** One page of comments in the requested order, plus whether there are more. */
export async function findComments(
  db: Database,
  where: Prisma.CommentWhereInput,
  sort: "time" | "likes",
  limit: number,
  after: { value: string | number; id: number } | null,
): Promise<{ rows: CommentWithTopics[]; hasMore: boolean }> {
  const orderBy: Prisma.CommentOrderByWithRelationInput[] =
    sort === "likes" ? [{ likeCount: "desc" }, { id: "desc" }] : [{ publishedAt: "desc" }, { id: "desc" }];
  let cursorWhere: Prisma.CommentWhereInput = {};
  if (after) {
    cursorWhere =
      sort === "likes"
        ? { OR: [{ likeCount: { lt: Number(after.value) } }, { likeCount: Number(after.value), id: { lt: after.id } }] }
        : { OR: [{ publishedAt: { lt: new Date(after.value) } }, { publishedAt: new Date(after.value), id: { lt: after.id } }] };
  }
  const rows = await db.prisma.comment.findMany({ where: { AND: [where, cursorWhere] }, orderBy, take: limit + 1, include });
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export interface SlimComment {
  id: number;
  text: string;
  normalizedText: string | null;
  publishedAt: Date;
  likeCount: number;
  sentiment: string;
  sentimentScore: number;
}

/** Non-spam comments of a village in [fromDay, toDay] with their effective sentiment (slim rows). */
export async function findSlimComments(
  db: Database,
  villageId: number,
  fromDay: string,
  toDay: string,
  topicKey?: string,
): Promise<SlimComment[]> {
  const where = commentFilter(db, villageId, { spam: "exclude", pii: "any", from: fromDay, to: toDay, topic: topicKey });
  const rows = await db.prisma.comment.findMany({
    where,
    select: { id: true, text: true, normalizedText: true, publishedAt: true, likeCount: true, sentimentLabel: true, humanSentiment: true, sentimentScore: true },
  });
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    normalizedText: r.normalizedText,
    publishedAt: r.publishedAt,
    likeCount: r.likeCount,
    sentiment: r.humanSentiment ?? r.sentimentLabel ?? "netral",
    sentimentScore: r.humanSentiment ? 1 : (r.sentimentScore ?? 0),
  }));
}

/** Full comments by id, in the given order. */
export async function findCommentsByIds(db: Database, ids: number[]): Promise<CommentWithTopics[]> {
  if (ids.length === 0) return [];
  const rows = await db.prisma.comment.findMany({ where: { id: { in: ids } }, include });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One comment with its post, parent and replies. */
export async function getCommentThread(db: Database, id: number) {
  const comment = await db.prisma.comment.findUnique({ where: { id }, include: { ...include, post: true } });
  if (!comment) return null;
  const [parent, replies] = await Promise.all([
    comment.parentId ? db.prisma.comment.findUnique({ where: { id: comment.parentId }, include }) : Promise.resolve(null),
    db.prisma.comment.findMany({ where: { parentId: id }, include, orderBy: { publishedAt: "asc" }, take: 100 }),
  ]);
  return { comment, parent, replies };
}
