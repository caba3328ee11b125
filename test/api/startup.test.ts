// `npm start` as an operator meets it: the real server (main.ts) as a subprocess on a
// temporary SQLite database and a free port. A second start on a taken port, or a second scheduler
// on the same database file, must fail with a message and a non-zero exit instead of printing
// "ready" and serving nothing; a server killed with SIGKILL must not block the next start; an
// unreachable PostgreSQL must be named with its setting and address but never its password; the
// database and secrets files are created owner-only.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

interface Started { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> }

// Every child, so none outlives the suite even when an assertion fails early.
const children: ChildProcess[] = [];

function startServer(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ["--import", "tsx", "main.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", SEED_DEMO: "never", SCHEDULER: "on", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Resolves once the server printed its ready line; rejects if it exits first. */
function ready(s: Started): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (s.stdout().includes("ready in")) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(check, 50);
    void s.exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${s.stdout()}\n${s.stderr()}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

let dir: string;
let dbFile: string;
let url: string;
let first: Started | null = null;


beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-startup-"));
  dbFile = path.join(dir, "data", "suara-desa.db");
  url = `file:${dbFile}`;
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm start", () => {
  let port: number;

  it("creates the database folder, database and secrets owner-only at the first start", async () => {
    port = await freePort();
    first = startServer({ DATABASE_URL: url, PORT: String(port) });
    await ready(first);
    expect(fs.statSync(path.dirname(dbFile)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(dbFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, "data", "secrets.json")).mode & 0o777).toBe(0o600);
    expect(first.stdout()).toMatch(/generated PSEUDONYM_SECRET and TOKEN_ENCRYPTION_KEY, kept in .*secrets\.json/);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  });

  it("refuses a second start on the same port, naming the server that holds it, and exits non-zero", async () => {
    const second = startServer({ DATABASE_URL: url, PORT: String(port) });
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.stdout()).not.toContain("ready in");
    expect(second.stderr()).toContain(`PORT: port ${port} on 127.0.0.1 is already in use by another Suara Desa server (pid ${first!.child.pid}, port ${port}`);
  });

  it("never runs a second scheduler on the same database file, even on another port", async () => {
    const other = await freePort();
    const second = startServer({ DATABASE_URL: url, PORT: String(other) });
    expect(await second.exited).not.toBe(0);
    expect(second.stdout()).not.toContain("ready in");
    expect(second.stderr()).toContain(`another Suara Desa server (pid ${first!.child.pid}, port ${port}`);
    expect(second.stderr()).toContain("already runs the scheduler on");
    // The first one is untouched.
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });

  it("starts normally after the running server was killed with SIGKILL (no stale lock)", async () => {
    first!.child.kill("SIGKILL");
    await first!.exited;
    first = startServer({ DATABASE_URL: url, PORT: String(port) });
    await ready(first);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(`${dbFile}.pid`)).toBe(false);
  });

  it("names DATABASE_URL, host and port when PostgreSQL cannot be reached, never the password", async () => {
    const s = startServer({ DATABASE_URL: "postgresql://suara:rahasia-sekali@127.0.0.1:1/suara_desa", PORT: String(await freePort()) });
    expect(await s.exited).toBe(1);
    expect(s.stderr()).toContain('DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:1 (database "suara_desa", user "suara"): connection refused');
    expect(s.stderr() + s.stdout()).not.toContain("rahasia-sekali");
  });
});
