// Backup and restore of the whole database, for `npm run backup` and `npm run restore`. SQLite: an
// online copy through SQLite's backup API (consistent while the server writes) and an atomic file
// swap on restore. PostgreSQL: pg_dump/pg_restore in custom format. This works on database files
// and archives below the repositories, so it uses the drivers directly; the restored database is
// then opened the normal way and migrated forward with prepareDatabase.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, openDatabase, sqlitePath, type Database, type Provider } from "@suara-desa/core/db/client";
import { MIGRATIONS_DIRS, migrationNames } from "@suara-desa/core/db/migrate";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { countAllComments } from "@suara-desa/core/db/commentRepository";
import { countVillages } from "@suara-desa/core/db/villageRepository";
import { ROOT_DIR } from "@suara-desa/core/env";
import { readSecretsFile, secretsFileFor, writeSecretsFile } from "@suara-desa/core/secrets";
import { UsageError } from "../cli/progress";

export interface Counts { comments: number; villages: number }

export interface BackupResult { provider: Provider; file: string; bytes: number; counts: Counts }

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

export interface RestoreResult {
  counts: Counts;
  migrated: string[];
  kept: string | null;
  dropped: string[];
  /** SQLite: the secrets file written from the backup, or null when the backup carried none. */
  secrets: string | null;
}

// A SQLite backup is one file, and a database without its secrets cannot open its source tokens nor
// match its pseudonyms: the secrets file travels inside the copy, in this table, and restore puts
// it back beside the database (PostgreSQL keeps its secrets in the InstallSecret table anyway).
const BACKUP_SECRETS_TABLE = "_suara_desa_secrets";

const SQLITE_MAGIC = "SQLite format 3\0";
const PGDUMP_MAGIC = "PGDMP";
const APP_PREFIX = "suara-desa";

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

