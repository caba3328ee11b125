// The bulk write path for ingestion. Idempotent on (villageId, platform, externalId): replaying a
// batch changes nothing, and an id from a file or platform only ever names a row of the village it
// is imported into (ids are not unique across villages: two villages may import the same export). Prisma's per-row cost (~0.2 ms) would make a million-comment import take over an
// hour, so each engine gets its fastest path: SQLite runs prepared statements in one synchronous
// transaction per batch; PostgreSQL sends each batch as a few set-based statements over unnest()
// arrays in one transaction (a round trip per row would cost more than the write).
import type BetterSqlite3 from "better-sqlite3";
import { retentionStart } from "@suara-desa/shared/time";
import type pg from "pg";
import { checkpointInBackground, toDbDate, type Database } from "./client";
import { ENQUEUE_URGENT_SQL } from "./alertRepository";
import { BUMP_VERSION_SQL } from "./dataVersion";
import { INTENT_SQL, URGENT_SQL } from "./effectiveLabels";
import { searchDocument } from "./commentRepository";
import { timed, type IngestTimings } from "../ingest/timings";
import { pgQuery, pgTransaction, sqlAll, sqlGet, sqliteParams, sqliteStatement, sqlRun, type Params, type PgQueryable } from "./sql";
import type { StoredAnalysis } from "../ingest/storedAnalysis";
import type { SourceCursor } from "../ingest/cursors";
import { alertPayloadColumn, sourceCursorColumn, type AlertPayload } from "./jsonColumns";

export interface PostRow { platform: string; externalId: string; text: string; url: string | null; publishedAt: Date }

export interface CommentRow {
  platform: string;
  externalId: string;
  postExternalId: string | null;
  parentExternalId: string | null;
  authorPseudonym: string;
  authorName: string | null;
  text: string;
  url: string | null;
  publishedAt: Date;
  day: string;
  likeCount: number;
  fromVillage: boolean;
  /** The urgent alert's payload when a new comment is urgent and recent enough to warn about (store.ts decides). */
  urgentAlert: AlertPayload | null;
  analysis: StoredAnalysis;
}

export interface ExistingComment { id: number; text: string; likeCount: number; day: string; modelVersion: string | null }

/** What one batch really did to its comments (decided inside the write, not from an earlier look-up). */
export interface IngestBatchResult {
  /** Comments this batch inserted. */
  created: number;
  /** Comments that existed and were rewritten with a changed text, like count or model version. */
  updated: number;
  /** Comments that existed with exactly these values (another import stored them meanwhile). */
  unchanged: number;
  /** Local days whose rollups the batch changed (new days and the old days of moved comments). */
  days: string[];
  /** Comments not stored because they are older than the village's retention (see storableFrom()). */
  expired: number;
}

// A comment's effective sentiment in the rollups: spam apart, an official's correction over the model.
const SENTIMENT_EXPR = `CASE WHEN c."isSpam" = true THEN 'spam' ELSE COALESCE(c."humanSentiment", c."sentimentLabel", 'netral') END`;

function rawOf(db: Database): BetterSqlite3.Database {
  if (!db.raw) throw new Error("SQLite connection required");
  return db.raw;
}

// Prepared statements are cached per connection.
const statements = new WeakMap<BetterSqlite3.Database, ReturnType<typeof prepare>>();
/**
 * A batch's stored comments by key, in one statement (each key a [platform, externalId] JSON array):
 * SQLite probes the unique index per key as a statement per key did, without a call from JavaScript per
 * key. CROSS JOIN keeps the keys the outer loop: without statistics SQLite otherwise walked the village
 * once per key (a 20,000-comment import spent 16 s looking up instead of 0.1 s).
 */
export const EXISTING_ROWS_SQL = `SELECT c.id, c.platform, c.externalId, c.text, c.likeCount, c.day, c.modelVersion
  FROM json_each(@keys) j CROSS JOIN "Comment" c ON c.villageId = @villageId AND c.platform = j.value ->> 0 AND c.externalId = j.value ->> 1`;

function prepare(raw: BetterSqlite3.Database) {
  return {
    existing: raw.prepare(EXISTING_ROWS_SQL),
    retention: raw.prepare(RETENTION_SQL),
    upsertPost: raw.prepare(`INSERT INTO "Post" (villageId, sourceId, platform, externalId, text, url, publishedAt, createdAt)
      VALUES (@villageId, @sourceId, @platform, @externalId, @text, @url, @publishedAt, @now)
      ON CONFLICT(villageId, platform, externalId) DO UPDATE SET text = excluded.text, url = COALESCE(excluded.url, "Post".url),
        sourceId = COALESCE("Post".sourceId, excluded.sourceId)`),
    upsertComment: raw.prepare(`INSERT INTO "Comment" (villageId, sourceId, postId, parentId, platform, externalId,
        postExternalId, parentExternalId, authorPseudonym, authorName, text, normalizedText, url, publishedAt, day, likeCount, fromVillage,
        language, sentimentLabel, sentimentScore, isSpam, spamScore, piiSpans, intent, intentScore, urgent, urgentTerms,
        modelName, modelVersion, analyzedAt, createdAt, updatedAt)
      VALUES (@villageId, @sourceId,
        (SELECT id FROM "Post" WHERE villageId = @villageId AND platform = @platform AND externalId = @postExternalId),
        (SELECT id FROM "Comment" WHERE villageId = @villageId AND platform = @platform AND externalId = @parentExternalId),
        @platform, @externalId, @postExternalId, @parentExternalId, @authorPseudonym, @authorName, @text, @normalized, @url,
        @publishedAt, @day, @likeCount, @fromVillage, @language, @sentimentLabel, @sentimentScore, @isSpam, @spamScore, @piiSpans,
        @intent, @intentScore, @urgent, @urgentTerms, @modelName, @modelVersion, @now, @now, @now)
      ON CONFLICT(villageId, platform, externalId) DO UPDATE SET
        text = excluded.text, normalizedText = excluded.normalizedText, authorName = COALESCE(excluded.authorName, "Comment".authorName),
        url = COALESCE(excluded.url, "Comment".url), publishedAt = excluded.publishedAt, day = excluded.day,
        likeCount = excluded.likeCount, language = excluded.language, sentimentLabel = excluded.sentimentLabel,
        sentimentScore = excluded.sentimentScore, isSpam = excluded.isSpam, spamScore = excluded.spamScore,
        piiSpans = excluded.piiSpans, intent = excluded.intent, intentScore = excluded.intentScore, urgent = excluded.urgent,
        urgentTerms = excluded.urgentTerms, modelName = excluded.modelName, modelVersion = excluded.modelVersion,
        analyzedAt = excluded.analyzedAt, updatedAt = excluded.updatedAt,
        postId = COALESCE("Comment".postId, excluded.postId), parentId = COALESCE("Comment".parentId, excluded.parentId)
      RETURNING id`),
    updateLikes: raw.prepare(`UPDATE "Comment" SET likeCount = ?, updatedAt = ? WHERE id = ? AND villageId = ?`),
    deleteModelTopics: raw.prepare(`DELETE FROM "CommentTopic" WHERE commentId = ? AND origin = 'model'`),
    insertTopic: raw.prepare(`INSERT INTO "CommentTopic" (commentId, topicId, score, origin, createdAt) VALUES (?, ?, ?, 'model', ?)
      ON CONFLICT(commentId, topicId, origin) DO UPDATE SET score = excluded.score`),
    updateAnalysis: raw.prepare(`UPDATE "Comment" SET normalizedText = @normalized, language = @language,
        sentimentLabel = @sentimentLabel, sentimentScore = @sentimentScore, isSpam = @isSpam, spamScore = @spamScore,
        piiSpans = @piiSpans, intent = @intent, intentScore = @intentScore, urgent = @urgent, urgentTerms = @urgentTerms,
        modelName = @modelName, modelVersion = @modelVersion, analyzedAt = @now, updatedAt = @now
      WHERE id = @id AND villageId = @villageId AND text = @text`),
    // New rows enter the full-text index here, once per batch (no per-row trigger: migration
    // 20261204080000_comment_fts_per_batch); updated rows are re-indexed by the update trigger.
    indexFts: raw.prepare(`INSERT INTO "CommentFts" (rowid, text, normalizedText)
      SELECT id, text, COALESCE(normalizedText, '') FROM "Comment" WHERE id IN (SELECT value FROM json_each(@ids))`),
    saveCursor: raw.prepare(`UPDATE "Source" SET cursor = ?, updatedAt = ? WHERE id = ?`),
    addRollups: ROLLUP_DELTA_SQL.map((sql) => raw.prepare(sql.replace("@ID_SET", `c.id IN (SELECT value FROM json_each(@ids))`))),
    dropEmptyRollups: raw.prepare(DROP_EMPTY_ROLLUPS_SQL.replace("@DAY_SET", `day IN (SELECT value FROM json_each(@days))`)),
    bumpVersion: raw.prepare(BUMP_VERSION_SQL),
  };
}
function stmts(db: Database) {
  const raw = rawOf(db);
  let s = statements.get(raw);
  if (!s) {
    s = prepare(raw);
    statements.set(raw, s);
  }
  return s;
}

