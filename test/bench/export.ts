// `npm run bench:export`: a week with 100,000 comments (the demo village's texts, one topic each,
// rolled up) in a temporary database; the API server in its own process, as in production. Times
// the week's XLSX, three XLSX downloads at once and the full CSV, while a poller asks /api/health
// again and again: prints time, size, the server's RSS (sampled from /proc) and the slowest health
// answer seen during each download — how long the export held everybody else up.
// The server also reports its own event-loop delay (monitorEventLoopDelay), which separates what
// the export does to the loop from what a busy shared machine does to the poller.
// Figures, not assertions: the machine is shared and noisy. Set TEST_DATABASE_URL for PostgreSQL;
// BENCH_DB=/path/file.db keeps the seeded SQLite database there and reuses it on the next run.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import readline from "node:readline";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateDemoVillage } from "../../prisma/demo/generateDemo";
import { refreshRollups } from "@suara-desa/core/ingest/store";
import { sqlRun } from "@suara-desa/core/db/sql";
import { createUser } from "@suara-desa/core/services/authService";
import { addDays, isoWeekRange, localDay, localTimeToUtc } from "@suara-desa/shared/time";
import { openDatabase, type Database } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { createTempDatabase } from "../helpers/tempDb";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TOTAL = Number(process.env.BENCH_ROWS ?? 100_000);
const WEEK = "2026-W47";
const BATCH = 500;

interface Get { status: number; bytes: number; ms: number }

/** GET that counts the body instead of keeping it. */
function get(port: number, url: string, cookie = ""): Promise<Get> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: url, agent: false, headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" } }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - t }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

async function login(port: number, username: string, password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ username, password });
    const req = http.request({ host: "127.0.0.1", port, path: "/api/auth/login", method: "POST", headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      const cookie = (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("sd_session="));
      if (res.statusCode !== 200 || !cookie) reject(new Error(`login ${username}: HTTP ${res.statusCode}`));
      else resolve(cookie);
    });
    req.on("error", reject);
    req.end(body);
  });
}

interface LoopStats { maxDelayMs: number; p99DelayMs: number }
let serverStats: () => Promise<LoopStats> = () => Promise.reject(new Error("server not started"));

