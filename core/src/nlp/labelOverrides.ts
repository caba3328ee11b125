// Officials' labels as overrides: a comment whose normalised text equals a corrected one gets the
// official's label; one whose word set is close to a corrected one (Jaccard >= the threshold), e.g. the
// same complaint re-posted with another greeting, gets the closest correction's label. One structure for
// every corrected field (sentiment, intent, urgent), built from the stored corrections, pure.

/** Word-set Jaccard at or above which a comment counts as a near-duplicate of a corrected one. */
export const NEAR_DUPLICATE = 0.7;

export interface LabelOverrides<L> {
  count: number;
  nearThreshold: number;
  exact: Map<string, L>;
  near: Array<{ words: Set<string>; label: L }>;
  /** Inverted index word -> positions in `near`, so a new comment is compared only with corrections sharing a word. */
  nearIndex: Map<string, number[]>;
  /** Scratch counts of shared words per position in `near`, all zero between look-ups. */
  shared: Int32Array;
}

const WORD = /^[\p{L}\p{N}]/u;

export function wordSet(normalized: string): Set<string> {
  return new Set(normalized.split(" ").filter((w) => WORD.test(w)));
}

export function exactKey(normalized: string): string {
  return normalized.replace(/\s+/g, " ").trim();
}

/** Builds the overrides from corrections, oldest first (later ones win on equal text and on ties). */
export function buildOverrides<L>(corrections: ReadonlyArray<{ normalized: string; label: L }>, nearThreshold: number = NEAR_DUPLICATE): LabelOverrides<L> {
  const o: LabelOverrides<L> = { count: corrections.length, nearThreshold, exact: new Map(), near: [], nearIndex: new Map(), shared: new Int32Array(0) };
  for (const c of corrections) addOverride(o, c.normalized, c.label);
  return o;
}

/** Adds one correction (newer than those already in). */
export function addOverride<L>(o: LabelOverrides<L>, normalized: string, label: L): void {
  o.exact.set(exactKey(normalized), label);
  const words = wordSet(normalized);
  if (words.size === 0) return;
  const at = o.near.length;
  o.near.push({ words, label });
  for (const w of words) {
    const list = o.nearIndex.get(w);
    if (list) list.push(at);
    else o.nearIndex.set(w, [at]);
  }
}

/** Label of the closest corrected comment and its word-set similarity when it is a near-duplicate, else null. */
export function nearestOverride<L>(o: LabelOverrides<L>, normalized: string): { label: L; similarity: number } | null {
  const words = wordSet(normalized);
  if (words.size === 0) return null;
  // Shared-word counts in a typed array (a comment's common words reach most corrections: a Map per
  // comment cost more than the rest of the pipeline); `touched` lists the positions counted, in first-seen order.
  if (o.shared.length < o.near.length) o.shared = new Int32Array(Math.max(o.near.length, o.shared.length * 2));
  const shared = o.shared;
  const touched: number[] = [];
  for (const w of words) {
    const list = o.nearIndex.get(w);
    if (!list) continue;
    for (const at of list) if (shared[at]++ === 0) touched.push(at);
  }
  let best: { label: L } | null = null;
  let bestScore = o.nearThreshold - 1e-9;
  for (const at of touched) {
    const inter = shared[at];
    shared[at] = 0;
    const jac = inter / (words.size + o.near[at].words.size - inter);
    // Ties go to the later correction.
    if (jac >= bestScore) {
      bestScore = jac;
      best = { label: o.near[at].label };
    }
  }
  return best ? { label: best.label, similarity: Math.round(bestScore * 1e4) / 1e4 } : null;
}

/** The exact override (similarity 1), else the nearest near-duplicate, else null. */
export function findOverride<L>(o: LabelOverrides<L>, normalized: string): { label: L; similarity: number } | null {
  if (o.count === 0) return null;
  const exact = o.exact.get(exactKey(normalized));
  if (exact !== undefined) return { label: exact, similarity: 1 };
  return nearestOverride(o, normalized);
}
