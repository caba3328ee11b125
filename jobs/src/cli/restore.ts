// `npm run restore -- --from <file> [--yes]`: replaces the database in DATABASE_URL with a backup
// made by `npm run backup`, then migrates it forward (a backup from an older version works).
// Without --yes it refuses when the database holds comments or villages. It also refuses while the
// server or a worker has the database open: stop them first. SQLite: the backup is checked, copied
// next to the database and renamed over it; the replaced file is kept as
// suara-desa.before-restore-<time>.db. PostgreSQL: pg_restore --clean --single-transaction.
// Exit status: 0 restored, 1 failed, 2 bad input or refused.
import { env } from "@suara-desa/core/env";
import { applyRestore, describeCounts, discardRestore, planRestore } from "../ops/backup";
import { parseArgs, runMain, UsageError } from "./progress";

const USAGE = "usage: npm run restore -- --from <backup file> [--yes]";

async function main(): Promise<number> {
  const { flags, positional } = parseArgs(process.argv.slice(2), ["yes"]);
  for (const k of Object.keys(flags)) if (k !== "from" && k !== "yes") throw new UsageError(`--${k}: unknown option\n${USAGE}`);
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"\n${USAGE}`);
  if (typeof flags.from !== "string") throw new UsageError(`--from: required (a file made by npm run backup)\n${USAGE}`);
  if (flags.yes !== undefined && flags.yes !== true) throw new UsageError("--yes: takes no value");
  const started = performance.now();
  const url = env().DATABASE_URL;
  const plan = await planRestore(url, flags.from);
  try {
    const backup = plan.backupCounts ? `${describeCounts(plan.backupCounts)}, ` : "";
    const held = plan.targetCounts ? describeCounts(plan.targetCounts) : "a database that cannot be read";
    process.stderr.write(
      `restore: backup ${plan.from} (${backup}made ${plan.backupMadeAt}, ${plan.backupMigrations.length} migrations)\n` +
        `restore: target ${plan.target} (${held})\n`,
    );
    // A database with villages but no comments yet still holds accounts, sources and topics.
    const holdsData = !plan.targetCounts || plan.targetCounts.comments > 0 || plan.targetCounts.villages > 0;
    if (holdsData && flags.yes !== true) {
      const then = plan.inUse ? "Stop the server and workers, then run" : "Run";
      process.stderr.write(
        `error: ${plan.target} holds ${held}; restoring replaces all of it (comments, villages, sources, accounts, reports) ` +
          `with the backup. ${then} again with --yes to go ahead.\n`,
      );
      return 2;
    }
    if (plan.inUse) throw new Error(plan.inUse);
    const r = await applyRestore(url, plan);
    if (r.dropped.length) process.stderr.write(`restore: removed objects the backup does not have: ${r.dropped.join(", ")}\n`);
    if (r.kept) process.stderr.write(`restore: the replaced database is kept as ${r.kept} (delete it once you are satisfied)\n`);
    if (r.secrets) process.stderr.write(`restore: the backup's secrets (pseudonym salt, token key) are back in ${r.secrets}\n`);
    process.stdout.write(
      `restore: ${plan.target} restored from ${plan.from}: ${describeCounts(r.counts)}; ` +
        `migrations applied: ${r.migrated.length ? r.migrated.join(", ") : "none"} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } finally {
    discardRestore(plan);
  }
}

runMain(main, (e) => (e instanceof UsageError ? 2 : 1));
