// Issue grouping (isu): comments of one village about the same concrete problem in the same days —
// the same flooded road, the same dry well — become one group with a representative text and a
// count, so a complaint written five times is read once. Pure: callers pass comments of ONE village
// (never mixed) with what the pipeline already found (tokens, topics, places) and a day number.
//
// Method: content words (stopwords dropped, inflected forms reduced to the dictionary word,
// Sundanese/Javanese/English village words bridged to Indonesian) weighted by idf over the comments
// being grouped, so a place name that only this problem mentions weighs most. Candidate pairs share
// a word that is not everywhere and fall within a time window; each gets a logistic score over
// PAIR_FEATURES (cosine, overlap of the shorter comment's words, shared name or place, shared problem
// words, topic, day gap), weights fitted on the corpus train split. Groups form from the strongest
// links down, and two groups merge only when their average link is strong enough (average-link
// clustering), so one shared word cannot chain two problems.

/** One comment to group. `day` is a whole day number (e.g. days since 1970 in the village's zone). */
export interface GroupItem {
  id: number | string;
  tokens: readonly string[];
  topics: readonly string[];
  places: readonly string[];
  day: number;
}

/** What a candidate pair is scored on, in the order of `GroupingOptions.weights` (after the bias). */
export const PAIR_FEATURES = [
  "cosine", // tf-idf cosine over the content words
  "overlap", // idf mass of the shared words over the smaller comment's (floored) mass
  "sharedName", // both use one name-like word: a kampung, a river, a school
  "samePlace", // both name the same RT/RW, dusun, kampung, blok or gang
  "sharedWords", // idf mass of the shared dictionary words, in units of 10 (capped at 1)
  "topic", // +1 a topic in common, -1 both have topics and none in common, 0 otherwise
  "dayGap", // days apart over the window
  "anchorAndProblem", // a shared name or place AND a shared dictionary word
  "rarestShared", // idf of the rarest shared word over the largest possible idf
  "sharedCount", // shared words, in units of 5 (capped at 1)
  "otherPlaces", // both name a place and none is the same (RT 02 and Dusun Cikalong)
] as const;

export interface GroupingOptions {
  /** Comments further apart than this many days are never linked. */
  windowDays: number;
  /** Minimum probability (logistic pair score) for a link between two comments. */
  linkThreshold: number;
  /**
   * Average-link guard against chaining: two groups merge only when the mean link score over all
   * their cross pairs (a pair without a link counts 0) reaches this.
   */
  joinThreshold: number;
  /**
   * The overlap's denominator is at least this idf mass: "hadir min" and "hadirrr" share all of the
   * shorter one's words, which says nothing.
   */
  overlapFloor: number;
  /** A name-like word used by more than this share of the comments (the village's own name) is no name. */
  nameMaxShare: number;
  /** Logistic weights: bias, then one per PAIR_FEATURES entry. */
  weights: readonly number[];
}

export const DEFAULT_GROUPING: GroupingOptions = {
  // Weights fitted on the corpus train split's candidate pairs (eval:grouping --fit); thresholds
  // chosen on train (eval:grouping --grid); valid only checked.
  windowDays: 2,
  linkThreshold: 0.2,
  joinThreshold: 0.2,
  overlapFloor: 10,
  nameMaxShare: 0.02,
  weights: [-4.45, 0.85, 0.56, 1.92, 1.35, 0.79, 0.58, -0.99, 0.1, 0.94, 2.69, -0.8],
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
  /**
   * English function words. Without an English dictionary every English content word would look
   * like a name: a word seen only in English comments ("scholarship", "tuition") is not one.
   */
  english: ReadonlySet<string>;
}

// Inflected forms of a dictionary word ("airnya", "sampahe", "dinonaktifkan", "diangkut") are the
// word itself for grouping; an unknown word that is no inflection stays as it is (most often a name).
const PREFIXES = ["", "di", "ke", "ter", "ka", "nga", "ng"];
const SUFFIXES = ["nya", "na", "ne", "e", "kan", "keun", "an", "na", "i"];
const rootCache = new WeakMap<GroupingVocabulary, Map<string, string>>();

function rootOf(word: string, vocab: GroupingVocabulary, cache: Map<string, string>): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let out = word;
  if (!vocab.known.has(word) && !vocab.bridge.has(word)) {
    search: for (const pre of PREFIXES) {
      if (!word.startsWith(pre)) continue;
      for (const suf of ["", ...SUFFIXES]) {
        if (!pre && !suf) continue;
        if (!word.endsWith(suf) || word.length - pre.length - suf.length < 4) continue;
        const stem = word.slice(pre.length, word.length - suf.length);
        const bridged = vocab.bridge.get(stem);
        if (bridged !== undefined) { out = bridged; break search; }
        if (vocab.known.has(stem)) { out = stem; break search; }
      }
    }
  }
  out = vocab.bridge.get(out) ?? out;
  cache.set(word, out);
  return out;
}

