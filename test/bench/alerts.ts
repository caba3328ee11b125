// `npm run bench:alerts`: how long an urgent comment in an imported file takes to reach the officials'
// Telegram group. Starts the real server (`tsx main.ts`: migrations, scheduler, alert dispatcher) on a
// throwaway SQLite file with an imitation Telegram Bot API, imports a CSV holding three urgent comments
// (first, middle and last row) among calm ones with the real CLI while the server runs, and prints, per
// run and as medians, the time from the end of the import (its last row stored) and from each comment's
// storage (Comment.createdAt) to the Bot API receiving its message. The CLI itself dispatches what is
// due before it exits, so a message may arrive before the CLI has exited (negative "after CLI exit").
// Usage: npm run bench:alerts [-- --runs 5 --rows 3000]
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { addAlertChannel } from "@suara-desa/core/services/alertService";
import { CLI_ACTOR } from "@suara-desa/core/services/auditService";
import { startFakeTelegram } from "../fake/fakeTelegramBotApi";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("runs", 5);
const ROWS = arg("rows", 10000);
const TOKEN = "123456:BENCHTOKEN";
const CHAT = "-1001234567890";
const CODE = "32.15.04.2006";
const URGENT = [
  "TOLONG banjir di krajan makin tinggi, air udah masuk rumah, ada nenek belum bisa keluar!!",
  "Darurat! Rumah warga di RT 02 kebakaran, api sudah besar, mohon segera kirim damkar",
  "Tolong ada orang tenggelam di sungai dekat jembatan dusun, belum ketemu sampai sekarang!",
];
const CALM = ["Terima kasih pak kades, jalannya sudah bagus", "Kapan jadwal posyandu bulan ini?", "Sampah di dekat pasar belum diangkut", "Mantap kegiatan kerja baktinya"];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length / 2;
  return s.length === 0 ? NaN : s.length % 2 ? s[Math.floor(m)] : (s[m - 1] + s[m]) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr.on("data", (b: Buffer) => (output += b.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** A CSV of `rows` comments published now; urgent comments (with a per-run marker) at the start, middle and end. */
function writeCsv(file: string, runNo: number): string[] {
  const now = new Date().toISOString();
  const markers: string[] = [];
  const lines = ["id,text,published_at"];
  const at = new Set([0, Math.floor(ROWS / 2), ROWS - 1]);
  let u = 0;
  for (let i = 0; i < ROWS; i++) {
    if (at.has(i)) {
      const marker = `posko${runNo}x${u}`;
      markers.push(marker);
      lines.push(`r${runNo}-u${u},"${URGENT[u]} (${marker})",${now}`);
      u++;
    } else lines.push(`r${runNo}-c${i},"${CALM[i % CALM.length]} ${i}",${now}`);
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return markers;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-bench-alerts-"));
const dbUrl = `file:${path.join(dir, "bench.db")}`;
const telegram = await startFakeTelegram(TOKEN);
const db = await openDatabase(dbUrl);
await prepareDatabase(db);
const village = await db.prisma.village.create({ data: { code: CODE, name: "Mulyasari", kecamatan: "Ciampel", kabupaten: "Karawang" } });
await addAlertChannel(db, CLI_ACTOR, village.id, { kind: "telegram", target: CHAT, events: ["urgent"] });

const port = await freePort();
const env: NodeJS.ProcessEnv = {
  ...process.env, DATABASE_URL: dbUrl, PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: "never", SCHEDULER: "on",
  TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_URL: telegram.url, LOG_LEVEL: "warn",
};
const server = spawn(TSX, ["main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
let serverLog = "";
server.stdout?.on("data", (b: Buffer) => (serverLog += b.toString()));
server.stderr?.on("data", (b: Buffer) => (serverLog += b.toString()));
const stopServer = () => new Promise<void>((resolve) => {
  if (server.exitCode !== null) return resolve();
  server.once("exit", () => resolve());
  server.kill("SIGTERM");
});

try {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${serverLog}`);
    if (Date.now() > deadline) throw new Error(`server not healthy:\n${serverLog}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  console.log(`server up; ${RUNS} runs, ${ROWS} comments per file, 3 urgent each (rows 1, ${Math.floor(ROWS / 2) + 1}, ${ROWS})`);

  const fromEnd: number[] = [];
  const fromExit: number[] = [];
  const fromStored: number[] = [];
  for (let r = 1; r <= RUNS; r++) {
    const file = path.join(dir, `run${r}.csv`);
    const markers = writeCsv(file, r);
    const started = Date.now();
    const imp = await run(TSX, ["jobs/src/cli.ts", "import", file, "--village", CODE], env);
    const cliExit = Date.now();
    if (imp.code !== 0) throw new Error(`import failed:\n${imp.output}`);
    const waitUntil = Date.now() + 90_000;
    const got = () => markers.map((m) => telegram.messages.find((x) => x.text.includes(m)));
    while (got().some((m) => !m) && Date.now() < waitUntil) await new Promise((res) => setTimeout(res, 50));
    const msgs = got();
    const stored = await db.prisma.comment.findMany({ where: { villageId: village.id, externalId: { in: markers.map((_, u) => `r${r}-u${u}`) } }, select: { externalId: true, createdAt: true, urgent: true } });
    // The end of the import: its last row stored (the same clock as the rows' createdAt).
    const last = await db.prisma.comment.aggregate({ where: { villageId: village.id, externalId: { startsWith: `r${r}-` } }, _max: { createdAt: true } });
    const importEnd = last._max.createdAt!.getTime();
    const parts: string[] = [];
    markers.forEach((m, u) => {
      const msg = msgs[u];
      const c = stored.find((s) => s.externalId === `r${r}-u${u}`);
      if (!msg || !c) {
        parts.push(`#${u + 1}: no message (stored ${c ? "yes" : "no"}, urgent ${c?.urgent})`);
        return;
      }
      fromEnd.push(msg.receivedAt - importEnd);
      fromExit.push(msg.receivedAt - cliExit);
      fromStored.push(msg.receivedAt - c.createdAt.getTime());
      parts.push(`#${u + 1}: ${sec(msg.receivedAt - c.createdAt.getTime())} after storage, ${sec(msg.receivedAt - importEnd)} after import end`);
    });
    console.log(`run ${r}: CLI ${sec(cliExit - started)}; ${parts.join("; ")}`);
  }
  console.log(`median over ${fromEnd.length} alerts: ${sec(median(fromEnd))} from import end to Bot API (min ${sec(Math.min(...fromEnd))}, max ${sec(Math.max(...fromEnd))}); ${sec(median(fromStored))} from storage (min ${sec(Math.min(...fromStored))}, max ${sec(Math.max(...fromStored))}); ${sec(median(fromExit))} from CLI exit`);
} finally {
  await stopServer();
  await db.close();
  await telegram.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
