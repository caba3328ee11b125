// A migrated, empty SQLite database in a temporary folder, with the global topics, per test file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../../server/src/db/client";
import { prepareDatabase } from "../../server/src/db/prepare";

/** Creates a fresh database; call cleanup() in afterAll. */
export async function createTempDatabase(): Promise<{ db: Database; dir: string; cleanup(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-test-"));
  const db = await openDatabase(`file:${path.join(dir, "test.db")}`);
  await prepareDatabase(db);
  return {
    db,
    dir,
    async cleanup() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