function contentWords(tokens: readonly string[], vocab: GroupingVocabulary, cache: Map<string, string>): string[] {
  const out = new Set<string>();
  for (const raw of tokens) {
    if (raw.length < 3 || raw.startsWith("<") || raw.startsWith("@") || /^\d+$/.test(raw)) continue;
    if (vocab.stopwords.has(raw)) continue;
    const t = rootOf(raw, vocab, cache);
    if (vocab.stopwords.has(t)) continue;
    out.add(t);
  }
  return [...out];
}

/** A comment with at least this share of English function words is English. */
const ENGLISH_SHARE = 0.2;

/**
 * Calls `visit` for each pair (indices into the items, i < j) within the window that shares at least
 * one word that is not everywhere (df <= 5 % of the comments, min 3), with its PAIR_FEATURES. The
 * features array is reused between calls: copy it to keep it. Exported for fitting the weights.
 */
export function forEachCandidatePair(
  items: ReadonlyArray<GroupItem>,
  vocab: GroupingVocabulary,
  opts: GroupingOptions,
  visit: (i: number, j: number, features: readonly number[]) => void,
): void {
  const n = items.length;
  let cache = rootCache.get(vocab);
  if (!cache) rootCache.set(vocab, (cache = new Map()));
  const termId = new Map<string, number>();
  const words = items.map((it) => contentWords(it.tokens, vocab, cache).map((w) => {
    let id = termId.get(w);
    if (id === undefined) termId.set(w, (id = termId.size));
    return id;
  }));
  const df = new Int32Array(termId.size);
  for (const ws of words) for (const w of ws) df[w]++;
  const outsideEnglish = new Uint8Array(termId.size);
  for (let i = 0; i < n; i++) {
    let english = 0;
    for (const t of items[i].tokens) if (vocab.english.has(t)) english++;
    if (english < ENGLISH_SHARE * items[i].tokens.length) for (const w of words[i]) outsideEnglish[w] = 1;
  }
  // A handful of comments says little about which words are common: below 50, idf is computed as if
  // the rest of 50 comments did not contain the word.
  const docs = Math.max(n, 50);
  const idf = Float64Array.from(df, (d) => Math.log((docs + 1) / (d + 1)));
  const maxIdf = Math.log((docs + 1) / 2);
  const isName = new Uint8Array(termId.size);
  const isKnown = new Uint8Array(termId.size);
  // In a handful of comments a name of the problem is in most of them: at least 5 may share one.
  const nameMaxDf = Math.max(5, Math.floor(n * opts.nameMaxShare));
  for (const [w, id] of termId) {
    if (vocab.known.has(w)) isKnown[id] = 1;
    else if (df[id] <= nameMaxDf && outsideEnglish[id]) isName[id] = 1;
  }
  // Each comment's tf-idf vector as parallel arrays in its words' order (normalised as a Map of them
  // would be); a pair's shared words are found through a dense array of one side's weights, stamped
  // per comment so it never needs clearing. The sums run in the same order as over Maps.
  const T = termId.size;
  const vecKeys = words.map((ws) => Int32Array.from(ws));
  const vecVals = words.map((ws) => {
    let norm = 0;
    for (const w of ws) norm += idf[w] * idf[w];
    norm = Math.sqrt(norm);
    return Float64Array.from(ws, (w) => (norm > 0 ? idf[w] / norm : idf[w]));
  });
  const mass = words.map((ws) => ws.reduce((s, w) => s + idf[w], 0));
  const maxDf = Math.max(3, Math.floor(n * 0.05));
  const day = Int32Array.from(items, (it) => it.day);
  const postings: Array<Int32Array | null> = new Array<Int32Array | null>(T).fill(null);
  {
    const lists = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      for (const w of words[i]) {
        if (df[w] < 2 || df[w] > maxDf) continue;
        let p = lists.get(w);
        if (!p) lists.set(w, (p = []));
        p.push(i);
      }
    }
    for (const [w, p] of lists) postings[w] = Int32Array.from(p);
  }
  // Postings ascend by comment, and comments come in runs ordered by day (a chunk's open cases, then
  // its new comments): runEnd[w][k] is where the run holding position k of w's posting ends, so a
  // comment too many days ahead skips the rest of its run (those pairs lie outside the window too).
  const runEnd: Array<Int32Array | null> = postings.map((p) => {
    if (p === null) return null;
    const end = new Int32Array(p.length);
    let e = p.length;
    for (let k = p.length - 1; k >= 0; k--) {
      end[k] = e;
      if (k > 0 && day[p[k]] < day[p[k - 1]]) e = k;
    }
    return end;
  });
  // First position in each posting after the comment being paired (comments are paired in order).
  const cursor = new Int32Array(T);
  const placeSets = items.map((it) => new Set(it.places));
  const features = new Array<number>(PAIR_FEATURES.length).fill(0);
  const seenBy = new Int32Array(n).fill(-1);
  const denseI = new Float64Array(T);
  const stampI = new Int32Array(T).fill(-1);
  const denseJ = new Float64Array(T);
  const stampJ = new Int32Array(T);
  let pairStamp = 0;
  for (let i = 0; i < n; i++) {
    const ki = vecKeys[i];
    const wi = vecVals[i];
    for (let a = 0; a < ki.length; a++) {
      denseI[ki[a]] = wi[a];
      stampI[ki[a]] = i;
    }
    const dayI = day[i];
    for (const w of words[i]) {
      const p = postings[w];
      if (p === null) continue;
      const ends = runEnd[w]!;
      let k = cursor[w];
      while (k < p.length && p[k] <= i) k++;
      cursor[w] = k;
      for (; k < p.length; k++) {
        const j = p[k];
        // Out of the window first: most postings of a chunk lie outside it.
        const gap = Math.abs(dayI - day[j]);
        if (gap > opts.windowDays) {
          if (day[j] > dayI) k = ends[k] - 1;
          continue;
        }
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        // One pass over the smaller vector gives the cosine and what the two share.
        let cos = 0;
        let shared = 0;
        let sharedKnown = 0;
        let name = 0;
        let rarest = 0;
        let count = 0;
        const kj = vecKeys[j];
        const wj = vecVals[j];
        if (ki.length <= kj.length) {
          // Over i's words, looking j's weights up (scattered for this pair).
          pairStamp++;
          for (let b = 0; b < kj.length; b++) {
            denseJ[kj[b]] = wj[b];
            stampJ[kj[b]] = pairStamp;
          }
          for (let a = 0; a < ki.length; a++) {
            const x = ki[a];
            if (stampJ[x] !== pairStamp) continue;
            cos += wi[a] * denseJ[x];
            const d = idf[x];
            shared += d;
            count++;
            if (d > rarest) rarest = d;
            if (isName[x]) name = 1;
            else if (isKnown[x]) sharedKnown += d;
          }
        } else {
          for (let b = 0; b < kj.length; b++) {
            const x = kj[b];
            if (stampI[x] !== i) continue;
            cos += wj[b] * denseI[x];
            const d = idf[x];
            shared += d;
            count++;
            if (d > rarest) rarest = d;
            if (isName[x]) name = 1;
            else if (isKnown[x]) sharedKnown += d;
          }
        }
        const place = items[i].places.length && items[i].places.some((pl) => placeSets[j].has(pl)) ? 1 : 0;
        const otherPlaces = !place && items[i].places.length && items[j].places.length ? 1 : 0;
        const ti = items[i].topics;
        const tj = items[j].topics;
        features[0] = cos;
        features[1] = shared / Math.max(opts.overlapFloor, Math.min(mass[i], mass[j]));
        features[2] = name;
        features[3] = place;
        features[4] = Math.min(1, sharedKnown / 10);
        features[5] = ti.length && tj.length ? (ti.some((t) => tj.includes(t)) ? 1 : -1) : 0;
        features[6] = opts.windowDays > 0 ? gap / opts.windowDays : 0;
        features[7] = (name || place) && sharedKnown > 0 ? 1 : 0;
        features[8] = rarest / maxIdf;
        features[9] = Math.min(1, count / 5);
        features[10] = otherPlaces;
        visit(i, j, features);
      }
    }
  }
}

