// Background write-ahead-log checkpoints for one SQLite file (see checkpointer.ts): its own
// connection runs PASSIVE checkpoints, which never wait for or block the writer, so the copying of
// pages back into the database file and the two syncs a checkpoint makes happen on this thread
// instead of inside the importing thread's commits. Plain JavaScript: worker threads do not
// inherit tsx's loader, and this needs nothing of the TypeScript code.
import { clearInterval, setInterval } from "node:timers";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true, timeout: 0 });
db.pragma("synchronous = NORMAL");

function checkpoint() {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // A checkpoint that cannot run now (the file busy or being closed) is left to the next tick
    // or to the writer's own automatic checkpoint.
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort.on("message", (m) => {
  if (m !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
