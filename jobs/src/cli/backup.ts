// `npm run backup -- [--out <file>]`: a consistent copy of the database in DATABASE_URL, safe while
// the server runs. SQLite: SQLite's online backup, checked with PRAGMA integrity_check, default
// data/backups/suara-desa-<UTC time>.db. PostgreSQL: pg_dump --format=custom, default …/.dump.
// Exit status: 0 written, 1 failed, 2 bad input; one `error:` line on failure.
import { env } from "@suara-desa/core/env";
import { isPostgresUrl } from "@suara-desa/core/db/client";
import { backupDatabase, defaultBackupFile, describeCounts } from "../ops/backup";
import { createProgress, parseArgs, runMain, UsageError } from "./progress";

const USAGE = "usage: npm run backup -- [--out <file>]";

async function main(): Promise<number> {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  for (const k of Object.keys(flags)) if (k !== "out") throw new UsageError(`--${k}: unknown option\n${USAGE}`);
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"\n${USAGE}`);
  if (flags.out === true) throw new UsageError(`--out: needs a file name\n${USAGE}`);
  const url = env().DATABASE_URL;
  const out = flags.out ?? defaultBackupFile(isPostgresUrl(url) ? "postgres" : "sqlite");
  const started = performance.now();
  process.stderr.write(isPostgresUrl(url) ? "backup: running pg_dump…\n" : "backup: copying the SQLite database…\n");
  const progress = createProgress("backup");
  const r = await backupDatabase(url, out, (done, total) => progress.update(done, total, `${total} pages`));
  progress.done();
  const check = r.provider === "sqlite" ? "integrity ok" : "pg_restore --list ok";
  process.stdout.write(
    `backup: wrote ${r.file} (${formatBytes(r.bytes)}, ${check}): ${describeCounts(r.counts)}` +
      ` in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

runMain(main, (e) => (e instanceof UsageError ? 2 : 1));
