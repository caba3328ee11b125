// Seeded randomness for the demo village. Everything the generator draws comes from here so the
// same seed gives byte-identical output on every run and machine (no Math.random, no Date.now).

import { mulberry32 } from "@suara-desa/shared/random";

export { mulberry32 };

/** FNV-1a hash of a label, used to derive independent sub-streams (one per week, per concern). */
export function hashSeed(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Convenience draws over one mulberry32 stream. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number | string) {
    this.next = mulberry32(typeof seed === "string" ? hashSeed(seed) : seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick: empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn proportionally to non-negative weights. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) throw new Error("Rng.weightedIndex: weights sum to zero");
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Sampler for a fixed weight table: prefix sums + binary search, for large tables drawn from often. */
  sampler(weights: readonly number[]): () => number {
    const cum: number[] = [];
    let total = 0;
    for (const w of weights) cum.push((total += w));
    if (!(total > 0)) throw new Error("Rng.sampler: weights sum to zero");
    return () => {
      const r = this.next() * total;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] > r) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
  }

  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    return entries[this.weightedIndex(entries.map((e) => e[1]))][0];
  }

  /** A string of n decimal digits (first digit may be constrained by the caller's prefix). */
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /** Heavy-tailed non-negative integer (Pareto-like), used for like counts. */
  pareto(scale: number, alpha: number, cap: number): number {
    const u = 1 - this.next(); // (0, 1]
    return Math.min(cap, Math.floor(scale * (Math.pow(u, -1 / alpha) - 1)));
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}
