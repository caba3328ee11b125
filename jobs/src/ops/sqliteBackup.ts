// Backup and restore of a SQLite database: an online copy through SQLite's backup API (consistent
// while the server writes) with the secrets file embedded, checks of a backup before it is used, and
// an atomic file swap on restore. Below the repositories: it uses the driver directly.
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { openDatabase, sqlitePath } from "@suara-desa/core/db/client";
import { readSecretsFile } from "@suara-desa/core/secrets";
import { UsageError } from "../cli/progress";
import { checkKnownMigrations, type Counts, type RestorePlan, utcStamp } from "./backupCommon";

// A SQLite backup is one file, and a database without its secrets cannot open its source tokens nor
// match its pseudonyms: the secrets file travels inside the copy, in this table, and restore puts
// it back beside the database (PostgreSQL keeps its secrets in the InstallSecret table anyway).
export const BACKUP_SECRETS_TABLE = "_suara_desa_secrets";

/** Copies the live SQLite database into `dest` (checked, one self-contained file); returns its counts. */
export async function copySqlite(url: string, dest: string, onProgress?: (done: number, total: number) => void): Promise<Counts> {
  const source = sqlitePath(url);
  if (!fs.existsSync(source)) throw new Error(`DATABASE_URL: no database at ${source}`);
  const db = await openDatabase(url);
  try {
    let remaining = Infinity;
    await db.raw!.backup(dest, {
      progress({ totalPages, remainingPages }) {
        onProgress?.(totalPages - remainingPages, totalPages);
        // A write by another connection (the running server) restarts SQLite's copy; with steps a
        // steady import could restart it forever, so once a step makes no headway the rest goes in one.
        const restarted = remainingPages >= remaining;
        remaining = remainingPages;
        return restarted ? 0x7fffffff : 25_000;
      },
    });
    onProgress?.(1, 1);
  } finally {
    await db.close();
  }
  const copy = new BetterSqlite3(dest, { fileMustExist: true });
  try {
    // The copy inherits WAL mode from the live database; a backup should be one self-contained file.
    copy.pragma("journal_mode = DELETE");
    const problems = integrityProblems(copy);
    if (problems) throw new Error(`the copy failed its integrity check (${problems}); the database itself may be damaged`);
    return sqliteCounts(copy);
  } finally {
    copy.close();
  }
}

