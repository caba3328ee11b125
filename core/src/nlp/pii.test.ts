import { describe, expect, it } from "vitest";
import { detectPii, findPii, findPiiInOfficialText, isValidNik, nameHasPersonalData, redact, redactLink, redactPersonalData } from "./pii";
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

describe("the common ways Indonesians write a mobile number", () => {
  // Each form as residents type it; the whole number is one span, whatever the separators.
  const FORMS: Array<[string, string]> = [
    ["operator code in brackets", "(0812) 3456 7893"],
    ["every digit spaced", "0 8 1 2 3 4 5 6 7 8 9 4"],
    ["+62 and the operator code in brackets", "+62 (812) 3456-7890"],
    ["+62 in brackets", "(+62) 812 3456 7890"],
    ["+62 (0) trunk prefix", "+62 (0) 812 3456 7890"],
    ["+62 with a space and 0812", "+62 0812 3456 7890"],
    ["62 with spaces", "62 812 3456 7890"],
    ["62 with dots", "62.812.3456.7890"],
    ["+62 with dashes", "+62-812-3456-7890"],
    ["+62 contiguous", "+6281234567890"],
    ["08 with dots", "0857.1234.5678"],
    ["08 with 3-3-4 groups", "0812 345 6789"],
    ["08 with 5-3-3 groups", "08123 456 789"],
    ["08 with 3-4-4 groups", "085 6123 4478"],
    ["08 with 3-3-3-3 groups", "081 234 998 761"],
    ["spaced digits and dashes", "0 8 1 3 - 2 2 6 7 - 9 0 4 1"],
    ["pairs", "08 57 11 22 90 43"],
    ["08 in pairs", "0812 34 56 78 90"],
    ["spaced dashes", "0812 - 3456 - 7890"],
    ["U+2011 non-breaking hyphens (WhatsApp contact names)", "0812\u20119876\u20115432"],
    ["U+2010 hyphens", "0812\u20103456\u20107890"],
    ["U+2013 en dashes", "0812\u20133456\u20137890"],
    ["U+2014 em dashes", "0812\u20143456\u20147890"],
    ["U+2212 minus signs", "0812\u22123456\u22127890"],
    ["no-break spaces", "+62\u00a0812\u00a03456\u00a07890"],
    ["brackets without space", "(0812)34567893"],
  ];
  it.each(FORMS)("finds a number written with %s", (_name, phone) => {
    const text = `tolong hubungi ${phone} ya pak`;
    expect(pick(text)).toEqual([{ type: "phone", value: phone }]);
    // Masked: no more than the operator prefix and the last two digits stay readable.
    const out = redact(text, findPii(text));
    expect(out.replace(/\D/g, "").length).toBeLessThanOrEqual(8);
    expect(out.length).toBe(text.length);
  });

  it("finds the number of wa.me and api.whatsapp.com links (t.me handles are left)", () => {
    expect(pick("chat aja https://wa.me/6281234567895")).toEqual([{ type: "phone", value: "6281234567895" }]);
    expect(pick("WA.ME/+6281234567895")).toEqual([{ type: "phone", value: "6281234567895" }]);
    expect(pick("https://api.whatsapp.com/send?phone=6281234567895&text=halo")).toEqual([{ type: "phone", value: "6281234567895" }]);
    expect(pick("https://api.whatsapp.com/send/?text=halo&phone=%2B6281234567895&type=phone_number")).toEqual([{ type: "phone", value: "6281234567895" }]);
    // A link's number is a phone whatever its country: the link opens a chat with that person.
    expect(pick("wa.me/447911123456")).toEqual([{ type: "phone", value: "447911123456" }]);
    expect(redact("https://wa.me/6281234567895", findPii("https://wa.me/6281234567895"))).toBe("https://wa.me/62812••••••95");
    expect(findPii("gabung t.me/wargasukamaju atau t.me/budi_0812")).toEqual([]);
  });

  it("finds two numbers written one after the other, and a number followed by a count", () => {
    expect(pick("0812 3456 7890 0813 4567 8901").map((s) => s.value)).toEqual(["0812 3456 7890", "0813 4567 8901"]);
    expect(pick("hub 0812 3456 7890 2 kali ya")).toEqual([{ type: "phone", value: "0812 3456 7890" }]);
    expect(pick("a 0812-3456-7890, b 0857.1234.5678").map((s) => s.value)).toEqual(["0812-3456-7890", "0857.1234.5678"]);
  });

  it("leaves dates, times, money, RT/RW, years and counts alone", () => {
    const NOT_PHONES = [
      "rapat tanggal 08-12-2024 jam 08.30, iuran 50.000",
      "rapat 08-12-2024 10.30 di balai desa",
      "tgl 17/08/2026 jam 08.00-12.00",
      "jam 08.12.34.56.78.90",
      "bantuan Rp 1.500.000 per KK",
      "dana desa Rp 62.850.000.000 tahun ini",
      "Rp62.850.000 untuk jalan",
      "Rp 62 850 000 000 untuk jalan",
      "anggaran 62.850.000.000 habis",
      "harga 10.000-15.000 per kg",
      "2024-2025 anggaran 850.000.000",
      "RT 003/RW 008 dusun 2, RT 08 RW 12",
      "tahun 2026 ada 1.250 warga, 08 RT, 12 RW",
      "hadir 0 8 12 15 20 30 orang per dusun",
      "kode pos 41381, surat nomor 045/123/2026",
      "nomor resi 081234567890123 sudah dikirim",
      "id 0812345678901234567 di sistem",
    ];
    for (const text of NOT_PHONES) expect(findPii(text), text).toEqual([]);
  });

  it("takes the grouped NIK with the same dashes as phones", () => {
    expect(pick("NIK 3215\u20110112\u20110390\u20110001")).toEqual([{ type: "nik", value: "3215\u20110112\u20110390\u20110001" }]);
  });
});

