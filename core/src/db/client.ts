// The database handle. The only module that constructs the Prisma client; repositories receive a
// Database and never open their own. DATABASE_URL picks the engine: `file:` is embedded SQLite
// (better-sqlite3), `postgresql://` is PostgreSQL (node-postgres). Both expose their raw driver
// next to Prisma for the bulk and hot read paths, where Prisma's per-row cost (~0.2 ms/row) would
// dominate a million-comment import; `sql.ts` runs one SQL text on either.
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PrismaClientPg } from "./generated-pg/client";
import { env } from "../env";
import { startCheckpointer, type Checkpointer } from "./checkpointer";

export type Provider = "sqlite" | "postgres";

export interface Database {
  /**
   * Prisma client. On PostgreSQL it is the client generated from prisma/postgres/schema.prisma,
   * which `npm run db:schema` derives from the SQLite schema: same models, same API, so one type.
   */
  prisma: PrismaClient;
  /** Raw better-sqlite3 connection (SQLite only). */
  raw: BetterSqlite3.Database | null;
  /** Connection pool (PostgreSQL only), shared with Prisma. */
  pg: pg.Pool | null;
  url: string;
  provider: Provider;
  close(): Promise<void>;
}

const BUSY_TIMEOUT_MS = 15_000;

/** Resolves `file:` URLs relative to the working directory, as Prisma does for absolute paths. */
export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens (creating the folder or nothing else) the database at `url`. `keepOpen` (PostgreSQL; the
 * server and the workers, not short commands): a few connections are opened now and stay open.
 */
export async function openDatabase(url: string, opts: { poolSize?: number; keepOpen?: boolean } = {}): Promise<Database> {
  if (isPostgresUrl(url)) return openPostgres(url, opts.poolSize ?? env().PG_POOL_SIZE, opts.keepOpen ?? false);
  if (!url.startsWith("file:")) throw new Error("DATABASE_URL: must start with file: (SQLite) or postgresql://");
  const file = sqlitePath(url);
  const raw = openSqliteFile(file);
  // WAL lets the dashboard read while an import writes; NORMAL sync is durable across app crashes.
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("foreign_keys = ON");
  // 64 MB page cache (the default is 2 MB): a large import otherwise re-reads index pages from disk
  // for every row once the comment indexes outgrow the cache.
  raw.pragma("cache_size = -65536");
  raw.pragma("temp_store = MEMORY");
  // Checkpoint the write-ahead log every 40 MB instead of every 4 MB: each checkpoint syncs the files
  // and copies a page once however often it changed since the last one, and an import rewrites the
  // same index and comment pages batch after batch (100k comments of 5 villages, 3 interleaved runs
  // each on a shared machine: write + cases 14.2 s -> 13.0 s).
  // The log is cut back to 64 MB after a checkpoint so it does not keep its largest size.
  raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
  raw.pragma("journal_size_limit = 67108864");
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS }) });
  return {
    prisma,
    raw,
    pg: null,
    url: `file:${file}`,
    provider: "sqlite",
    async close() {
      await prisma.$disconnect();
      await checkpointers.get(raw)?.stop();
      raw.close();
    },
  };
}

const WAL_AUTOCHECKPOINT = 10_000;
/** The writer's own checkpoint while a background thread checkpoints: only should the thread fall behind (400 MB). */
const WAL_FALLBACK_CHECKPOINT = 100_000;
const checkpointers = new WeakMap<BetterSqlite3.Database, Checkpointer>();

/**
 * From now until close(), the write-ahead log of this SQLite database is checkpointed by a background
 * thread (see checkpointer.ts) rather than inside this connection's commits. Called by the paths that
 * write a lot (imports); nothing on PostgreSQL.
 */
export function checkpointInBackground(db: Database): void {
  const raw = db.raw;
  if (!raw || !raw.open || checkpointers.has(raw)) return;
  checkpointers.set(raw, startCheckpointer(sqlitePath(db.url)));
  raw.pragma(`wal_autocheckpoint = ${WAL_FALLBACK_CHECKPOINT}`);
}

// The database holds residents' comments and the sessions table: created readable by the service
// account only (the folder 0700, the file 0600; SQLite gives its -wal and -shm files the file's mode).
// An existing file or folder keeps the permissions the operator gave it.
function openSqliteFile(file: string): BetterSqlite3.Database {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
    return new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw new Error(`DATABASE_URL: cannot open the SQLite database ${file}: ${(e as Error).message}`);
  }
}

