import { describe, expect, it } from "vitest";
import { detectPii, findPii, isValidNik, redact } from "./pii";
import type { NlpContext } from "./types";

const ctx: NlpContext = { topics: [], resources: {} };
const pick = (text: string) => findPii(text).map((s) => ({ type: s.type, value: text.slice(s.start, s.end) }));

describe("NIK and KK", () => {
  it("accepts a NIK with a valid province and birth date, also for women (day + 40)", () => {
    expect(isValidNik("3215011203900001")).toBe(true); // Karawang, 12-03-1990
    expect(isValidNik("3215015203900002")).toBe(true); // woman, day 52 -> 12
    expect(isValidNik("9915011203900001")).toBe(false); // no province 99
    expect(isValidNik("3215013213900001")).toBe(false); // month 13
    expect(isValidNik("3215011203900000")).toBe(false); // serial 0000
  });

  it("finds a NIK in a Sundanese comment and a grouped one in Indonesian", () => {
    expect(pick("NIK abdi 3215011203900001 teu kadaptar di DTKS")).toEqual([{ type: "nik", value: "3215011203900001" }]);
    expect(pick("nik sy 3215 0112 0390 0001 tolong dicek")).toEqual([{ type: "nik", value: "3215 0112 0390 0001" }]);
  });

  it("labels a 16-digit number after 'KK' as a KK number", () => {
    expect(pick("no KK: 3215010101200003 belum diupdate")).toEqual([{ type: "kk", value: "3215010101200003" }]);
    expect(pick("kartu keluarga 3215019999200003")).toEqual([{ type: "kk", value: "3215019999200003" }]);
  });

  it("ignores 16-digit numbers without a valid region and longer numbers", () => {
    expect(findPii("nomor resi 0000123456789012 sudah dikirim")).toEqual([]);
    expect(findPii("id transaksi 32150112039000011234")).toEqual([]);
  });
});

describe("phones and e-mail", () => {
  it("finds 08…, +62… and 62… numbers with separators", () => {
    expect(pick("hub wa 0812-3456-7890 ya")).toEqual([{ type: "phone", value: "0812-3456-7890" }]);
    expect(pick("telp +62 812 3456 789")).toEqual([{ type: "phone", value: "+62 812 3456 789" }]);
    expect(pick("kontak 6285712345678.")).toEqual([{ type: "phone", value: "6285712345678" }]);
    expect(pick("nomer kulo 0857.1234.5678")).toEqual([{ type: "phone", value: "0857.1234.5678" }]);
  });

  it("does not take dates, prices or short numbers for phones", () => {
    expect(findPii("rapat tanggal 08-12-2024 jam 08.30, iuran 50.000")).toEqual([]);
  });

  it("finds e-mail addresses", () => {
    expect(pick("kirim ke desa.sukamaju@gmail.com atau ke kantor")).toEqual([{ type: "email", value: "desa.sukamaju@gmail.com" }]);
  });

  it("returns several spans sorted by position through the stage", () => {
    const text = "ibu Ani, NIK 3215015203900002, hp 081234567890, email ani@yahoo.co.id";
    expect(detectPii(text, ctx).map((s) => s.type)).toEqual(["nik", "phone", "email"]);
  });
});

describe("redact", () => {
  it("masks NIK, phone and e-mail keeping length and the ends", () => {
    const text = "NIK 3215011203900001 hp 081234567878 mail ani@gmail.com";
    const out = redact(text, findPii(text));
    expect(out).toBe("NIK 3215••••••••0001 hp 0812••••••78 mail a••@gmail.com");
    expect(out.length).toBe(text.length);
  });

  it("keeps separators and the +62 operator prefix", () => {
    const text = "+62 812-3456-7890";
    expect(redact(text, findPii(text))).toBe("+62 812-••••-••90");
  });

  it("returns the text unchanged without spans and rejects overlapping spans", () => {
    expect(redact("jalan rusak", [])).toBe("jalan rusak");
    expect(() => redact("0812345678901", [{ type: "phone", start: 0, end: 13 }, { type: "phone", start: 5, end: 13 }])).toThrow(/overlaps/);
  });
});