/** The key of a comment inside one village's batch. */
export const commentKey = (c: { platform: string; externalId: string }): string => `${c.platform}\u0000${c.externalId}`;

/** A village's existing comments by platform + externalId (keyed by commentKey()). */
export async function findExistingComments(
  db: Database,
  villageId: number,
  keys: Array<{ platform: string; externalId: string }>,
): Promise<Map<string, ExistingComment>> {
  if (db.pg) return findExistingCommentsPg(db.pg, villageId, keys);
  return existingRows(stmts(db), villageId, keys);
}

/** findExistingComments() on SQLite, also run inside a batch's transaction. */
function existingRows(s: ReturnType<typeof prepare>, villageId: number, keys: Array<{ platform: string; externalId: string }>): Map<string, ExistingComment> {
  const found = new Map<string, ExistingComment>();
  if (keys.length === 0) return found;
  const rows = s.existing.all({ villageId, keys: JSON.stringify(keys.map((k) => [k.platform, k.externalId])) }) as Array<ExistingComment & { platform: string; externalId: string }>;
  for (const r of rows) found.set(commentKey(r), { id: r.id, text: r.text, likeCount: r.likeCount, day: r.day, modelVersion: r.modelVersion });
  return found;
}

async function findExistingCommentsPg(
  client: PgQueryable,
  villageId: number,
  keys: Array<{ platform: string; externalId: string }>,
): Promise<Map<string, ExistingComment>> {
  const found = new Map<string, ExistingComment>();
  if (keys.length === 0) return found;
  const { rows } = await pgQuery<ExistingComment & { platform: string; externalId: string }>(client,
    `SELECT c.id, c.platform, c."externalId", c.text, c."likeCount", c.day, c."modelVersion" FROM "Comment" c
     JOIN unnest(@platforms::text[], @externalIds::text[]) AS k(platform, "externalId")
       ON c."villageId" = @villageId::int AND c.platform = k.platform AND c."externalId" = k."externalId"`,
    { villageId, platforms: keys.map((k) => k.platform), externalIds: keys.map((k) => k.externalId) });
  for (const r of rows) {
    found.set(commentKey(r), { id: r.id, text: r.text, likeCount: r.likeCount, day: r.day, modelVersion: r.modelVersion });
  }
  return found;
}

// Rollups follow each batch in the batch's own transaction, so a run killed after any batch leaves
// the statistics of what it stored exact. Recomputing whole days per batch would cost the days'
// size for every batch (a file in random time order touches every day in every batch), so a batch
// applies its own difference: the old contribution of the comments it rewrites is subtracted
// before the write and the new contribution of all its comments added after. Both use the
// effective labels of ROLLUP_SQL below; a comment counts once per (day, platform, topic,
// sentiment), so contributions of disjoint sets of comments add up to the full count.
// `@ID_SET` / `@DAY_SET` are the engine's "in this list" test (json_each on SQLite, ANY on PostgreSQL).
// The ids are the rows this transaction read or wrote in the village; a village condition next to
// them would make SQLite walk the village's (villageId, day) index instead of probing the ids.
// Per-intent and urgent counts next to `count` (COUNT(DISTINCT CASE ...) so a comment joined to two
// topic rows still counts once per row of the rollup, like `count`).
const INTENT_ROLLUP_COLUMNS = ["keluhan", "pertanyaan", "usulan", "apresiasi", "lainnya", "urgent"] as const;
const INTENT_COLS = INTENT_ROLLUP_COLUMNS.map((k) => `"${k}"`).join(", ");
const INTENT_UPDATES = INTENT_ROLLUP_COLUMNS.map((k) => `"${k}" = "DailyRollup"."${k}" + excluded."${k}"`).join(", ");
function intentCounts(sign: string, counted: "c.id" | "DISTINCT c.id"): string {
  const distinct = counted === "DISTINCT c.id" ? "DISTINCT " : "";
  return INTENT_ROLLUP_COLUMNS.map((k) => {
    const cond = k === "urgent" ? URGENT_SQL : `${INTENT_SQL} = '${k}'`;
    return `${sign}COUNT(${distinct}CASE WHEN ${cond} THEN c.id END)`;
  }).join(", ");
}
const ROLLUP_DELTA_SQL = [
  `INSERT INTO "DailyRollup" ("villageId", day, platform, topic, sentiment, count, ${INTENT_COLS})
    SELECT c."villageId", c.day, c.platform, '*', ${SENTIMENT_EXPR}, @sign * COUNT(*), ${intentCounts("@sign * ", "c.id")} FROM "Comment" c
    WHERE @ID_SET AND c."analyzedAt" IS NOT NULL AND c."fromVillage" = false
    GROUP BY c."villageId", c.day, c.platform, 5
    ON CONFLICT ("villageId", day, platform, topic, sentiment) DO UPDATE SET count = "DailyRollup".count + excluded.count, ${INTENT_UPDATES}`,
  `INSERT INTO "DailyRollup" ("villageId", day, platform, topic, sentiment, count, ${INTENT_COLS})
    SELECT c."villageId", c.day, c.platform, t.key, ${SENTIMENT_EXPR}, @sign * COUNT(DISTINCT c.id), ${intentCounts("@sign * ", "DISTINCT c.id")} FROM "Comment" c
    JOIN "CommentTopic" ct ON ct."commentId" = c.id JOIN "Topic" t ON t.id = ct."topicId"
    WHERE @ID_SET AND c."analyzedAt" IS NOT NULL AND c."fromVillage" = false
      AND ct.origin = CASE WHEN c."humanTopicsAt" IS NULL THEN 'model' ELSE 'human' END
    GROUP BY c."villageId", c.day, c.platform, t.key, 5
    ON CONFLICT ("villageId", day, platform, topic, sentiment) DO UPDATE SET count = "DailyRollup".count + excluded.count, ${INTENT_UPDATES}`,
];
const DROP_EMPTY_ROLLUPS_SQL = `DELETE FROM "DailyRollup" WHERE "villageId" = @villageId AND @DAY_SET AND count <= 0`;
// The lock recomputeRollups() takes: a batch and a recompute of one village never interleave.
const PG_ROLLUP_LOCK = 7302152;