/** Resident set size of a process now, in MB (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Runs `work` while polling /api/health back to back and sampling the server's RSS. */
async function measure<T>(port: number, pid: number, work: () => Promise<T>): Promise<{ result: T; ms: number; maxRss: number; maxHealth: number; healthPolls: number; loop: LoopStats }> {
  await serverStats(); // resets the server's histogram
  let running = true;
  let maxRss = rssMb(pid);
  let maxHealth = 0;
  let healthPolls = 0;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(pid))), 20);
  const poller = (async () => {
    while (running) {
      const h = await get(port, "/api/health");
      if (h.status !== 200) throw new Error(`/api/health: HTTP ${h.status}`);
      maxHealth = Math.max(maxHealth, h.ms);
      healthPolls++;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const t = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - t;
    return { result, ms, maxRss, maxHealth, healthPolls, loop: await serverStats() };
  } finally {
    running = false;
    clearInterval(sampler);
    await poller;
  }
}

/** Seeds TOTAL comments into one week of a new village; returns its id. */
async function seed(db: Database): Promise<number> {
  const demo = generateDemoVillage();
  const village = await db.prisma.village.create({ data: { ...demo.village, code: "32.15.04.9998", name: "Desa Bench Ekspor" } });
  const topics = await db.prisma.topic.findMany({ where: { villageId: null }, select: { id: true } });
  const { start } = isoWeekRange(WEEK);
  const t0 = localTimeToUtc(start, 0, village.timeZone).getTime();
  const span = 7 * 86_400_000;
  const texts = demo.comments.map((c) => c.text);
  const seedStart = performance.now();
  const columns = ["villageId", "platform", "externalId", "authorPseudonym", "text", "publishedAt", "day", "likeCount", "fromVillage", "isSpam", "sentimentLabel", "sentimentScore", "analyzedAt", "createdAt", "updatedAt"];
  for (let i = 0; i < TOTAL; i += BATCH) {
    const params: Record<string, unknown> = {};
    const rows: string[] = [];
    for (let j = i; j < Math.min(i + BATCH, TOTAL); j++) {
      const at = new Date(t0 + Math.floor(((j * 7919) % TOTAL) * (span / TOTAL)));
      const values = [village.id, "facebook", `bench-${j}`, `pseudonym-${j % 4000}`, texts[j % texts.length], at, localDay(at, village.timeZone), j % 37, false, false,
        ["positif", "netral", "negatif"][j % 3], 0.7, at, at, at];
      rows.push(`(${values.map((v, k) => {
        params[`p${j}_${k}`] = v;
        return `@p${j}_${k}`;
      }).join(", ")})`);
    }
    await sqlRun(db, `INSERT INTO "Comment" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${rows.join(", ")}`, params);
    process.stderr.write(`\rseeding ${Math.min(i + BATCH, TOTAL)}/${TOTAL}`);
  }
  // One model topic per comment, so the export joins topics as it does for real data.
  await sqlRun(db, `INSERT INTO "CommentTopic" ("commentId", "topicId", score, origin, "createdAt")
    SELECT c.id, ${topics[0].id}, 0.8, 'model', c."createdAt" FROM "Comment" c WHERE c."villageId" = @v`, { v: village.id });
  await refreshRollups(db, village.id, Array.from({ length: 7 }, (_, d) => addDays(start, d)));
  process.stderr.write(`\nseeded ${TOTAL} comments in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);
  for (const username of USERS) await createUser(db, { username, password: PASSWORD, role: "admin", villageIds: [] });
  return village.id;
}

const USERS = ["bench-a", "bench-b", "bench-c"];
const PASSWORD = "sandi-bench-ekspor";

async function main(): Promise<void> {
  const keep = process.env.BENCH_DB;
  const reuse = keep !== undefined && fs.existsSync(keep);
  const kept = keep ? await openDatabase(`file:${path.resolve(keep)}`) : null;
  const env = kept ? { db: kept, cleanup: () => kept.close() } : await createTempDatabase();
  if (keep) await prepareDatabase(env.db);
  let child: ReturnType<typeof spawn> | null = null;
  try {
    const villageId = reuse
      ? (await env.db.prisma.village.findUniqueOrThrow({ where: { code: "32.15.04.9998" } })).id
      : await seed(env.db);
    const village = { id: villageId };
    const users = USERS;

    child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test/bench/exportServer.ts"), env.db.url], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
    const lines = readline.createInterface({ input: child.stdout! });
    const next = () => new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      child!.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
    const port = (JSON.parse(await next()) as { port: number }).port;
    serverStats = async () => {
      const answer = next();
      child!.stdin!.write("stats\n");
      return JSON.parse(await answer) as LoopStats;
    };
    const pid = child.pid!;
    const cookies = await Promise.all(users.map((u) => login(port, u, PASSWORD)));
    const xlsx = `/api/villages/${village.id}/exports/report.xlsx?week=${WEEK}`;
    const csv = `/api/villages/${village.id}/exports/comments.csv`;
    const idle = rssMb(pid);
    await get(port, xlsx.replace(WEEK, "2026-W40"), cookies[0]); // warm-up: modules and prepared statements

    const line = (name: string, m: { ms: number; maxRss: number; maxHealth: number; healthPolls: number; loop: LoopStats }, files: Get[]) => {
      const statuses = files.map((f) => f.status).join("/");
      const mb = files.map((f) => (f.bytes / 1024 / 1024).toFixed(1)).join("/");
      console.log(`${name.padEnd(22)} HTTP ${statuses}  ${(m.ms / 1000).toFixed(1)} s  ${mb} MB  server RSS max ${m.maxRss.toFixed(0)} MB  ` +
        `slowest /api/health ${m.maxHealth.toFixed(0)} ms (${m.healthPolls} polls)  event-loop delay max ${m.loop.maxDelayMs.toFixed(0)} ms, p99 ${m.loop.p99DelayMs.toFixed(0)} ms`);
    };
    console.log(`server RSS idle ${idle.toFixed(0)} MB; ${TOTAL} comments in ${WEEK}; ${env.db.provider}; limits: ${USERS.length} users, default EXPORTS_PER_USER/EXPORTS_PER_SERVER`);
    const one = await measure(port, pid, () => get(port, xlsx, cookies[0]));
    line("XLSX 1 download", one, [one.result]);
    const three = await measure(port, pid, () => Promise.all(cookies.map((c) => get(port, xlsx, c))));
    line("XLSX 3 at once", three, three.result);
    const all = await measure(port, pid, () => get(port, csv, cookies[0]));
    line("CSV all rows", all, [all.result]);
  } finally {
    child?.kill("SIGTERM");
    await env.cleanup();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
