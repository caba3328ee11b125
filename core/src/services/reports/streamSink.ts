// Writing a generated file to a destination that may be slower than we are (a browser on a
// village's mobile connection) or may go away (a closed tab): chunks wait for the destination to
// drain instead of piling up in memory, and a vanished destination stops the export.
import type { Writable } from "node:stream";

/** The destination closed before the file was complete (the user cancelled or lost the connection). */
export class ExportAborted extends Error {
  constructor() {
    super("export aborted: the destination closed before the file was complete");
  }
}

/** Resolves when `out` has drained; rejects with ExportAborted when it closes or fails first. */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new ExportAborted());
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      out.off("drain", onDrain);
      out.off("close", onClose);
      out.off("error", onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new ExportAborted());
    out.on("drain", onDrain);
    out.on("close", onClose);
    out.on("error", onClose);
  });
}

/** Writes one chunk, then waits while the destination's buffer is full. */
export async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed) throw new ExportAborted();
  if (!out.write(chunk)) await drained(out);
}

/** Ends `out` and resolves once everything was handed to it (rejects if it closed first). */
export function endStream(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.destroyed) return reject(new ExportAborted());
    out.once("error", reject);
    out.end(() => resolve());
  });
}

/**
 * Lets the event loop run other requests (health checks, other users' pages) before the next
 * chunk: an export of 100,000 rows is a long series of short steps, never one long one.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