export interface IngestBatch {
  villageId: number;
  sourceId: number | null;
  model: { name: string; version: string };
  posts: PostRow[];
  comments: CommentRow[];
  likeUpdates: Array<{ id: number; likeCount: number }>;
  cursor?: SourceCursor | null;
}

/** The stored text of a batch's cursor (null clears it). */
const cursorText = (cursor: SourceCursor | null) => (cursor === null ? null : sourceCursorColumn.serialise(cursor));

/** Counts a batch's outcome from the rows as they were inside its transaction. */
function outcome(input: IngestBatch, before: Map<string, ExistingComment>, expired: number): IngestBatchResult {
  const result: IngestBatchResult = { created: 0, updated: 0, unchanged: 0, days: [], expired };
  const days = new Set<string>();
  for (const c of input.comments) {
    days.add(c.day);
    const old = before.get(commentKey(c));
    if (!old) result.created++;
    else {
      days.add(old.day);
      if (old.text === c.text && old.likeCount === c.likeCount && old.modelVersion === input.model.version && old.day === c.day) result.unchanged++;
      else result.updated++;
    }
  }
  result.days = [...days].sort();
  return result;
}

/** A village's retention as its write transaction reads it. */
export interface RetentionRow { retentionMonths: number | null; purgedBefore: string | Date | null; timeZone: string }
const RETENTION_SQL = `SELECT "retentionMonths", "purgedBefore", "timeZone" FROM "Village" WHERE id = @villageId`;

/**
 * The instant before which a comment is not stored: the start of the village's retention now (as
 * the purge computes it), or the latest purge's cut-off when that is later (the retention was
 * lengthened since). A purge keeps the aggregates of what it deletes, so storing such a comment again would count it twice; and
 * it would be deleted at the next purge anyway. Null: the village keeps everything.
 */
export function storableFrom(v: RetentionRow | undefined, now: Date): Date | null {
  if (!v) return null;
  const limits: number[] = [];
  if (v.retentionMonths != null) limits.push(retentionStart(now, v.retentionMonths, v.timeZone).getTime());
  if (v.purgedBefore != null) limits.push(new Date(v.purgedBefore).getTime());
  return limits.length > 0 ? new Date(Math.max(...limits)) : null;
}

/** The batch without the comments published before `from`, and how many those were. */
function withoutExpired(batch: IngestBatch, from: Date | null): { input: IngestBatch; expired: number } {
  if (!from) return { input: batch, expired: 0 };
  const comments = batch.comments.filter((c) => c.publishedAt.getTime() >= from.getTime());
  return comments.length === batch.comments.length ? { input: batch, expired: 0 } : { input: { ...batch, comments }, expired: batch.comments.length - comments.length };
}

/**
 * Records a retention purge's cut-off before the purge deletes anything (it only moves forward).
 * Under the village's rollup lock (PostgreSQL; SQLite has one writer): an import batch either
 * committed before it, and its rows are then seen and deleted by the purge, or reads it and does
 * not store them.
 */
export async function raisePurgedBefore(db: Database, villageId: number, cutoff: Date): Promise<void> {
  const sql = `UPDATE "Village" SET "purgedBefore" = @cutoff WHERE id = @villageId AND ("purgedBefore" IS NULL OR "purgedBefore" < @cutoff)`;
  if (db.pg) {
    await pgTransaction(db, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1, $2)", [PG_ROLLUP_LOCK, villageId]);
      await pgQuery(client, sql.replace(/@cutoff/g, "@cutoff::timestamp(3)"), { villageId, cutoff });
    });
  } else {
    sqliteStatement(rawOf(db), sql).run({ villageId, cutoff: toDbDate(cutoff) });
  }
}

/**
 * Writes one batch atomically: posts, analysed comments (with their model topics), like-count
 * updates, the rollup rows they change and the source cursor, so a cursor never advances past
 * items that were not stored and the statistics always match what is stored. The transaction
 * holds the village's write lock from its start, so what it counts as created is what it created,
 * even when two imports of one file run at once.
 */
export async function writeIngestBatch(db: Database, input: IngestBatch, timings?: IngestTimings): Promise<IngestBatchResult> {
  const t0 = performance.now();
  try {
    return await writeIngestBatchOn(db, input, timings);
  } finally {
    if (timings) timings.write += performance.now() - t0;
  }
}

async function writeIngestBatchOn(db: Database, batch: IngestBatch, timings?: IngestTimings): Promise<IngestBatchResult> {
  // The last occurrence of a key wins (as in prepareBatch()): one statement may not write a row
  // twice on PostgreSQL, and on SQLite a row must not be updated before it is in the text index.
  const unique = new Map(batch.comments.map((c) => [commentKey(c), c]));
  const deduped = unique.size === batch.comments.length ? batch : { ...batch, comments: [...unique.values()] };
  if (db.pg) {
    const result = await pgTransaction(db, (client) => writeIngestBatchPg(client, deduped));
    await refreshPlannerStatistics(db, deduped.villageId, deduped.comments.length);
    return result;
  }
  const raw = rawOf(db);
  // A large import commits thousands of batches: their checkpoints run on another thread.
  checkpointInBackground(db);
  const s = stmts(db);
  const at = new Date();
  const now = toDbDate(at);
  const { villageId } = deduped;
  const write = raw.transaction((): IngestBatchResult => {
    const { input, expired } = withoutExpired(deduped, storableFrom(s.retention.get({ villageId }) as RetentionRow | undefined, at));
    const before = existingRows(s, villageId, input.comments);
    const result = outcome(input, before, expired);
    const oldIds = [...before.values()].map((r) => r.id);
    if (oldIds.length > 0) for (const st of s.addRollups) st.run({ villageId, sign: -1, ids: JSON.stringify(oldIds) });
    for (const p of input.posts) {
      s.upsertPost.run({
        villageId, sourceId: input.sourceId, platform: p.platform, externalId: p.externalId,
        text: p.text, url: p.url, publishedAt: toDbDate(p.publishedAt), now,
      });
    }
    const ids: number[] = [];
    for (const c of input.comments) {
      const { id } = s.upsertComment.get({
        villageId, sourceId: input.sourceId, platform: c.platform, externalId: c.externalId,
        postExternalId: c.postExternalId, parentExternalId: c.parentExternalId, authorPseudonym: c.authorPseudonym,
        authorName: c.authorName, text: c.text, normalized: c.analysis.normalized, url: c.url,
        publishedAt: toDbDate(c.publishedAt), day: c.day, likeCount: c.likeCount, fromVillage: c.fromVillage ? 1 : 0,
        language: c.analysis.language,
        sentimentLabel: c.analysis.sentimentLabel, sentimentScore: c.analysis.sentimentScore, isSpam: c.analysis.isSpam ? 1 : 0,
        spamScore: c.analysis.spamScore, piiSpans: c.analysis.piiSpans, ...intentParams(c.analysis), modelName: input.model.name,
        modelVersion: input.model.version, now,
      }) as { id: number };
      ids.push(id);
      // Only new comments: a stored one may carry an official's urgency correction (the end of the run
      // reconciles those with the effective labels).
      if (c.urgentAlert && !before.has(commentKey(c))) sqliteStatement(raw, ENQUEUE_URGENT_SQL).run({ villageId, dedupeKey: `urgent:${id}`, payload: alertPayloadColumn.serialise(c.urgentAlert), now });
      if (before.has(commentKey(c))) s.deleteModelTopics.run(id);
      for (const t of c.analysis.topics) s.insertTopic.run(id, t.topicId, t.score, now);
    }
    for (const u of input.likeUpdates) s.updateLikes.run(u.likeCount, now, u.id, villageId);
    timed(timings, "fts", () => indexNewComments(s, input.comments.flatMap((c, i) => (before.has(commentKey(c)) ? [] : [ids[i]]))));
    if (ids.length > 0) {
      timed(timings, "rollups", () => { for (const st of s.addRollups) st.run({ villageId, sign: 1, ids: JSON.stringify(ids) }); });
      s.dropEmptyRollups.run({ villageId, days: JSON.stringify(result.days) });
      s.bumpVersion.run({ villageId });
    }
    if (input.sourceId != null && input.cursor !== undefined) s.saveCursor.run(cursorText(input.cursor), now, input.sourceId);
    return result;
  });
  // IMMEDIATE: the write lock is taken before the look-up, so another process's import cannot
  // insert the same rows between the look-up and the write.
  return write.immediate();
}

