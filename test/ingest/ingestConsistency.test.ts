// What an import or ingest run leaves behind when it dies: a run killed with SIGKILL after some
// batches leaves the rollups and the full-text index of what it stored exact (both follow each
// batch, not the run's end).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_NOW, fixtureDataset } from "../fake/datasets";
import { startFakeApiServer } from "../fake/fakeApiServer";
import { createVillage } from "../factories/village";
import { expectRollupsExact, expectSearchIndexExact } from "../helpers/ingestChecks";
import { createTempDatabase } from "../helpers/tempDb";
import { createApiSource } from "./helpers/sourceFactory";

const ROOT = path.resolve(__dirname, "../..");
let temp: Awaited<ReturnType<typeof createTempDatabase>>;

beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => temp?.cleanup());

const TEXTS = [
  "Jalan di RT 03 rusak parah, mohon segera diperbaiki",
  "Terima kasih pelayanan KTP di kantor desa sekarang cepat",
  "Air PDAM mati sudah tiga hari, warga beli air galon",
  "Bansos BLT bulan ini belum cair padahal data sudah diperbarui",
  "Sampah di TPS belum diangkut seminggu, baunya sampai rumah",
];
/** A CSV of `n` comments spread over several days. */
function writeCsv(name: string, n: number): string {
  const lines = ["id,platform,author,text,published_at,likes"];
  for (let i = 0; i < n; i++) {
    const day = String(10 + (i % 7)).padStart(2, "0");
    lines.push(`${name}-${i},facebook,Warga ${i % 9},"${TEXTS[i % TEXTS.length]} (${i})",2026-11-${day}T0${i % 10}:00:00Z,${i % 4}`);
  }
  const file = path.join(temp.dir, `${name}.csv`);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

// tsx runs the script in a child of its own and exits with 128 + the signal that child died of.
const killed = (r: { signal: string | null; code: number | null }) => r.signal === "SIGKILL" || r.code === 137;

function runChild(args: string[]): Promise<{ signal: string | null; code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "test/ingest/helpers/killAfterFirstBatch.ts"), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += String(d)));
  child.stderr.on("data", (d) => (output += String(d)));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, output })));
}

describe("a run killed with SIGKILL", () => {
  it("an import killed after two batches leaves exact rollups for the rows it stored", async () => {
    const { db } = temp;
    const village = await createVillage(db);
    const file = writeCsv("killed", 50);
    const r = await runChild(["import", db.url, village.code, file, "20"]);
    expect(killed(r), r.output).toBe(true);
    // Two full batches of 20 were stored; the last 10 rows never were.
    expect(await db.prisma.comment.count({ where: { villageId: village.id } })).toBe(40);
    await expectRollupsExact(db, village.id);
    // The search index holds the stored rows (filled per batch, not at the run's end).
    await expectSearchIndexExact(db, village.id, "sampah");
  });

  it("an ingest run killed after its first page leaves exact rollups for that page", async () => {
    const { db } = temp;
    const fake = await startFakeApiServer({ dataset: fixtureDataset(), token: "tok-kill", pageSize: 2, now: () => FIXTURE_NOW });
    try {
      const village = await createVillage(db);
      const sourceId = await createApiSource(db, village.id, "facebook", fixtureDataset(), "tok-kill");
      let r: Awaited<ReturnType<typeof runChild>>;
      // A page of posts stores no comment: the child is started again (from the saved cursor)
      // until a page with residents' comments has been stored when it dies.
      const residents = () => db.prisma.comment.count({ where: { villageId: village.id, fromVillage: false } });
      for (let i = 0; i < 10 && (await residents()) === 0; i++) {
        r = await runChild(["source", db.url, String(sourceId), fake.xBaseUrl, fake.graphBaseUrl]);
        expect(killed(r), r.output).toBe(true);
      }
      await expectRollupsExact(db, village.id);
    } finally {
      await fake.close();
    }
  });
});
