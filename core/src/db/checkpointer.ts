// Write-ahead-log checkpoints off the importing thread (SQLite). A checkpoint copies the pages the
// log holds back into the database file and syncs both files; run by the writer's own connection
// (SQLite's automatic checkpoint) it stalls the commit that crossed the threshold, and a first import
// of a million comments crossed it hundreds of times. A worker thread with its own connection runs
// PASSIVE checkpoints every `intervalMs` instead: they copy what is committed without waiting for
// or blocking the writer. The writer's automatic checkpoint stays as the fallback should the
// thread fall behind.
import { Worker } from "node:worker_threads";

const ENTRY = new URL("./checkpointWorker.mjs", import.meta.url);

export interface Checkpointer {
  /** Stops the thread (its connection closed) — before the database's last connection closes. */
  stop(): Promise<void>;
}

/** Starts the thread for the SQLite database at `file` (its journal mode WAL). */
export function startCheckpointer(file: string, intervalMs = 250): Checkpointer {
  const worker = new Worker(ENTRY, { workerData: { file, intervalMs } });
  // Never what keeps a process alive; an error only means the writer checkpoints by itself.
  worker.unref();
  worker.on("error", () => undefined);
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        worker.postMessage("stop");
        // A checkpoint in progress finishes first; a thread that does not answer is ended.
        const timer = setTimeout(() => void worker.terminate(), 10_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
