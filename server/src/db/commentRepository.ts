// Comment reads for the explorer. Effective labels: a human correction wins over the model.
import type { CommentListQuery } from "../../../shared/src/contracts";
import type { Prisma } from "./generated/client";
import { toDbDate, type Database } from "./client";

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

/**
 * The explorer's filters as SQL over "Comment" c — the one definition the explorer list and the
 * CSV/XLSX exports share, so an export holds exactly what the screen shows.
 */
export function commentFilterSql(villageId: number, q: CommentFilterQuery): { where: string; params: Record<string, unknown> } {
  const conds = ["c.villageId = @villageId", "c.fromVillage = 0", "c.analyzedAt IS NOT NULL"];
  const params: Record<string, unknown> = { villageId };
  if (q.spam === "exclude") conds.push("c.isSpam = 0");
  else if (q.spam === "only") conds.push("c.isSpam = 1");
  if (q.pii === "only") conds.push("(c.piiSpans IS NOT NULL AND c.piiSpans != '[]')");
  else if (q.pii === "exclude") conds.push("(c.piiSpans IS NULL OR c.piiSpans = '[]')");
  const equal = (column: string, name: string, value: string | undefined, op = "=") => {
    if (value === undefined) return;
    conds.push(`${column} ${op} @${name}`);
    params[name] = value;
  };
  equal("c.platform", "platform", q.platform);
  equal("c.language", "language", q.language);
  equal("c.day", "from", q.from, ">=");
  equal("c.day", "to", q.to, "<=");
  if (q.sentiment) {
    conds.push("(c.humanSentiment = @sentiment OR (c.humanSentiment IS NULL AND c.sentimentLabel = @sentiment))");
    params.sentiment = q.sentiment;
  }
  if (q.topic) {
    conds.push(`EXISTS (SELECT 1 FROM "CommentTopic" ct JOIN "Topic" t ON t.id = ct.topicId WHERE ct.commentId = c.id
      AND t.key = @topic AND ct.origin = CASE WHEN c.humanTopicsAt IS NULL THEN 'model' ELSE 'human' END)`);
    params.topic = q.topic;
  }
  if (q.q) {
    const fts = toFtsQuery(q.q);
    // Text with no word characters matches nothing (as an empty FTS query would).
    conds.push(fts ? `c.id IN (SELECT rowid FROM "CommentFts" WHERE "CommentFts" MATCH @fts)` : "0");
    if (fts) params.fts = fts;
  }
  return { where: conds.join(" AND "), params };
}

/** How many comments match the explorer filters (all pages). */
export function countComments(db: Database, villageId: number, q: CommentFilterQuery): number {
  if (!db.raw) throw new Error("countComments needs the SQLite driver");
  const { where, params } = commentFilterSql(villageId, q);
  return (db.raw.prepare(`SELECT COUNT(*) AS n FROM "Comment" c WHERE ${where}`).get(params) as { n: number }).n;
}

interface RawCommentRow {
  id: number; villageId: number; platform: string; externalId: string; url: string | null; authorName: string | null;
  authorPseudonym: string; text: string; publishedAt: string; day: string; likeCount: number; language: string | null;
  sentimentLabel: string | null; sentimentScore: number | null; humanSentiment: string | null; humanTopicsAt: string | null;
  isSpam: number; piiSpans: string | null; modelName: string | null; modelVersion: string | null;
}

/** The fields a listed comment is presented from (a subset of the Prisma row). */
export type ListedComment = Pick<CommentWithTopics,
  "id" | "villageId" | "platform" | "externalId" | "url" | "authorName" | "authorPseudonym" | "text" | "publishedAt" | "day" |
  "likeCount" | "language" | "sentimentLabel" | "sentimentScore" | "humanSentiment" | "humanTopicsAt" | "isSpam" | "piiSpans" |
  "modelName" | "modelVersion"> & { topics: Array<{ origin: string; score: number; topic: { key: string; nameId: string } }> };

/**
 * One page of comments matching the explorer filters, in the requested order, plus whether there
 * are more. Raw SQL (two statements per page): Prisma's nested include cost ~10 ms per page.
 */
