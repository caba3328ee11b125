// Backup and restore of a PostgreSQL database: pg_dump/pg_restore in custom format from one
// snapshot, checks of an archive before it is used, and restore into the target database. Below
// the repositories: it uses the driver and the client tools directly.
import { spawn } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { UsageError } from "../cli/progress";
import { checkKnownMigrations, type Counts, type RestorePlan } from "./backupCommon";

export const APP_PREFIX = "suara-desa";

/** Dumps the database with pg_dump from one snapshot into `dest`; returns the counts of that snapshot. */
export async function dumpPostgres(url: string, dest: string): Promise<Counts> {
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

/** Checks a pg_dump archive and the target database. */
export async function planPostgres(url: string, from: string): Promise<RestorePlan> {
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

/** Restores the archive into the target database; returns the objects it dropped that the archive does not hold. */
export async function restorePostgres(url: string, plan: RestorePlan): Promise<string[]> {
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

/** Comments and villages in a PostgreSQL database (0 for a table it lacks). */
export async function postgresCounts(client: pg.Client): Promise<Counts> {
  const { rows } = await client.query<{ c: string | null; v: string | null }>(
    `SELECT to_regclass('public."Comment"') AS c, to_regclass('public."Village"') AS v`,
  );
  const count = async (exists: string | null, table: string) =>
    exists ? Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM public."${table}"`)).rows[0].n) : 0;
  return { comments: await count(rows[0].c, "Comment"), villages: await count(rows[0].v, "Village") };
}

/** Other sessions of this application on the target database? The message says what to do. */
export async function postgresInUse(client: pg.Client): Promise<string | null> {
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

/** "KIND name" of every table, view, sequence and type in the public schema of a pg_restore --list. */
export function archiveObjectsOf(list: string): Set<string> {
  const out = new Set<string>();
  for (const line of list.split("\n")) {
    const m = /^\d+; \d+ \d+ (TABLE|SEQUENCE|VIEW|MATERIALIZED VIEW|TYPE) public (\S+) /.exec(line);
    // "TABLE DATA public X" and "SEQUENCE SET public X" do not match: their second word is not "public".
    if (m) out.add(`${m[1]} ${m[2]}`);
  }
  return out;
}

/** Migration names from the COPY block pg_restore prints for _prisma_migrations. */
export function parseCopiedMigrations(sql: string): string[] {
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
export function libpqConnection(url: string): { url: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = "";
  return { url: u.toString(), password };
}

/** Runs a PostgreSQL client tool; resolves with its stdout, rejects with the end of its stderr. */
export function runTool(tool: "pg_dump" | "pg_restore", args: string[], password?: string): Promise<string> {
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
