// `npm run source -- <add|list|remove>`: manage API sources from the command line.
//   add    --village <code> --platform x|facebook|instagram --account <id> --token <token|-> [--handle h] [--name n] [--interval m] [--json]
//   list   [--village <code>] [--json]
//   remove <id>
// `--token -` reads the token from stdin so it does not end up in the shell history.
import { getDatabase, type Database } from "../../../server/src/db/client";
import { prepareDatabase } from "../../../server/src/db/prepare";
import { findVillageIdByCode } from "../../../server/src/db/sourceRepository";
import { HttpError } from "../../../server/src/errors";
import { addSource, API_SOURCE_PLATFORMS, listVillageSources, removeSource } from "../../../server/src/services/sourceService";
import type { SourceDTO } from "../../../server/src/presenters/sourcePresenter";
import type { AuthContext } from "../../../server/src/auth/types";
import { parseArgs, runMain } from "./progress";

// Whoever has a shell on the server can already read the database: the CLI acts as an admin.
const CLI_AUTH: AuthContext = { userId: 0, username: "cli", role: "admin", villageIds: [] };

const USAGE = `usage:
  npm run source -- add --village <code> --platform x|facebook|instagram --account <id> --token <token|-> [--handle h] [--name n] [--interval minutes] [--json]
  npm run source -- list [--village <code>] [--json]
  npm run source -- remove <id>`;

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

async function villageId(db: Database, code: unknown): Promise<number> {
  if (typeof code !== "string") throw new UsageError("--village <code> is required");
  const id = await findVillageIdByCode(db, code);
  if (id === null) throw new UsageError(`--village: no village with code ${code}`);
  return id;
}

function line(s: SourceDTO): string {
  const last = s.lastRunAt ? `last run ${s.lastRunAt}${s.lastRun ? ` (${s.lastRun.status}, ${s.lastRun.new} new)` : ""}` : "never run";
  const usage = s.xPostsReadThisMonth !== null ? `, ${s.xPostsReadThisMonth} posts read this month` : "";
  return `#${s.id} ${s.platform} ${s.accountId}${s.handle ? ` (${s.handle})` : ""} — ${s.status}, ${last}, ${s.comments} comments${usage}${s.lastError ? `\n     error: ${s.lastError}` : ""}`;
}

/** Runs the `source` command; returns the exit code. */
export async function sourceCommand(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest, ["json"]);
  const db = await getDatabase();
  await prepareDatabase(db);
  try {
    switch (command) {
      case "add": {
        const platform = flags.platform;
        if (typeof platform !== "string" || !(API_SOURCE_PLATFORMS as readonly string[]).includes(platform)) throw new UsageError("--platform must be x, facebook or instagram");
        if (typeof flags.account !== "string" || flags.account.trim() === "") throw new UsageError("--account <id> is required");
        if (typeof flags.token !== "string") throw new UsageError("--token <token> is required (or --token - to read it from stdin)");
        const token = flags.token === "-" ? await readStdin() : flags.token;
        if (token.length < 8) throw new UsageError("--token: too short");
        let interval: number | null = null;
        if (flags.interval !== undefined) {
          interval = Number(flags.interval);
          if (!Number.isInteger(interval) || interval < 1 || interval > 1440) throw new UsageError("--interval: minutes between 1 and 1440");
        }
        const dto = await addSource(db, CLI_AUTH, {
          villageId: await villageId(db, flags.village),
          platform: platform as (typeof API_SOURCE_PLATFORMS)[number],
          accountId: flags.account.trim(),
          token,
          handle: typeof flags.handle === "string" ? flags.handle : null,
          name: typeof flags.name === "string" ? flags.name : null,
          intervalMinutes: interval,
        });
        process.stdout.write(flags.json ? `${JSON.stringify(dto)}\n` : `added source ${line(dto)}\n`);
        return 0;
      }
      case "list": {
        const villages = flags.village !== undefined
          ? [{ id: await villageId(db, flags.village) }]
          : await db.prisma.village.findMany({ select: { id: true }, orderBy: { id: "asc" } });
        const all: SourceDTO[] = [];
        for (const v of villages) all.push(...(await listVillageSources(db, CLI_AUTH, v.id)));
        if (flags.json) process.stdout.write(`${JSON.stringify(all)}\n`);
        else process.stdout.write(all.length ? `${all.map(line).join("\n")}\n${all.length} source(s)\n` : "no sources\n");
        return 0;
      }
      case "remove": {
        const id = Number(positional[0]);
        if (!Number.isInteger(id) || id < 1) throw new UsageError("remove <id>: id must be a positive number");
        await removeSource(db, CLI_AUTH, id);
        process.stdout.write(`removed source #${id} (its comments are kept)\n`);
        return 0;
      }
      default:
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof HttpError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}

// Run when invoked directly (npm run source), not when imported by tests.
if (process.argv[1] && /cli[\\/]source\.ts$/.test(process.argv[1])) {
  runMain(() => sourceCommand(process.argv.slice(2)));
}
