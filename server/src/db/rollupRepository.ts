// Reads of the daily rollup table: the overview never scans comments, so it costs the same at a
// million comments as at a thousand. Raw prepared statements: these run on every dashboard view,
// and Prisma's per-row cost (~7 µs) dominated them (800 rows took 6 ms through Prisma).
import type BetterSqlite3 from "better-sqlite3";
import type { Database } from "./client";

export interface RollupCount { day: string; platform: string; topic: string; sentiment: string; count: number }

const statements = new WeakMap<BetterSqlite3.Database, ReturnType<typeof prepare>>();
function prepare(raw: BetterSqlite3.Database) {
  return {
    all: raw.prepare(`SELECT day, platform, topic, sentiment, count FROM "DailyRollup"
      WHERE villageId = ? AND day >= ? AND day <= ? AND topic = '*'`),
    topics: raw.prepare(`SELECT day, platform, topic, sentiment, count FROM "DailyRollup"
      WHERE villageId = ? AND day >= ? AND day <= ? AND topic != '*'`),
    days: raw.prepare(`SELECT DISTINCT day FROM "DailyRollup" WHERE villageId = ? AND topic = '*' ORDER BY day DESC`),
  };
}
function stmts(db: Database) {
  if (!db.raw) throw new Error("rollup reads need the SQLite driver");
  let s = statements.get(db.raw);
  if (!s) {
    s = prepare(db.raw);
    statements.set(db.raw, s);
  }
  return s;
}

/** Rollup rows of a village in [fromDay, toDay]: the all-topics rows ("*") or the per-topic rows. */
export async function findRollups(
  db: Database,
  villageId: number,
  fromDay: string,
  toDay: string,
  scope: "all" | "topics",
): Promise<RollupCount[]> {
  const s = stmts(db);
  return (scope === "all" ? s.all : s.topics).all(villageId, fromDay, toDay) as RollupCount[];
}

/** The distinct local days that have data, newest first. */
export async function findDaysWithData(db: Database, villageId: number): Promise<string[]> {
  return (stmts(db).days.all(villageId) as Array<{ day: string }>).map((r) => r.day);
}
