// NLP on worker threads, so a large import analyses the next batches while the main thread writes
// the current one (better-sqlite3 writes synchronously; a PostgreSQL round trip leaves the CPU idle).
// One worker per core. Each task is a whole batch, analysed exactly as the in-process pipeline does
// (analyzeBatch: flood marking looks at the batch), so results are the same wherever it runs.
// Workers are unref'd while idle: an idle pool never keeps a process alive.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { StoredTopic } from "../db/topicRepository";
import { env } from "../env";
import type { StoredAnalysis } from "./storedAnalysis";
import type { CorrectionInput } from "../nlp/pipeline";

/**
 * One batch to analyse with the taxonomy `topics` and the village's `corrections` (sentiment, intent, urgency)
 * (`signature` names the pair: equal signatures build the same pipeline).
 */
export interface NlpTask { signature: string; topics: StoredTopic[]; corrections: ReadonlyArray<CorrectionInput>; texts: string[] }
/** A worker's answer to one task. */
export type NlpTaskResult = { analyses: StoredAnalysis[]; modelVersion: string } | { error: string };

interface Pending { resolve: (r: { analyses: StoredAnalysis[]; modelVersion: string }) => void; reject: (e: Error) => void }
interface Slot { worker: Worker; busy: Map<number, Pending>; idleTimer: NodeJS.Timeout | null }

/** A worker idle this long ends (its models' memory is given back); the next task starts one again. */
const IDLE_MS = 30_000;

const ENTRY = new URL("./nlpWorkerEntry.mjs", import.meta.url);

/** A fixed set of NLP worker threads with a task queue. */
export class NlpPool {
  private slots: Slot[] = [];
  private queue: Array<{ id: number; task: NlpTask; pending: Pending }> = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {}

  /** Analyses one batch on the least busy worker (queued when all are busy). */
  analyze(task: NlpTask): Promise<{ analyses: StoredAnalysis[]; modelVersion: string }> {
    if (this.closed) return Promise.reject(new Error("NLP pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  /** Stops the workers; tasks still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const failed = new Error("NLP pool closed");
    for (const q of this.queue.splice(0)) q.pending.reject(failed);
    await Promise.all(this.slots.splice(0).map(async (s) => {
      if (s.idleTimer) clearTimeout(s.idleTimer);
      for (const p of s.busy.values()) p.reject(failed);
      await s.worker.terminate();
    }));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.busy.size === 0);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const { id, task, pending } = this.queue.shift()!;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.busy.set(id, pending);
      slot.worker.ref();
      slot.worker.postMessage({ id, ...task });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(ENTRY);
    const slot: Slot = { worker, busy: new Map(), idleTimer: null };
    worker.on("message", (m: NlpTaskResult & { id: number }) => {
      const p = slot.busy.get(m.id);
      slot.busy.delete(m.id);
      if (slot.busy.size === 0) {
        worker.unref();
        slot.idleTimer = setTimeout(() => {
          if (slot.busy.size > 0) return;
          this.slots = this.slots.filter((s) => s !== slot);
          void worker.terminate();
        }, IDLE_MS).unref();
      }
      if (p) {
        if ("error" in m) p.reject(new Error(`NLP worker: ${m.error}`));
        else p.resolve(m);
      }
      this.dispatch();
    });
    // A worker that dies takes only its own task with it; the next task gets a fresh worker.
    const fail = (e: Error) => {
      this.slots = this.slots.filter((s) => s !== slot);
      for (const p of slot.busy.values()) p.reject(e);
      slot.busy.clear();
      this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!this.closed && this.slots.includes(slot)) fail(new Error(`NLP worker exited with code ${code}`));
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }
}

let shared: NlpPool | null = null;

/** The process's NLP pool: one worker per core (NLP_THREADS overrides; 0 turns it off). */
export function sharedNlpPool(): NlpPool | null {
  const size = env().NLP_THREADS ?? os.availableParallelism();
  if (size === 0) return null;
  if (!shared || shared.size !== size) shared = new NlpPool(size);
  return shared;
}
