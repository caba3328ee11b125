// The migration to per-village identity (20261203080000_village_scoped_external_ids) on a database
// holding data written at the previous migration: every row survives unchanged, full-text search
// (SQLite FTS5 table and triggers, PostgreSQL GIN index) keeps working, threads that crossed
// villages are unlinked, and the same external id may then exist once per village.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@suara-desa/core/db/client";
import { countComments } from "@suara-desa/core/db/commentRepository";
import { MIGRATIONS_DIRS, migrateDatabase, migrationNames } from "@suara-desa/core/db/migrate";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";

const MIGRATION = "20261203080000_village_scoped_external_ids";
let temp: Awaited<ReturnType<typeof createTempDatabase>>;

beforeAll(async () => {
  temp = await createTempDatabase({ prepare: false });
});
afterAll(async () => temp?.cleanup());

/** A folder with the migrations before ours: the database as an older version left it. */
function previousMigrations(db: Database): string {
  const all = MIGRATIONS_DIRS[db.provider];
  const dir = path.join(temp.dir, "previous-migrations");
  for (const name of migrationNames(all).filter((n) => n < MIGRATION)) {
    fs.cpSync(path.join(all, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

// Comment and DailyRollup rows are read and written with SQL naming the columns that existed at the
// previous migration: the Prisma client knows the newest schema (later migrations add columns).
const COMMENT_COLUMNS = ["id", "villageId", "sourceId", "postId", "parentId", "platform", "externalId", "postExternalId",
  "parentExternalId", "authorPseudonym", "authorName", "text", "normalizedText", "url", "publishedAt", "day", "likeCount",
  "fromVillage", "language", "sentimentLabel", "sentimentScore", "isSpam", "spamScore", "piiSpans", "modelName", "modelVersion",
  "analyzedAt", "humanSentiment", "humanTopicsAt", "createdAt"];
const ROLLUP_COLUMNS = ["villageId", "day", "platform", "topic", "sentiment", "count"];
type Row = Record<string, unknown>;
/** The engine's placeholder for the n-th statement argument. */
const arg = (db: Database, n: number) => (db.provider === "postgres" ? `$${n}` : "?");
const select = (db: Database, table: string, columns: string[], where = "", order = "id") =>
  db.prisma.$queryRawUnsafe<Row[]>(`SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}" ${where} ORDER BY ${order}`);
const commentsOf = (db: Database, villageId?: number) =>
  select(db, "Comment", COMMENT_COLUMNS, villageId === undefined ? "" : `WHERE "villageId" = ${Number(villageId)}`);
const rollupsOf = (db: Database, villageId?: number) =>
  select(db, "DailyRollup", ROLLUP_COLUMNS, villageId === undefined ? "" : `WHERE "villageId" = ${Number(villageId)}`, `"villageId", day, platform, topic, sentiment`);

async function everything(db: Database) {
  const [comments, posts, topics, rollups] = await Promise.all([
    commentsOf(db),
    db.prisma.post.findMany({ orderBy: { id: "asc" } }),
    db.prisma.commentTopic.findMany({ orderBy: { id: "asc" } }),
    rollupsOf(db),
  ]);
  return { comments, posts, topics, rollups };
}

const search = (db: Database, villageId: number, q: string) => countComments(db, villageId, { q, spam: "include", pii: "any" });
/**
 * Search as the code of that older version ran it: on PostgreSQL the words were then an expression
 * index on "Comment" (a later migration moves them to "CommentSearch", which the current code reads).
 */
async function searchBefore(db: Database, villageId: number, q: string): Promise<number> {
  if (db.provider !== "postgres") return search(db, villageId, q);
  const rows = await db.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT COUNT(*)::int AS n FROM "Comment" c WHERE c."villageId" = $1
    AND to_tsvector('simple', c.text || ' ' || COALESCE(c."normalizedText", '')) @@ to_tsquery('simple', $2)`, villageId, q);
  return Number(rows[0].n);
}

describe(`migration ${MIGRATION}`, () => {
  it("keeps every row, unlinks threads across villages, keeps full-text search, and scopes ids to the village", async () => {
    const { db } = temp;
    const before = await migrateDatabase(db, previousMigrations(db));
    expect(before).not.toContain(MIGRATION);

    // Data as the previous version stored it (the columns are the same; only the keys differ).
    // Villages too are written with SQL: later migrations add columns to them as well.
    const village = async (code: string, name: string) => {
      const [row] = await db.prisma.$queryRawUnsafe<Array<{ id: number }>>(
        `INSERT INTO "Village" (code, name, kecamatan, kabupaten) VALUES (${arg(db, 1)}, ${arg(db, 2)}, 'Telagasari', 'Karawang') RETURNING id`, code, name);
      return { id: Number(row.id) };
    };
    const a = await village("32.15.99.3001", "Desa A");
    const b = await village("32.15.99.3002", "Desa B");
    const topic = await db.prisma.topic.create({ data: { key: "infrastruktur", nameId: "Infrastruktur", nameEn: "Infrastructure" } });
    const at = new Date("2026-11-18T03:00:00Z");
    const postA = await db.prisma.post.create({ data: { villageId: a.id, platform: "facebook", externalId: "p1", text: "Info desa A", publishedAt: at } });
    const comment = async (villageId: number, externalId: string, text: string, extra: Record<string, unknown> = {}) => {
      const values: Row = {
        villageId, platform: "facebook", externalId, text, normalizedText: text.toLowerCase(), authorPseudonym: `p-${externalId}`,
        publishedAt: at, day: "2026-11-18", analyzedAt: at, sentimentLabel: "negatif", modelName: "m", modelVersion: "1",
        createdAt: at, updatedAt: at, ...extra,
      };
      const names = Object.keys(values);
      const [row] = await db.prisma.$queryRawUnsafe<Array<{ id: number }>>(
        `INSERT INTO "Comment" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map((_, i) => arg(db, i + 1)).join(", ")}) RETURNING id`,
        ...names.map((n) => values[n]));
      return { id: Number(row.id) };
    };
    const parentA = await comment(a.id, "c1", "Jembatan Cikalong ambruk", { postId: postA.id, postExternalId: "p1" });
    const replyA = await comment(a.id, "c2", "Betul jembatan ambruk", { parentId: parentA.id, parentExternalId: "c1", postId: postA.id, postExternalId: "p1" });
    // B's reply linked to A's parent and post by the old deployment-wide look-up.
    const crossing = await comment(b.id, "c3", "Di sini juga jembatan rusak", { parentId: parentA.id, parentExternalId: "c1", postId: postA.id, postExternalId: "p1" });
    await db.prisma.commentTopic.create({ data: { commentId: parentA.id, topicId: topic.id, score: 0.9, origin: "model" } });
    for (const [villageId, count] of [[a.id, 2], [b.id, 1]]) {
      await db.prisma.$executeRawUnsafe(`INSERT INTO "DailyRollup" ("villageId", day, platform, topic, sentiment, count)
        VALUES (${arg(db, 1)}, '2026-11-18', 'facebook', '*', 'negatif', ${arg(db, 2)})`, villageId, count);
    }
    expect(await searchBefore(db, a.id, "jembatan")).toBe(2);
    const old = await everything(db);

    // This migration is the first one applied; the later ones follow it.
    expect((await migrateDatabase(db))[0]).toBe(MIGRATION);

    const now = await everything(db);
    // Every row is still there, identical but for the two links that crossed villages.
    expect(now.posts).toEqual(old.posts);
    expect(now.topics).toEqual(old.topics);
    expect(now.rollups).toEqual(old.rollups);
    expect(now.comments).toEqual(old.comments.map((c) => (Number(c.id) === crossing.id ? { ...c, parentId: null, postId: null } : c)));
    expect(now.comments.find((c) => Number(c.id) === replyA.id)).toMatchObject({ parentId: parentA.id, postId: postA.id });
    // Full-text search reads the migrated rows, and new rows are indexed (triggers or index intact).
    expect(await search(db, a.id, "jembatan")).toBe(2);
    expect(await search(db, b.id, "jembatan")).toBe(1);

    // The same ids in village B are now B's own rows; A's rows stay as they were.
    const r = await storeBatch(db, {
      villageId: b.id, sourceId: null,
      posts: [{ platform: "facebook", externalId: "p1", text: "Info desa B", publishedAt: at }],
      comments: [incomingComment({ externalId: "c1", text: "Jembatan di desa B juga ambruk", publishedAt: at }), incomingComment({ externalId: "c2", text: "Lampu jalan mati", postExternalId: "p1", parentExternalId: "c1", publishedAt: at })],
    });
    expect(r.new).toBe(2);
    // As every ingest run ends (on PostgreSQL a parent in the same batch is linked here).
    await finishImport(db, b.id, r.days);
    expect(await commentsOf(db, a.id)).toEqual(now.comments.filter((c) => Number(c.villageId) === a.id));
    expect(await rollupsOf(db, a.id)).toEqual(now.rollups.filter((x) => Number(x.villageId) === a.id));
    expect(await db.prisma.post.count({ where: { externalId: "p1" } })).toBe(2);
    const bReply = await db.prisma.comment.findFirstOrThrow({ where: { villageId: b.id, externalId: "c2" }, include: { parent: true, post: true } });
    expect(bReply.parent?.villageId).toBe(b.id);
    expect(bReply.post?.villageId).toBe(b.id);
    expect(await search(db, b.id, "jembatan")).toBe(2);
    expect(await search(db, a.id, "jembatan")).toBe(2);
  });
});