export async function findComments(
  db: Database,
  villageId: number,
  q: CommentFilterQuery,
  sort: "time" | "likes",
  limit: number,
  after: { value: string | number; id: number } | null,
): Promise<{ rows: ListedComment[]; hasMore: boolean }> {
  if (!db.raw) throw new Error("findComments needs the SQLite driver");
  const { where, params } = commentFilterSql(villageId, q);
  let cursor = "";
  if (after) {
    cursor = sort === "likes"
      ? "AND (c.likeCount < @afterValue OR (c.likeCount = @afterValue AND c.id < @afterId))"
      : "AND (c.publishedAt < @afterValue OR (c.publishedAt = @afterValue AND c.id < @afterId))";
    params.afterValue = sort === "likes" ? Number(after.value) : toDbDate(new Date(after.value));
    params.afterId = after.id;
  }
  const order = sort === "likes" ? "c.likeCount DESC, c.id DESC" : "c.publishedAt DESC, c.id DESC";
  const rows = db.raw
    .prepare(`SELECT c.id, c.villageId, c.platform, c.externalId, c.url, c.authorName, c.authorPseudonym, c.text, c.publishedAt,
        c.day, c.likeCount, c.language, c.sentimentLabel, c.sentimentScore, c.humanSentiment, c.humanTopicsAt, c.isSpam,
        c.piiSpans, c.modelName, c.modelVersion
      FROM "Comment" c WHERE ${where} ${cursor} ORDER BY ${order} LIMIT ${Math.floor(limit) + 1}`)
    .all(params) as RawCommentRow[];
  const page = rows.slice(0, limit);
  const topics = new Map<number, ListedComment["topics"]>();
  if (page.length > 0) {
    const topicRows = db.raw
      .prepare(`SELECT ct.commentId, ct.origin, ct.score, t.key, t.nameId FROM "CommentTopic" ct JOIN "Topic" t ON t.id = ct.topicId
        WHERE ct.commentId IN (${page.map(() => "?").join(",")})`)
      .all(...page.map((r) => r.id)) as Array<{ commentId: number; origin: string; score: number; key: string; nameId: string }>;
    for (const t of topicRows) {
      const list = topics.get(t.commentId) ?? [];
      list.push({ origin: t.origin, score: t.score, topic: { key: t.key, nameId: t.nameId } });
      topics.set(t.commentId, list);
    }
  }
  return {
    rows: page.map((r) => ({
      ...r,
      publishedAt: new Date(r.publishedAt),
      humanTopicsAt: r.humanTopicsAt ? new Date(r.humanTopicsAt) : null,
      isSpam: r.isSpam === 1,
      topics: topics.get(r.id) ?? [],
    })),
    hasMore: rows.length > limit,
  };
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

/**
 * Non-spam residents' comments of a village in [fromDay, toDay] (optionally of one topic, by its
 * effective labels) with their effective sentiment. Raw SQL: the weekly insights read ~1,500 of these
 * per view, and the semantics are those of commentFilter() (spam and the village's own replies out).
 */
export async function findSlimComments(
  db: Database,
  villageId: number,
  fromDay: string,
  toDay: string,
  topicKey?: string,
): Promise<SlimComment[]> {
  if (!db.raw) throw new Error("findSlimComments needs the SQLite driver");
  const topicClause = topicKey
    ? `AND EXISTS (SELECT 1 FROM "CommentTopic" ct JOIN "Topic" t ON t.id = ct.topicId
         WHERE ct.commentId = c.id AND t.key = @topic AND ct.origin = CASE WHEN c.humanTopicsAt IS NULL THEN 'model' ELSE 'human' END)`
    : "";
  const rows = db.raw
    .prepare(`SELECT c.id, c.text, c.normalizedText, c.publishedAt, c.likeCount,
        COALESCE(c.humanSentiment, c.sentimentLabel, 'netral') AS sentiment,
        CASE WHEN c.humanSentiment IS NOT NULL THEN 1.0 ELSE COALESCE(c.sentimentScore, 0) END AS sentimentScore
      FROM "Comment" c
      WHERE c.villageId = @villageId AND c.day >= @from AND c.day <= @to AND c.isSpam = 0 AND c.fromVillage = 0 ${topicClause}`)
    .all({ villageId, from: fromDay, to: toDay, ...(topicKey ? { topic: topicKey } : {}) }) as Array<Omit<SlimComment, "publishedAt"> & { publishedAt: string }>;
  return rows.map((r) => ({ ...r, publishedAt: new Date(r.publishedAt) }));
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
