// Applies prisma/migrations (SQLite) or prisma/postgres/migrations (PostgreSQL) in order and
// records them in _prisma_migrations exactly as Prisma Migrate does (same table, sha256 checksum),
// so `prisma migrate status/dev` elsewhere sees them as applied. Prisma's own `migrate deploy`
// needs a schema-engine binary that cannot be downloaded on every machine; this needs none.
// Both folders hold migrations of the same names, one per engine (`npm run db:check` verifies).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../env";
import type { Database, Provider } from "./client";

const MIGRATIONS_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`,
};

export const MIGRATIONS_DIRS: Record<Provider, string> = {
  sqlite: path.join(ROOT_DIR, "prisma", "migrations"),
  postgres: path.join(ROOT_DIR, "prisma", "postgres", "migrations"),
};

// Any constant works; it only has to be the same in every process that migrates.
const PG_MIGRATION_LOCK = 7_302_151;

interface AppliedRow { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown }

/** Migration folder names in order. */
export function migrationNames(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
}

function pending(rows: AppliedRow[], dir: string): Array<{ name: string; script: string; checksum: string }> {
  const failed = rows.find((r) => r.finished_at == null && r.rolled_back_at == null);
  if (failed) throw new Error(`migration ${failed.migration_name} failed earlier; fix the database before starting again`);
  const applied = new Set(rows.filter((r) => r.rolled_back_at == null).map((r) => r.migration_name));
  return migrationNames(dir)
    .filter((name) => !applied.has(name))
    .map((name) => {
      const script = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, script, checksum: createHash("sha256").update(script).digest("hex") };
    });
}

/** Applies pending migrations; returns the names applied. */
export async function migrateDatabase(db: Database, dir = MIGRATIONS_DIRS[db.provider]): Promise<string[]> {
  const done: string[] = [];
  if (db.raw) {
    const raw = db.raw;
    raw.exec(MIGRATIONS_TABLE.sqlite);
    const rows = raw.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as AppliedRow[];
    const now = `strftime('%Y-%m-%dT%H:%M:%f+00:00','now')`;
    for (const m of pending(rows, dir)) {
      // A migration and its bookkeeping row commit together: a crash leaves neither.
      raw.transaction(() => {
        raw.exec(m.script);
        raw
          .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, started_at, finished_at, migration_name, applied_steps_count) VALUES (?, ?, ${now}, ${now}, ?, 1)`)
          .run(randomUUID(), m.checksum, m.name);
      })();
      done.push(m.name);
    }
    return done;
  }
  // PostgreSQL: the server and every worker migrate at start; an advisory lock makes the first one
  // do it and the others wait, then find nothing pending. DDL is transactional here too.
  const client = await db.pg!.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE.postgres);
    const { rows } = await client.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    for (const m of pending(rows, dir)) {
      await client.query("BEGIN");
      try {
        await client.query(m.script);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, started_at, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
      done.push(m.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  return done;
}