describe("numbers split by any white space, slashes, 0062, landlines and NIK groups", () => {
  const FORMS: Array<[string, string, "phone" | "nik"]> = [
    ["thin spaces (U+2009)", "0813\u20094567\u20098901", "phone"],
    ["figure and ideographic spaces", "0813\u20074567\u30008901", "phone"],
    ["zero-width spaces", "0813\u200b4567\u200b8901", "phone"],
    ["line breaks", "0857\n1122\n3344", "phone"],
    ["Windows line breaks and indentation", "0857\r\n   1122\r\n   3344", "phone"],
    ["tabs", "0857\t1122\t3344", "phone"],
    ["slashes", "0821/5566/7788", "phone"],
    ["spaced slashes", "0821 / 5566 / 7788", "phone"],
    ["the 0062 international prefix", "0062 812 9988 7766", "phone"],
    ["0062 contiguous", "00628129988776", "phone"],
    ["a bracketed area code", "(0267) 861234", "phone"],
    ["an area code and a dash", "0267-861234", "phone"],
    ["a three-digit area code", "022 7654321", "phone"],
    ["Jakarta's eight-digit numbers in groups", "021 2927 8881", "phone"],
    ["a NIK as region, birth date and serial (6-6-4)", "321504 120590 0001", "nik"],
    ["a NIK with dots between its parts", "32.15.04.120590.0002", "nik"],
    ["a NIK with mixed separators", "3215 04-120590.0003", "nik"],
    ["a NIK over two lines", "321504\n120590\n0001", "nik"],
  ];
  it.each(FORMS)("finds a number written with %s", (_name, value, type) => {
    const text = `tolong hubungi ${value} ya pak`;
    expect(pick(text)).toEqual([{ type, value }]);
    const out = redact(text, findPii(text));
    expect(out.length).toBe(text.length);
    // Only the prefix (operator, area or region code) and the last digits stay readable.
    expect((out.match(/•/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(out.replace(/\D/g, "").length).toBeLessThanOrEqual(9);
  });

  it("masks a number split over lines so that collapsing the white space later shows no digits", () => {
    // Reports and WhatsApp alerts collapse white space after masking.
    const out = redactPersonalData("kontak saya\n0857\n1122\n3344 ya").text.replace(/\s+/g, " ");
    expect(out).toBe("kontak saya 0857 •••• ••44 ya");
  });

  it("keeps a landline's area code and masks the subscriber number", () => {
    const text = "telepon rumah (0267) 861234, kantor 022 7654321";
    expect(redact(text, findPii(text))).toBe("telepon rumah (0267) ••••34, kantor 022 •••••21");
    expect(redact("hp 0062 812 9988 7766", findPii("hp 0062 812 9988 7766"))).toBe("hp 0062 812 •••• ••66");
  });

  it("leaves money, dates, times, years, RT/RW, short official numbers, kilometres, plates and counts alone", () => {
    const NOT_PERSONAL = [
      "bantuan Rp 1.500.000 per KK, katanya 2,5 juta",
      "rapat 12/05/2026 jam 14.30 di balai desa",
      "tgl 05/12/2026 jam 08.00, tahun 2026",
      "RT 03/RW 08 dusun krajan",
      "darurat telepon 112, polisi 110, damkar 113, SAR 115, ambulans 119, PLN 123",
      "pengaduan Kemensos 1500888, call center 021 1500755, BPJS 165",
      "jalan rusak di km 12, sekitar 3,5 km dari kantor",
      "motor B 1234 XYZ dan D 4321 ABC parkir di situ",
      "pesan 20 bungkus, 3 kali seminggu, 150 orang hadir",
      "surat nomor 045/123/2026 dan 140/25/Ds/2026",
      "anggaran 022 500.000 untuk jalan",
      "ketemu @ balai.desa jam 9",
    ];
    for (const text of NOT_PERSONAL) expect(findPii(text), text).toEqual([]);
  });
});

describe("e-mail addresses with the @ written out or spaced", () => {
  const FORMS: Array<[string, string]> = [
    ["[at]", "ani.rahma [at] gmail.com"],
    ["(at)", "ani(at)gmail.com"],
    ["(AT) in capitals", "ANI (AT) GMAIL.COM"],
    ["a spaced @", "dedi @ yahoo.co.id"],
    ["%40 (a link's encoding)", "yayan%40gmail.com"],
  ];
  it.each(FORMS)("finds an address written with %s and masks its local part", (_name, value) => {
    const text = `email saya ${value} ya`;
    expect(pick(text)).toEqual([{ type: "email", value }]);
    const out = redact(text, findPii(text));
    expect(out.length).toBe(text.length);
    expect(out).toContain(`email saya ${value[0]}•`);
  });

  it("leaves a spaced @ before something that is not a mail domain, and an @mention", () => {
    expect(findPii("kumpul @ balai desa, makasih @budi_01 (at) rumah")).toEqual([]);
  });
});

describe("author names", () => {
  it("treats a name that is or contains a phone, e-mail, NIK or long number as personal data", () => {
    for (const name of ["+62 812-9876-5432", "budi@example.co.id", "0812\u20119876\u20115432", "Budi 0812 3456 7890", "Ibu Ani 3215011203900001", "+1 (555) 123-4567", "+44 7911 123456"]) {
      expect(nameHasPersonalData(name), name).toBe(true);
    }
  });

  it("keeps ordinary names, handles and RT/RW titles", () => {
    for (const name of ["Budi Santoso", "Budi (@budi_0812)", "Pak RT 05 RW 02", "Karang Taruna RT 01/02/03/04", "Warga 2026", "@pemdes_mulyasari"]) {
      expect(nameHasPersonalData(name), name).toBe(false);
    }
  });
});

describe("redactPersonalData", () => {
  it("masks the stored spans and also what they miss (spans stored by an older detector)", () => {
    const text = "hp 081234567890 atau (0812) 3456 7893";
    const old = [{ type: "phone" as const, start: 3, end: 15 }];
    expect(redactPersonalData(text, old)).toEqual({ text: "hp 0812••••••90 atau (0812) •••• ••93", found: true });
  });

  it("detects afresh when the stored spans do not fit the text, and says when nothing was found", () => {
    expect(redactPersonalData("wa.me/6281234567895", [{ type: "phone", start: 40, end: 52 }]).text).toBe("wa.me/62812••••••95");
    expect(redactPersonalData("jalan rusak di RT 03")).toEqual({ text: "jalan rusak di RT 03", found: false });
    const garbled = JSON.parse('[{"type":"telp","start":3,"end":15}]') as Parameters<typeof redactPersonalData>[1];
    expect(redactPersonalData("hp 081234567890", garbled).text).toBe("hp 0812••••••90");
  });
});

describe("redactLink", () => {
  it("masks phone numbers and e-mail addresses in a link, and keeps platform ids", () => {
    expect(redactLink("https://wa.me/6281234567895?text=halo")).toBe("https://wa.me/62812••••••95?text=halo");
    expect(redactLink("mailto:budi@example.co.id")).toBe("mailto:b•••@example.co.id");
    const permalink = "https://www.facebook.com/108254917364120/posts/1234567890123456";
    expect(findPii(permalink).length).toBe(1); // the post id reads as a KK number in free text
    expect(redactLink(permalink)).toBe(permalink);
  });

  it("masks an encoded e-mail and a NIK in a query parameter named for it", () => {
    expect(redactLink("https://example.com/lapor?email=yayan%40gmail.com&nik=3215041205900009")).toBe("https://example.com/lapor?email=y••••%40gmail.com&nik=3215••••••••0009");
    expect(redactLink("https://example.com/cek?no_kk=3215010101200003")).toBe("https://example.com/cek?no_kk=3215••••••••0003");
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

describe("findPiiInOfficialText", () => {
  it("lets an office's landline stand in what officials publish, never a mobile number, NIK or e-mail", () => {
    for (const t of ["hubungi kantor desa (0265) 331234", "kantor desa 022 7654321", "telp kantor +62 22 7654321"]) expect(findPiiInOfficialText(t), t).toEqual([]);
    for (const t of ["hubungi 0812 3456 7890", "wa +62 812-3456-7890", "NIK 3215041205900001", "surel desa@gmail.com"]) expect(findPiiInOfficialText(t).length, t).toBe(1);
    // A resident's landline in their own words is still personal data for findPii.
    expect(findPii("rumah saya (0265) 331234").length).toBe(1);
  });
});
