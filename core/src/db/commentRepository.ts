// Comment rows: the explorer's reads (effective labels: a human correction wins over the model), single
// lookups for services, and deletion for the privacy operations.
import type { CommentListQuery } from "@suara-desa/shared/contracts";
import type { Prisma } from "./generated/client";
import type { Database } from "./client";
import { INTENT_SQL, NEEDS_REPLY_SQL, URGENT_SQL } from "./effectiveLabels";
import { sqlAll, sqlGet, type Params } from "./sql";

const include = {
  topics: { include: { topic: { select: { key: true, nameId: true } } } },
} satisfies Prisma.CommentInclude;

export type CommentWithTopics = Prisma.CommentGetPayload<{ include: typeof include }>;

export type CommentFilterQuery = Omit<CommentListQuery, "cursor" | "limit" | "sort">;

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The words of a search, lower-cased (at most 8): every one must match, the last as a prefix. */
export function searchWords(q: string): string[] {
  return (q.toLowerCase().match(WORD_RE) ?? []).slice(0, 8);
}

/** Longer "words" (a pasted key, a base64 blob) are not searchable; PostgreSQL refuses lexemes over 2 KB. */
const MAX_SEARCH_WORD = 255;

/**
 * The words a search can find in a comment, for PostgreSQL's "CommentSearch": the words of its text and
 * of its normalised text split and lower-cased exactly as searchWords splits a query, each once,
 * space-separated (the repository turns them into a tsvector with array_to_tsvector). Computed here
 * rather than by to_tsvector in the database: one tokenisation for documents and queries (to_tsvector
 * kept "Jl.Raya", "RW.05" and e-mail addresses whole and made "rt-03" into 'rt' and '-03', so a search
 * for "raya" or "rw 05" missed them), and the database no longer parses every imported comment (its
 * to_tsvector trigger was ~50 s of server time in a 1M-comment import on two workers).
 */
export function searchDocument(text: string, normalized: string | null): string {
  const words = new Set<string>();
  for (const w of text.toLowerCase().match(WORD_RE) ?? []) if (w.length <= MAX_SEARCH_WORD) words.add(w);
  if (normalized) for (const w of normalized.toLowerCase().match(WORD_RE) ?? []) if (w.length <= MAX_SEARCH_WORD) words.add(w);
  return [...words].join(" ");
}

/** Turns free text into an FTS5 query (SQLite). */
export function toFtsQuery(q: string): string | null {
  const words = searchWords(q);
  if (words.length === 0) return null;
  return words.map((w, i, all) => `"${w}"${i === all.length - 1 ? "*" : ""}`).join(" ");
}

/**
 * Turns free text into tsquery syntax (PostgreSQL), read with a plain ::tsquery cast: the words are
 * already split as searchDocument splits documents, and to_tsquery would parse each again ("x²y" became
 * 'x' <-> 'y', "½" nothing at all) and miss the words the document holds.
 */
export function toTsQuery(q: string): string | null {
  const words = searchWords(q);
  if (words.length === 0) return null;
  return words.map((w, i, all) => `'${w}'${i === all.length - 1 ? ":*" : ""}`).join(" & ");
}

/**
 * "c has topic `key`" by its effective labels (an official's topics replace the model's): one probe
 * of the (commentId, topicId, origin) index per comment of this village, so the cost follows the
 * village, not the province. On PostgreSQL, `OFFSET 0` keeps the subquery a per-row probe: turned
 * into a join, the planner read every village's rows of the topic (count at 200k comments: 170 ms
 * via "Topic" joined by key, 30 ms as probes; first page 28 ms as a hash join, 1.5 ms as probes
 * walking the village's newest comments). Topic ids are looked up first and inlined as constants.
 */
