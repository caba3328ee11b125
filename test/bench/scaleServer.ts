// Child process of `npm run bench:scale`: the API server in its own process, as in production, so
// the load generator (autocannon, in the parent) does not share its event loop and CPU time.
// Prints {"port": n} once listening; stops on SIGTERM.
// Usage: node --import tsx test/bench/scaleServer.ts <databaseUrl>
import type { AddressInfo } from "node:net";
import { createApp } from "@suara-desa/server/app";
import { openDatabase } from "@suara-desa/core/db/client";
import { ensureSecrets } from "@suara-desa/core/secrets";

const [url] = process.argv.slice(2);
if (!url) throw new Error("usage: scaleServer.ts <databaseUrl>");
// Opened as the server opens it (connections kept open). The parent prepared the database (and its
// secrets); this process loads the same secrets.
const db = await openDatabase(url, { poolSize: 20, keepOpen: true });
await ensureSecrets(db);
const app = createApp({ db, clientDir: null, log: () => {} });
const server = app.listen(0, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: (server.address() as AddressInfo).port }) + "\n");
});
process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close();
  void db.close().finally(() => process.exit(0));
});
