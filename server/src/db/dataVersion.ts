// A per-village data version, bumped whenever a village's statistics change (rollups recomputed:
// ingestion, corrections, erasure, retag). Derived views are cached under it, so a dashboard view
// after a change is never stale in this process. Other processes (CLI imports) cannot bump it, so
// cached entries also expire after a short time.
const versions = new Map<number, number>();

/** Marks a village's data as changed. */
export function bumpVillageVersion(villageId: number): void {
  versions.set(villageId, (versions.get(villageId) ?? 0) + 1);
}

/** The current data version of a village (0 until something changes in this process). */
export function villageVersion(villageId: number): number {
  return versions.get(villageId) ?? 0;
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 500;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

/**
 * Memoises a derived view of one village's data under its version, for at most a minute.
 * A rejected computation is not kept.
 */
export function cachedForVillage<T>(villageId: number, key: string, compute: () => Promise<T>): Promise<T> {
  const full = `${villageId}:${villageVersion(villageId)}:${key}`;
  const now = Date.now();
  const hit = cache.get(full);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = compute();
  cache.set(full, { at: now, value });
  value.catch(() => cache.delete(full));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
