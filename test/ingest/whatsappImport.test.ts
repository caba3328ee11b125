// WhatsApp export import into a real (temporary) database: idempotent, rejected lines named.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatNameFromFile, importWhatsApp } from "@suara-desa/jobs/ingest/whatsapp/importWhatsApp";
import { MAX_TEXT_CHARS } from "@suara-desa/jobs/ingest/limits";
import { createTempDatabase } from "../helpers/tempDb";
import { createVillage } from "./helpers/sourceFactory";

const FIXTURES = path.resolve(__dirname, "../fixtures/whatsapp");
let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let code: string;

beforeAll(async () => {
  temp = await createTempDatabase();
  const id = await createVillage(temp.db);
  code = (await temp.db.prisma.village.findUniqueOrThrow({ where: { id } })).code;
});
afterAll(async () => temp?.cleanup());

describe("importWhatsApp", () => {
  it("imports an export, and the same export again adds nothing", async () => {
    const file = path.join(FIXTURES, "android-id.txt");
    const first = await importWhatsApp(temp.db, file, { villageCode: code, chatName: "Warga Mulyasari" });
    expect(first).toMatchObject({ read: 6, new: 6, rejected: 0, skipped: 6 });
    const again = await importWhatsApp(temp.db, file, { villageCode: code, chatName: "Warga Mulyasari" });
    expect(again).toMatchObject({ new: 0, unchanged: 6 });
    const stored = await temp.db.prisma.comment.findMany({ where: { platform: "file", externalId: { startsWith: "wa:" } } });
    expect(stored).toHaveLength(6);
    // The phone-number sender has no display name.
    expect(stored.filter((c) => c.authorName === null)).toHaveLength(1);
    expect(stored.every((c) => !/812-3456/.test(c.authorName ?? ""))).toBe(true);
  });

  it("a longer export of the same chat adds only the new messages", async () => {
    const dir = fs.mkdtempSync(path.join(temp.dir, "wa-"));
    const longer = path.join(dir, "WhatsApp Chat with Warga Mulyasari.txt");
    fs.writeFileSync(longer, `${fs.readFileSync(path.join(FIXTURES, "android-id.txt"), "utf8")}24/11/26 08.00 - Bu Siti: Posyandu besok jam 8\n`);
    const r = await importWhatsApp(temp.db, longer, { villageCode: code });
    expect(r).toMatchObject({ new: 1, unchanged: 6 });
  });

  it("lists rejected lines and keeps the good messages", async () => {
    const r = await importWhatsApp(temp.db, path.join(FIXTURES, "android-en.txt"), { villageCode: code, chatName: "RT 03" });
    expect(r.new).toBe(3);
    expect(r.rejectedRows.map((x) => x.line)).toEqual([1, 6]);
  });

  it("reads the chat name from the export's file name", () => {
    expect(chatNameFromFile("/tmp/WhatsApp Chat with Warga Mulyasari.txt")).toBe("Warga Mulyasari");
    expect(chatNameFromFile("Chat WhatsApp dengan RT 03.txt")).toBe("RT 03");
  });
});

describe("importWhatsApp limits and encodings", () => {
  it("rejects a 56,000-character message with its line (as CSV would) and imports the rest", async () => {
    const dir = fs.mkdtempSync(path.join(temp.dir, "wa-long-"));
    const file = path.join(dir, "Chat WhatsApp dengan RT 07.txt");
    fs.writeFileSync(
      file,
      [
        "20/11/26 08.00 - Ujang: Jalan di RT 07 rusak",
        `20/11/26 08.01 - Ujang: ${"tolong ".repeat(8_000)}`,
        "20/11/26 08.02 - Bu Siti: Air mati sejak pagi",
      ].join("\n"),
    );
    const r = await importWhatsApp(temp.db, file, { villageCode: code });
    expect(r).toMatchObject({ read: 3, new: 2, rejected: 1, rejectedRows: [{ line: 2, reason: `pesan: lebih dari ${MAX_TEXT_CHARS} karakter` }] });
    const stored = await temp.db.prisma.comment.findMany({ where: { sourceId: (await temp.db.prisma.source.findFirstOrThrow({ where: { accountId: "whatsapp:RT 07" } })).id } });
    expect(stored.map((c) => c.text).sort()).toEqual(["Air mati sejak pagi", "Jalan di RT 07 rusak"]);
  });

  it("imports an export in several store batches, and a UTF-16 export with a notice", async () => {
    const dir = fs.mkdtempSync(path.join(temp.dir, "wa-utf16-"));
    const file = path.join(dir, "Chat WhatsApp dengan RT 08.txt");
    const lines = Array.from({ length: 25 }, (_, i) => `21/11/26 09.${String(i).padStart(2, "0")} - Warga ${i % 4}: Laporan ke-${i} 🙏`);
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join("\r\n"), "utf16le")]));
    const r = await importWhatsApp(temp.db, file, { villageCode: code, batchSize: 10 });
    expect(r).toMatchObject({ read: 25, new: 25, rejected: 0, notices: [expect.stringMatching(/UTF-16 LE/)] });
    const again = await importWhatsApp(temp.db, file, { villageCode: code, batchSize: 7 });
    expect(again).toMatchObject({ new: 0, unchanged: 25 });
  });
});
