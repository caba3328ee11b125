// The bulk write path for ingestion: raw prepared statements in one transaction per batch, because
// Prisma's per-row cost (~0.2 ms) would make a million-comment import take over an hour.
// Idempotent on (platform, externalId): replaying a batch changes nothing.
import type BetterSqlite3 from "better-sqlite3";
import { toDbDate, type Database } from "./client";
import { bumpVillageVersion } from "./dataVersion";

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
  /** Not stored before this batch: it has no model topics to replace. */
  isNew?: boolean;
  analysis: {
    normalized: string;
    language: string;
    sentimentLabel: string;
    sentimentScore: number;
    isSpam: boolean;
    spamScore: number;
    piiSpans: string;
    topics: Array<{ topicId: number; score: number }>;
  };
}

export interface ExistingComment { id: number; text: string; likeCount: number; day: string; modelVersion: string | null }

function rawOf(db: Database): BetterSqlite3.Database {
  if (!db.raw) throw new Error("bulk ingestion needs the SQLite driver");
  return db.raw;
}

// Prepared statements are cached per connection.
const statements = new WeakMap<BetterSqlite3.Database, ReturnType<typeof prepare>>();
function prepare(raw: BetterSqlite3.Database) {
  return {
    existing: raw.prepare(`SELECT id, text, likeCount, day, modelVersion FROM "Comment" WHERE platform = ? AND externalId = ?`),
    upsertPost: raw.prepare(`INSERT INTO "Post" (villageId, sourceId, platform, externalId, text, url, publishedAt, createdAt)
      VALUES (@villageId, @sourceId, @platform, @externalId, @text, @url, @publishedAt, @now)
      ON CONFLICT(platform, externalId) DO UPDATE SET text = excluded.text, url = COALESCE(excluded.url, "Post".url),
        sourceId = COALESCE("Post".sourceId, excluded.sourceId)`),
    upsertComment: raw.prepare(`INSERT INTO "Comment" (villageId, sourceId, postId, parentId, platform, externalId,
        postExternalId, parentExternalId, authorPseudonym, authorName, text, normalizedText, url, publishedAt, day, likeCount, fromVillage,
        language, sentimentLabel, sentimentScore, isSpam, spamScore, piiSpans, modelName, modelVersion, analyzedAt, createdAt, updatedAt)
      VALUES (@villageId, @sourceId,
        (SELECT id FROM "Post" WHERE platform = @platform AND externalId = @postExternalId),
        (SELECT id FROM "Comment" WHERE platform = @platform AND externalId = @parentExternalId),
        @platform, @externalId, @postExternalId, @parentExternalId, @authorPseudonym, @authorName, @text, @normalized, @url,
        @publishedAt, @day, @likeCount, @fromVillage, @language, @sentimentLabel, @sentimentScore, @isSpam, @spamScore, @piiSpans,
        @modelName, @modelVersion, @now, @now, @now)
      ON CONFLICT(platform, externalId) DO UPDATE SET
        text = excluded.text, normalizedText = excluded.normalizedText, authorName = COALESCE(excluded.authorName, "Comment".authorName),
        url = COALESCE(excluded.url, "Comment".url), publishedAt = excluded.publishedAt, day = excluded.day,
        likeCount = excluded.likeCount, language = excluded.language, sentimentLabel = excluded.sentimentLabel,
        sentimentScore = excluded.sentimentScore, isSpam = excluded.isSpam, spamScore = excluded.spamScore,
        piiSpans = excluded.piiSpans, modelName = excluded.modelName, modelVersion = excluded.modelVersion,
        analyzedAt = excluded.analyzedAt, updatedAt = excluded.updatedAt,
        postId = COALESCE("Comment".postId, excluded.postId), parentId = COALESCE("Comment".parentId, excluded.parentId)
      RETURNING id`),
    updateLikes: raw.prepare(`UPDATE "Comment" SET likeCount = ?, updatedAt = ? WHERE id = ?`),
    deleteModelTopics: raw.prepare(`DELETE FROM "CommentTopic" WHERE commentId = ? AND origin = 'model'`),
    insertTopic: raw.prepare(`INSERT INTO "CommentTopic" (commentId, topicId, score, origin, createdAt) VALUES (?, ?, ?, 'model', ?)
      ON CONFLICT(commentId, topicId, origin) DO UPDATE SET score = excluded.score`),
    updateAnalysis: raw.prepare(`UPDATE "Comment" SET normalizedText = @normalized, language = @language,
        sentimentLabel = @sentimentLabel, sentimentScore = @sentimentScore, isSpam = @isSpam, spamScore = @spamScore,
        piiSpans = @piiSpans, modelName = @modelName, modelVersion = @modelVersion, analyzedAt = @now, updatedAt = @now
      WHERE id = @id`),
    staleBatch: raw.prepare(`SELECT id, text, day FROM "Comment" WHERE villageId = ? AND id > ?
        AND (modelVersion IS NULL OR modelVersion != ? OR ? = 1) ORDER BY id LIMIT ?`),
    countStale: raw.prepare(`SELECT COUNT(*) AS n FROM "Comment" WHERE villageId = ? AND (modelVersion IS NULL OR modelVersion != ? OR ? = 1)`),
    saveCursor: raw.prepare(`UPDATE "Source" SET cursor = ?, updatedAt = ? WHERE id = ?`),
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

/** Existing comments by platform + externalId (key `${platform}\u0000${externalId}`). */
export function findExistingComments(db: Database, keys: Array<{ platform: string; externalId: string }>): Map<string, ExistingComment> {
  const s = stmts(db);
  const found = new Map<string, ExistingComment>();
  for (const k of keys) {
    const row = s.existing.get(k.platform, k.externalId) as ExistingComment | undefined;
    if (row) found.set(`${k.platform}\u0000${k.externalId}`, row);
  }
  return found;
}

/**
 * Writes one batch atomically: posts, analysed comments (with their model topics), like-count
 * updates, and the source cursor, so a cursor never advances past items that were not stored.
 */
export function writeIngestBatch(
  db: Database,
  input: {
    villageId: number;
    sourceId: number | null;
    model: { name: string; version: string };
    posts: PostRow[];
    comments: CommentRow[];
    likeUpdates: Array<{ id: number; likeCount: number }>;
    cursor?: string | null;
  },
): void {
  const raw = rawOf(db);
  const s = stmts(db);
  const now = toDbDate(new Date());
  raw.transaction(() => {
    for (const p of input.posts) {
      s.upsertPost.run({
        villageId: input.villageId, sourceId: input.sourceId, platform: p.platform, externalId: p.externalId,
        text: p.text, url: p.url, publishedAt: toDbDate(p.publishedAt), now,
      });
    }
    for (const c of input.comments) {
      const { id } = s.upsertComment.get({
        villageId: input.villageId, sourceId: input.sourceId, platform: c.platform, externalId: c.externalId,
        postExternalId: c.postExternalId, parentExternalId: c.parentExternalId, authorPseudonym: c.authorPseudonym,
        authorName: c.authorName, text: c.text, normalized: c.analysis.normalized, url: c.url,
        publishedAt: toDbDate(c.publishedAt), day: c.day, likeCount: c.likeCount, fromVillage: c.fromVillage ? 1 : 0,
        language: c.analysis.language,
        sentimentLabel: c.analysis.sentimentLabel, sentimentScore: c.analysis.sentimentScore, isSpam: c.analysis.isSpam ? 1 : 0,
        spamScore: c.analysis.spamScore, piiSpans: c.analysis.piiSpans, modelName: input.model.name,
        modelVersion: input.model.version, now,
      }) as { id: number };
      if (!c.isNew) s.deleteModelTopics.run(id);
      for (const t of c.analysis.topics) s.insertTopic.run(id, t.topicId, t.score, now);
    }
    for (const u of input.likeUpdates) s.updateLikes.run(u.likeCount, now, u.id);
    if (input.sourceId != null && input.cursor !== undefined) s.saveCursor.run(input.cursor, now, input.sourceId);
  })();
}

/** Links comments whose post or parent arrived after them (replies can come before parents). */
export function linkOrphans(db: Database, villageId: number): void {
  const raw = rawOf(db);
  raw.prepare(`UPDATE "Comment" SET parentId = (SELECT p.id FROM "Comment" p WHERE p.platform = "Comment".platform AND p.externalId = "Comment".parentExternalId)
    WHERE villageId = ? AND parentId IS NULL AND parentExternalId IS NOT NULL`).run(villageId);
  raw.prepare(`UPDATE "Comment" SET postId = (SELECT p.id FROM "Post" p WHERE p.platform = "Comment".platform AND p.externalId = "Comment".postExternalId)
    WHERE villageId = ? AND postId IS NULL AND postExternalId IS NOT NULL`).run(villageId);
}

/**
 * Recomputes the daily rollup rows of the given local days. Effective labels: a human correction
 * wins over the model (sentiment: humanSentiment; topics: once an official corrected them
 * (humanTopicsAt), the comment's human topic rows replace its model rows). Spam is counted under sentiment "spam".
 */
export function recomputeRollups(db: Database, villageId: number, days: string[]): void {
  if (days.length === 0) return;
  bumpVillageVersion(villageId);
  const raw = rawOf(db);
  const sentimentExpr = `CASE WHEN c.isSpam = 1 THEN 'spam' ELSE COALESCE(c.humanSentiment, c.sentimentLabel, 'netral') END`;
  const del = raw.prepare(`DELETE FROM "DailyRollup" WHERE villageId = ? AND day = ?`);
  const all = raw.prepare(`INSERT INTO "DailyRollup" (villageId, day, platform, topic, sentiment, count)
    SELECT c.villageId, c.day, c.platform, '*', ${sentimentExpr}, COUNT(*) FROM "Comment" c
    WHERE c.villageId = ? AND c.day = ? AND c.analyzedAt IS NOT NULL AND c.fromVillage = 0 GROUP BY c.platform, 5`);
  const byTopic = raw.prepare(`INSERT INTO "DailyRollup" (villageId, day, platform, topic, sentiment, count)
    SELECT c.villageId, c.day, c.platform, t.key, ${sentimentExpr}, COUNT(DISTINCT c.id) FROM "Comment" c
    JOIN "CommentTopic" ct ON ct.commentId = c.id JOIN "Topic" t ON t.id = ct.topicId
    WHERE c.villageId = ? AND c.day = ? AND c.analyzedAt IS NOT NULL AND c.fromVillage = 0
      AND ct.origin = CASE WHEN c.humanTopicsAt IS NULL THEN 'model' ELSE 'human' END
    GROUP BY c.platform, t.key, 5`);
  raw.transaction(() => {
    for (const day of new Set(days)) {
      del.run(villageId, day);
      all.run(villageId, day);
      byTopic.run(villageId, day);
    }
  })();
}

/** The next batch (by id) of a village's comments tagged by another model version (or all). */
export function findStaleComments(
  db: Database,
  villageId: number,
  modelVersion: string,
  opts: { afterId: number; limit: number; all: boolean },
): Array<{ id: number; text: string; day: string }> {
  return stmts(db).staleBatch.all(villageId, opts.afterId, modelVersion, opts.all ? 1 : 0, opts.limit) as Array<{ id: number; text: string; day: string }>;
}

/** How many of a village's comments a retag would touch. */
export function countStaleComments(db: Database, villageId: number, modelVersion: string, all: boolean): number {
  return (stmts(db).countStale.get(villageId, modelVersion, all ? 1 : 0) as { n: number }).n;
}

/** Replaces the model's analysis of existing comments (human labels are untouched), atomically. */
export function updateAnalyses(
  db: Database,
  model: { name: string; version: string },
  rows: Array<{ id: number; analysis: CommentRow["analysis"] }>,
): void {
  const raw = rawOf(db);
  const s = stmts(db);
  const now = toDbDate(new Date());
  raw.transaction(() => {
    for (const r of rows) {
      const a = r.analysis;
      s.updateAnalysis.run({
        id: r.id, normalized: a.normalized, language: a.language, sentimentLabel: a.sentimentLabel,
        sentimentScore: a.sentimentScore, isSpam: a.isSpam ? 1 : 0, spamScore: a.spamScore, piiSpans: a.piiSpans,
        modelName: model.name, modelVersion: model.version, now,
      });
      s.deleteModelTopics.run(r.id);
      for (const t of a.topics) s.insertTopic.run(r.id, t.topicId, t.score, now);
    }
  })();
}
