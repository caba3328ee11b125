// Checks shared by the ingestion consistency tests.
import { expect } from "vitest";
import type { Database } from "@suara-desa/core/db/client";
import { recomputeRollups } from "@suara-desa/core/db/ingestRepository";
import { sqlAll, sqlGet } from "@suara-desa/core/db/sql";
import { searchDocument } from "@suara-desa/core/db/commentRepository";

/** The village's rollup rows, serialised in a fixed order. */
export async function rollupSnapshot(db: Database, villageId: number): Promise<string> {
  const rows = await db.prisma.dailyRollup.findMany({ where: { villageId }, orderBy: [{ day: "asc" }, { platform: "asc" }, { topic: "asc" }, { sentiment: "asc" }] });
  return JSON.stringify(rows);
}

/**
 * The rollups as they are equal the rollups recomputed from the stored comments and count every
 * stored resident comment once. Returns how many comments are stored.
 */
export async function expectRollupsExact(db: Database, villageId: number): Promise<number> {
  const stored = await db.prisma.comment.count({ where: { villageId, fromVillage: false } });
  expect(stored).toBeGreaterThan(0);
  const total = await db.prisma.dailyRollup.aggregate({ where: { villageId, topic: "*" }, _sum: { count: true } });
  expect(total._sum.count, "rollup total").toBe(stored);
  const asLeft = await rollupSnapshot(db, villageId);
  const days = (await db.prisma.comment.findMany({ where: { villageId }, select: { day: true }, distinct: ["day"] })).map((d) => d.day);
  await recomputeRollups(db, villageId, days);
  expect(asLeft, "rollups as left vs recomputed").toBe(await rollupSnapshot(db, villageId));
  return stored;
}

/**
 * SQLite: the full-text index holds exactly the stored comments (FTS5's integrity check compares
 * it with the Comment table and fails on a missing or stale row), and a word finds every stored
 * comment of the village that contains it. Rows enter the index per batch, in the batch's
 * transaction, so this holds after a kill too. PostgreSQL: every comment has its "CommentSearch" row with
 * exactly its words, written in the same transaction as its text.
 */
export async function expectSearchIndexExact(db: Database, villageId: number, word: string): Promise<void> {
  if (db.provider === "postgres") {
    // One "CommentSearch" row per comment, holding the words of its current text and normalised text
    // (searchDocument, as the repository writes them), and a search finds exactly the comments that
    // contain the word.
    const comments = await sqlAll<{ id: number; text: string; normalizedText: string | null }>(db,
      `SELECT id, text, "normalizedText" FROM "Comment" WHERE "villageId" = @villageId`, { villageId });
    const off = await sqlGet<{ n: number }>(db, `SELECT COUNT(*) AS n FROM unnest(@ids::int[], @words::text[]) AS w(id, words)
      LEFT JOIN "CommentSearch" s ON s."commentId" = w.id
      WHERE s."commentId" IS NULL OR s."villageId" <> @villageId OR s."vector" <> array_to_tsvector(string_to_array(w.words, ' '))`,
    { villageId, ids: comments.map((c) => c.id), words: comments.map((c) => searchDocument(c.text, c.normalizedText)) });
    expect(Number(off?.n), "comments whose search row is missing or stale").toBe(0);
    const found = await sqlGet<{ n: number }>(db, `SELECT COUNT(*) AS n FROM "Comment" c WHERE c."villageId" = @villageId
      AND c.id IN (SELECT s."commentId" FROM "CommentSearch" s WHERE s."villageId" = @villageId AND s."vector" @@ to_tsquery('simple', @word))`, { villageId, word });
    const stored = await sqlGet<{ n: number }>(db, `SELECT COUNT(*) AS n FROM "Comment" WHERE "villageId" = @villageId
      AND (LOWER(text) LIKE @like OR LOWER(COALESCE("normalizedText", '')) LIKE @like)`, { villageId, like: `%${word}%` });
    expect(Number(stored?.n), `comments containing "${word}"`).toBeGreaterThan(0);
    expect(Number(found?.n), `comments found by searching "${word}"`).toBe(Number(stored?.n));
    return;
  }
  db.raw!.exec(`INSERT INTO "CommentFts" ("CommentFts", rank) VALUES ('integrity-check', 1)`);
  const found = await sqlGet<{ n: number }>(db, `SELECT COUNT(*) AS n FROM "Comment" WHERE "villageId" = @villageId
    AND id IN (SELECT rowid FROM "CommentFts" WHERE "CommentFts" MATCH @word)`, { villageId, word });
  const stored = await sqlGet<{ n: number }>(db, `SELECT COUNT(*) AS n FROM "Comment" WHERE "villageId" = @villageId
    AND (LOWER(text) LIKE @like OR LOWER(COALESCE("normalizedText", '')) LIKE @like)`, { villageId, like: `%${word}%` });
  expect(Number(stored?.n), `comments containing "${word}"`).toBeGreaterThan(0);
  expect(Number(found?.n), `comments found by searching "${word}"`).toBe(Number(stored?.n));
}
