// Where an import's time goes, for benchmarks and the CLI's --json summary. Milliseconds per phase,
// added up over batches; phases that run on worker threads overlap the others, so they need not
// sum to the wall time.

/** Milliseconds per phase of one import run. */
export interface IngestTimings {
  /** Reading, decoding and parsing the file into comments. */
  parse: number;
  /** The look-up of existing rows that decides what to analyse. */
  lookup: number;
  /** NLP (on worker threads when the pool runs). */
  nlp: number;
  /** Waiting on the NLP of a batch the writer needed next (the part of NLP not overlapped). */
  nlpWait: number;
  /** The batch transactions' row writes. */
  write: number;
  /** Rollup deltas inside the batch transactions. */
  rollups: number;
  /** Full-text index maintenance. */
  fts: number;
  /** The run's end: orphan links and the touched days' rollups recomputed. */
  finish: number;
  /** Follow-up cases (grouping) and urgent alerts at the run's end. */
  cases: number;
}

/** A zeroed timings record. */
export const newIngestTimings = (): IngestTimings => ({ parse: 0, lookup: 0, nlp: 0, nlpWait: 0, write: 0, rollups: 0, fts: 0, finish: 0, cases: 0 });

/** Adds the time `fn` takes to `phase` of `t` (no-op bookkeeping when `t` is undefined). */
export function timed<T>(t: IngestTimings | undefined, phase: keyof IngestTimings, fn: () => T): T {
  if (!t) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    t[phase] += performance.now() - t0;
  }
}

/** timed() for promises. */
export async function timedAsync<T>(t: IngestTimings | undefined, phase: keyof IngestTimings, fn: () => Promise<T>): Promise<T> {
  if (!t) return fn();
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    t[phase] += performance.now() - t0;
  }
}
