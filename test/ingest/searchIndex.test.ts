// The explorer's full-text search follows what is stored: new comments are found by their words, an
// edited comment re-imported is found by its new words and no longer by the old ones, and case
// grouping (which rewrites the comment rows it claims) leaves the words alone. Both engines: SQLite's
// "CommentFts" and PostgreSQL's "CommentSearch" are tables of their own, filled per batch.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { retagVillage } from "@suara-desa/jobs/retag";
import { listComments } from "@suara-desa/core/services/commentService";
import type { AuthContext } from "@suara-desa/shared/auth";
import { CommentListQuerySchema } from "@suara-desa/shared/contracts";
import { createVillage } from "../factories/village";
import { expectSearchIndexExact } from "../helpers/ingestChecks";
import { createTempDatabase } from "../helpers/tempDb";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => temp?.cleanup());

function csv(name: string, rows: Array<[string, string]>): string {
  const lines = ["id,platform,author,text,published_at,likes"];
  rows.forEach(([id, text], i) => lines.push(`${id},facebook,Warga ${i},"${text}",2026-11-${String(10 + (i % 5)).padStart(2, "0")}T08:00:00Z,0`));
  const file = path.join(temp.dir, `${name}.csv`);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

describe("full-text search after imports", () => {
  it("finds new words, forgets replaced ones, and survives case grouping", async () => {
    const village = await createVillage(temp.db, { name: "Desa Cari" });
    // Different wordings (copies of one text would be a flood of copies, hidden as spam).
    const places = ["gang mawar", "depan masjid", "dekat sekolah", "ke sawah", "di tanjakan", "menuju pasar"];
    const asks = ["mohon diperbaiki", "kapan diaspal pak", "sudah tiga bulan begini", "motor sering jatuh"];
    const rows: Array<[string, string]> = Array.from({ length: 12 }, (_, i) => [`c${i}`, `Jalan ${places[i % 6]} rusak, ${asks[i % 4]}`]);
    rows.push(["sumur", "Sumur bor di dusun Cikadu kering, warga kesulitan air bersih"]);
    await importFile(temp.db, csv("first", rows), { villageCode: village.code });
    const admin: AuthContext = { userId: 0, username: "cli", role: "admin", villageIds: [], system: "cli" };
    const search = async (q: string) => (await listComments(temp.db, admin, village.id, CommentListQuerySchema.parse({ q, limit: "50" }))).data.map((c) => c.text);
    expect(await search("sumur")).toEqual(["Sumur bor di dusun Cikadu kering, warga kesulitan air bersih"]);
    expect((await search("rusak")).length).toBe(12);
    await expectSearchIndexExact(temp.db, village.id, "rusak");

    // The resident edited the comment; the platform sends the new text under the same id.
    rows[rows.length - 1] = ["sumur", "Pompa air di balai warga mati, mohon teknisi datang"];
    await importFile(temp.db, csv("second", rows), { villageCode: village.code });
    expect(await search("sumur")).toEqual([]);
    expect(await search("pompa")).toEqual(["Pompa air di balai warga mati, mohon teknisi datang"]);
    await expectSearchIndexExact(temp.db, village.id, "pompa");
  });

  it("finds words written together with dots or dashes, and keeps every word through a re-analysis", async () => {
    const village = await createVillage(temp.db, { name: "Desa Titik" });
    await importFile(temp.db, csv("joined", [
      ["jl", "Lampu PJU di Jl.Raya Cikopo mati semua, gelap banget"],
      ["rw", "Warga RW.05 minta jadwal posyandu bulan depan"],
      ["rt", "Selokan rt-03 mampet lagi pak"],
      ["web", "Jadwal lengkap ada di www.sukamaju.desa.id ya bu"],
    ]), { villageCode: village.code });
    const admin: AuthContext = { userId: 0, username: "cli", role: "admin", villageIds: [], system: "cli" };
    const search = async (q: string) => (await listComments(temp.db, admin, village.id, CommentListQuerySchema.parse({ q, limit: "50" }))).data.map((c) => c.text);
    expect(await search("raya cikopo")).toEqual(["Lampu PJU di Jl.Raya Cikopo mati semua, gelap banget"]);
    expect(await search("rw 05")).toEqual(["Warga RW.05 minta jadwal posyandu bulan depan"]);
    expect(await search("rt 03")).toEqual(["Selokan rt-03 mampet lagi pak"]);
    expect(await search("sukamaju")).toEqual(["Jadwal lengkap ada di www.sukamaju.desa.id ya bu"]);
    await expectSearchIndexExact(temp.db, village.id, "posyandu");

    // A re-analysis rewrites the normalised text of every comment; the words follow it.
    await retagVillage(temp.db, village.id, { all: true });
    expect(await search("raya")).toEqual(["Lampu PJU di Jl.Raya Cikopo mati semua, gelap banget"]);
    await expectSearchIndexExact(temp.db, village.id, "posyandu");
  });
});
