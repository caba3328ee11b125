// Reads of the daily rollup table: the overview never scans comments, so it costs the same at a
// million comments as at a thousand.
import type { Database } from "./client";

export interface RollupCount { day: string; platform: string; topic: string; sentiment: string; count: number }

/** Rollup rows of a village in [fromDay, toDay], optionally only the all-topics rows ("*"). */
export async function findRollups(
  db: Database,
  villageId: number,
  fromDay: string,
  toDay: string,
  scope: "all" | "topics",
): Promise<RollupCount[]> {
  return db.prisma.dailyRollup.findMany({
    where: { villageId, day: { gte: fromDay, lte: toDay }, topic: scope === "all" ? "*" : { not: "*" } },
    select: { day: true, platform: true, topic: true, sentiment: true, count: true },
  });
}

/** The distinct local days that have data, newest first. */
export async function findDaysWithData(db: Database, villageId: number): Promise<string[]> {
  const rows = await db.prisma.dailyRollup.findMany({
    where: { villageId, topic: "*" },
    select: { day: true },
    distinct: ["day"],
    orderBy: { day: "desc" },
  });
  return rows.map((r) => r.day);
}
