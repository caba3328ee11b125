// Near-duplicate overrides with prefix filtering find exactly what comparing every correction finds.
import { describe, expect, it } from "vitest";
import { buildOverrides, findOverride, wordSet } from "./labelOverrides";
import { readVillageSplit } from "./train/intentData";

/** Every correction compared: the later one wins on equal similarity. */
function bruteForce(corrections: Array<{ normalized: string; label: string; words: Set<string> }>, text: string, t: number): { label: string; similarity: number } | null {
  const exact = [...corrections].reverse().find((c) => c.normalized.replace(/\s+/g, " ").trim() === text.replace(/\s+/g, " ").trim());
  if (exact) return { label: exact.label, similarity: 1 };
  const a = wordSet(text);
  if (a.size === 0) return null;
  let best: { label: string; similarity: number } | null = null;
  let score = t - 1e-9;
  for (const c of corrections) {
    const b = c.words;
    if (b.size === 0) continue;
    let inter = 0;
    for (const w of b) if (a.has(w)) inter++;
    const jac = inter / (a.size + b.size - inter);
    if (jac >= score) {
      score = jac;
      best = { label: c.label, similarity: Math.round(jac * 1e4) / 1e4 };
    }
  }
  return best;
}

describe("near-duplicate overrides", () => {
  it("find the same closest correction as comparing every one, at several thresholds", () => {
    const valid = readVillageSplit("valid");
    const corrections = valid.slice(0, 100).map((e) => ({ normalized: e.normalized, label: e.intent, words: wordSet(e.normalized) }));
    // Re-posts with a greeting, with words dropped, and comments unlike any correction.
    const queries = valid.slice(0, 120).flatMap((e) => {
      const w = e.normalized.split(" ");
      return [e.normalized, `punten ${e.normalized}`, w.slice(1).join(" "), w.slice(0, -3).join(" "), w.filter((_, i) => i % 4 !== 1).join(" ")];
    });
    let near = 0;
    for (const t of [0.5, 0.7, 0.85]) {
      const o = buildOverrides(corrections, t);
      for (const q of queries) {
        const want = bruteForce(corrections, q, t);
        expect(findOverride(o, q)).toEqual(want);
        if (want && want.similarity < 1) near++;
      }
    }
    expect(near).toBeGreaterThan(50);
  });
});
