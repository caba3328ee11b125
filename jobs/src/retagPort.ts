// "Analisis ulang komentar" for a server on SQLite: the re-analysis runs inside the server
// process (one village at a time per village, batches small enough to keep answering requests),
// writing its progress on its JobRun row like the command line does.
import type { Database } from "@suara-desa/core/db/client";
import type { RetagPort } from "@suara-desa/core/services/retagService";
import { retagVillage } from "./retag";

/** Batches of this size keep the event loop free between them for the server's requests. */
const IN_PROCESS_BATCH = 500;

/** A RetagPort that runs the re-analysis in this process. */
export function createInProcessRetagPort(db: Database, opts: { log?: (m: string) => void } = {}): RetagPort {
  const running = new Map<number, Promise<void>>();
  return {
    async start(villageId, { all }) {
      if (running.has(villageId)) return "running";
      const job = retagVillage(db, villageId, { batchSize: IN_PROCESS_BATCH, all })
        .then((r) => opts.log?.(`retag village ${villageId}: ${r.retagged} comment(s) re-tagged`))
        // The failure is recorded on the run row (shown on the Admin page).
        .catch((e: unknown) => opts.log?.(`retag village ${villageId} failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => running.delete(villageId));
      running.set(villageId, job);
      return "started";
    },
    isPending: async (villageId) => running.has(villageId),
  };
}
