// `npm run source -- <add|list|token|remove>`: manage API sources from the command line.
//   add    --village <code> --platform x|facebook|instagram --account <id> [--handle h] [--name n] [--interval m] [--json]
//   list   [--village <code>] [--json]
//   token  <id> [--test]     replace the access token (after "perlu login ulang")
//   remove <id>
// Tokens are read from stdin (`< token.txt`, a pipe) or typed at a prompt that does not echo, never
// taken from the command line, where the shell history and `ps` would keep them. Every change is
// audited as the command line (see CLI_ACTOR).
import { getDatabase, type Database } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { getSource } from "@suara-desa/core/db/sourceRepository";
import { findAllVillageIds, findVillageByCode } from "@suara-desa/core/db/villageRepository";
import { HttpError } from "@suara-desa/core/errors";
import { CLI_ACTOR } from "@suara-desa/core/services/auditService";
import { addSource, API_SOURCE_PLATFORMS, editSource, listVillageSources, removeSource } from "@suara-desa/core/services/sourceService";
import type { SourceDTO } from "@suara-desa/core/presenters/sourcePresenter";
import { parseArgs, runMain, UsageError } from "./progress";
import { readToken, SecretInputError } from "./readSecret";

const CLI_AUTH = CLI_ACTOR;

const USAGE = `usage:
  npm run source -- add --village <code> --platform x|facebook|instagram --account <id> [--handle h] [--name n] [--interval minutes] [--json] < token.txt
  npm run source -- list [--village <code>] [--json]
  npm run source -- token <id> [--test] < token.txt
  npm run source -- remove <id>
The token is read from stdin, or typed at a hidden prompt when stdin is a terminal.`;


/** The token for add/token: never from argv (`--token -` is the old spelling of "read stdin"). */
async function tokenFromInput(flags: Record<string, string | true>, prompt: string): Promise<string> {
  if (flags.token !== undefined && flags.token !== "-" && flags.token !== true) {
    throw new UsageError("--token: do not put the token on the command line (shell history, ps); pipe it on stdin or type it at the prompt");
  }
  return readToken(prompt);
}

function sourceId(raw: string | undefined, command: string): number {
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id < 1) throw new UsageError(`${command} <id>: id must be a positive number (see npm run source -- list)`);
  return id;
}

async function villageId(db: Database, code: unknown): Promise<number> {
  if (typeof code !== "string") throw new UsageError("--village <code> is required");
  const village = await findVillageByCode(db, code);
  if (!village) throw new UsageError(`--village: no village with code ${code}`);
  return village.id;
}

async function listSourceById(db: Database, id: number): Promise<{ platform: string; accountId: string; status: string }> {
  const row = await getSource(db, id);
  if (!row) throw new UsageError(`token <id>: no source #${id} (see npm run source -- list)`);
  return row;
}

function line(s: SourceDTO): string {
  const last = s.lastRunAt ? `last run ${s.lastRunAt}${s.lastRun ? ` (${s.lastRun.status}, ${s.lastRun.new} new)` : ""}` : "never run";
  const usage = s.xPostsReadThisMonth !== null ? `, ${s.xPostsReadThisMonth} posts read this month` : "";
  return `#${s.id} ${s.platform} ${s.accountId}${s.handle ? ` (${s.handle})` : ""} — ${s.status}, ${last}, ${s.comments} comments${usage}${s.lastError ? `\n     error: ${s.lastError}` : ""}`;
}

/** Runs the `source` command; returns the exit code. */
export async function sourceCommand(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest, ["json", "test"]);
  const db = await getDatabase();
  await prepareDatabase(db);
  try {
    switch (command) {
      case "add": {
        const platform = flags.platform;
        if (typeof platform !== "string" || !(API_SOURCE_PLATFORMS as readonly string[]).includes(platform)) throw new UsageError("--platform must be x, facebook or instagram");
        if (typeof flags.account !== "string" || flags.account.trim() === "") throw new UsageError("--account <id> is required");
        let interval: number | null = null;
        if (flags.interval !== undefined) {
          interval = Number(flags.interval);
          if (!Number.isInteger(interval) || interval < 1 || interval > 1440) throw new UsageError("--interval: minutes between 1 and 1440");
        }
        const village = await villageId(db, flags.village);
        const token = await tokenFromInput(flags, `Token akses ${platform} untuk ${flags.account.trim()}: `);
        const dto = await addSource(db, CLI_AUTH, {
          villageId: village,
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
          : await findAllVillageIds(db);
        const all: SourceDTO[] = [];
        for (const v of villages) all.push(...(await listVillageSources(db, CLI_AUTH, v.id)));
        if (flags.json) process.stdout.write(`${JSON.stringify(all)}\n`);
        else process.stdout.write(all.length ? `${all.map(line).join("\n")}\n${all.length} source(s)\n` : "no sources\n");
        return 0;
      }
      case "token": {
        const id = sourceId(positional[0], "token");
        const before = await listSourceById(db, id);
        const token = await tokenFromInput(flags, `Token akses baru untuk sumber #${id} (${before.platform} ${before.accountId}): `);
        const dto = await editSource(db, CLI_AUTH, id, { token });
        const cleared = before.status !== dto.status ? ` (status ${before.status} -> ${dto.status})` : "";
        process.stdout.write(`token of source #${id} replaced${cleared}\n`);
        if (flags.test) {
          const { testSource } = await import("../ingest/runSource");
          const t = await testSource(db, id);
          process.stdout.write(`connection test: ${t.ok ? "ok" : "failed"} — ${t.message}\n`);
          return t.ok ? 0 : 1;
        }
        return 0;
      }
      case "remove": {
        const id = sourceId(positional[0], "remove");
        await removeSource(db, CLI_AUTH, id);
        process.stdout.write(`removed source #${id} (its comments are kept)\n`);
        return 0;
      }
      default:
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof SecretInputError || (err instanceof HttpError && err.status < 500)) {
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