/**
 * Adds comments this transaction inserted to the SQLite full-text index: one statement for the
 * batch, three times cheaper than the per-row trigger it replaces. Every SQLite path that inserts
 * comments must call it in the inserting transaction (updates are covered by a trigger).
 */
function indexNewComments(s: ReturnType<typeof prepare>, ids: number[]): void {
  if (ids.length > 0) s.indexFts.run({ ids: JSON.stringify(ids) });
}

/** The intent columns of one analysis as SQLite statement parameters. */
function intentParams(a: CommentRow["analysis"]) {
  return { intent: a.intent, intentScore: a.intentScore, urgent: a.urgent ? 1 : 0, urgentTerms: a.urgentTerms };
}
/** The intent columns of many analyses as PostgreSQL unnest() arrays. */
function intentColumns(list: Array<CommentRow["analysis"]>) {
  return {
    intent: list.map((a) => a.intent), intentScore: list.map((a) => a.intentScore),
    urgent: list.map((a) => a.urgent), urgentTerms: list.map((a) => a.urgentTerms),
  };
}

const COMMENT_COLUMNS = `"villageId", "sourceId", "postId", "parentId", platform, "externalId", "postExternalId",
  "parentExternalId", "authorPseudonym", "authorName", text, "normalizedText", url, "publishedAt", day, "likeCount",
  "fromVillage", language, "sentimentLabel", "sentimentScore", "isSpam", "spamScore", "piiSpans", intent, "intentScore",
  urgent, "urgentTerms", "modelName", "modelVersion", "analyzedAt", "createdAt", "updatedAt"`;

const TOPIC_JOIN = `JOIN "CommentTopic" ct ON ct."commentId" = c.id`;
/**
 * PostgreSQL reads a comment's topic rows as a probe of the (commentId, topicId, origin) index per
 * comment, whatever its statistics say: planned as a join, a village whose statistics were gathered from
 * a small sample could be planned as a hash join over the whole CommentTopic table (1M comments: the
 * end-of-village rollup recompute took 47 ms a day instead of 2 ms, 100 s per worker). `OFFSET 0` keeps
 * the subquery from being pulled up into a join. SQLite has no LATERAL and plans by its indexes.
 */
function pgTopicProbe(sql: string): string {
  if (!sql.includes(TOPIC_JOIN)) return sql;
  return sql.replace(TOPIC_JOIN, `CROSS JOIN LATERAL (SELECT x."topicId", x.origin FROM "CommentTopic" x WHERE x."commentId" = c.id OFFSET 0) ct`);
}
const PG_ROLLUP_DELTA_SQL = ROLLUP_DELTA_SQL.map((sql) => pgTopicProbe(sql).replace("@ID_SET", `c.id = ANY(@ids::int[])`).replace("@sign", "@sign::int"));
const PG_DROP_EMPTY_ROLLUPS_SQL = DROP_EMPTY_ROLLUPS_SQL.replace("@DAY_SET", `day = ANY(@days::text[])`);

// PostgreSQL plans a village's statements from the statistics ANALYZE last gathered. A village imported
// from nothing has none (the planner takes it for one row) and then rescans the whole village once per
// case or per comment: 2 minutes for one statement at 20,000 comments, 6–10 s for others (bench:scale,
// auto_explain). Autovacuum analyses by the size of the whole table, far too late for one village of a
// million rows. So once this process has written 2,000 and then 16,000 comments of a village, it
// refreshes the statistics of the tables an import grows (a fraction of a second each; SQLite plans by
// its indexes and needs none of this). CommentTopic too: case grouping's topic look-up and the rollups
// join it, and a "tiny" CommentTopic was scanned whole once per 500 comments (44 ms a statement at
// 100,000 comments, growing with the table; 4 villages on 2 workers: cases 12-14 s -> 8.6 s).
// The refresh samples 3,000 rows a table (statistics target 10) instead of the default 30,000: what it
// must tell the planner is that the village and its cases exist in numbers, which a small sample does, and
// the full sample cost 0.4 s a refresh at 1M comments (100 refreshes, 41 s of database time, the importing
// worker waiting on each) against 0.05 s. Autovacuum's own ANALYZE, at the default target, follows once
// a tenth of a table has changed.
const ANALYZE_AFTER = [2_000, 16_000];
const ANALYZE_STATISTICS_TARGET = 10;
const writtenByVillage = new Map<number, number>();

async function refreshPlannerStatistics(db: Database, villageId: number, written: number): Promise<void> {
  const before = writtenByVillage.get(villageId) ?? 0;
  const after = before + written;
  writtenByVillage.set(villageId, after);
  if (!db.pg || !ANALYZE_AFTER.some((n) => before < n && after >= n)) return;
  await pgTransaction(db, async (client) => {
    await client.query(`SET LOCAL default_statistics_target = ${ANALYZE_STATISTICS_TARGET}`);
    await client.query(`ANALYZE "Comment" ("villageId", "caseId", "parentId", day, "publishedAt"), "CommentTopic", "FollowUpCase", "Post"`);
  });
}

