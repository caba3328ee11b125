import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectEncoding, readText } from "./encoding";
import { ImportFileError } from "./importFileError";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-encoding-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(bytes: Buffer): string {
  const file = path.join(dir, `f${n++}.csv`);
  fs.writeFileSync(file, bytes);
  return file;
}

async function readAll(file: string): Promise<{ encoding: string; notice: string | null; text: string }> {
  const enc = await detectEncoding(file);
  let text = "";
  for await (const c of readText(file, enc.encoding)) text += c.text;
  return { ...enc, text };
}

const CSV = "text,published_at\n“Jalan rusak” – café…,2026-11-20\n";

describe("import file encodings", () => {
  it("reads UTF-8 with or without a BOM as is, without a notice", async () => {
    expect(await readAll(write(Buffer.from(CSV, "utf8")))).toEqual({ encoding: "utf-8", notice: null, text: CSV });
    expect(await readAll(write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, "utf8")])))).toEqual({ encoding: "utf-8", notice: null, text: CSV });
  });

  it("converts UTF-16 LE and BE with a BOM, saying so", async () => {
    const le = await readAll(write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, "utf16le")])));
    expect(le.text).toBe(CSV);
    expect(le.notice).toMatch(/UTF-16 LE/);
    const be = Buffer.from(CSV, "utf16le").swap16();
    const got = await readAll(write(Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expect(got.text).toBe(CSV);
    expect(got.notice).toMatch(/UTF-16 BE/);
  });

  it("reads a Windows-1252 file (Excel's CSV on Windows) as such, naming the first line that is not UTF-8", async () => {
    // “Jalan rusak” – café… in Windows-1252: 0x93 … 0x94, 0x96, 0xE9, 0x85
    const cp1252 = Buffer.concat([
      Buffer.from("text,published_at\n"),
      Buffer.from([0x93]), Buffer.from("Jalan rusak"), Buffer.from([0x94, 0x20, 0x96, 0x20]), Buffer.from("caf"), Buffer.from([0xe9, 0x85]),
      Buffer.from(",2026-11-20\n"),
    ]);
    const got = await readAll(write(cp1252));
    expect(got.encoding).toBe("windows-1252");
    expect(got.text).toBe(CSV);
    expect(got.notice).toMatch(/not UTF-8 \(first at line 2\).*Windows-1252/);
  });

  it("refuses a file mixing UTF-8 and other bytes, naming both lines", async () => {
    const file = write(Buffer.concat([Buffer.from("text,published_at\nemoji 🙏,2026-11-20\nbiasa,2026-11-20\ncaf"), Buffer.from([0xe9]), Buffer.from(",2026-11-20\n")]));
    await expect(detectEncoding(file)).rejects.toThrow(/line 4 is not valid UTF-8 \(byte 0xE9\) but line 2 has UTF-8 characters/);
    const bom = write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("text\ncaf"), Buffer.from([0xe9])]));
    await expect(detectEncoding(bom)).rejects.toThrow(/line 2 is not valid UTF-8.*byte-order mark/);
  });

  it("refuses workbooks and NUL bytes (UTF-16 without BOM) with a clear reason", async () => {
    await expect(detectEncoding(write(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])))).rejects.toThrow(/Excel workbook/);
    const noBom = write(Buffer.from("text,published_at\n", "utf16le"));
    await expect(detectEncoding(noBom)).rejects.toThrow(ImportFileError);
    await expect(detectEncoding(noBom)).rejects.toThrow(/line 1 contains NUL bytes/);
  });

  it("does not mistake a character split by a read boundary for a bad byte", async () => {
    const pad = "a".repeat((1 << 20) - 1); // the 2-byte "é" straddles the first 1 MiB chunk
    const text = `${pad}é\nakhir é\n`;
    const got = await readAll(write(Buffer.from(text, "utf8")));
    expect(got.encoding).toBe("utf-8");
    expect(got.text).toBe(text);
  });

  it("treats a sequence cut off at the end of the file as not UTF-8", async () => {
    const got = await readAll(write(Buffer.concat([Buffer.from("text\nakhir"), Buffer.from([0xe2, 0x80])])));
    expect(got.encoding).toBe("windows-1252");
  });
});
