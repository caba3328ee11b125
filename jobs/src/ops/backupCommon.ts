// What the SQLite and PostgreSQL halves of backup and restore share: the counts and restore plan
// they report, the migration check and the time stamp of file names.
import type { Provider } from "@suara-desa/core/db/client";
import { MIGRATIONS_DIRS, migrationNames } from "@suara-desa/core/db/migrate";
import { UsageError } from "../cli/progress";

export interface Counts { comments: number; villages: number }

export interface RestorePlan {
  provider: Provider;
  /** The backup file, resolved. */
  from: string;
  /** What DATABASE_URL points at, for messages (a path, or the database name; never a password). */
  target: string;
  /** Rows in the target now (zero when it is new or empty; null when it cannot be read). */
  targetCounts: Counts | null;
  /** Rows in the backup (SQLite only; a pg_dump archive is not read before restoring). */
  backupCounts: Counts | null;
  /** When the backup was made (file time for SQLite, pg_dump's header for PostgreSQL). */
  backupMadeAt: string;
  /** Migrations recorded in the backup. */
  backupMigrations: string[];
  /** Why the target cannot be replaced right now (another process has it open), or null. */
  inUse: string | null;
  /** SQLite: the checked copy of the backup next to the target, renamed into place by applyRestore. */
  staged: string | null;
  /** PostgreSQL: tables, views, sequences and types the archive holds, "kind name". */
  archiveObjects: Set<string> | null;
  /** SQLite: the secrets file carried by the backup (JSON text), or null. */
  secrets: string | null;
}

/** Refuses a backup made by a newer version (a migration this installation does not know). */
export function checkKnownMigrations(applied: string[], provider: Provider, from: string): void {
  const known = new Set(migrationNames(MIGRATIONS_DIRS[provider]));
  const unknown = applied.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new UsageError(`--from: ${from} was made by a newer version of Suara Desa (migration ${unknown.join(", ")} is unknown here); upgrade this installation first`);
  }
}

/** 20261128T013000Z: sorts by time and is safe in every file system. */
export function utcStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
