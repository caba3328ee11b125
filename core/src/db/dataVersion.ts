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
interface Entry { at: number; value: Promise<unknown>; from?: number; until?: number | null }
const cache = new Map<string, Entry>();

/** For a view that also depends on the clock (what is overdue now): the instants it holds for. */
export interface ClockValidity<T> {
  /** The clock the caller computes with ("now" of the request). */
  now: Date;
  /** The first instant at which the computed value may no longer hold (null: never, by the clock). */
  validUntil: (value: T) => Date | null;
}

/**
 * Memoises a derived view of one village's data under its current version. A rejected
 * computation is not kept. With `clock`, an entry serves only requests whose `now` lies in
 * [the `now` it was computed at, its `validUntil`): a case that becomes overdue as time passes
 * is counted as such, with no write to bump the version.
 */
export async function cachedForVillage<T>(db: Database, villageId: number, key: string, compute: () => Promise<T>, clock?: ClockValidity<T>): Promise<T> {
  const full = `${db.url}|${villageId}:${await villageVersion(db, villageId)}:${key}`;
  const now = Date.now();
  const hit = cache.get(full);
  if (hit && now - hit.at < TTL_MS && (!clock || heldAt(hit, clock.now.getTime()))) return hit.value as Promise<T>;
  const value = compute();
  const entry: Entry = { at: now, value };
  if (clock) {
    // While it runs, later requests share it: they get the state as of when it started, as if they
    // had come those milliseconds earlier.
    entry.from = clock.now.getTime();
    value.then((v) => { entry.until = clock.validUntil(v)?.getTime() ?? null; }, () => undefined);
  }
  cache.set(full, entry);
  value.catch(() => { if (cache.get(full) === entry) cache.delete(full); });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

function heldAt(e: Entry, at: number): boolean {
  if (e.from === undefined) return true;
  return at >= e.from && (e.until === undefined || e.until === null || at < e.until);
}
