// Checks shared by the ingestion consistency tests.
import { expect } from "vitest";
import type { Database } from "@suara-desa/core/db/client";
import { recomputeRollups } from "@suara-desa/core/db/ingestRepository";

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
