// WhatsApp export import into a real (temporary) database: idempotent, rejected lines named.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatNameFromFile, importWhatsApp } from "../../jobs/src/ingest/whatsapp/importWhatsApp";
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