async function topicCondition(db: Database, villageId: number, key: string): Promise<string> {
  const rows = await sqlAll<{ id: number }>(db, `SELECT id FROM "Topic" WHERE key = @key AND ("villageId" IS NULL OR "villageId" = @villageId)`, { key, villageId });
  const ids = rows.map((r) => Number(r.id)).filter(Number.isInteger);
  if (ids.length === 0) return "1 = 0";
  return `EXISTS (SELECT 1 FROM "CommentTopic" ct WHERE ct."commentId" = c.id AND ct."topicId" IN (${ids.join(", ")})
      AND ct.origin = CASE WHEN c."humanTopicsAt" IS NULL THEN 'model' ELSE 'human' END${db.provider === "postgres" ? " OFFSET 0" : ""})`;
}

/**
 * The explorer's filters as SQL over "Comment" c — the one definition the explorer list, its
 * total, the CSV/XLSX exports and the report quotes share, so an export holds exactly what the
 * screen shows. Full-text search is the only part that differs between the engines.
 */
export async function commentFilterSql(db: Database, villageId: number, q: CommentFilterQuery): Promise<{ where: string; params: Params }> {
  const conds = [`c."villageId" = @villageId`, `c."fromVillage" = false`, `c."analyzedAt" IS NOT NULL`];
  const params: Params = { villageId };
  if (q.spam === "exclude") conds.push(`c."isSpam" = false`);
  else if (q.spam === "only") conds.push(`c."isSpam" = true`);
  if (q.pii === "only") conds.push(`(c."piiSpans" IS NOT NULL AND c."piiSpans" <> '[]')`);
  else if (q.pii === "exclude") conds.push(`(c."piiSpans" IS NULL OR c."piiSpans" = '[]')`);
  const equal = (column: string, name: string, value: string | undefined, op = "=") => {
    if (value === undefined) return;
    conds.push(`${column} ${op} @${name}`);
    params[name] = value;
  };
  equal("c.platform", "platform", q.platform);
  equal("c.language", "language", q.language);
  // A date range is also given as a loose instant range (a local day lies within UTC-12..UTC+14 of
  // its UTC midnight), and SQLite is kept off the (villageId, day) index ("+c.day"): otherwise it
  // read every comment of the range and sorted them before returning the first page — 0.7 s of
  // blocked event loop for a week of 100k comments, on every explorer view and export. With the
  // instant bounds the (villageId, publishedAt) index serves both the range and the order.
  const day = db.provider === "sqlite" ? "+c.day" : "c.day";
  equal(day, "from", q.from, ">=");
  equal(day, "to", q.to, "<=");
  if (q.from) {
    conds.push(`c."publishedAt" >= @fromInstant`);
    params.fromInstant = new Date(Date.parse(`${q.from}T00:00:00Z`) - 14 * 3_600_000);
  }
  if (q.to) {
    conds.push(`c."publishedAt" < @toInstant`);
    params.toInstant = new Date(Date.parse(`${q.to}T00:00:00Z`) + (24 + 12) * 3_600_000);
  }
  if (q.sentiment) {
    conds.push(`(c."humanSentiment" = @sentiment OR (c."humanSentiment" IS NULL AND c."sentimentLabel" = @sentiment))`);
    params.sentiment = q.sentiment;
  }
  if (q.intent) {
    conds.push(`${INTENT_SQL} = @intent`);
    params.intent = q.intent;
  }
  if (q.needsReply) conds.push(NEEDS_REPLY_SQL);
  if (q.urgent) conds.push(URGENT_SQL);
  if (q.caseStatus) {
    conds.push(`c."caseId" IN (SELECT k.id FROM "FollowUpCase" k WHERE k."villageId" = @villageId AND k.status = @caseStatus)`);
    params.caseStatus = q.caseStatus;
  }
  if (q.topic) conds.push(await topicCondition(db, villageId, q.topic));
  if (q.q) {
    const query = db.provider === "postgres" ? toTsQuery(q.q) : toFtsQuery(q.q);
    if (!query) conds.push("1 = 0"); // text with no word characters matches nothing
    else if (db.provider === "postgres") {
      // "CommentSearch" holds each comment's words (searchDocument; written by the ingest repository).
      conds.push(`c.id IN (SELECT s."commentId" FROM "CommentSearch" s WHERE s."villageId" = @villageId AND s."vector" @@ @fts::tsquery)`);
    } else {
      conds.push(`c.id IN (SELECT rowid FROM "CommentFts" WHERE "CommentFts" MATCH @fts)`);
    }
    if (query) params.fts = query;
  }
  return { where: conds.join(" AND "), params };
}