/** The PostgreSQL twin of the SQLite batch above: the same rows, set-based. */
async function writeIngestBatchPg(client: pg.PoolClient, batch: IngestBatch): Promise<IngestBatchResult> {
  const now = new Date();
  const { villageId } = batch;
  // Batches, rollup recomputes and purge marks of one village queue here; the look-ups below then see
  // every earlier one committed (READ COMMITTED reads a fresh snapshot per statement).
  await client.query("SELECT pg_advisory_xact_lock($1, $2)", [PG_ROLLUP_LOCK, villageId]);
  const { rows: village } = await pgQuery<RetentionRow>(client, RETENTION_SQL, { villageId });
  const { input, expired } = withoutExpired(batch, storableFrom(village[0], now));
  const before = await findExistingCommentsPg(client, villageId, input.comments);
  const result = outcome(input, before, expired);
  const oldIds = [...before.values()].map((r) => r.id);
  if (oldIds.length > 0) for (const sql of PG_ROLLUP_DELTA_SQL) await pgQuery(client, sql, { villageId, sign: -1, ids: oldIds });
  // One statement may not update a row twice: the last occurrence of a post wins.
  const posts = [...new Map(input.posts.map((p) => [commentKey(p), p])).values()];
  if (posts.length > 0) {
    await pgQuery(client, `INSERT INTO "Post" ("villageId", "sourceId", platform, "externalId", text, url, "publishedAt", "createdAt")
      SELECT @villageId::int, @sourceId::int, p.platform, p."externalId", p.text, p.url, p."publishedAt", @now::timestamp(3)
      FROM unnest(@platform::text[], @externalId::text[], @text::text[], @url::text[], @publishedAt::timestamp(3)[])
        AS p(platform, "externalId", text, url, "publishedAt")
      ON CONFLICT ("villageId", platform, "externalId") DO UPDATE SET text = excluded.text, url = COALESCE(excluded.url, "Post".url),
        "sourceId" = COALESCE("Post"."sourceId", excluded."sourceId")`, {
      villageId, sourceId: input.sourceId, now,
      platform: posts.map((p) => p.platform), externalId: posts.map((p) => p.externalId), text: posts.map((p) => p.text),
      url: posts.map((p) => p.url), publishedAt: posts.map((p) => p.publishedAt.toISOString()),
    });
  }
  const comments = input.comments;
  if (comments.length > 0) {
    const col = <T>(f: (c: CommentRow) => T) => comments.map(f);
    const { rows } = await pgQuery<{ id: number; platform: string; externalId: string }>(client,
      `INSERT INTO "Comment" (${COMMENT_COLUMNS})
      SELECT @villageId::int, @sourceId::int,
        (SELECT p.id FROM "Post" p WHERE p."villageId" = @villageId::int AND p.platform = v.platform AND p."externalId" = v."postExternalId"),
        -- Only replies look for their parent: under a village not yet analysed the planner may scan the
        -- village's rows for each probe, which for 2,000 top-level comments cost ~2 s a batch.
        CASE WHEN v."parentExternalId" IS NULL THEN NULL ELSE
          (SELECT x.id FROM "Comment" x WHERE x."villageId" = @villageId::int AND x.platform = v.platform AND x."externalId" = v."parentExternalId") END,
        v.platform, v."externalId", v."postExternalId", v."parentExternalId", v."authorPseudonym", v."authorName", v.text,
        v.normalized, v.url, v."publishedAt", v.day, v."likeCount", v."fromVillage", v.language, v."sentimentLabel",
        v."sentimentScore", v."isSpam", v."spamScore", v."piiSpans", v.intent, v."intentScore", v.urgent, v."urgentTerms", @modelName::text, @modelVersion::text,
        @now::timestamp(3), @now::timestamp(3), @now::timestamp(3)
      FROM unnest(@platform::text[], @externalId::text[], @postExternalId::text[], @parentExternalId::text[],
        @authorPseudonym::text[], @authorName::text[], @text::text[], @normalized::text[], @url::text[],
        @publishedAt::timestamp(3)[], @day::text[], @likeCount::int[], @fromVillage::bool[], @language::text[],
        @sentimentLabel::text[], @sentimentScore::float8[], @isSpam::bool[], @spamScore::float8[], @piiSpans::text[],
        @intent::text[], @intentScore::float8[], @urgent::bool[], @urgentTerms::text[])
        AS v(platform, "externalId", "postExternalId", "parentExternalId", "authorPseudonym", "authorName", text, normalized,
          url, "publishedAt", day, "likeCount", "fromVillage", language, "sentimentLabel", "sentimentScore", "isSpam",
          "spamScore", "piiSpans", intent, "intentScore", urgent, "urgentTerms")
      ON CONFLICT ("villageId", platform, "externalId") DO UPDATE SET
        text = excluded.text, "normalizedText" = excluded."normalizedText",
        "authorName" = COALESCE(excluded."authorName", "Comment"."authorName"), url = COALESCE(excluded.url, "Comment".url),
        "publishedAt" = excluded."publishedAt", day = excluded.day, "likeCount" = excluded."likeCount",
        language = excluded.language, "sentimentLabel" = excluded."sentimentLabel", "sentimentScore" = excluded."sentimentScore",
        "isSpam" = excluded."isSpam", "spamScore" = excluded."spamScore", "piiSpans" = excluded."piiSpans",
        intent = excluded.intent, "intentScore" = excluded."intentScore", urgent = excluded.urgent, "urgentTerms" = excluded."urgentTerms",
        "modelName" = excluded."modelName", "modelVersion" = excluded."modelVersion", "analyzedAt" = excluded."analyzedAt",
        "updatedAt" = excluded."updatedAt", "postId" = COALESCE("Comment"."postId", excluded."postId"),
        "parentId" = COALESCE("Comment"."parentId", excluded."parentId")
      RETURNING id, platform, "externalId"`, {
      villageId, sourceId: input.sourceId, now, modelName: input.model.name, modelVersion: input.model.version,
      platform: col((c) => c.platform), externalId: col((c) => c.externalId), postExternalId: col((c) => c.postExternalId),
      parentExternalId: col((c) => c.parentExternalId), authorPseudonym: col((c) => c.authorPseudonym),
      authorName: col((c) => c.authorName), text: col((c) => c.text), normalized: col((c) => c.analysis.normalized),
      url: col((c) => c.url), publishedAt: col((c) => c.publishedAt.toISOString()), day: col((c) => c.day),
      likeCount: col((c) => c.likeCount), fromVillage: col((c) => c.fromVillage), language: col((c) => c.analysis.language),
      sentimentLabel: col((c) => c.analysis.sentimentLabel), sentimentScore: col((c) => c.analysis.sentimentScore),
      isSpam: col((c) => c.analysis.isSpam), spamScore: col((c) => c.analysis.spamScore), piiSpans: col((c) => c.analysis.piiSpans),
      ...intentColumns(comments.map((c) => c.analysis)),
    });
    const ids = new Map(rows.map((r) => [commentKey(r), r.id]));
    const withIds = comments.map((c) => ({ id: ids.get(commentKey(c))!, isNew: !before.has(commentKey(c)), analysis: c.analysis }));
    // New comments, and stored ones whose text or analysis (so normalised text) changed, get their words.
    const searchable = comments.filter((c) => {
      const old = before.get(commentKey(c));
      return !old || old.text !== c.text || old.modelVersion !== input.model.version;
    });
    await writeSearchWordsPg(client, villageId, searchable.map((c) => ({
      id: ids.get(commentKey(c))!, isNew: !before.has(commentKey(c)), text: c.text, normalized: c.analysis.normalized,
    })));
    await replaceModelTopicsPg(client, withIds, now);
    for (const c of comments) {
      if (c.urgentAlert && !before.has(commentKey(c))) {
        await pgQuery(client, ENQUEUE_URGENT_SQL, { villageId, dedupeKey: `urgent:${ids.get(commentKey(c))}`, payload: alertPayloadColumn.serialise(c.urgentAlert), now });
      }
    }
    for (const sql of PG_ROLLUP_DELTA_SQL) await pgQuery(client, sql, { villageId, sign: 1, ids: rows.map((r) => r.id) });
    await pgQuery(client, PG_DROP_EMPTY_ROLLUPS_SQL, { villageId, days: result.days });
    await pgQuery(client, BUMP_VERSION_SQL, { villageId });
  }
  if (input.likeUpdates.length > 0) {
    await pgQuery(client, `UPDATE "Comment" c SET "likeCount" = u."likeCount", "updatedAt" = @now::timestamp(3)
      FROM unnest(@id::int[], @likeCount::int[]) AS u(id, "likeCount") WHERE c.id = u.id AND c."villageId" = @villageId::int`,
    { now, villageId, id: input.likeUpdates.map((u) => u.id), likeCount: input.likeUpdates.map((u) => u.likeCount) });
  }
  if (input.sourceId != null && input.cursor !== undefined) {
    await pgQuery(client, `UPDATE "Source" SET cursor = @cursor, "updatedAt" = @now WHERE id = @sourceId`,
      { cursor: cursorText(input.cursor), now, sourceId: input.sourceId });
  }
  return result;
}