/** Probability that a candidate pair is one problem. */
export function pairScore(features: readonly number[], weights: readonly number[]): number {
  let z = weights[0];
  for (let k = 0; k < features.length; k++) z += weights[k + 1] * features[k];
  return 1 / (1 + Math.exp(-z));
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
  const links: Array<[number, number, number]> = [];
  const linkScore = new Map<number, number>();
  forEachCandidatePair(items, vocab, opts, (i, j, features) => {
    const score = pairScore(features, opts.weights);
    if (score < opts.linkThreshold) return;
    links.push([score, i, j]);
    linkScore.set(i * n + j, score);
  });
  // Strongest links first; two groups merge only when their average link (average-link clustering
  // over the candidate links) is strong enough, so one shared word cannot chain two problems.
  links.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const membersOf = new Map<number, number[]>();
  const group = (r: number) => membersOf.get(r) ?? [r];
  const linked = (a: number, b: number) => (a < b ? linkScore.get(a * n + b) : linkScore.get(b * n + a)) ?? 0;
  for (const [, i, j] of links) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    const ga = group(a);
    const gb = group(b);
    if (ga.length > 1 || gb.length > 1) {
      let sum = 0;
      for (const x of ga) for (const y of gb) sum += linked(x, y);
      if (sum / (ga.length * gb.length) < opts.joinThreshold) continue;
    }
    const [root, child, into, from] = ga.length >= gb.length ? [a, b, ga, gb] : [b, a, gb, ga];
    parent[child] = root;
    membersOf.set(root, into.concat(from));
    membersOf.delete(child);
  }
  const groups: IssueGroup<Id>[] = [];
  for (let r = 0; r < n; r++) {
    const members = membersOf.get(r);
    if (!members || parent[r] !== r) continue;
    members.sort((x, y) => x - y);
    // The representative is the member most strongly linked to the rest of its group.
    let best = members[0];
    let bestScore = -1;
    for (const m of members) {
      let s = 0;
      for (const o of members) if (o !== m) s += linked(m, o);
      if (s > bestScore + 1e-12) [best, bestScore] = [m, s];
    }
    groups.push({ members: members.map((m) => items[m].id), representative: items[best].id });
  }
  return groups;
}
