// Stores a stream of batches in order while the NLP of the next ones runs on worker threads: the
// main thread looks a batch up, hands its texts to the pool and writes the oldest analysed batch,
// so parsing, NLP and database writes overlap. At most `depth` batches wait between look-up and
// write, which bounds memory. Each write is still its own transaction with its rollups, so a run
// killed at any point leaves exactly the written batches, with exact statistics.
import type { Database } from "../db/client";
import { commentKey } from "../db/ingestRepository";
import type { NlpPool } from "./nlpPool";
import type { StoredAnalysis } from "./storedAnalysis";
import { analyzePrepared, prepareBatch, writePrepared, type BatchInput, type PreparedBatch, type StoreResult } from "./store";
import { timedAsync, type IngestTimings } from "./timings";

interface Queued { prepared: PreparedBatch; analyses: Promise<StoredAnalysis[]>; keys: string[] }

/** Ordered batch storing with NLP ahead of the writes (see the file comment). */
export class BatchPipeline {
  private queue: Queued[] = [];
  // Keys of batches looked up but not yet written (a key may sit in two of them).
  private pending = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly pool: NlpPool | null,
    private readonly onStored: (r: StoreResult) => void,
    private readonly timings?: IngestTimings,
    private readonly depth = pool ? pool.size * 2 : 0,
  ) {}

  /** Looks a batch up and starts its NLP; writes older batches while more than `depth` wait. */
  async push(input: BatchInput): Promise<void> {
    const keys = [...new Set(input.comments.map(commentKey))];
    // A key that an unwritten batch also holds must be decided against what that batch writes
    // (which text, day and likes win, what gets analysed): write those first. Rare in real files.
    if (keys.some((k) => this.pending.has(k))) await this.drain();
    const prepared = await prepareBatch(this.db, input, { timings: this.timings });
    const analyses = analyzePrepared(prepared, this.pool, this.timings);
    // Awaited when the batch is written; a failure then stops the run. Not awaited if an earlier write failed.
    analyses.catch(() => {});
    for (const k of keys) this.pending.set(k, (this.pending.get(k) ?? 0) + 1);
    this.queue.push({ prepared, analyses, keys });
    while (this.queue.length > this.depth) await this.writeOldest();
  }

  /** Writes every batch still waiting. */
  async drain(): Promise<void> {
    while (this.queue.length > 0) await this.writeOldest();
  }

  private async writeOldest(): Promise<void> {
    const q = this.queue.shift()!;
    try {
      const analyses = await timedAsync(this.timings, "nlpWait", () => q.analyses);
      this.onStored(await writePrepared(this.db, q.prepared, analyses, this.timings));
    } finally {
      for (const k of q.keys) {
        const n = this.pending.get(k)! - 1;
        if (n === 0) this.pending.delete(k);
        else this.pending.set(k, n);
      }
    }
  }
}