// A comment a batch has just inserted (not among the rows its locked look-up found) has a new id, so
// no search or topic row can name it yet: its rows are plain inserts. ON CONFLICT's speculative insertion
// costs ~15 % of the search-word insert and ~25 % of the topic insert, paid for every row of an import.
const upsertClause = (isNew: boolean, conflict: string) => (isNew ? "" : conflict);

/**
 * Writes the search words of comments into "CommentSearch" (PostgreSQL; SQLite's "CommentFts" is
 * written by indexNewComments and its update trigger): one statement per batch for the comments it
 * inserted (`isNew`), one for the others, whose words are replaced. Every statement that writes a
 * comment's text or normalised text calls this.
 * `villageId` null: each row's village is read from its comment (re-analysis, where rows are stored ones).
 */
async function writeSearchWordsPg(
  client: pg.PoolClient, villageId: number | null, rows: Array<{ id: number; isNew?: boolean; text: string; normalized: string | null }>,
): Promise<void> {
  const vector = `array_to_tsvector(string_to_array(w.words, ' '))`;
  const from = `unnest(@ids::int[], @words::text[]) AS w(id, words)`;
  for (const isNew of [true, false]) {
    const part = rows.filter((r) => Boolean(r.isNew) === isNew);
    if (part.length === 0) continue;
    await pgQuery(client, `INSERT INTO "CommentSearch" ("commentId", "villageId", "vector")
      ${villageId === null ? `SELECT w.id, c."villageId", ${vector} FROM ${from} JOIN "Comment" c ON c.id = w.id` : `SELECT w.id, @villageId::int, ${vector} FROM ${from}`}
      ${upsertClause(isNew, `ON CONFLICT ("commentId") DO UPDATE SET "vector" = excluded."vector"`)}`,
    { villageId, ids: part.map((r) => r.id), words: part.map((r) => searchDocument(r.text, r.normalized)) });
  }
}

/** Replaces the model topics of comments (those not new lose their old ones first). */
async function replaceModelTopicsPg(
  client: pg.PoolClient,
  rows: Array<{ id: number; isNew?: boolean; analysis: CommentRow["analysis"] }>,
  now: Date,
): Promise<void> {
  const old = rows.filter((r) => !r.isNew).map((r) => r.id);
  if (old.length > 0) {
    await pgQuery(client, `DELETE FROM "CommentTopic" WHERE "commentId" = ANY(@ids::int[]) AND origin = 'model'`, { ids: old });
  }
  for (const isNew of [true, false]) {
    const links = rows.filter((r) => Boolean(r.isNew) === isNew)
      .flatMap((r) => r.analysis.topics.map((t) => ({ commentId: r.id, topicId: t.topicId, score: t.score })));
    if (links.length === 0) continue;
    await pgQuery(client, `INSERT INTO "CommentTopic" ("commentId", "topicId", score, origin, "createdAt")
      SELECT t."commentId", t."topicId", t.score, 'model', @now::timestamp(3)
      FROM unnest(@commentId::int[], @topicId::int[], @score::float8[]) AS t("commentId", "topicId", score)
      ${upsertClause(isNew, `ON CONFLICT ("commentId", "topicId", origin) DO UPDATE SET score = excluded.score`)}`, {
      now, commentId: links.map((l) => l.commentId), topicId: links.map((l) => l.topicId), score: links.map((l) => l.score),
    });
  }
}

/**
 * Links comments whose post or parent arrived after them (replies can come before parents), to
 * the post or parent of the same village only.
 */
export async function linkOrphans(db: Database, villageId: number): Promise<void> {
  await sqlRun(db, `UPDATE "Comment" SET "parentId" = (SELECT p.id FROM "Comment" p
      WHERE p."villageId" = "Comment"."villageId" AND p.platform = "Comment".platform AND p."externalId" = "Comment"."parentExternalId")
    WHERE "villageId" = @villageId AND "parentId" IS NULL AND "parentExternalId" IS NOT NULL`, { villageId });
  await sqlRun(db, `UPDATE "Comment" SET "postId" = (SELECT p.id FROM "Post" p
      WHERE p."villageId" = "Comment"."villageId" AND p.platform = "Comment".platform AND p."externalId" = "Comment"."postExternalId")
    WHERE "villageId" = @villageId AND "postId" IS NULL AND "postExternalId" IS NOT NULL`, { villageId });
}

const ROLLUP_SQL = [
  `DELETE FROM "DailyRollup" WHERE "villageId" = @villageId AND day = @day`,
  `INSERT INTO "DailyRollup" ("villageId", day, platform, topic, sentiment, count, ${INTENT_COLS})
    SELECT c."villageId", c.day, c.platform, '*', ${SENTIMENT_EXPR}, COUNT(*), ${intentCounts("", "c.id")} FROM "Comment" c
    WHERE c."villageId" = @villageId AND c.day = @day AND c."analyzedAt" IS NOT NULL AND c."fromVillage" = false
    GROUP BY c."villageId", c.day, c.platform, 5`,
  `INSERT INTO "DailyRollup" ("villageId", day, platform, topic, sentiment, count, ${INTENT_COLS})
    SELECT c."villageId", c.day, c.platform, t.key, ${SENTIMENT_EXPR}, COUNT(DISTINCT c.id), ${intentCounts("", "DISTINCT c.id")} FROM "Comment" c
    JOIN "CommentTopic" ct ON ct."commentId" = c.id JOIN "Topic" t ON t.id = ct."topicId"
    WHERE c."villageId" = @villageId AND c.day = @day AND c."analyzedAt" IS NOT NULL AND c."fromVillage" = false
      AND ct.origin = CASE WHEN c."humanTopicsAt" IS NULL THEN 'model' ELSE 'human' END
    GROUP BY c."villageId", c.day, c.platform, t.key, 5`,
];

const PG_ROLLUP_SQL = ROLLUP_SQL.map(pgTopicProbe);

/**
 * Recomputes the daily rollup rows of the given local days. Effective labels: a human correction
 * wins over the model (sentiment: humanSentiment; topics: once an official corrected them
 * (humanTopicsAt), the comment's human topic rows replace its model rows). Spam is counted under
 * sentiment "spam". Each day costs what that day holds, whatever the size of the table.
 */
