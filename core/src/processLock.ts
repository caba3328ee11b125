// The scheduler lock of a SQLite database. Two `npm start` on one database file must never run two
// in-process schedulers (each would ingest every source and store every weekly report twice), so
// the server takes an exclusive lock before starting its scheduler. The lock is an exclusive SQLite
// lock on `<database>.lock`, i.e. an OS file lock: it dies with its process, so a server killed
// with SIGKILL leaves nothing stale behind, and two starts racing cannot both win. Beside it,
// `<database>.pid` records who holds it (pid, port) so a second start can say which process is
// already serving; it is information only, never the lock itself.
import fs from "node:fs";
import BetterSqlite3 from "better-sqlite3";

export interface LockHolder {
  pid: number;
  port: number | null;
  startedAt: string;
}

/** `<database file>.pid`: who holds the lock. */
export function pidFileFor(databaseFile: string): string {
  return `${databaseFile}.pid`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live Suara Desa server recorded beside a database, or null (none, stale or unreadable). */
export function readLockHolder(databaseFile: string): LockHolder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(pidFileFor(databaseFile), "utf8")) as LockHolder;
    return Number.isInteger(holder.pid) && holder.pid !== process.pid && alive(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

/** "pid 1234, port 3000, since 2026-12-03T08:00:00.000Z". */
export function describeHolder(h: LockHolder): string {
  return `pid ${h.pid}${h.port !== null ? `, port ${h.port}` : ""}, since ${h.startedAt}`;
}

/** Another process holds the scheduler lock of the database. */
export class LockHeldError extends Error {
  constructor(public readonly databaseFile: string, public readonly holder: LockHolder | null) {
    super(
      `another Suara Desa server${holder ? ` (${describeHolder(holder)})` : ""} already runs the scheduler on ${databaseFile}: ` +
        "stop it first, or start this one with SCHEDULER=off",
    );
  }
}

export interface ProcessLock {
  /** Releases the lock and removes the pid file. */
  release(): void;
}

/** Takes the scheduler lock of a SQLite database file; throws LockHeldError when it is taken. */
export function acquireSchedulerLock(databaseFile: string, info: { port: number | null }): ProcessLock {
  const lockFile = `${databaseFile}.lock`;
  if (!fs.existsSync(lockFile)) fs.closeSync(fs.openSync(lockFile, "a", 0o600));
  const conn = new BetterSqlite3(lockFile, { timeout: 0 });
  try {
    // In exclusive locking mode the lock taken by the first write transaction is kept until the
    // connection closes (or the process dies).
    conn.pragma("locking_mode = EXCLUSIVE");
    // Nothing is ever written: no journal file is needed beside the lock.
    conn.pragma("journal_mode = MEMORY");
    conn.exec("BEGIN EXCLUSIVE; COMMIT");
  } catch (e) {
    conn.close();
    if ((e as { code?: string }).code === "SQLITE_BUSY") throw new LockHeldError(databaseFile, readLockHolder(databaseFile));
    throw e;
  }
  const pidFile = pidFileFor(databaseFile);
  const holder: LockHolder = { pid: process.pid, port: info.port, startedAt: new Date().toISOString() };
  fs.writeFileSync(pidFile, JSON.stringify(holder) + "\n", { mode: 0o600 });
  return {
    release() {
      fs.rmSync(pidFile, { force: true });
      conn.close();
    },
  };
}
