// Backup and restore of the whole database, for `npm run backup` and `npm run restore`; this file
// picks the engine, the engines live beside it. SQLite (sqliteBackup.ts): an online copy through
// SQLite's backup API (consistent while the server writes) and an atomic file swap on restore.
// PostgreSQL (postgresBackup.ts): pg_dump/pg_restore in custom format. This works on database files
// and archives below the repositories, so it uses the drivers directly; the restored database is
// then opened the normal way and migrated forward with prepareDatabase.
import fs from "node:fs";
import path from "node:path";
import { isPostgresUrl, openDatabase, type Database, type Provider } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { countAllComments } from "@suara-desa/core/db/commentRepository";
import { countVillages } from "@suara-desa/core/db/villageRepository";
import { ROOT_DIR } from "@suara-desa/core/env";
import { secretsFileFor, writeSecretsFile } from "@suara-desa/core/secrets";
import { UsageError } from "../cli/progress";
import { type Counts, type RestorePlan, utcStamp } from "./backupCommon";
import { dumpPostgres, planPostgres, restorePostgres } from "./postgresBackup";
import { copySqlite, embedSecrets, planSqlite, swapSqlite } from "./sqliteBackup";

export type { Counts, RestorePlan };

export interface BackupResult { provider: Provider; file: string; bytes: number; counts: Counts }

export interface RestoreResult {
  counts: Counts;
  migrated: string[];
  kept: string | null;
  dropped: string[];
  /** SQLite: the secrets file written from the backup, or null when the backup carried none. */
  secrets: string | null;
}

const SQLITE_MAGIC = "SQLite format 3\0";

const PGDUMP_MAGIC = "PGDMP";

/** `data/backups/suara-desa-20261128T013000Z.db` (`.dump` for PostgreSQL). */
export function defaultBackupFile(provider: Provider, now = new Date()): string {
  return path.join(ROOT_DIR, "data", "backups", `suara-desa-${utcStamp(now)}.${provider === "postgres" ? "dump" : "db"}`);
}

/** Backs up the database at `url` into `out` (which must not exist yet). */
export async function backupDatabase(url: string, out: string, onProgress?: (done: number, total: number) => void): Promise<BackupResult> {
  const file = path.resolve(out);
  if (fs.existsSync(file)) throw new UsageError(`--out: file exists: ${file} (choose another name or delete it)`);
  // Backups hold residents' comments and (SQLite) the secrets: a folder we create is owner-only.
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written under a temporary name and renamed once verified: a file with the final name is whole.
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const counts = isPostgresUrl(url) ? await dumpPostgres(url, partial) : await copySqlite(url, partial, onProgress);
    if (!isPostgresUrl(url)) embedSecrets(secretsFileFor(url), partial);
    // Backups hold residents' comments: readable by the service account only.
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
    return { provider: isPostgresUrl(url) ? "postgres" : "sqlite", file, bytes: fs.statSync(file).size, counts };
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/** Checks the backup and the target; changes nothing but a staged copy (SQLite). */
export async function planRestore(url: string, fromArg: string): Promise<RestorePlan> {
  const from = path.resolve(fromArg);
  if (!fs.existsSync(from)) throw new UsageError(`--from: file not found: ${from}`);
  if (!fs.statSync(from).isFile()) throw new UsageError(`--from: not a file: ${from}`);
  const magic = readMagic(from);
  if (isPostgresUrl(url)) {
    if (magic.startsWith(SQLITE_MAGIC)) {
      throw new UsageError(`--from: ${from} is a SQLite backup but DATABASE_URL is PostgreSQL; a backup restores into the same engine only`);
    }
    if (!magic.startsWith(PGDUMP_MAGIC)) throw new UsageError(`--from: not a pg_dump custom-format archive (as made by npm run backup): ${from}`);
    return planPostgres(url, from);
  }
  if (magic.startsWith(PGDUMP_MAGIC)) {
    throw new UsageError(`--from: ${from} is a PostgreSQL archive but DATABASE_URL is SQLite; a backup restores into the same engine only`);
  }
  if (!magic.startsWith(SQLITE_MAGIC)) throw new UsageError(`--from: not a SQLite database: ${from}`);
  return planSqlite(url, from);
}

/** Replaces the target with the backup, then migrates it forward. */
export async function applyRestore(url: string, plan: RestorePlan): Promise<RestoreResult> {
  let kept: string | null = null;
  let dropped: string[] = [];
  let secrets: string | null = null;
  if (plan.provider === "sqlite") {
    kept = swapSqlite(plan);
    if (plan.secrets !== null) secrets = restoreSecrets(url, plan.secrets);
  } else {
    dropped = await restorePostgres(url, plan);
  }
  const db = await openDatabase(url, { poolSize: 2 });
  try {
    const migrated = await prepareDatabase(db);
    return { counts: await databaseCounts(db), migrated, kept, dropped, secrets };
  } finally {
    await db.close();
  }
}

// The backup's secrets go beside the restored database; the ones they replace are kept next to
// them (like the replaced database), since tokens sealed since the backup need them.
function restoreSecrets(url: string, text: string): string {
  const file = secretsFileFor(url);
  if (fs.existsSync(file)) {
    if (fs.readFileSync(file, "utf8") === text) return file;
    fs.copyFileSync(file, file.replace(/\.json$/, `.before-restore-${utcStamp(new Date())}.json`));
  }
  writeSecretsFile(file, JSON.parse(text) as Record<string, string>);
  return file;
}

/** Removes what planRestore staged, if applyRestore did not use it. */
export function discardRestore(plan: RestorePlan): void {
  if (plan.staged) fs.rmSync(plan.staged, { force: true });
}

/** "3 comments, 1 village". */
export function describeCounts(c: Counts): string {
  return `${c.comments} ${c.comments === 1 ? "comment" : "comments"}, ${c.villages} ${c.villages === 1 ? "village" : "villages"}`;
}

/** Comments and villages in an open database. */
export async function databaseCounts(db: Database): Promise<Counts> {
  const [comments, villages] = await Promise.all([countAllComments(db), countVillages(db)]);
  return { comments, villages };
}

function readMagic(file: string): string {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString("latin1");
  } finally {
    fs.closeSync(fd);
  }
}
