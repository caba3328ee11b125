// Two imports of one file at once: each row is reported as new by exactly one of them. The race
// is made deterministic: the look-up of the first import's first batch is followed — before that
// batch is written — by a whole second import of the same file, as another process would do.
// Only the interleaving is injected; every function that runs is the real one.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { createVillage } from "../factories/village";
import { expectRollupsExact } from "../helpers/ingestChecks";
import { createTempDatabase } from "../helpers/tempDb";

/** Runs once, right after the next look-up of existing comments. */
let betweenLookupAndWrite: (() => Promise<unknown>) | null = null;
vi.mock("@suara-desa/core/db/ingestRepository", async (importOriginal) => {
  const real = await importOriginal<typeof import("@suara-desa/core/db/ingestRepository")>();
  return {
    ...real,
    findExistingComments: async (...args: Parameters<typeof real.findExistingComments>) => {
      const found = await real.findExistingComments(...args);
      const other = betweenLookupAndWrite;
      betweenLookupAndWrite = null;
      if (other) await other();
      return found;
    },
  };
});

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => temp?.cleanup());

function writeCsv(name: string, n: number): string {
  const lines = ["id,platform,author,text,published_at,likes"];
  for (let i = 0; i < n; i++) {
    lines.push(`${name}-${i},facebook,Warga ${i % 9},"Jalan di RT 0${i % 9} rusak parah, mohon diperbaiki (${i})",2026-11-${10 + (i % 7)}T03:00:00Z,${i % 4}`);
  }
  const file = path.join(temp.dir, `${name}.csv`);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

describe("two imports of one file at once", () => {
  it("report each row as new exactly once, store it once, and leave exact rollups", async () => {
    const { db } = temp;
    const village = await createVillage(db);
    const file = writeCsv("together", 60);
    let second: Awaited<ReturnType<typeof importFile>> | null = null;
    betweenLookupAndWrite = async () => (second = await importFile(db, file, { villageCode: village.code, batchSize: 20 }));
    const first = await importFile(db, file, { villageCode: village.code, batchSize: 20 });
    expect(second).not.toBeNull();
    expect(second!.new).toBe(60);
    // The first import's first batch found its rows already stored, with the same values.
    expect(first).toMatchObject({ new: 0, updated: 0, unchanged: 60 });
    expect(await db.prisma.comment.count({ where: { villageId: village.id } })).toBe(60);
    const runs = await db.prisma.jobRun.findMany({ where: { villageId: village.id, kind: "import" } });
    expect(runs.map((r) => r.new).sort((a, b) => a - b)).toEqual([0, 60]);
    await expectRollupsExact(db, village.id);
  });

  it("running truly in parallel, the two imports still add up to one new per row", async () => {
    const { db } = temp;
    const village = await createVillage(db);
    // Also the village's first imports: both create its file source at once.
    const file = writeCsv("parallel", 120);
    const [a, b] = await Promise.all([
      importFile(db, file, { villageCode: village.code, batchSize: 10 }),
      importFile(db, file, { villageCode: village.code, batchSize: 10 }),
    ]);
    expect(a.new + b.new).toBe(120);
    for (const s of [a, b]) expect(s.new + s.updated + s.unchanged).toBe(120);
    expect(await db.prisma.comment.count({ where: { villageId: village.id } })).toBe(120);
    await expectRollupsExact(db, village.id);
  });
});
