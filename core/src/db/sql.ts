// One SQL text on either engine, for the raw paths of the repositories. Write SQL that both
// engines accept: quoted camelCase identifiers ("villageId"), `true`/`false` for booleans (SQLite
// stores them as 1/0 and reads the keywords as 1/0), `@name` parameters, ON CONFLICT upserts.
// Values come back as each driver gives them: read dates with `new Date(x)`, booleans with
// `Boolean(x)`, counts with `Number(x)`. Where the engines really differ (full-text search,
// string aggregation, bulk writes) the repository branches on `db.provider`.
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { toDbDate, type Database } from "./client";

export type Params = Record<string, unknown>;

// Prepared statements are cached per SQLite connection and SQL text.
const sqliteStatements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
/** The prepared statement of `sql` on a SQLite connection (prepared once, then reused). */
export function sqliteStatement(raw: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let byText = sqliteStatements.get(raw);
  if (!byText) {
    byText = new Map();
    sqliteStatements.set(raw, byText);
  }
  let s = byText.get(sql);
  if (!s) {
    s = raw.prepare(sql);
    if (byText.size > 500) byText.clear(); // dynamic filters make many texts; keep the cache bounded
    byText.set(sql, s);
  }
  return s;
}

/** Parameters as better-sqlite3 binds them: dates as stored text, booleans as 0/1. */
export function sqliteParams(params: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = v instanceof Date ? toDbDate(v) : typeof v === "boolean" ? (v ? 1 : 0) : v;
  }
  return out;
}

const pgTexts = new Map<string, { text: string; names: string[] }>();
/** `@name` → `$n` (each name once, reused where it repeats). */
export function toPgText(sql: string): { text: string; names: string[] } {
  let hit = pgTexts.get(sql);
  if (!hit) {
    const names: string[] = [];
    const text = sql.replace(/@([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
      let i = names.indexOf(name);
      if (i < 0) i = names.push(name) - 1;
      return `$${i + 1}`;
    });
    hit = { text, names };
    if (pgTexts.size > 1000) pgTexts.clear();
    pgTexts.set(sql, hit);
  }
  return hit;
}

// Prisma stores DateTime in `timestamp(3)` (no zone) as UTC: read them back as UTC, and read
// bigint counts as numbers (no count here comes near 2^53).
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 1114) return (v: string) => new Date(v.replace(" ", "T") + "Z");
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** Something that runs queries: the pool, or one client inside a transaction. */
export type PgQueryable = Pick<pg.Pool, "query"> | pg.PoolClient;

function pgValues(names: string[], params: Params, sql: string): unknown[] {
  return names.map((n) => {
    if (!(n in params)) throw new Error(`SQL parameter @${n} missing in: ${sql.slice(0, 80)}`);
    const v = params[n];
    // `timestamp` ignores the zone in a literal: the ISO text is stored as the UTC wall clock.
    return v instanceof Date ? v.toISOString() : v;
  });
}

export async function pgQuery<T>(client: PgQueryable, sql: string, params: Params = {}): Promise<{ rows: T[]; rowCount: number }> {
  const { text, names } = toPgText(sql);
  const res = await (client as pg.Pool).query({ text, values: pgValues(names, params, sql), types: pgTypes as never });
  return { rows: res.rows as T[], rowCount: res.rowCount ?? 0 };
}

/** All rows of a query. */
export async function sqlAll<T>(db: Database, sql: string, params: Params = {}): Promise<T[]> {
  if (db.raw) return sqliteStatement(db.raw, sql).all(sqliteParams(params)) as T[];
  return (await pgQuery<T>(db.pg!, sql, params)).rows;
}

/** The first row of a query, or undefined. */
export async function sqlGet<T>(db: Database, sql: string, params: Params = {}): Promise<T | undefined> {
  if (db.raw) return sqliteStatement(db.raw, sql).get(sqliteParams(params)) as T | undefined;
  return (await sqlAll<T>(db, sql, params))[0];
}

/** Runs a statement; returns the number of rows changed. */
export async function sqlRun(db: Database, sql: string, params: Params = {}): Promise<number> {
  if (db.raw) return sqliteStatement(db.raw, sql).run(sqliteParams(params)).changes;
  return (await pgQuery(db.pg!, sql, params)).rowCount;
}

/**
 * Runs `fn` in one PostgreSQL transaction on one pooled client (rolled back if it throws).
 * SQLite transactions stay synchronous (better-sqlite3's `transaction()`), see the repositories.
 */
export async function pgTransaction<T>(db: Database, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  if (!db.pg) throw new Error("pgTransaction needs PostgreSQL");
  const client = await db.pg.connect();
  try {
    await client.query("BEGIN");
    const out = await fn(client);
    await client.query("COMMIT");
    return out;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
