// Runs a CLI entry point the way `npm run …` does (tsx in a child process) against a test database,
// with its own secrets so the parent can open what the child sealed.
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** Fixed per test run: the child seals tokens with it, the test opens them with it. */
export const CLI_TOKEN_KEY = "5e".repeat(32);

/** Spawns `tsx <script> …argv` with DATABASE_URL set; `stdin` is piped in (closed when undefined). */
export function runCli(script: string, argv: string[], opts: { databaseUrl: string; stdin?: string; env?: Record<string, string> }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, script), ...argv], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: opts.databaseUrl,
        TOKEN_ENCRYPTION_KEY: CLI_TOKEN_KEY,
        PSEUDONYM_SECRET: "cli-test-pseudonym-secret-0123456789",
        ...opts.env,
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? "");
  });
}
