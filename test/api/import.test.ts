// File import: the behaviour a village without API access relies on.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportFileError, importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { createVillage } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";
import { createApp } from "@suara-desa/server/app";

const run = promisify(execFile);
let env: Awaited<ReturnType<typeof createTempDatabase>>;
let code: string;

const TEXTS = [
  "Jalan di RT 02 rusak parah, mohon diperbaiki",
  "Air bersih mati lagi, sudah 2 hari, \"kapan\" normal?",
  "Terima kasih, posyandu bulan ini lancar 🙏",
  "Bansos BLT kok tidak merata, tetangga saya belum dapat,\npadahal layak",
];

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** 100 data rows; rows at data index 10, 50, 90 are broken in three different ways. */
function writeCsv(file: string): number[] {
  const lines = ["id,text,published_at,author,likes,platform"];
  const badLines: number[] = [];
  let physical = 1;
  for (let i = 0; i < 100; i++) {
    let text = TEXTS[i % TEXTS.length] + ` #${i}`;
    let published = `2026-11-${String(10 + (i % 12)).padStart(2, "0")} ${String(8 + (i % 12)).padStart(2, "0")}:15`;
    let likes = String(i % 9);
    if (i === 10) text = "";
    if (i === 50) published = "kemarin sore";
    if (i === 90) likes = "banyak";
    const line = [`c${i}`, csvCell(text), published, `Warga ${i % 13}`, likes, "facebook"].join(",");
    physical++;
    if ([10, 50, 90].includes(i)) badLines.push(physical);
    physical += (line.match(/\n/g) ?? []).length;
    lines.push(line);
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return badLines;
}

beforeAll(async () => {
  env = await createTempDatabase();
  code = (await createVillage(env.db)).code;
});
afterAll(() => env.cleanup());

describe("importing a CSV file", () => {
  it("keeps the 97 good rows of 100, names the 3 broken lines, and adds nothing the second time", async () => {
    const file = path.join(env.dir, "komentar.csv");
    const badLines = writeCsv(file);
    const first = await importFile(env.db, file, { villageCode: code });
    expect(first).toMatchObject({ read: 100, new: 97, updated: 0, rejected: 3 });
    expect(first.rejectedRows.map((r) => r.line)).toEqual(badLines);
    expect(first.rejectedRows.map((r) => r.reason.split(":")[0])).toEqual(["text", "published_at", "likes"]);
    expect(await env.db.prisma.comment.count()).toBe(97);
    const multi = await env.db.prisma.comment.findUnique({ where: { platform_externalId_villageId: { villageId: (await env.db.prisma.village.findUniqueOrThrow({ where: { code } })).id, platform: "facebook", externalId: "c3" } } });
    expect(multi?.text).toContain("belum dapat,\npadahal");

    const second = await importFile(env.db, file, { villageCode: code });
    expect(second).toMatchObject({ read: 100, new: 0, updated: 0, unchanged: 97, rejected: 3 });
    expect(await env.db.prisma.comment.count()).toBe(97);
    const runs = await env.db.prisma.jobRun.findMany({ where: { kind: "import" } });
    expect(runs.map((r) => [r.status, r.new, r.rejected])).toEqual([["partial", 97, 3], ["partial", 0, 3]]);
  });

  it("imports JSONL with a column mapping and keys rows without an id by their content", async () => {
    const file = path.join(env.dir, "wa.jsonl");
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ isi: "Sampah di TPS belum diangkut seminggu", waktu: "2026-11-18T19:00:00+07:00", nama: "Bu Ijah" }),
        "{not json",
        JSON.stringify({ isi: "Sampah di TPS belum diangkut seminggu", waktu: "2026-11-18T19:00:00+07:00", nama: "Bu Ijah" }),
        JSON.stringify({ isi: "Lampu jalan mati", waktu: "2026-11-19 20:00", nama: "Pak Dedi", likes: 4 }),
      ].join("\n"),
    );
    const mapping = { text: "isi", published_at: "waktu", author: "nama" };
    const first = await importFile(env.db, file, { villageCode: code, mapping });
    expect(first).toMatchObject({ read: 4, new: 2, rejected: 1, rejectedRows: [{ line: 2, reason: "not valid JSON" }] });
    const again = await importFile(env.db, file, { villageCode: code, mapping });
    expect(again.new).toBe(0);
  });

  it("fails the whole file clearly when the header lacks a required column or the village is unknown", async () => {
    const file = path.join(env.dir, "no-date.csv");
    fs.writeFileSync(file, "text,author\nhalo,Ujang\n");
    await expect(importFile(env.db, file, { villageCode: code })).rejects.toThrow(/lacks required column\(s\) published_at/);
    await expect(importFile(env.db, file, { villageCode: "00.00" })).rejects.toThrow(ImportFileError);
  });
});

describe("npm run ingest -- import", () => {
  const cli = (args: string[]) =>
    run("npx", ["tsx", "jobs/src/cli/ingest.ts", ...args], {
      env: { ...process.env, DATABASE_URL: env.db.url, LOG_LEVEL: "silent" },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("prints a JSON summary, lists rejected lines, and exits non-zero only when nothing was read or with --strict", async () => {
    const file = path.join(env.dir, "cli.csv");
    fs.writeFileSync(file, "text,published_at\nJembatan Cikalong retak,2026-11-20 10:00\n,2026-11-20 11:00\n");
    const json = await cli(["import", file, "--village", code, "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ read: 2, new: 1, updated: 0, rejected: 1 });

    const text = await cli(["import", file, "--village", code]);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain("line 3: text: is empty");
    expect(text.stdout).toMatch(/read 2, new 0, updated 0, unchanged 1, rejected 1/);

    expect((await cli(["import", file, "--village", code, "--strict"])).code).toBe(1);
    const missing = await cli(["import", path.join(env.dir, "nope.csv"), "--village", code]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv: file not found/);
  }, 60_000);

  it("an import by another process shows on the dashboard at the next view (no stale cache)", async () => {
    const village = await createVillage(env.db, { name: "Desa Dua Proses" });
    const app = createApp({ db: env.db, clientDir: null, log: () => {} });
    const chair = as(app, await loginAs(app, env.db, "pimpinan", [village.id]));
    const total = async () => (await chair.get(`/api/villages/${village.id}/overview?week=2026-W47`).expect(200)).body.data.totals.comments;
    expect(await total()).toBe(0); // computed and cached by this server process
    const file = path.join(env.dir, "second-process.csv");
    fs.writeFileSync(file, "text,published_at\nJalan desa berlubang,2026-11-18 08:00\nLampu jalan mati,2026-11-19 19:00\n");
    expect((await cli(["import", file, "--village", village.code])).code).toBe(0);
    expect(await total()).toBe(2);
  }, 60_000);
});
