// Seeded randomness for everything that must be reproducible: the demo village, training shuffles,
// benchmark corpora and fault schedules (no Math.random, no Date.now).

/** mulberry32: tiny 32-bit PRNG, identical on every JS engine; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