async function copySqlite(url: string, dest: string, onProgress?: (done: number, total: number) => void): Promise<Counts> {
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

function embedSecrets(secretsFile: string, copyFile: string): void {
  if (!readSecretsFile(secretsFile)) return; // secrets from the environment only: nothing to carry
  const copy = new BetterSqlite3(copyFile, { fileMustExist: true });
  try {
    copy.exec(`CREATE TABLE "${BACKUP_SECRETS_TABLE}" (name TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    copy.prepare(`INSERT INTO "${BACKUP_SECRETS_TABLE}" (name, value) VALUES ('secrets.json', ?)`).run(fs.readFileSync(secretsFile, "utf8"));
  } finally {
    copy.close();
  }
}

async function dumpPostgres(url: string, dest: string): Promise<Counts> {
  // pg_dump reads one snapshot; exporting it from here lets the counts describe exactly what was dumped.
  const client = new pg.Client({ connectionString: url, application_name: `${APP_PREFIX}-backup` });
  await client.connect();
  try {
    await client.query("SET idle_in_transaction_session_timeout = 0");
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const counts = await postgresCounts(client);
    const conn = libpqConnection(url);
    await runTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${rows[0].snapshot}`, "--file", dest, conn.url], conn.password);
    await client.query("COMMIT");
    // pg_restore reads the archive's table of contents: a truncated or foreign file fails here.
    await runTool("pg_restore", ["--list", dest]);
    return counts;
  } finally {
    await client.end().catch(() => {});
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

async function planSqlite(url: string, from: string): Promise<RestorePlan> {
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

async function planPostgres(url: string, from: string): Promise<RestorePlan> {
  const list = await runTool("pg_restore", ["--list", from]).catch((e: Error) => {
    throw new UsageError(`--from: pg_restore cannot read ${from}: ${e.message}`);
  });
  const archiveObjects = archiveObjectsOf(list);
  if (!archiveObjects.has("TABLE _prisma_migrations")) {
    throw new UsageError(`--from: not a Suara Desa backup (no _prisma_migrations table in the archive): ${from}`);
  }
  const migrations = parseCopiedMigrations(await runTool("pg_restore", ["--data-only", "--table=_prisma_migrations", "--file=-", from]));
  checkKnownMigrations(migrations, "postgres", from);
  const madeAt = /Archive created at (.+)/.exec(list)?.[1]?.trim() ?? fs.statSync(from).mtime.toISOString();
  const client = new pg.Client({ connectionString: url, application_name: `${APP_PREFIX}-restore` });
  await client.connect();
  try {
    return {
      provider: "postgres", from, target: `database "${client.database}" on ${client.host}`,
      targetCounts: await postgresCounts(client), backupCounts: null, backupMadeAt: madeAt, backupMigrations: migrations,
      inUse: await postgresInUse(client), staged: null, archiveObjects, secrets: null,
    };
  } finally {
    await client.end().catch(() => {});
  }
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

function checkSecretsText(text: string, from: string): void {
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    if (typeof data !== "object" || data === null) throw new Error("not an object");
  } catch (e) {
    throw new UsageError(`--from: the secrets carried by the backup are damaged (${(e as Error).message}): ${from}`);
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

function swapSqlite(plan: RestorePlan): string | null {
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

async function restorePostgres(url: string, plan: RestorePlan): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, application_name: `${APP_PREFIX}-restore` });
  await client.connect();
  try {
    const busy = await postgresInUse(client);
    if (busy) throw new Error(busy);
    const conn = libpqConnection(url);
    await runTool(
      "pg_restore",
      ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "-d", conn.url, plan.from],
      conn.password,
    );
    // --clean drops only what the archive holds. Tables a newer version added are still here while
    // the restored _prisma_migrations says they are not, and migrating forward would then fail on
    // "already exists": they are not part of the backup, so they go.
    const { rows } = await client.query<{ name: string; kind: string }>(`
      SELECT c.relname AS name, CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      UNION ALL
      SELECT t.typname, 'TYPE' FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype = 'e'`);
    const extra = rows.filter((r) => !plan.archiveObjects!.has(`${r.kind} ${r.name}`));
    if (extra.length) {
      await client.query("BEGIN");
      for (const r of extra) await client.query(`DROP ${r.kind} IF EXISTS public.${pg.escapeIdentifier(r.name)} CASCADE`);
      await client.query("COMMIT");
    }
    return extra.map((r) => r.name);
  } finally {
    await client.end().catch(() => {});
  }
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

function sqliteCounts(db: BetterSqlite3.Database): Counts {
  const has = (t: string) => Boolean(db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t));
  const count = (t: string) => (has(t) ? Number((db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n) : 0);
  return { comments: count("Comment"), villages: count("Village") };
}

async function postgresCounts(client: pg.Client): Promise<Counts> {
  const { rows } = await client.query<{ c: string | null; v: string | null }>(
    `SELECT to_regclass('public."Comment"') AS c, to_regclass('public."Village"') AS v`,
  );
  const count = async (exists: string | null, table: string) =>
    exists ? Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM public."${table}"`)).rows[0].n) : 0;
  return { comments: await count(rows[0].c, "Comment"), villages: await count(rows[0].v, "Village") };
}

/** Another connection holds the file (the server, a worker, a CLI)? The message says what to do. */
function sqliteInUse(file: string): string | null {
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

async function postgresInUse(client: pg.Client): Promise<string | null> {
  const { rows } = await client.query<{ n: string; apps: string | null }>(
    `SELECT count(*) AS n, string_agg(DISTINCT application_name, ', ') AS apps FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name LIKE $1`,
    [`${APP_PREFIX}%`],
  );
  const n = Number(rows[0].n);
  return n > 0
    ? `database "${client.database}" has ${n} open connection(s) from Suara Desa (${rows[0].apps}): stop the server and every worker first`
    : null;
}

function openSqliteBackup(file: string, shownAs: string): BetterSqlite3.Database {
  try {
    const db = new BetterSqlite3(file, { fileMustExist: true });
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return db;
  } catch (e) {
    throw new UsageError(`--from: not a readable SQLite database (${(e as Error).message}): ${shownAs}`);
  }
}

/** null when PRAGMA integrity_check says ok, else its first findings. */
function integrityProblems(db: BetterSqlite3.Database): string | null {
  const rows = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
  const found = rows.map((r) => r.integrity_check);
  return found.length === 1 && found[0] === "ok" ? null : found.slice(0, 3).join("; ");
}

function checkKnownMigrations(applied: string[], provider: Provider, from: string): void {
  const known = new Set(migrationNames(MIGRATIONS_DIRS[provider]));
  const unknown = applied.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new UsageError(`--from: ${from} was made by a newer version of Suara Desa (migration ${unknown.join(", ")} is unknown here); upgrade this installation first`);
  }
}

/** "KIND name" of every table, view, sequence and type in the public schema of a pg_restore --list. */
function archiveObjectsOf(list: string): Set<string> {
  const out = new Set<string>();
  for (const line of list.split("\n")) {
    const m = /^\d+; \d+ \d+ (TABLE|SEQUENCE|VIEW|MATERIALIZED VIEW|TYPE) public (\S+) /.exec(line);
    // "TABLE DATA public X" and "SEQUENCE SET public X" do not match: their second word is not "public".
    if (m) out.add(`${m[1]} ${m[2]}`);
  }
  return out;
}

/** Migration names from the COPY block pg_restore prints for _prisma_migrations. */
function parseCopiedMigrations(sql: string): string[] {
  const lines = sql.split("\n");
  const start = lines.findIndex((l) => l.startsWith("COPY public._prisma_migrations "));
  if (start < 0) return [];
  const columns = /\(([^)]*)\)/.exec(lines[start])![1].split(",").map((c) => c.trim());
  const at = (c: string) => columns.indexOf(c);
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\.") break;
    const f = line.split("\t");
    if (f[at("finished_at")] !== "\\N" && f[at("rolled_back_at")] === "\\N") names.push(f[at("migration_name")]);
  }
  return names.sort();
}

/** The URL without its password (which goes in PGPASSWORD, so it does not show in `ps`). */
function libpqConnection(url: string): { url: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = "";
  return { url: u.toString(), password };
}

/** Runs a PostgreSQL client tool; resolves with its stdout, rejects with the end of its stderr. */
function runTool(tool: "pg_dump" | "pg_restore", args: string[], password?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // The child gets this process's environment as it is (PATH, PGSSLROOTCERT…) plus the password.
    const child = spawn(tool, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: password === undefined ? undefined : { ...process.env, PGPASSWORD: password },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e: NodeJS.ErrnoException) => {
      reject(e.code === "ENOENT"
        ? new Error(`${tool} not found: install the PostgreSQL client tools (Debian/Ubuntu: apt install postgresql-client) in the same major version as the server or newer`)
        : e);
    });
    child.on("close", (code) => {
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      const lines = Buffer.concat(err).toString("utf8").trim().split("\n").filter(Boolean);
      reject(new Error(`${tool} failed (exit ${code}): ${lines.slice(-3).join(" / ") || "no message"}`));
    });
  });
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

function fsyncPath(p: string): void {
  const fd = fs.openSync(p, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** 20261128T013000Z: sorts by time and is safe in every file system. */
function utcStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