/** Carries the secrets file inside the copy (nothing when the secrets come from the environment). */
export function embedSecrets(secretsFile: string, copyFile: string): void {
  if (!readSecretsFile(secretsFile)) return; // secrets from the environment only: nothing to carry
  const copy = new BetterSqlite3(copyFile, { fileMustExist: true });
  try {
    copy.exec(`CREATE TABLE "${BACKUP_SECRETS_TABLE}" (name TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    copy.prepare(`INSERT INTO "${BACKUP_SECRETS_TABLE}" (name, value) VALUES ('secrets.json', ?)`).run(fs.readFileSync(secretsFile, "utf8"));
  } finally {
    copy.close();
  }
}

/** Checks a SQLite backup and the target and stages a checked copy next to the target. */
export async function planSqlite(url: string, from: string): Promise<RestorePlan> {
  const target = sqlitePath(url);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  let targetCounts: Counts | null = { comments: 0, villages: 0 };
  let inUse: string | null = null;
  if (fs.existsSync(target)) {
    inUse = sqliteInUse(target);
    try {
      const db = new BetterSqlite3(target, { fileMustExist: true, readonly: inUse !== null, timeout: 5_000 });
      try {
        targetCounts = sqliteCounts(db);
      } finally {
        db.close();
      }
    } catch {
      // A damaged database is what a restore is for: it stays replaceable (with --yes).
      targetCounts = null;
    }
  }
  // The backup is checked as the copy that will be renamed into place, on the target's filesystem.
  const staged = path.join(path.dirname(target), `.${path.basename(target)}.restore-${process.pid}.tmp`);
  fs.copyFileSync(from, staged);
  try {
    const copy = openSqliteBackup(staged, from);
    try {
      const hasMigrations = copy.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
      if (!hasMigrations) throw new UsageError(`--from: not a Suara Desa backup (no _prisma_migrations table): ${from}`);
      const problems = integrityProblems(copy);
      if (problems) throw new UsageError(`--from: the backup failed its integrity check (${problems}): ${from}`);
      const migrations = (copy
        .prepare(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)
        .all() as Array<{ name: string }>).map((r) => r.name);
      checkKnownMigrations(migrations, "sqlite", from);
      const backupCounts = sqliteCounts(copy);
      // The carried secrets leave the staged copy: the database proper never holds them.
      let secrets: string | null = null;
      if (copy.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(BACKUP_SECRETS_TABLE)) {
        secrets = (copy.prepare(`SELECT value FROM "${BACKUP_SECRETS_TABLE}" WHERE name = 'secrets.json'`).get() as { value: string } | undefined)?.value ?? null;
        copy.exec(`DROP TABLE "${BACKUP_SECRETS_TABLE}"`);
        if (secrets !== null) checkSecretsText(secrets, from);
      }
      copy.pragma("journal_mode = DELETE");
      return {
        provider: "sqlite", from, target, targetCounts, backupCounts, inUse, staged,
        backupMadeAt: fs.statSync(from).mtime.toISOString(), backupMigrations: migrations, archiveObjects: null, secrets,
      };
    } finally {
      copy.close();
    }
  } catch (e) {
    fs.rmSync(staged, { force: true });
    throw e;
  }
}

/** Refuses secrets carried by a backup that are not a JSON object (a damaged backup). */
export function checkSecretsText(text: string, from: string): void {
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    if (typeof data !== "object" || data === null) throw new Error("not an object");
  } catch (e) {
    throw new UsageError(`--from: the secrets carried by the backup are damaged (${(e as Error).message}): ${from}`);
  }
}

/** Puts the staged copy in place of the target; returns where the replaced file was kept, or null. */
export function swapSqlite(plan: RestorePlan): string | null {
  const target = plan.target;
  const staged = plan.staged!;
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    // Checked again: the server may have started since planRestore looked.
    const busy = sqliteInUse(target);
    if (busy) throw new Error(busy);
    // The replaced database stays next to it; a hard link costs no space and no time.
    const ext = path.extname(target);
    kept = `${target.slice(0, target.length - ext.length)}.before-restore-${utcStamp(new Date())}${ext}`;
    try {
      fs.linkSync(target, kept);
    } catch {
      fs.copyFileSync(target, kept);
    }
    // The restored file takes the old one's permissions and, when run as root, its owner: the
    // service user must still be able to write it.
    const old = fs.statSync(target);
    fs.chmodSync(staged, old.mode & 0o777);
    if (process.getuid?.() === 0) fs.chownSync(staged, old.uid, old.gid);
  }
  fsyncPath(staged);
  // A -wal left by a crashed process belongs to the old file; SQLite would replay it into the new one.
  fs.rmSync(`${target}-wal`, { force: true });
  fs.rmSync(`${target}-shm`, { force: true });
  fs.rmSync(`${target}-journal`, { force: true });
  fs.renameSync(staged, target);
  fsyncPath(path.dirname(target));
  return kept;
}

/** Comments and villages in a SQLite file (0 for a table it lacks). */
export function sqliteCounts(db: BetterSqlite3.Database): Counts {
  const has = (t: string) => Boolean(db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t));
  const count = (t: string) => (has(t) ? Number((db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n) : 0);
  return { comments: count("Comment"), villages: count("Village") };
}

/** Another connection holds the file (the server, a worker, a CLI)? The message says what to do. */
export function sqliteInUse(file: string): string | null {
  // An idle server holds no lock BEGIN IMMEDIATE would see, but every open connection to a WAL
  // database holds a shared lock that an exclusive-locking-mode transaction cannot get past.
  const probe = new BetterSqlite3(file, { fileMustExist: true, timeout: 500 });
  try {
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE");
    probe.exec("COMMIT");
    return null;
  } catch (e) {
    if ((e as { code?: string }).code === "SQLITE_BUSY") {
      return `the database ${file} is in use by another process: stop the server first (systemctl stop suara-desa), and any npm run command using it`;
    }
    // Not a readable database (damaged): nothing can be using it as one.
    return null;
  } finally {
    probe.close();
  }
}

/** Opens a backup file, with a message naming it when it is not a readable SQLite database. */
export function openSqliteBackup(file: string, shownAs: string): BetterSqlite3.Database {
  try {
    const db = new BetterSqlite3(file, { fileMustExist: true });
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return db;
  } catch (e) {
    throw new UsageError(`--from: not a readable SQLite database (${(e as Error).message}): ${shownAs}`);
  }
}

/** null when PRAGMA integrity_check says ok, else its first findings. */
export function integrityProblems(db: BetterSqlite3.Database): string | null {
  const rows = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
  const found = rows.map((r) => r.integrity_check);
  return found.length === 1 && found[0] === "ok" ? null : found.slice(0, 3).join("; ");
}

/** Flushes a file or folder to disk. */
export function fsyncPath(p: string): void {
  const fd = fs.openSync(p, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