const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: "connection refused (is PostgreSQL running and listening there?)",
  ENOTFOUND: "unknown host name",
  EAI_AGAIN: "the host name could not be resolved (DNS)",
  ETIMEDOUT: "the connection timed out (firewall or wrong address?)",
  EHOSTUNREACH: "the host is unreachable",
  ECONNRESET: "the server closed the connection",
  "28P01": "password authentication failed",
  "28000": "the server refused this user (pg_hba.conf)",
  "3D000": "the database does not exist",
};

/**
 * A connection failure as one line naming the setting, host, port, database and user, never the
 * password: node-postgres alone says only "connect ECONNREFUSED 127.0.0.1:1".
 */
export function describeConnectionError(url: string, e: unknown): Error {
  const err = e as { code?: string; message?: string };
  let where = "the PostgreSQL server";
  try {
    const u = new URL(url);
    const db = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(default)";
    where = `PostgreSQL at ${u.hostname || "localhost"}:${u.port || "5432"} (database "${db}"${u.username ? `, user "${decodeURIComponent(u.username)}"` : ""})`;
  } catch {
    // An unparsable URL is reported by env.ts before we get here; keep the generic wording.
  }
  const code = err.code ?? (/timeout/i.test(err.message ?? "") ? "ETIMEDOUT" : undefined);
  const why = (code && CONNECT_ERRORS[code]) || err.message || String(e);
  return new Error(`DATABASE_URL: cannot connect to ${where}: ${why}`);
}

/** Pooled connections a long-running process keeps open: the parallel queries of one view (overview, explorer). */
const POOL_WARM = 4;

async function openPostgres(url: string, poolSize: number, keepOpen: boolean): Promise<Database> {
  // Connect once now, so an unreachable server is reported here, with the setting to fix, rather
  // than as a bare socket error from whichever query comes first. A separate client with its own
  // timeout: the pool's connectionTimeoutMillis would also limit waiting for a busy pool.
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000, application_name: "suara-desa" });
  try {
    await probe.connect();
  } catch (e) {
    throw describeConnectionError(url, e);
  } finally {
    await probe.end().catch(() => {});
  }
  // A long-running process (the server, a worker) keeps a few connections open whatever the idle time
  // (node-postgres closes idle ones after 10 s by default): a view runs its queries in parallel, and on
  // a quiet village dashboard every first view after a pause would otherwise open them again (a TLS +
  // SCRAM handshake each, 5–30 ms). TCP keep-alive finds a kept connection that a NAT or firewall
  // dropped; allowExitOnIdle: idle connections never hold a finished command's process open.
  const warm = keepOpen ? Math.min(POOL_WARM, poolSize) : 0;
  const pool = new pg.Pool({
    connectionString: url, max: poolSize, min: warm, idleTimeoutMillis: keepOpen ? 60_000 : 10_000,
    keepAlive: true, allowExitOnIdle: true, application_name: "suara-desa",
  });
  // An idle client that loses its server (restart, failover) emits here; the pool drops it and opens
  // a new one when a query needs it.
  pool.on("error", () => {});
  if (warm > 0) {
    // Opened now, so the first view after a start does not wait for them either.
    const opened = await Promise.allSettled(Array.from({ length: warm }, () => pool.connect()));
    for (const r of opened) if (r.status === "fulfilled") r.value.release();
    const failed = opened.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) {
      await pool.end().catch(() => {});
      throw describeConnectionError(url, failed.reason);
    }
  }
  const prisma = new PrismaClientPg({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
  return {
    prisma,
    raw: null,
    pg: pool,
    url,
    provider: "postgres",
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

let shared: Promise<Database> | null = null;
/**
 * The process-wide database from DATABASE_URL. `keepOpen`: see openDatabase (the first call decides;
 * the server and the workers call it first).
 */
export function getDatabase(opts: { keepOpen?: boolean } = {}): Promise<Database> {
  shared ??= openDatabase(env().DATABASE_URL, opts);
  return shared;
}

/** Answers when the database does (the health check). */
export async function pingDatabase(db: Database): Promise<void> {
  await db.prisma.$queryRaw`SELECT 1`;
}

/** SQLite stores DateTime the way Prisma's adapter writes it: ISO 8601 with an explicit offset. */
export function toDbDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
