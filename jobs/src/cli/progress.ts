// A progress bar on stderr for long CLI commands; silent when stderr is not a terminal (CI, pipes)
// so logs stay readable and --json output on stdout stays clean.
import { HttpError } from "@suara-desa/core/errors";

/** Creates a throttled progress renderer. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = Boolean(stream.isTTY);
  let last = 0;
  return {
    update(done: number, total: number, extra = "") {
      if (!enabled) return;
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const width = 28;
      const filled = Math.round(ratio * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${extra}   `);
    },
    done() {
      if (enabled) stream.write("\n");
    },
  };
}

/** Parses `--flag value` / `--flag=value` / boolean flags; positional args are kept in order. */
export function parseArgs(argv: string[], booleans: string[] = []): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (booleans.includes(a.slice(2)) || i + 1 >= argv.length || argv[i + 1].startsWith("--")) flags[a.slice(2)] = true;
      else flags[a.slice(2)] = argv[++i];
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

/**
 * Runs a CLI entry point and exits with its code; an unexpected error becomes one `error:` line
 * (exit code from `codeFor`, 1 by default) instead of a stack trace.
 */
export function runMain(main: () => Promise<number>, codeFor: (e: unknown) => number = () => 1): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(codeFor(e));
    },
  );
}

/** Where a command writes its lines (stdout, stderr); tests pass collectors. */
export interface CliIo { out(line: string): void; err(line: string): void }

/** Bad command-line input: the command prints it and exits 2. */
export class UsageError extends Error {}

/**
 * The exit code of a command's failure: usage errors and service refusals (4xx: unknown code,
 * duplicate name) are bad input, printed as one `error:` line with exit 2; anything else is thrown.
 */
export function usageExitCode(e: unknown, io: CliIo): number {
  if (e instanceof UsageError || (e instanceof HttpError && e.status < 500)) {
    io.err(`error: ${e.message}`);
    return 2;
  }
  throw e;
}

/** Entry point of a command that works on the database: opens and prepares it, runs, closes it. */
export async function runDatabaseCommand(
  command: (db: import("@suara-desa/core/db/client").Database, argv: string[], io: CliIo) => Promise<number>,
): Promise<number> {
  const { getDatabase } = await import("@suara-desa/core/db/client");
  const { prepareDatabase } = await import("@suara-desa/core/db/prepare");
  const db = await getDatabase();
  await prepareDatabase(db);
  try {
    return await command(db, process.argv.slice(2), {
      out: (l) => process.stdout.write(l + "\n"),
      err: (l) => process.stderr.write(l + "\n"),
    });
  } finally {
    await db.close();
  }
}
