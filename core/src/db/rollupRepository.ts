// Reads of the daily rollup table: the overview never scans comments, so it costs the same at a
// million comments as at a thousand. Raw statements: these run on every dashboard view, and
// Prisma's per-row cost (~7 µs) dominated them (800 rows took 6 ms through Prisma).
import type { Database } from "./client";
import { sqlAll } from "./sql";

export interface RollupCount {
  day: string; platform: string; topic: string; sentiment: string; count: number;
  /** Of `count`: per effective intent, and urgent. */
  keluhan: number; pertanyaan: number; usulan: number; apresiasi: number; lainnya: number; urgent: number;
}

/** Rollup rows of a village in [fromDay, toDay]: the all-topics rows ("*") or the per-topic rows. */
export async function findRollups(
  db: Database,
  villageId: number,
  fromDay: string,
  toDay: string,
  scope: "all" | "topics",
): Promise<RollupCount[]> {
  return sqlAll<RollupCount>(db, `SELECT day, platform, topic, sentiment, count, keluhan, pertanyaan, usulan, apresiasi, lainnya, urgent FROM "DailyRollup"
    WHERE "villageId" = @villageId AND day >= @fromDay AND day <= @toDay AND topic ${scope === "all" ? "=" : "<>"} '*'`,
  { villageId, fromDay, toDay });
}

/** The distinct local days that have data, newest first. */
export async function findDaysWithData(db: Database, villageId: number): Promise<string[]> {
  const rows = await sqlAll<{ day: string }>(db, `SELECT DISTINCT day FROM "DailyRollup" WHERE "villageId" = @villageId AND topic = '*'
    ORDER BY day DESC`, { villageId });
  return rows.map((r) => r.day);
}
