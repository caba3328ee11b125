// Issue grouping (isu): comments of one village about the same concrete problem in the same days —
// the same flooded road, the same dry well — become one group with a representative text and a
// count, so a complaint written five times is read once. Pure: callers pass comments of ONE village
// (never mixed) with what the pipeline already found (tokens, topics, places) and a day number.
//
// Method: tf-idf vectors over content words (idf from the comments being grouped, so a place name
// that only this problem mentions weighs most), Sundanese/Javanese words bridged to Indonesian,
// candidate pairs from an inverted index over rare words, and a link when the cosine (plus small
// boosts for a shared named place or a shared topic) clears a threshold within a time window.
// Groups are linked components with a guard against chaining: a comment joins a group only when it
// is close to the group's centroid, not merely to one member.

/** One comment to group. `day` is a whole day number (e.g. days since 1970 in the village's zone). */
export interface GroupItem {
  id: number | string;
  tokens: readonly string[];
  topics: readonly string[];
  places: readonly string[];
  day: number;
}

export interface GroupingOptions {
  /** Comments further apart than this many days are never linked. */
  windowDays: number;
  /** Minimum link score (cosine + boosts) between two comments. */
  linkThreshold: number;
  /** Minimum cosine between a comment and a group's centroid to join it. */
  joinThreshold: number;
  /** Added when both name the same place (RT/RW, dusun, kampung). */
  placeBoost: number;
  /** Added when both have a topic in common; subtracted when both have topics and none is shared. */
  topicBoost: number;
  /** Weight multiplier of name-like words (not in the dictionary). */
  nameWeight: number;
  /**
   * Without a shared name or place, two comments need this cosine: words such as "posyandu" or
   * "banjir" alone do not make two comments one problem.
   */
  genericThreshold: number;
}

export const DEFAULT_GROUPING: GroupingOptions = {
  // Chosen on the corpus train split (best pairwise F1 of a grid; see eval:grouping --grid).
  windowDays: 3,
  linkThreshold: 0.2,
  joinThreshold: 0.2,
  placeBoost: 0.1,
  topicBoost: 0,
  nameWeight: 1,
  genericThreshold: 0.5,
};

/** A group of comments about one problem; `representative` is the member closest to the centroid. */
export interface IssueGroup<Id> {
  members: Id[];
  representative: Id;
}

/** Words that carry no problem: stopwords, numbers, placeholders and very short tokens. */
export interface GroupingVocabulary {
  stopwords: ReadonlySet<string>;
  /** Regional (Sundanese/Javanese) word -> Indonesian word. */
  bridge: ReadonlyMap<string, string>;
  /** Dictionary words; a content word outside it is most often a name (a kampung, a school, a person). */
  known: ReadonlySet<string>;
}

function contentWords(tokens: readonly string[], vocab: GroupingVocabulary): string[] {
  const out = new Set<string>();
  for (const raw of tokens) {
    if (raw.length < 3 || raw.startsWith("<") || raw.startsWith("@") || /^\d+$/.test(raw)) continue;
    const t = vocab.bridge.get(raw) ?? raw;
    if (vocab.stopwords.has(t) || vocab.stopwords.has(raw)) continue;
    out.add(t);
  }
  return [...out];
}

type Vec = Map<number, number>;

function sharesName(a: readonly number[], b: readonly number[], isName: Uint8Array): boolean {
  for (const x of a) if (isName[x] && b.includes(x)) return true;
  return false;
}

function cosine(a: Vec, b: Vec): number {
  let s = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const [k, v] of small) {
    const w = big.get(k);
    if (w !== undefined) s += v * w;
  }
  return s;
}

function normalise(v: Vec): Vec {
  let n = 0;
  for (const x of v.values()) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (const [k, x] of v) v.set(k, x / n);
  return v;
}

/**
 * Groups the comments of one village. Returns only groups of two or more comments; every other
 * comment stands alone. Deterministic for the same input order.
 */
