// Cross-process locks. On PostgreSQL a session advisory lock held on one pooled connection for the
// length of the work: the server and any number of worker machines can never run the same source
// twice at once (pg-boss's per-source singleton prevents it too; this holds even for a run started
// outside the queue, such as `npm run ingest -- run`). On SQLite everything runs in one process,
// whose in-memory guard is enough (see runSource).
import type { Database } from "./client";

const SOURCE_LOCK_CLASS = 7_302_153;

/** Takes the lock of a source, or returns null when another process holds it. */
export async function tryLockSource(db: Database, sourceId: number): Promise<(() => Promise<void>) | null> {
  if (!db.pg) return async () => {};
  const client = await db.pg.connect();
  try {
    // A worker machine that dies without closing its socket would otherwise keep the lock until
    // the server's TCP keepalive gives up (2 hours by default): probe this connection every 30 s.
    await client.query("SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3");
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [SOURCE_LOCK_CLASS, sourceId]);
    if (!rows[0]?.ok) {
      client.release();
      return null;
    }
  } catch (e) {
    client.release();
    throw e;
  }
  return async () => {
    try {
      await client.query("SELECT pg_advisory_unlock($1, $2)", [SOURCE_LOCK_CLASS, sourceId]);
      client.release();
    } catch (e) {
      // A broken connection releases its locks on the server side; do not return it to the pool.
      client.release(e as Error);
    }
  };
}

/**
 * Runs `fn` while holding the PostgreSQL session advisory lock `key` on one pooled connection,
 * waiting for it when another process holds it (SQLite: runs `fn` directly, one process).
 */
export async function withAdvisoryLock<T>(db: Database, key: number, fn: () => Promise<T>): Promise<T> {
  if (!db.pg) return fn();
  const client = await db.pg.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => {});
    client.release();
  }
}

const TOKEN_LOCK_CLASS = 7_302_156;
/** SQLite: one process, so a promise chain per source serialises refreshes. */
const tokenChains = new Map<number, Promise<unknown>>();

/**
 * Runs `fn` while holding the token lock of a source, waiting for it: X rotates refresh tokens, so
 * two processes refreshing one login at once would leave one of them with a dead token. PostgreSQL:
 * a transaction-scoped advisory lock on a dedicated connection; SQLite: an in-process queue.
 */
export async function withSourceTokenLock<T>(db: Database, sourceId: number, fn: () => Promise<T>): Promise<T> {
  if (!db.pg) {
    const before = tokenChains.get(sourceId) ?? Promise.resolve();
    const run = before.catch(() => {}).then(fn);
    const tail = run.catch(() => {});
    tokenChains.set(sourceId, tail);
    try {
      return await run;
    } finally {
      if (tokenChains.get(sourceId) === tail) tokenChains.delete(sourceId);
    }
  }
  const client = await db.pg.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1, $2)", [TOKEN_LOCK_CLASS, sourceId]);
    try {
      return await fn();
    } finally {
      await client.query("COMMIT");
    }
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