export async function recomputeRollups(db: Database, villageId: number, days: string[]): Promise<void> {
  if (days.length === 0) return;
  const unique = [...new Set(days)];
  if (db.pg) {
    await pgTransaction(db, async (client) => {
      // Two workers finishing runs of one village would otherwise interleave delete and insert.
      await client.query("SELECT pg_advisory_xact_lock($1, $2)", [PG_ROLLUP_LOCK, villageId]);
      for (const day of unique) for (const sql of PG_ROLLUP_SQL) await pgQuery(client, sql, { villageId, day });
      await pgQuery(client, BUMP_VERSION_SQL, { villageId });
    });
  } else {
    const raw = rawOf(db);
    const statements = ROLLUP_SQL.map((sql) => sqliteStatement(raw, sql));
    const bump = sqliteStatement(raw, BUMP_VERSION_SQL);
    raw.transaction(() => {
      for (const day of unique) for (const st of statements) st.run({ villageId, day });
      bump.run({ villageId });
    })();
  }
}

const STALE_WHERE = `"villageId" = @villageId AND ("modelVersion" IS NULL OR "modelVersion" <> @modelVersion OR @all)`;

/** The next batch (by id) of a village's comments tagged by another model version (or all). */
export async function findStaleComments(
  db: Database,
  villageId: number,
  modelVersion: string,
  opts: { afterId: number; limit: number; all: boolean; beforeId?: number },
): Promise<Array<{ id: number; text: string; day: string }>> {
  return sqlAll(db, `SELECT id, text, day FROM "Comment" WHERE ${STALE_WHERE} AND id > @afterId AND id <= @beforeId
    ORDER BY id LIMIT @limit`, { villageId, modelVersion, all: opts.all, afterId: opts.afterId, beforeId: opts.beforeId ?? 2 ** 31 - 1, limit: opts.limit });
}

/** Ids (ascending) of a village's comments tagged by another model version. */
export async function findStaleIds(db: Database, villageId: number, modelVersion: string): Promise<number[]> {
  const rows = await sqlAll<{ id: number }>(db, `SELECT id FROM "Comment" WHERE ${STALE_WHERE} ORDER BY id`, { villageId, modelVersion, all: false });
  return rows.map((r) => r.id);
}

/** How many of a village's comments a retag would touch. */
export async function countStaleComments(db: Database, villageId: number, modelVersion: string, all: boolean): Promise<number> {
  const row = await sqlGet<{ n: number }>(db, `SELECT COUNT(*) AS n FROM "Comment" WHERE ${STALE_WHERE}`, { villageId, modelVersion, all });
  return Number(row?.n ?? 0);
}

/**
 * Replaces the model's analysis of existing comments of one village (human labels are untouched),
 * atomically. A row is written only while the comment still has the text that was analysed: an import
 * that changed the text meanwhile (a platform edit) has stored its own, newer analysis, which a stale
 * one must not overwrite. The rows' rollup difference is applied in the same transaction (as an import
 * batch does), so a retag stopped between two batches leaves exact statistics. Returns the ids written.
 */
export async function updateAnalyses(
  db: Database,
  villageId: number,
  model: { name: string; version: string },
  rows: Array<{ id: number; text: string; analysis: CommentRow["analysis"] }>,
): Promise<number[]> {
  if (db.pg) {
    if (rows.length === 0) return [];
    const now = new Date();
    const col = <T>(f: (a: CommentRow["analysis"]) => T) => rows.map((r) => f(r.analysis));
    let written: number[] = [];
    await pgTransaction(db, async (client) => {
      // Like an import batch, the rewrite applies its own rollup difference under the rollup lock: a retag
      // killed between its batches leaves exact statistics (its end-of-run recompute used to be all there was).
      await client.query("SELECT pg_advisory_xact_lock($1, $2)", [PG_ROLLUP_LOCK, villageId]);
      const ids = rows.map((r) => r.id);
      for (const sql of PG_ROLLUP_DELTA_SQL) await pgQuery(client, sql, { villageId, sign: -1, ids });
      const res = await pgQuery<{ id: number }>(client, `UPDATE "Comment" c SET "normalizedText" = v.normalized, language = v.language,
          "sentimentLabel" = v."sentimentLabel", "sentimentScore" = v."sentimentScore", "isSpam" = v."isSpam",
          "spamScore" = v."spamScore", "piiSpans" = v."piiSpans", intent = v.intent, "intentScore" = v."intentScore",
          urgent = v.urgent, "urgentTerms" = v."urgentTerms", "modelName" = @modelName::text,
          "modelVersion" = @modelVersion::text, "analyzedAt" = @now::timestamp(3), "updatedAt" = @now::timestamp(3)
        FROM unnest(@id::int[], @normalized::text[], @language::text[], @sentimentLabel::text[], @sentimentScore::float8[],
          @isSpam::bool[], @spamScore::float8[], @piiSpans::text[], @intent::text[], @intentScore::float8[], @urgent::bool[],
          @urgentTerms::text[], @text::text[])
          AS v(id, normalized, language, "sentimentLabel", "sentimentScore", "isSpam", "spamScore", "piiSpans", intent,
            "intentScore", urgent, "urgentTerms", text)
        WHERE c.id = v.id AND c."villageId" = @villageId::int AND c.text = v.text
        RETURNING c.id`, {
        now, villageId, modelName: model.name, modelVersion: model.version, id: rows.map((r) => r.id), text: rows.map((r) => r.text),
        normalized: col((a) => a.normalized), language: col((a) => a.language), sentimentLabel: col((a) => a.sentimentLabel),
        sentimentScore: col((a) => a.sentimentScore), isSpam: col((a) => a.isSpam), spamScore: col((a) => a.spamScore),
        piiSpans: col((a) => a.piiSpans), ...intentColumns(rows.map((r) => r.analysis)),
      });
      const updated = new Set(res.rows.map((r) => Number(r.id)));
      const kept = rows.filter((r) => updated.has(r.id));
      written = kept.map((r) => r.id);
      if (kept.length > 0) {
        await writeSearchWordsPg(client, null, kept.map((r) => ({ id: r.id, text: r.text, normalized: r.analysis.normalized })));
        await replaceModelTopicsPg(client, kept, now);
      }
      // Every row subtracted above is added back with what it holds now (rewritten or not).
      for (const sql of PG_ROLLUP_DELTA_SQL) await pgQuery(client, sql, { villageId, sign: 1, ids });
      const days = await pgQuery<{ day: string }>(client, `SELECT DISTINCT day FROM "Comment" WHERE id = ANY(@ids::int[])`, { ids });
      await pgQuery(client, PG_DROP_EMPTY_ROLLUPS_SQL, { villageId, days: days.rows.map((d) => d.day) });
      await pgQuery(client, BUMP_VERSION_SQL, { villageId });
    });
    return written;
  }
  const raw = rawOf(db);
  // Re-analysing a village rewrites every comment of it, batch after batch (see writeIngestBatchOn).
  checkpointInBackground(db);
  const s = stmts(db);
  const now = toDbDate(new Date());
  const written: number[] = [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  // The rollup difference in the same transaction, as in writeIngestBatchOn (see the PostgreSQL path above).
  raw.transaction(() => {
    for (const st of s.addRollups) st.run({ villageId, sign: -1, ids });
    for (const r of rows) {
      const a = r.analysis;
      const { changes } = s.updateAnalysis.run({
        id: r.id, villageId, text: r.text, normalized: a.normalized, language: a.language, sentimentLabel: a.sentimentLabel,
        sentimentScore: a.sentimentScore, isSpam: a.isSpam ? 1 : 0, spamScore: a.spamScore, piiSpans: a.piiSpans,
        ...intentParams(a), modelName: model.name, modelVersion: model.version, now,
      });
      if (changes === 0) continue;
      written.push(r.id);
      s.deleteModelTopics.run(r.id);
      for (const t of a.topics) s.insertTopic.run(r.id, t.topicId, t.score, now);
    }
    for (const st of s.addRollups) st.run({ villageId, sign: 1, ids });
    const days = (sqliteStatement(raw, `SELECT DISTINCT day FROM "Comment" WHERE id IN (SELECT value FROM json_each(@ids))`).all({ ids }) as Array<{ day: string }>).map((d) => d.day);
    s.dropEmptyRollups.run({ villageId, days: JSON.stringify(days) });
    s.bumpVersion.run({ villageId });
  }).immediate();
  return written;
}

/** One statement of rewriteComments(): named parameters, dates as Date, booleans as boolean. */
export interface CommentStatement { sql: string; params: Params }

/** The ids among `ids` that are comments of the village (the only rows a village's writer may touch). */
const VILLAGE_IDS_SQL = (pg: boolean) => `SELECT id, day FROM "Comment" WHERE "villageId" = @villageId AND ${pg ? "id = ANY(@ids::int[])" : "id IN (SELECT value FROM json_each(@ids))"}`;

/**
 * Runs `statements` (an official's correction of some of the village's comments) in one transaction
 * under the village's rollup lock, between subtracting the comments' rollup counts and adding them
 * back with what they hold afterwards: a correction stopped at any point leaves exact statistics, and
 * an import batch never interleaves with it.
 */
export async function rewriteComments(db: Database, villageId: number, ids: number[], statements: CommentStatement[]): Promise<void> {
  if (db.pg) {
    await pgTransaction(db, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1, $2)", [PG_ROLLUP_LOCK, villageId]);
      const own = (await pgQuery<{ id: number; day: string }>(client, VILLAGE_IDS_SQL(true), { villageId, ids })).rows;
      const mine = own.map((r) => Number(r.id));
      for (const sql of PG_ROLLUP_DELTA_SQL) await pgQuery(client, sql, { villageId, sign: -1, ids: mine });
      for (const st of statements) await pgQuery(client, st.sql, st.params);
      for (const sql of PG_ROLLUP_DELTA_SQL) await pgQuery(client, sql, { villageId, sign: 1, ids: mine });
      await pgQuery(client, PG_DROP_EMPTY_ROLLUPS_SQL, { villageId, days: [...new Set(own.map((r) => r.day))] });
      await pgQuery(client, BUMP_VERSION_SQL, { villageId });
    });
    return;
  }
  const raw = rawOf(db);
  const s = stmts(db);
  raw.transaction(() => {
    const own = sqliteStatement(raw, VILLAGE_IDS_SQL(false)).all({ villageId, ids: JSON.stringify(ids) }) as Array<{ id: number; day: string }>;
    const mine = JSON.stringify(own.map((r) => r.id));
    for (const st of s.addRollups) st.run({ villageId, sign: -1, ids: mine });
    for (const st of statements) sqliteStatement(raw, st.sql).run(sqliteParams(st.params));
    for (const st of s.addRollups) st.run({ villageId, sign: 1, ids: mine });
    s.dropEmptyRollups.run({ villageId, days: JSON.stringify([...new Set(own.map((r) => r.day))]) });
    s.bumpVersion.run({ villageId });
  }).immediate();
}

