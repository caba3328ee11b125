// Child process for the "killed after a batch" tests: starts an import or a source run and kills
// itself with SIGKILL right after the first batch(es) are stored — a crash at a known point, with
// no timing involved. Usage:
//   tsx killAfterFirstBatch.ts import <databaseUrl> <villageCode> <file> <batchSize> [pool]
// ("pool": NLP on two worker threads, so batches are still being analysed when it dies)
//   tsx killAfterFirstBatch.ts source <databaseUrl> <sourceId> <xBaseUrl> <graphBaseUrl>
import { openDatabase } from "@suara-desa/core/db/client";
import { NlpPool } from "@suara-desa/core/ingest/nlpPool";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { runSource } from "@suara-desa/jobs/ingest/runSource";
import { FIXTURE_NOW } from "../../fake/datasets";

const [mode, url, ...args] = process.argv.slice(2);
const die = () => process.kill(process.pid, "SIGKILL");
const db = await openDatabase(url);
if (mode === "import") {
  const [villageCode, file, batchSize, pool] = args;
  // Progress is reported after the batches read so far are stored (or, with the pool, queued), before the last partial batch.
  await importFile(db, file, { villageCode, batchSize: Number(batchSize), onProgress: die, nlpPool: pool === "pool" ? new NlpPool(2) : null });
} else {
  const [sourceId, xApiUrl, graphUrl] = args;
  // The runner logs a page after storing it. The clock is the fixtures' own: on the real one their
  // posts fall out of the Facebook connector's window as the calendar moves on.
  await runSource(db, Number(sourceId), { xApiUrl, graphUrl, timeoutMs: 10_000, log: die, now: () => new Date(FIXTURE_NOW) });
}
process.stderr.write("the run finished before it could be killed\n");
process.exit(3);
