// SQLite imports leave write-ahead-log checkpoints to a background thread: what an import commits is
// copied back into the database file by that thread (not only when the importing connection crosses
// its own threshold), and closing the database stops the thread, so the last connection to close
// checkpoints the log away as before.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkpointInBackground, openDatabase, type Database } from "@suara-desa/core/db/client";
import { testPostgresUrl } from "../helpers/tempDb";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function freshDatabase(): Promise<{ db: Database; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-ckpt-"));
  dirs.push(dir);
  const file = path.join(dir, "test.db");
  return { db: await openDatabase(`file:${file}`), file };
}

/** About 6 MB of rows in 30 commits: below the writer's own checkpoint threshold (40 MB). */
function writeRows(db: Database): void {
  const raw = db.raw!;
  raw.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT)");
  const insert = raw.prepare("INSERT INTO t (body) VALUES (?)");
  for (let b = 0; b < 30; b++) raw.transaction(() => { for (let i = 0; i < 200; i++) insert.run(`${b}-${i} `.repeat(100)); })();
}

describe.skipIf(testPostgresUrl() !== null)("background checkpoints (SQLite)", () => {
  it("copies committed pages into the database file while the writer goes on, and stops on close", async () => {
    const { db, file } = await freshDatabase();
    const before = fs.statSync(file).size;
    checkpointInBackground(db);
    writeRows(db);
    // The writer never checkpointed (below its threshold): only the background thread grows the file.
    await vi.waitFor(() => expect(fs.statSync(file).size).toBeGreaterThan(before + 4_000_000), { timeout: 10_000, interval: 50 });
    expect((db.raw!.prepare("SELECT COUNT(*) AS n FROM t").get() as { n: number }).n).toBe(6000);
    await db.close();
    // The thread's connection is gone: the last connection closed checkpointed and removed the log.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const again = await openDatabase(`file:${file}`);
    expect((again.raw!.prepare("SELECT COUNT(*) AS n FROM t").get() as { n: number }).n).toBe(6000);
    await again.close();
  });

  it("without it, the same writes stay in the log until the writer's threshold or close", async () => {
    const { db, file } = await freshDatabase();
    const before = fs.statSync(file).size;
    writeRows(db);
    await new Promise((r) => setTimeout(r, 600));
    expect(fs.statSync(file).size).toBeLessThan(before + 1_000_000);
    await db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
