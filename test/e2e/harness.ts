// Browser-test harness: builds the dashboard, boots the REAL server (migrate, seed the demo
// village, run the pipeline) on a free port with a throwaway SQLite file, and drives Debian's
// Chromium through playwright-core. Nothing here fakes the API.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCREENSHOT_DIR = path.join(ROOT, "test", "e2e", "screenshots");
const CHROMIUM = "/usr/bin/chromium";

/** Builds dist/client with Vite so the server serves the current client code. */
export function buildClient(): void {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync(path.join(ROOT, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (!fs.existsSync(path.join(ROOT, "dist", "client", "index.html"))) throw new Error("vite build did not produce dist/client/index.html");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Password given to the demo account so the browser can log in (otherwise it is random). */
export const DEMO_USER = { username: "demo", password: "e2e-demo-password-2026" };

export interface RunningServer {
  baseUrl: string;
  logs(): string;
  stop(): Promise<void>;
}

/** Starts `tsx main.ts` against a fresh database and waits for /api/health; `env` adds settings. */
export async function startServer(timeoutMs = 180_000, env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-e2e-"));
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${path.join(dir, "e2e.db")}`, SCHEDULER: "off", NODE_ENV: "test", DEMO_PASSWORD: DEMO_USER.password, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (output += b.toString()));
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited === undefined && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          resolve();
        }, 5_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`server exited with code ${exited} before it was healthy:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return { baseUrl, logs: () => output, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output}`);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Debian Chromium headless with a new temporary profile. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run apt-get update && apt-get install -y chromium`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    viewport: { width: 1280, height: 900 },
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page of the shared browser at the given size whose uncaught script errors collect in `jsErrors`. */
export async function openPage(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<Page & { jsErrors: string[] }> {
  const page = (await browser.context.newPage()) as Page & { jsErrors: string[] };
  await page.setViewportSize(viewport);
  page.jsErrors = [];
  page.on("pageerror", (e) => page.jsErrors.push(e.message));
  return page;
}

/** Saves a full-page screenshot under test/e2e/screenshots (git-ignored). */
export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

/**
 * Logs the demo account in once through the real login page; the persistent browser profile keeps
 * the session cookie for every later page.
 */
export async function loginAsDemo(browser: Browser, baseUrl: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(baseUrl + "/");
  await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
  await page.getByLabel("Nama pengguna").fill(DEMO_USER.username);
  await page.getByLabel("Kata sandi").fill(DEMO_USER.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("heading", { level: 1, name: "Ringkasan Mingguan" }).waitFor();
  await page.close();
}

/**
 * One test file's demo: the client built, the real server on a fresh database with the demo villages,
 * a browser, and the demo admin logged in (registered as the file's beforeAll/afterAll).
 */
export function demoSession(): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    buildClient();
    server = await startServer();
    browser = await launchBrowser();
    await loginAsDemo(browser, server.baseUrl);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error("demoSession: used before its beforeAll ran");
    return x;
  };
  return {
    get server() { return started(server); },
    get browser() { return started(browser); },
  };
}