/** How many comments match the explorer filters (all pages). */
export async function countComments(db: Database, villageId: number, q: CommentFilterQuery): Promise<number> {
  const { where, params } = await commentFilterSql(db, villageId, q);
  const row = await sqlGet<{ n: number }>(db, `SELECT COUNT(*) AS n FROM "Comment" c WHERE ${where}`, params);
  return Number(row?.n ?? 0);
}

interface RawCommentRow {
  id: number; villageId: number; platform: string; externalId: string; url: string | null; authorName: string | null;
  authorPseudonym: string; text: string; publishedAt: string | Date; day: string; likeCount: number; language: string | null;
  sentimentLabel: string | null; sentimentScore: number | null; humanSentiment: string | null; humanTopicsAt: string | Date | null;
  isSpam: number | boolean; piiSpans: string | null; modelName: string | null; modelVersion: string | null;
  intent: string | null; intentScore: number | null; humanIntent: string | null; urgent: number | boolean;
  urgentTerms: string | null; humanUrgent: number | boolean | null;
}

/** The fields a listed comment is presented from (a subset of the Prisma row). */
export type ListedComment = Pick<CommentWithTopics,
  "id" | "villageId" | "platform" | "externalId" | "url" | "authorName" | "authorPseudonym" | "text" | "publishedAt" | "day" |
  "likeCount" | "language" | "sentimentLabel" | "sentimentScore" | "humanSentiment" | "humanTopicsAt" | "isSpam" | "piiSpans" |
  "modelName" | "modelVersion" | "intent" | "intentScore" | "humanIntent" | "urgent" | "urgentTerms" | "humanUrgent"> & { topics: Array<{ origin: string; score: number; topic: { key: string; nameId: string } }> };

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
  const { where, params } = await commentFilterSql(db, villageId, q);
  let cursor = "";
  if (after) {
    // The leading "<=" repeats what the OR implies so the (villageId, publishedAt) index bounds the
    // scan: without it PostgreSQL walked every newer row again on each page (an export of 100k rows
    // re-read ~5M rows over its 200 pages).
    cursor = sort === "likes"
      ? `AND c."likeCount" <= @afterValue AND (c."likeCount" < @afterValue OR (c."likeCount" = @afterValue AND c.id < @afterId))`
      : `AND c."publishedAt" <= @afterValue AND (c."publishedAt" < @afterValue OR (c."publishedAt" = @afterValue AND c.id < @afterId))`;
    params.afterValue = sort === "likes" ? Number(after.value) : new Date(after.value);
    params.afterId = after.id;
  }
  const order = sort === "likes" ? `c."likeCount" DESC, c.id DESC` : `c."publishedAt" DESC, c.id DESC`;
  const rows = await sqlAll<RawCommentRow>(db, `SELECT ${LISTED_COLUMNS}
    FROM "Comment" c WHERE ${where} ${cursor} ORDER BY ${order} LIMIT ${Math.floor(limit) + 1}`, params);
  const page = rows.slice(0, limit);
  const topics = await findTopicsOf(db, page.map((r) => r.id));
  return { rows: page.map((r) => toListedComment(r, topics)), hasMore: rows.length > limit };
}

/**
 * Comments of one village by id, in the given order, as lists present them (a comment of another
 * village is left out). Raw SQL like findComments: the inbox shows 50 of these per page. The ids
 * lead on SQLite ("+" keeps it off the village's (villageId, …) indexes).
 */
