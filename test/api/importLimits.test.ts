// Import limits and encodings, end to end into a real database: an over-long field or line costs
// one rejected row (named by line and field), never the file or the memory; files in other
// encodings are converted with a notice or refused before anything is stored.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportFileError, importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { MAX_AUTHOR_CHARS, MAX_RECORD_CHARS, MAX_TEXT_CHARS } from "@suara-desa/jobs/ingest/limits";
import { createVillage } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";

const run = promisify(execFile);
let env: Awaited<ReturnType<typeof createTempDatabase>>;

beforeAll(async () => {
  env = await createTempDatabase();
});
afterAll(() => env.cleanup());

const textsOf = async (villageId: number) =>
  (await env.db.prisma.comment.findMany({ where: { villageId }, orderBy: { publishedAt: "asc" } })).map((c) => c.text);

describe("import limits", () => {
  it("rejects a 5 MB quoted field by its line and field, keeps the rows around it, and numbers later lines right", async () => {
    const village = await createVillage(env.db);
    const file = path.join(env.dir, "besar.csv");
    const huge = `awal\n${"sangat panjang ".repeat(350_000)}\nakhir`; // ~5 MB over three physical lines
    fs.writeFileSync(
      file,
      [
        "text,published_at,author,catatan",
        "Jalan rusak,2026-11-20 08:00,Ujang,",
        `"${huge}",2026-11-20 09:00,Ujang,`,
        `Air mati,2026-11-20 10:00,${"N".repeat(MAX_AUTHOR_CHARS + 1)},`,
        `Lampu mati,2026-11-20 11:00,Bu Siti,"${"catatan lain ".repeat(100_000)}"`, // unmapped column: any size
        "Sampah menumpuk,2026-11-20 12:00,Pak Dedi,",
      ].join("\n") + "\n",
    );
    const s = await importFile(env.db, file, { villageCode: village.code });
    expect(s).toMatchObject({ read: 5, new: 3, rejected: 2, notices: [] });
    expect(s.rejectedRows).toEqual([
      { line: 3, reason: `text: longer than ${MAX_TEXT_CHARS} characters` },
      { line: 6, reason: `author: longer than ${MAX_AUTHOR_CHARS} characters` },
    ]);
    expect(await textsOf(village.id)).toEqual(["Jalan rusak", "Lampu mati", "Sampah menumpuk"]);
  });

  it("rejects an over-long JSONL line and an over-long author, and keeps the other lines", async () => {
    const village = await createVillage(env.db);
    const file = path.join(env.dir, "besar.jsonl");
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ text: "Jembatan retak", published_at: "2026-11-20 08:00" }),
        JSON.stringify({ text: "x".repeat(MAX_RECORD_CHARS + 10), published_at: "2026-11-20 09:00" }),
        JSON.stringify({ text: "Posyandu lancar", published_at: "2026-11-20 10:00", author: "A".repeat(MAX_AUTHOR_CHARS + 1) }),
        JSON.stringify({ text: "Bansos belum cair", published_at: "2026-11-20 11:00", author: "A".repeat(MAX_AUTHOR_CHARS) }),
      ].join("\n"),
    );
    const s = await importFile(env.db, file, { villageCode: village.code });
    expect(s.rejectedRows).toEqual([
      { line: 2, reason: `line longer than ${MAX_RECORD_CHARS} characters` },
      { line: 3, reason: `author: longer than ${MAX_AUTHOR_CHARS} characters` },
    ]);
    expect(await textsOf(village.id)).toEqual(["Jembatan retak", "Bansos belum cair"]);
  });
});