/**
 * Deletes comments of one village with their topic rows (replies detached first), 500 per
 * transaction under the village's rollup lock. `keepCounts: false` (an author's erasure): each
 * transaction subtracts the rows' rollup counts as it deletes them, so a process killed between two
 * leaves exact statistics. `keepCounts: true` (the retention purge): the aggregates stay.
 * `publishedBefore`: only rows still published before it go (an import may have given an edited
 * comment a newer time since the caller read it). Returns the number deleted and their days.
 */
export async function deleteComments(
  db: Database,
  villageId: number,
  ids: number[],
  opts: { keepCounts: boolean; publishedBefore?: Date },
): Promise<{ deleted: number; days: string[] }> {
  let deleted = 0;
  const days = new Set<string>();
  const before = opts.publishedBefore;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500).map((id) => {
      if (!Number.isSafeInteger(id)) throw new Error(`deleteComments: not a comment id: ${id}`);
      return id;
    });
    if (db.pg) {
      await pgTransaction(db, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock($1, $2)", [PG_ROLLUP_LOCK, villageId]);
        const own = (await pgQuery<{ id: number; day: string }>(client, `${VILLAGE_IDS_SQL(true)}${before ? ` AND "publishedAt" < @before::timestamp(3)` : ""}`,
          { villageId, ids: chunk, ...(before ? { before } : {}) })).rows;
        if (own.length === 0) return;
        const gone = own.map((r) => Number(r.id));
        if (!opts.keepCounts) for (const sql of PG_ROLLUP_DELTA_SQL) await pgQuery(client, sql, { villageId, sign: -1, ids: gone });
        await pgQuery(client, `DELETE FROM "CommentTopic" WHERE "commentId" = ANY(@ids::int[])`, { ids: gone });
        await pgQuery(client, `UPDATE "Comment" SET "parentId" = NULL WHERE "villageId" = @villageId AND "parentId" = ANY(@ids::int[])`, { villageId, ids: gone });
        const res = await pgQuery<{ day: string }>(client, `DELETE FROM "Comment" WHERE "villageId" = @villageId AND id = ANY(@ids::int[]) RETURNING day`, { villageId, ids: gone });
        const gotDays = [...new Set(res.rows.map((r) => r.day))];
        if (!opts.keepCounts) await pgQuery(client, PG_DROP_EMPTY_ROLLUPS_SQL, { villageId, days: gotDays });
        await pgQuery(client, BUMP_VERSION_SQL, { villageId });
        deleted += res.rows.length;
        gotDays.forEach((d) => days.add(d));
      });
      continue;
    }
    const raw = rawOf(db);
    const s = stmts(db);
    raw.transaction(() => {
      const own = sqliteStatement(raw, `${VILLAGE_IDS_SQL(false)}${before ? ` AND "publishedAt" < @before` : ""}`)
        .all(sqliteParams({ villageId, ids: JSON.stringify(chunk), ...(before ? { before } : {}) })) as Array<{ id: number; day: string }>;
      if (own.length === 0) return;
      const gone = JSON.stringify(own.map((r) => r.id));
      if (!opts.keepCounts) for (const st of s.addRollups) st.run({ villageId, sign: -1, ids: gone });
      sqliteStatement(raw, `DELETE FROM "CommentTopic" WHERE "commentId" IN (SELECT value FROM json_each(@ids))`).run({ ids: gone });
      sqliteStatement(raw, `UPDATE "Comment" SET "parentId" = NULL WHERE "villageId" = @villageId AND "parentId" IN (SELECT value FROM json_each(@ids))`).run({ villageId, ids: gone });
      const rows = sqliteStatement(raw, `DELETE FROM "Comment" WHERE "villageId" = @villageId AND id IN (SELECT value FROM json_each(@ids)) RETURNING day`).all({ villageId, ids: gone }) as Array<{ day: string }>;
      const gotDays = [...new Set(rows.map((r) => r.day))];
      if (!opts.keepCounts) s.dropEmptyRollups.run({ villageId, days: JSON.stringify(gotDays) });
      s.bumpVersion.run({ villageId });
      deleted += rows.length;
      gotDays.forEach((d) => days.add(d));
    }).immediate();
  }
  return { deleted, days: [...days].sort() };
}
