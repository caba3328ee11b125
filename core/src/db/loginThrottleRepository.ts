// LoginThrottle rows: one counter per hashed key (an address, or an address and a username), kept
// in the database so every server process of a PostgreSQL deployment counts the same attempts.
import type { Database } from "./client";
import { sqlGet, sqlRun } from "./sql";

// Counts one event in a fixed window that restarts when the previous one has expired; returns the
// count in the current window, its start, and the block (if any). One statement, so concurrent
// attempts on several processes are all counted.
const HIT = `
  INSERT INTO "LoginThrottle" ("key", "count", "windowStart", "blockedUntil") VALUES (@key, 1, @now, NULL)
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "LoginThrottle"."windowStart" <= @expired THEN 1 ELSE "LoginThrottle"."count" + 1 END,
    "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= @expired THEN @now ELSE "LoginThrottle"."windowStart" END,
    "blockedUntil" = CASE
      WHEN (CASE WHEN "LoginThrottle"."windowStart" <= @expired THEN 1 ELSE "LoginThrottle"."count" + 1 END) >= @limit THEN @blockUntil
      ELSE "LoginThrottle"."blockedUntil" END
  RETURNING "count", "windowStart", "blockedUntil"`;

interface HitRow { count: number | string; windowStart: number | string; blockedUntil: number | string | null }

/** A counter after one more event: count in the window, window start and block end (epoch ms). */
export interface ThrottleCount { count: number; windowStart: number; blockedUntil: number | null }

/** Counts one event under `key` at `now` (epoch ms); `limit` events within `windowMs` block it for `blockMs`. */
export async function hitThrottle(db: Database, key: string, now: number, windowMs: number, limit: number, blockMs: number): Promise<ThrottleCount> {
  const row = (await sqlGet<HitRow>(db, HIT, { key, now, expired: now - windowMs, limit, blockUntil: now + blockMs }))!;
  return { count: Number(row.count), windowStart: Number(row.windowStart), blockedUntil: row.blockedUntil === null ? null : Number(row.blockedUntil) };
}

/** The end (epoch ms) of the block on `key`, or null. */
export async function findThrottleBlock(db: Database, key: string): Promise<number | null> {
  const row = await sqlGet<{ blockedUntil: number | string | null }>(db, `SELECT "blockedUntil" FROM "LoginThrottle" WHERE "key" = @key`, { key });
  return row?.blockedUntil == null ? null : Number(row.blockedUntil);
}

/** Forgets the counter of `key`. */
export async function deleteThrottle(db: Database, key: string): Promise<void> {
  await sqlRun(db, `DELETE FROM "LoginThrottle" WHERE "key" = @key`, { key });
}

/** Removes counters whose window started before `horizon` and whose block (if any) is over at `now`. */
export async function deleteStaleThrottles(db: Database, horizon: number, now: number): Promise<void> {
  await sqlRun(db, `DELETE FROM "LoginThrottle" WHERE "windowStart" < @horizon AND ("blockedUntil" IS NULL OR "blockedUntil" < @now)`, { horizon, now });
}
