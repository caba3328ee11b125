// The per-village data version, bumped whenever a village's statistics change (rollups recomputed:
// ingestion, corrections, erasure, retag; retention purges). It lives in the database, so the
// web server sees what workers on other machines (or a CLI import) changed. Derived views are
// cached under it: a view after a change is never stale, and an unchanged village is computed once.
import type { Database } from "./client";
import { sqlGet, sqlRun } from "./sql";

export const BUMP_VERSION_SQL = `UPDATE "Village" SET "dataVersion" = "dataVersion" + 1 WHERE id = @villageId`;

/** Marks a village's data as changed. */
export async function bumpVillageVersion(db: Database, villageId: number): Promise<void> {
  await sqlRun(db, BUMP_VERSION_SQL, { villageId });
}

/** The current data version of a village (0 for a village that does not exist). */
export async function villageVersion(db: Database, villageId: number): Promise<number> {
  const row = await sqlGet<{ v: number }>(db, `SELECT "dataVersion" AS v FROM "Village" WHERE id = @villageId`, { villageId });
  return Number(row?.v ?? 0);
}

// Entries also expire, for what the version does not cover (a topic renamed on the Admin page).
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 2000;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

/**
 * Memoises a derived view of one village's data under its current version. A rejected
 * computation is not kept.
 */
export async function cachedForVillage<T>(db: Database, villageId: number, key: string, compute: () => Promise<T>): Promise<T> {
  const full = `${db.url}|${villageId}:${await villageVersion(db, villageId)}:${key}`;
  const now = Date.now();
  const hit = cache.get(full);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = compute();
  cache.set(full, { at: now, value });
  value.catch(() => cache.delete(full));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
