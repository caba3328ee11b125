import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LineReader, splitLines } from "../file/lines";
import { MAX_AUTHOR_CHARS, MAX_TEXT_CHARS } from "../limits";
import { DateOrderDetector, WhatsAppParser, parseWhatsApp, zonedTimeToUtc, type WhatsAppParseResult } from "./parse";

const FIXTURES = path.resolve(__dirname, "../../../../test/fixtures/whatsapp");
const read = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const opts = { timeZone: "Asia/Jakarta", chatName: "Warga Mulyasari" };

describe("parseWhatsApp golden fixtures", () => {
  for (const name of ["android-id", "ios", "android-en"]) {
    it(`${name}.txt matches ${name}.expected.json`, () => {
      const got = JSON.parse(JSON.stringify(parseWhatsApp(read(`${name}.txt`), opts)));
      expect(got).toEqual(JSON.parse(read(`${name}.expected.json`)));
    });
  }
});

describe("parseWhatsApp", () => {
  it("reads Indonesian Android dates (dd/mm/yy HH.MM) in the village time zone", () => {
    const r = parseWhatsApp("23/11/26 19.05 - Nama: pesan", { timeZone: "Asia/Jakarta" });
    expect(r.comments).toHaveLength(1);
    expect(r.comments[0].publishedAt.toISOString()).toBe("2026-11-23T12:05:00.000Z");
    expect(r.comments[0].authorName).toBe("Nama");
    expect(r.comments[0].text).toBe("pesan");
    // Same wall-clock time in Makassar (UTC+8) is an hour earlier in UTC.
    expect(parseWhatsApp("23/11/26 19.05 - Nama: pesan", { timeZone: "Asia/Makassar" }).comments[0].publishedAt.toISOString()).toBe("2026-11-23T11:05:00.000Z");
  });

  it("reads iOS brackets with seconds and US 12-hour exports", () => {
    expect(parseWhatsApp("[23/11/2026, 19:05:12] Nama: pesan", opts).comments[0].publishedAt.toISOString()).toBe("2026-11-23T12:05:12.000Z");
    const us = parseWhatsApp("11/23/26, 7:05 PM - Name: msg\n11/23/26, 12:00 PM - Name: noon", opts).comments;
    expect(us.map((c) => c.publishedAt.toISOString())).toEqual(["2026-11-23T12:05:00.000Z", "2026-11-23T05:00:00.000Z"]);
  });

  it("uses day-first when a day above 12 proves it, month-first when the second field proves it", () => {
    const dayFirst = parseWhatsApp("05/11/26 10.00 - A: satu\n23/11/26 10.00 - A: dua", opts).comments;
    expect(dayFirst[0].publishedAt.toISOString().slice(0, 10)).toBe("2026-11-05");
    const monthFirst = parseWhatsApp("05/11/26, 10:00 - A: one\n11/23/26, 10:00 - A: two", opts).comments;
    expect(monthFirst[0].publishedAt.toISOString().slice(0, 10)).toBe("2026-05-11");
  });

  it("joins continuation lines and skips system lines and media placeholders", () => {
    const text = [
      "23/11/26 19.00 - Pesan dan panggilan terenkripsi secara end-to-end.",
      "23/11/26 19.01 - Ujang bergabung menggunakan tautan undangan grup ini",
      "23/11/26 19.02 - Ujang: baris satu",
      "baris dua",
      "",
      "baris empat",
      "23/11/26 19.03 - Ujang: <Media tidak disertakan>",
      "23/11/26 19.04 - Ujang keluar",
    ].join("\n");
    const r = parseWhatsApp(text, opts);
    expect(r.comments.map((c) => c.text)).toEqual(["baris satu\nbaris dua\n\nbaris empat"]);
    expect(r.skipped).toBe(4);
    expect(r.rejected).toEqual([]);
  });

  it("names rejected lines with a reason and keeps the good ones", () => {
    const r = parseWhatsApp("halo\n31/02/26 10.00 - A: tanggal salah\n01/02/26 25.00 - A: jam salah\n01/02/26 10.00 - A: benar", opts);
    expect(r.comments.map((c) => c.text)).toEqual(["benar"]);
    expect(r.rejected.map((x) => x.line)).toEqual([1, 2, 3]);
    expect(r.rejected[1].reason).toMatch(/31\/2\/2026/);
  });

  it("gives stable, distinct keys: same file twice -> same ids; repeated identical messages -> different ids", () => {
    const text = "23/11/26 19.08 - Kang Asep: ok\n23/11/26 19.08 - Kang Asep: ok";
    const a = parseWhatsApp(text, opts).comments.map((c) => c.externalId);
    const b = parseWhatsApp(text, opts).comments.map((c) => c.externalId);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(2);
    // Adding a message later in the file does not change earlier keys (re-import of a longer export).
    const longer = parseWhatsApp(`${text}\n23/11/26 19.09 - Bu Siti: baru`, opts).comments.map((c) => c.externalId);
    expect(longer.slice(0, 2)).toEqual(a);
  });

  it("never shows a phone-number sender as a display name", () => {
    const c = parseWhatsApp("23/11/26 19.08 - +62 812-3456-7890: info", opts).comments[0];
    expect(c.authorName).toBeNull();
    expect(c.authorId).toBe("6281234567890");
  });

  it("recognises a number sender written with non-breaking hyphens and bidi marks, keyed like the plain one", () => {
    const c = parseWhatsApp("23/11/26 19.08 - \u202A+62\u00A0812\u20113456\u20117890\u202C: info", opts).comments[0];
    expect(c.authorName).toBeNull();
    expect(c.authorId).toBe("6281234567890");
  });

  it("zonedTimeToUtc handles zones with DST", () => {
    expect(zonedTimeToUtc(2026, 7, 1, 12, 0, 0, "Europe/Amsterdam").toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(zonedTimeToUtc(2026, 1, 1, 12, 0, 0, "Europe/Amsterdam").toISOString()).toBe("2026-01-01T11:00:00.000Z");
  });

  it("rejects a message longer than the text limit CSV uses, naming its line, and keeps the others", () => {
    const long = "a".repeat(56_000);
    const text = `23/11/26 19.00 - Ujang: halo\n23/11/26 19.01 - Ujang: ${long}\n23/11/26 19.02 - Bu Siti: ${"b".repeat(MAX_TEXT_CHARS)}\n23/11/26 19.03 - Ujang: sampai`;
    const r = parseWhatsApp(text, opts);
    expect(r.comments.map((c) => c.text.length)).toEqual([4, MAX_TEXT_CHARS, 6]);
    expect(r.rejected).toEqual([{ line: 2, reason: `pesan: lebih dari ${MAX_TEXT_CHARS} karakter` }]);
  });

  it("counts continuation lines towards the limit and reports the message's first line", () => {
    const lines = ["23/11/26 19.00 - Ujang: mulai", ...Array.from({ length: 200 }, () => "x".repeat(100)), "23/11/26 19.05 - Ujang: berikut"];
    const r = parseWhatsApp(lines.join("\n"), opts);
    expect(r.comments.map((c) => c.text)).toEqual(["berikut"]);
    expect(r.rejected).toEqual([{ line: 1, reason: `pesan: lebih dari ${MAX_TEXT_CHARS} karakter` }]);
  });

  it("rejects a sender name longer than the shared limit with its line, with the lines that follow it", () => {
    const text = `23/11/26 19.00 - ${"N".repeat(MAX_AUTHOR_CHARS + 1)}: pesan\nlanjutan\n23/11/26 19.01 - ${"M".repeat(MAX_AUTHOR_CHARS)}: boleh`;
    const r = parseWhatsApp(text, opts);
    expect(r.rejected).toEqual([{ line: 1, reason: `nama pengirim: lebih dari ${MAX_AUTHOR_CHARS} karakter` }]);
    expect(r.comments.map((c) => [c.authorName, c.text])).toEqual([["M".repeat(MAX_AUTHOR_CHARS), "boleh"]]);
  });

  it("reads an export fed in chunks line by line exactly like the whole text", () => {
    const text = read("android-id.txt");
    const order = new DateOrderDetector();
    for (const l of splitLines(text)) order.push(l.text);
    const got: WhatsAppParseResult = { comments: [], rejected: [], skipped: 0 };
    const parser = new WhatsAppParser({ ...opts, monthFirst: order.monthFirst() }, {
      comment: (c) => got.comments.push(c),
      reject: (line, reason) => got.rejected.push({ line, reason }),
    });
    const reader = new LineReader();
    for (let i = 0; i < text.length; i += 7) for (const l of reader.push(text.slice(i, i + 7))) parser.push(l);
    for (const l of reader.end()) parser.push(l);
    parser.end();
    got.skipped = parser.skipped;
    expect(got).toEqual(parseWhatsApp(text, opts));
  });
});
