// `npm run ingest -- run [--source <id>] [--json]`: one bounded run of one source or of every API
// source, for cron-less installs (a system cron calling this every 15 minutes). Prints a line per
// source and a summary; with --json a JSON object. Exit 1 when a run failed, 2 on bad usage.
import { getDatabase } from "../../../server/src/db/client";
import { prepareDatabase } from "../../../server/src/db/prepare";
import { getSource, listSchedulableSources } from "../../../server/src/db/sourceRepository";
import { runSource, type RunSourceResult } from "../ingest/runSource";
import { parseArgs } from "./progress";

/** Runs the `run` subcommand; returns the exit code. */
export async function runCommand(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, ["json"]);
  let ids: number[];
  const db = await getDatabase();
  await prepareDatabase(db);
  try {
    if (flags.source !== undefined) {
      const id = Number(flags.source);
      if (!Number.isInteger(id) || id < 1) {
        process.stderr.write("error: --source must be a source id (see `npm run source -- list`)\n");
        return 2;
      }
      if (!(await getSource(db, id))) {
        process.stderr.write(`error: --source: no source #${id}\n`);
        return 2;
      }
      ids = [id];
    } else {
      ids = (await listSchedulableSources(db)).filter((s) => s.status !== "needs_login").map((s) => s.id);
    }
    const results: RunSourceResult[] = [];
    for (const id of ids) {
      if (!flags.json) process.stderr.write(`source #${id}: running…\n`);
      const r = await runSource(db, id, { log: flags.json ? undefined : (m) => process.stderr.write(`  ${m}\n`) });
      results.push(r);
      if (!flags.json) process.stdout.write(`source #${id}: ${r.status}, read ${r.read}, new ${r.new}, updated ${r.updated}, rejected ${r.rejected}, pages ${r.pages}${r.done ? "" : " (more next run)"}${r.error ? ` — ${r.error}` : ""}\n`);
    }
    const total = results.reduce((t, r) => ({ read: t.read + r.read, new: t.new + r.new, updated: t.updated + r.updated, rejected: t.rejected + r.rejected }), { read: 0, new: 0, updated: 0, rejected: 0 });
    const failed = results.filter((r) => r.status === "failed").length;
    if (flags.json) process.stdout.write(`${JSON.stringify({ sources: results.length, failed, ...total, runs: results })}\n`);
    else process.stdout.write(`${results.length} source(s): read ${total.read}, new ${total.new}, updated ${total.updated}, rejected ${total.rejected}, failed ${failed}\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
