// Applies prisma/migrations/<ts>_<name>/migration.sql in order and records them in
// _prisma_migrations exactly as Prisma Migrate does (same table, sha256 checksum), so
// `prisma migrate status/dev` elsewhere sees them as applied. Prisma's own `migrate deploy` needs
// a schema-engine binary that cannot be downloaded on every machine; this needs none.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../env";
import type { Database } from "./client";

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;

export const MIGRATIONS_DIR = path.join(ROOT_DIR, "prisma", "migrations");

/** Applies pending migrations; returns the names applied. */
export function migrateDatabase(db: Database, dir = MIGRATIONS_DIR): string[] {
  const raw = db.raw;
  if (!raw) throw new Error("migrateDatabase: SQLite connection required");
  raw.exec(MIGRATIONS_TABLE);
  const rows = raw
    .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
    .all() as Array<{ migration_name: string; checksum: string; finished_at: string | null; rolled_back_at: string | null }>;
  const failed = rows.find((r) => r.finished_at == null && r.rolled_back_at == null);
  if (failed) throw new Error(`migration ${failed.migration_name} failed earlier; fix the database before starting again`);
  const applied = new Map(rows.filter((r) => r.rolled_back_at == null).map((r) => [r.migration_name, r.checksum]));
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const done: string[] = [];
  const now = `strftime('%Y-%m-%dT%H:%M:%f+00:00','now')`;
  for (const name of names) {
    const script = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(script).digest("hex");
    if (applied.has(name)) continue;
    const id = randomUUID();
    // A migration and its bookkeeping row commit together: a crash leaves neither.
    raw.transaction(() => {
      raw.exec(script);
      raw
        .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, started_at, finished_at, migration_name, applied_steps_count) VALUES (?, ?, ${now}, ${now}, ?, 1)`)
        .run(id, checksum, name);
    })();
    done.push(name);
  }
  return done;
}