describe("import encodings", () => {
  it("imports an Excel-on-Windows (Windows-1252) CSV with the right letters and says it was converted", async () => {
    const village = await createVillage(env.db);
    const file = path.join(env.dir, "excel.csv");
    fs.writeFileSync(file, Buffer.concat([Buffer.from("text,published_at\n"), Buffer.from([0x93]), Buffer.from("Kafe"), Buffer.from([0x94, 0x20]), Buffer.from("caf"), Buffer.from([0xe9]), Buffer.from(" di balai desa,2026-11-20 08:00\n")]));
    const s = await importFile(env.db, file, { villageCode: village.code });
    expect(s).toMatchObject({ read: 1, new: 1, rejected: 0 });
    expect(s.notices).toEqual([expect.stringMatching(/not UTF-8 \(first at line 2\).*Windows-1252/)]);
    expect(await textsOf(village.id)).toEqual(["“Kafe” café di balai desa"]);
    const run = await env.db.prisma.jobRun.findFirst({ where: { villageId: village.id, kind: "import" } });
    expect(JSON.stringify(run?.details)).toContain("Windows-1252");
  });

  it("imports a UTF-16 file (Excel \"Unicode Text\" saved as .csv) instead of failing on its header", async () => {
    const village = await createVillage(env.db);
    const file = path.join(env.dir, "utf16.csv");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("text,published_at\r\nSelamat pagi 🙏,2026-11-20 08:00\r\n", "utf16le")]));
    const s = await importFile(env.db, file, { villageCode: village.code });
    expect(s).toMatchObject({ read: 1, new: 1, rejected: 0, notices: [expect.stringMatching(/UTF-16 LE/)] });
    expect(await textsOf(village.id)).toEqual(["Selamat pagi 🙏"]);
  });

  it("refuses a file mixing encodings before storing anything or recording a run", async () => {
    const village = await createVillage(env.db);
    const file = path.join(env.dir, "campur.csv");
    fs.writeFileSync(file, Buffer.concat([Buffer.from("text,published_at\nTerima kasih 🙏,2026-11-20 08:00\ncaf"), Buffer.from([0xe9]), Buffer.from(",2026-11-20 09:00\n")]));
    const err = await importFile(env.db, file, { villageCode: village.code }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as Error).message).toMatch(/line 3 is not valid UTF-8 .* line 2 has UTF-8 characters.*nothing was imported/);
    expect(await env.db.prisma.comment.count({ where: { villageId: village.id } })).toBe(0);
    expect(await env.db.prisma.jobRun.count({ where: { villageId: village.id } })).toBe(0);
    expect(await env.db.prisma.source.count({ where: { villageId: village.id } })).toBe(0);
  });

  it("says when a header is separated by semicolons instead of only naming the missing columns", async () => {
    const village = await createVillage(env.db);
    const file = path.join(env.dir, "titikkoma.csv");
    fs.writeFileSync(file, "text;published_at\nhalo;2026-11-20 08:00\n");
    await expect(importFile(env.db, file, { villageCode: village.code })).rejects.toThrow(/lacks required column\(s\) text, published_at — the columns are separated by ";"/);
  });
});

describe("npm run ingest -- import (encodings)", () => {
  const cli = (args: string[]) =>
    run("npx", ["tsx", "jobs/src/cli/ingest.ts", ...args], { env: { ...process.env, DATABASE_URL: env.db.url, LOG_LEVEL: "silent" } }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("prints the conversion notice, and refuses a mixed file with exit 2 and the reason", async () => {
    const village = await createVillage(env.db);
    const latin = path.join(env.dir, "cli-latin.csv");
    fs.writeFileSync(latin, Buffer.concat([Buffer.from("text,published_at\ncaf"), Buffer.from([0xe9]), Buffer.from(" tutup,2026-11-20 08:00\n")]));
    const ok = await cli(["import", latin, "--village", village.code]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/^note: encoding: the file is not UTF-8 \(first at line 2\)/m);
    expect(ok.stdout).toMatch(/read 1, new 1/);
    const json = await cli(["import", latin, "--village", village.code, "--json"]);
    expect(JSON.parse(json.stdout).notices).toEqual([expect.stringMatching(/Windows-1252/)]);

    const mixed = path.join(env.dir, "cli-campur.csv");
    fs.writeFileSync(mixed, Buffer.concat([Buffer.from("text,published_at\n🙏,2026-11-20 08:00\ncaf"), Buffer.from([0xe9]), Buffer.from(",2026-11-20 09:00\n")]));
    const refused = await cli(["import", mixed, "--village", village.code]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cli-campur\.csv: line 3 is not valid UTF-8/);
  }, 60_000);
});
