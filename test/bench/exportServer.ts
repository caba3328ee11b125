// Child process of `npm run bench:export`: the API server in its own process (as in production),
// watching its own event loop. Prints {"port": n} once listening; each line "stats" on stdin prints
// {"maxDelayMs", "p99DelayMs"} of the event-loop delay since the previous "stats" and resets it.
// Usage: node --import tsx test/bench/exportServer.ts <databaseUrl>
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import readline from "node:readline";
import { createApp } from "@suara-desa/server/app";
import { openDatabase } from "@suara-desa/core/db/client";
import { ensureSecrets } from "@suara-desa/core/secrets";

const [url] = process.argv.slice(2);
if (!url) throw new Error("usage: exportServer.ts <databaseUrl>");
const db = await openDatabase(url, { poolSize: 20 });
await ensureSecrets(db);
const app = createApp({ db, clientDir: null, log: (m) => process.stderr.write(`${m}\n`) });
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const server = app.listen(0, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: (server.address() as AddressInfo).port }) + "\n");
});
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() !== "stats") return;
  process.stdout.write(JSON.stringify({ maxDelayMs: loop.max / 1e6, p99DelayMs: loop.percentile(99) / 1e6 }) + "\n");
  loop.reset();
});
process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close();
  void db.close().finally(() => process.exit(0));
});
