// `npm run bench:api`: p50/p95/p99 of the overview and explorer APIs on the demo village, driven by
// autocannon against a real server on loopback. Prints figures; asserts nothing (machines are shared).
// The first request per view is timed on its own before the load, since it is the only one that misses
// the response cache (what an official sees when opening a view for the first time that week).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { createApp } from "@suara-desa/server/app";
import { openDatabase } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { seedDemoVillage } from "../../prisma/seed";
import { createUser } from "@suara-desa/core/services/authService";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-bench-"));
const db = await openDatabase(`file:${path.join(dir, "bench.db")}`);
await prepareDatabase(db);
const seeded = await seedDemoVillage(db);
const app = createApp({ db, clientDir: null, log: () => {} });
const server = app.listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const port = (server.address() as { port: number }).port;
const base = `http://127.0.0.1:${port}/api/villages/${seeded.villageId}`;
// Every data route needs a session: log in as the village's BPD chair, as the dashboard does.
await createUser(db, { username: "bench", password: "bench-password-1", role: "pimpinan", villageIds: [seeded.villageId] });
const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
  method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "bench", password: "bench-password-1" }),
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
if (!login.ok || !cookie) throw new Error(`bench login failed: HTTP ${login.status}`);

const targets: Array<[string, string]> = [
  // Named: without a week the review opens on the current week, which the demo (ending in W47) leaves empty.
  ["overview (latest week, 2026-W47)", `${base}/overview?week=2026-W47`],
  ["overview 2026-W44", `${base}/overview?week=2026-W44`],
  ["insights (rising terms, attention)", `${base}/insights`],
  ["explorer: first page (30, as the dashboard asks)", `${base}/comments?limit=30`],
  ["explorer: topic + sentiment", `${base}/comments?topic=infrastruktur&sentiment=negatif&limit=30`],
  ["explorer: full-text search", `${base}/comments?q=jalan%20rusak&limit=30`],
  ["topic page", `${base}/topics/bansos`],
];

console.log(`demo village: ${seeded.comments} comments; ${CONNECTIONS} connections, ${DURATION_S} s per endpoint`);
console.log("endpoint | first (uncached) ms | req/s | p50 ms | p95 ms (cached) | p99 ms | errors/non-2xx");
for (const [name, url] of targets) {
  const t0 = performance.now();
  const first = await fetch(url, { headers: { cookie } });
  await first.arrayBuffer();
  const firstMs = performance.now() - t0;
  if (!first.ok) throw new Error(`${name}: first request HTTP ${first.status}`);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { cookie } });
  // autocannon reports p97.5 and p99; p95 is interpolated from its histogram percentiles.
  const l = r.latency as unknown as Record<string, number>;
  const p95 = l.p90 + ((l.p97_5 - l.p90) * (95 - 90)) / (97.5 - 90);
  console.log(`${name} | ${firstMs.toFixed(1)} | ${Math.round(r.requests.average)} | ${l.p50} | ${p95.toFixed(1)} | ${l.p99} | ${r.errors + r.non2xx}`);
}
server.close();
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
