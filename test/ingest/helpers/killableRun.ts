// Child process for the "killed mid-run" test: runs one source against the fake API until done.
// Usage: tsx killableRun.ts <databaseUrl> <sourceId> <xBaseUrl> <graphBaseUrl>
import { openDatabase } from "@suara-desa/core/db/client";
import { runSource } from "@suara-desa/jobs/ingest/runSource";

const [url, sourceId, xApiUrl, graphUrl] = process.argv.slice(2);
const db = await openDatabase(url);
for (let i = 0; i < 100; i++) {
  const r = await runSource(db, Number(sourceId), { maxPages: 2, xApiUrl, graphUrl, timeoutMs: 2_000 });
  process.stdout.write(`run ${i}: ${r.status} pages=${r.pages} new=${r.new} done=${r.done}\n`);
  if (r.done) break;
}
await db.close();