export function groupIssues<Id extends number | string>(
  items: ReadonlyArray<GroupItem & { id: Id }>,
  vocab: GroupingVocabulary,
  opts: GroupingOptions = DEFAULT_GROUPING,
): IssueGroup<Id>[] {
  const n = items.length;
  if (n < 2) return [];
  const termId = new Map<string, number>();
  const words = items.map((it) => contentWords(it.tokens, vocab).map((w) => {
    let id = termId.get(w);
    if (id === undefined) termId.set(w, (id = termId.size));
    return id;
  }));
  const df = new Int32Array(termId.size);
  for (const ws of words) for (const w of ws) df[w]++;
  // A handful of comments says little about which words are common: below 50, idf is computed as if
  // the rest of 50 comments did not contain the word.
  const docs = Math.max(n, 50);
  const idf = Float64Array.from(df, (d) => Math.log((docs + 1) / (d + 1)));
  const isName = new Uint8Array(termId.size);
  for (const [w, id] of termId) if (!vocab.known.has(w)) isName[id] = 1;
  const vecs: Vec[] = words.map((ws) => normalise(new Map(ws.map((w) => [w, idf[w] * (isName[w] ? opts.nameWeight : 1)] as [number, number]))));
  // Candidate pairs share at least one word that is not everywhere (df <= 5 % of comments, min 3).
  const maxDf = Math.max(3, Math.floor(n * 0.05));
  const postings = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    for (const w of words[i]) {
      if (df[w] < 2 || df[w] > maxDf) continue;
      let p = postings.get(w);
      if (!p) postings.set(w, (p = []));
      p.push(i);
    }
  }
  const placeSets = items.map((it) => new Set(it.places));
  const links: Array<[number, number, number]> = [];
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    seen.clear();
    for (const w of words[i]) {
      const p = postings.get(w);
      if (!p) continue;
      for (const j of p) {
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        if (Math.abs(items[i].day - items[j].day) > opts.windowDays) continue;
        const cos = cosine(vecs[i], vecs[j]);
        let score = cos;
        const samePlace = items[i].places.some((pl) => placeSets[j].has(pl));
        if (samePlace) score += opts.placeBoost;
        if (!samePlace && cos < opts.genericThreshold && !sharesName(words[i], words[j], isName)) continue;
        const ti = items[i].topics;
        const tj = items[j].topics;
        if (ti.length && tj.length) score += ti.some((t) => tj.includes(t)) ? opts.topicBoost : -opts.topicBoost;
        if (score >= opts.linkThreshold) links.push([score, i, j]);
      }
    }
  }
  // Strongest links first; two groups merge only when each side is close to the other's centroid.
  links.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const centroid = new Map<number, { sum: Vec; size: number }>();
  const cen = (r: number) => {
    let c = centroid.get(r);
    if (!c) centroid.set(r, (c = { sum: new Map(vecs[r]), size: 1 }));
    return c;
  };
  const closeness = (v: Vec, c: { sum: Vec; size: number }) => {
    let norm = 0;
    for (const x of c.sum.values()) norm += x * x;
    return norm > 0 ? cosine(v, c.sum) / Math.sqrt(norm) : 0;
  };
  const groupVec = (c: { sum: Vec; size: number }) => normalise(new Map(c.sum));
  for (const [, i, j] of links) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    const ca = cen(a);
    const cb = cen(b);
    if (closeness(groupVec(cb), ca) < opts.joinThreshold) continue;
    const [root, child] = ca.size >= cb.size ? [a, b] : [b, a];
    parent[child] = root;
    const into = cen(root);
    const from = cen(child);
    for (const [k, v] of from.sum) into.sum.set(k, (into.sum.get(k) ?? 0) + v);
    into.size += from.size;
    centroid.delete(child);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let m = byRoot.get(r);
    if (!m) byRoot.set(r, (m = []));
    m.push(i);
  }
  const groups: IssueGroup<Id>[] = [];
  for (const [root, members] of byRoot) {
    if (members.length < 2) continue;
    const c = cen(root);
    let best = members[0];
    let bestScore = -1;
    for (const m of members) {
      const s = closeness(vecs[m], c);
      if (s > bestScore + 1e-12) [best, bestScore] = [m, s];
    }
    groups.push({ members: members.map((m) => items[m].id), representative: items[best].id });
  }
  return groups;
}
