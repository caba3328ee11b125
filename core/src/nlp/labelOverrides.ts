// Officials' labels as overrides: a comment whose normalised text equals a corrected one gets the
// official's label; one whose word set is close to a corrected one (Jaccard >= the threshold), e.g. the
// same complaint re-posted with another greeting, gets the closest correction's label. One structure for
// every corrected field (sentiment, intent, urgent), built from the stored corrections, pure.
// Finding near-duplicates runs for every comment of a village with corrections, so it uses prefix
// filtering (Chaudhuri et al. 2006; Bayardo et al. 2007, "All-Pairs"): with the words of every set in
// one global order (rarest among the corrections first), two sets with Jaccard >= t share a word among
// the first |x| - ceil(t * |x|) + 1 words of each. Only corrections sharing such a word with the comment
// are compared, instead of every correction sharing "di" or "yang" with it; the result is the same.

/** Word-set Jaccard at or above which a comment counts as a near-duplicate of a corrected one. */
export const NEAR_DUPLICATE = 0.7;

export interface LabelOverrides<L> {
  count: number;
  nearThreshold: number;
  exact: Map<string, L>;
  near: Array<{ words: string[]; label: L }>;
  /** Rank of every word of the corrections in the global order (rarest first, then alphabetical), and its inverse. */
  rank: Map<string, number>;
  byRank: string[];
  /** Word -> positions in `near` whose prefix holds it, ascending. */
  prefixIndex: Map<string, number[]>;
  /** Scratch marks of the candidates of one look-up, all zero between look-ups. */
  seen: Uint8Array;
}

const WORD = /^[\p{L}\p{N}]/u;

export function wordSet(normalized: string): Set<string> {
  return new Set(normalized.split(" ").filter((w) => WORD.test(w)));
}

export function exactKey(normalized: string): string {
  return normalized.replace(/\s+/g, " ").trim();
}

/** Words of a set of `size` words that must hold a shared word with any set at Jaccard >= t (prefix length). */
function prefixLength(size: number, t: number): number {
  // The epsilon keeps float noise (0.7 * 10) from shortening the prefix; a longer prefix only adds candidates.
  return size - Math.ceil(t * size - 1e-9) + 1;
}

/** Builds the overrides from corrections, oldest first (later ones win on equal text and on ties). */
export function buildOverrides<L>(corrections: ReadonlyArray<{ normalized: string; label: L }>, nearThreshold: number = NEAR_DUPLICATE): LabelOverrides<L> {
  const o: LabelOverrides<L> = { count: corrections.length, nearThreshold, exact: new Map(), near: [], rank: new Map(), byRank: [], prefixIndex: new Map(), seen: new Uint8Array(0) };
  const sets: Array<{ words: Set<string>; label: L }> = [];
  const freq = new Map<string, number>();
  for (const c of corrections) {
    o.exact.set(exactKey(c.normalized), c.label);
    const words = wordSet(c.normalized);
    if (words.size === 0) continue;
    sets.push({ words, label: c.label });
    for (const w of words) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  o.byRank = [...freq.keys()].sort((a, b) => freq.get(a)! - freq.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  o.byRank.forEach((w, i) => o.rank.set(w, i));
  for (const s of sets) {
    const at = o.near.length;
    const words = [...s.words].sort((a, b) => o.rank.get(a)! - o.rank.get(b)!);
    o.near.push({ words, label: s.label });
    for (const w of words.slice(0, prefixLength(words.length, nearThreshold))) {
      const list = o.prefixIndex.get(w);
      if (list) list.push(at);
      else o.prefixIndex.set(w, [at]);
    }
  }
  o.seen = new Uint8Array(o.near.length);
  return o;
}

// The pipeline looks up one comment in up to three override sets (sentiment, urgency, intent) in a row:
// its word set and exact key are computed once (never mutated, so sharing them changes no result).
let lastText: string | null = null;
let lastWords: Set<string> = new Set();
let lastKey = "";
function query(normalized: string): { words: Set<string>; key: string } {
  if (normalized !== lastText) {
    lastText = normalized;
    lastWords = wordSet(normalized);
    lastKey = exactKey(normalized);
  }
  return { words: lastWords, key: lastKey };
}

/** Label of the closest corrected comment and its word-set similarity when it is a near-duplicate, else null. */
export function nearestOverride<L>(o: LabelOverrides<L>, normalized: string): { label: L; similarity: number } | null {
  const { words } = query(normalized);
  if (words.size === 0 || o.near.length === 0) return null;
  // The comment's prefix: words no correction holds come first in the global order (and match nothing);
  // then its known words, rarest first.
  const ranks: number[] = [];
  for (const w of words) {
    const r = o.rank.get(w);
    if (r !== undefined) ranks.push(r);
  }
  const known = prefixLength(words.size, o.nearThreshold) - (words.size - ranks.length);
  if (known <= 0) return null;
  ranks.sort((a, b) => a - b);
  const candidates: number[] = [];
  for (let i = 0; i < known && i < ranks.length; i++) {
    for (const at of o.prefixIndex.get(o.byRank[ranks[i]]) ?? []) {
      if (o.seen[at]) continue;
      o.seen[at] = 1;
      candidates.push(at);
    }
  }
  // Ties go to the later correction.
  candidates.sort((a, b) => a - b);
  let best: L | null = null;
  let found = false;
  let bestScore = o.nearThreshold - 1e-9;
  for (const at of candidates) {
    o.seen[at] = 0;
    const other = o.near[at].words;
    let inter = 0;
    for (const w of other) if (words.has(w)) inter++;
    const jac = inter / (words.size + other.length - inter);
    if (jac >= bestScore) {
      bestScore = jac;
      best = o.near[at].label;
      found = true;
    }
  }
  return found ? { label: best as L, similarity: Math.round(bestScore * 1e4) / 1e4 } : null;
}

/** The exact override (similarity 1), else the nearest near-duplicate, else null. */
export function findOverride<L>(o: LabelOverrides<L>, normalized: string): { label: L; similarity: number } | null {
  if (o.count === 0) return null;
  const exact = o.exact.get(query(normalized).key);
  if (exact !== undefined) return { label: exact, similarity: 1 };
  return nearestOverride(o, normalized);
}