export async function findListedComments(db: Database, villageId: number, ids: number[]): Promise<Array<ListedComment & { fromVillage: boolean }>> {
  if (ids.length === 0) return [];
  const params: Params = { villageId, ...Object.fromEntries(ids.map((id, i) => [`id${i}`, id])) };
  const rows = await sqlAll<RawCommentRow & { fromVillage: number | boolean }>(db, `SELECT ${LISTED_COLUMNS}, c."fromVillage"
    FROM "Comment" c WHERE ${db.provider === "sqlite" ? "+" : ""}c."villageId" = @villageId AND c.id IN (${ids.map((_, i) => `@id${i}`).join(", ")})`, params);
  const topics = await findTopicsOf(db, rows.map((r) => r.id));
  const byId = new Map(rows.map((r) => [Number(r.id), { ...toListedComment(r, topics), fromVillage: Boolean(r.fromVillage) }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const LISTED_COLUMNS = `c.id, c."villageId", c.platform, c."externalId", c.url, c."authorName",
      c."authorPseudonym", c.text, c."publishedAt", c.day, c."likeCount", c.language, c."sentimentLabel", c."sentimentScore",
      c."humanSentiment", c."humanTopicsAt", c."isSpam", c."piiSpans", c."modelName", c."modelVersion", c.intent,
      c."intentScore", c."humanIntent", c.urgent, c."urgentTerms", c."humanUrgent"`;

function toListedComment(r: RawCommentRow, topics: Map<number, ListedComment["topics"]>): ListedComment {
  return {
    ...r,
    publishedAt: new Date(r.publishedAt),
    humanTopicsAt: r.humanTopicsAt ? new Date(r.humanTopicsAt) : null,
    isSpam: Boolean(r.isSpam),
    urgent: Boolean(r.urgent),
    humanUrgent: r.humanUrgent === null ? null : Boolean(r.humanUrgent),
    topics: topics.get(r.id) ?? [],
  };
}

/** The topic rows (model and human) of the given comments. */
async function findTopicsOf(db: Database, ids: number[]): Promise<Map<number, ListedComment["topics"]>> {
  const topics = new Map<number, ListedComment["topics"]>();
  if (ids.length === 0) return topics;
  const params = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));
  const rows = await sqlAll<{ commentId: number; origin: string; score: number; key: string; nameId: string }>(db,
    `SELECT ct."commentId", ct.origin, ct.score, t.key, t."nameId" FROM "CommentTopic" ct JOIN "Topic" t ON t.id = ct."topicId"
      WHERE ct."commentId" IN (${ids.map((_, i) => `@id${i}`).join(", ")})`, params);
  for (const t of rows) {
    const list = topics.get(t.commentId) ?? [];
    list.push({ origin: t.origin, score: t.score, topic: { key: t.key, nameId: t.nameId } });
    topics.set(t.commentId, list);
  }
  return topics;
}

export interface SlimComment {
  id: number;
  text: string;
  normalizedText: string | null;
  publishedAt: Date;
  likeCount: number;
  sentiment: string;
  sentimentScore: number;
  /** The follow-up case (isu) the comment belongs to, if any. */
  caseId: number | null;
}

/**
 * Non-spam residents' comments of a village in [fromDay, toDay] (optionally of one topic, by its
 * effective labels) with their effective sentiment. Raw SQL: the weekly insights read ~1,500 of these
 * per view, and the semantics are those of commentFilterSql() (spam and the village's own replies out).
 */
export async function findSlimComments(
  db: Database,
  villageId: number,
  fromDay: string,
  toDay: string,
  topicKey?: string,
): Promise<SlimComment[]> {
  const topicClause = topicKey ? `AND ${await topicCondition(db, villageId, topicKey)}` : "";
  const rows = await sqlAll<Omit<SlimComment, "publishedAt"> & { publishedAt: string | Date }>(db,
    `SELECT c.id, c.text, c."normalizedText", c."publishedAt", c."likeCount", c."caseId",
        COALESCE(c."humanSentiment", c."sentimentLabel", 'netral') AS sentiment,
        CASE WHEN c."humanSentiment" IS NOT NULL THEN 1.0 ELSE COALESCE(c."sentimentScore", 0) END AS "sentimentScore"
      FROM "Comment" c
      WHERE c."villageId" = @villageId AND c.day >= @from AND c.day <= @to AND c."isSpam" = false AND c."fromVillage" = false ${topicClause}`,
    { villageId, from: fromDay, to: toDay });
  return rows.map((r) => ({ ...r, caseId: r.caseId === null ? null : Number(r.caseId), sentimentScore: Number(r.sentimentScore), publishedAt: new Date(r.publishedAt) }));
}

/** Full comments by id, in the given order. */
export async function findCommentsByIds(db: Database, ids: number[]): Promise<CommentWithTopics[]> {
  if (ids.length === 0) return [];
  const rows = await db.prisma.comment.findMany({ where: { id: { in: ids } }, include });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One comment with its post, parent and replies — all of the comment's own village. Ingestion only
 * links within a village; the village condition here also keeps out any link made before that
 * (a thread read must never show another village's text or author).
 */
export async function getCommentThread(db: Database, id: number) {
  const found = await db.prisma.comment.findUnique({ where: { id }, include: { ...include, post: true } });
  if (!found) return null;
  const { villageId } = found;
  const comment = { ...found, post: found.post?.villageId === villageId ? found.post : null };
  const [parent, replies] = await Promise.all([
    comment.parentId ? db.prisma.comment.findFirst({ where: { id: comment.parentId, villageId }, include }) : Promise.resolve(null),
    db.prisma.comment.findMany({ where: { parentId: id, villageId }, include, orderBy: { publishedAt: "asc" }, take: 100 }),
  ]);
  return { comment, parent, replies };
}

/** Where a comment belongs and what it answers on its platform, or null (no text, no labels). */
export function findCommentRef(db: Database, id: number) {
  return db.prisma.comment.findUnique({
    where: { id },
    select: { id: true, villageId: true, day: true, platform: true, externalId: true, postExternalId: true, sourceId: true, fromVillage: true },
  });
}

/** A comment's village, platform, author pseudonym and name, and whether the village wrote it, or null: what an erasure request starts from (never shown). */
export function findCommentAuthor(db: Database, id: number) {
  return db.prisma.comment.findUnique({ where: { id }, select: { villageId: true, platform: true, authorPseudonym: true, authorName: true, fromVillage: true } });
}

/**
 * One author's stored comments in a village, as counts: how many, on how many local days, and the
 * first and last publication time (null: none stored).
 */
export async function summarizeAuthorComments(
  db: Database,
  villageId: number,
  authorPseudonym: string,
): Promise<{ comments: number; days: number; firstAt: Date | null; lastAt: Date | null }> {
  const where = { villageId, authorPseudonym };
  const [agg, days] = await Promise.all([
    db.prisma.comment.aggregate({ where, _count: { _all: true }, _min: { publishedAt: true }, _max: { publishedAt: true } }),
    db.prisma.comment.groupBy({ by: ["day"], where }),
  ]);
  return { comments: agg._count._all, days: days.length, firstAt: agg._min.publishedAt, lastAt: agg._max.publishedAt };
}

/** Ids of a village's comments published before `cutoff`. */
export async function findCommentIdsPublishedBefore(db: Database, villageId: number, cutoff: Date): Promise<number[]> {
  return (await db.prisma.comment.findMany({ where: { villageId, publishedAt: { lt: cutoff } }, select: { id: true } })).map((c) => c.id);
}

/** Number of a village's comments published before `cutoff`. */
export function countCommentsPublishedBefore(db: Database, villageId: number, cutoff: Date): Promise<number> {
  return db.prisma.comment.count({ where: { villageId, publishedAt: { lt: cutoff } } });
}

/** Local day of a village's oldest stored comment (by publication time), or null. */
export async function findOldestCommentDay(db: Database, villageId: number): Promise<string | null> {
  const row = await db.prisma.comment.findFirst({ where: { villageId }, orderBy: { publishedAt: "asc" }, select: { day: true } });
  return row?.day ?? null;
}

/** Ids and local days of one author's comments in a village. */
export function findAuthorComments(db: Database, villageId: number, authorPseudonym: string) {
  return db.prisma.comment.findMany({ where: { villageId, authorPseudonym }, select: { id: true, day: true } });
}

/** Number of stored comments, all villages. */
export function countAllComments(db: Database): Promise<number> {
  return db.prisma.comment.count();
}

