import { describe, expect, it } from "vitest";
import { computeRisingTerms, logLikelihood, RISING_STOPWORDS, termWords } from "./risingTerms";

const baseline = [
  "jalan desa mohon diperbaiki", "terima kasih admin infonya", "posyandu bulan ini tanggal berapa",
  "selamat pagi warga sukamaju", "kerja bakti minggu depan", "harga beras naik terus",
  "sampah di tps numpuk", "lampu jalan mati", "bantuan blt kapan cair", "pengajian malam jumat",
].flatMap((t) => [t, t]).map((normalized) => ({ text: normalized, normalized }));

const current = [
  "pipa bocor di rt 3 air tidak mengalir", "pipa bocor lagi sudah dua hari", "air pdam mati karena pipa bocor",
  "pipa bocor dekat masjid sukamaju", "tolong pipa bocor segera diperbaiki", "jalan desa mohon diperbaiki",
  "terima kasih admin infonya", "caina teu ngocor, pipa bocor", "selamat pagi warga sukamaju",
].map((normalized, i) => ({ id: 100 + i, text: normalized, normalized }));

describe("computeRisingTerms", () => {
  it("reports the bigram that rose this week with examples, and not its words again", () => {
    const out = computeRisingTerms({ current, baseline, baselineWeeks: 4, exclude: ["Sukamaju"] });
    expect(out[0].term).toBe("pipa bocor");
    expect(out[0].count).toBe(6);
    expect(out[0].baselineAvg).toBe(0);
    expect(out[0].exampleIds.length).toBe(3);
    expect(out.map((t) => t.term)).not.toContain("bocor");
    expect(out.map((t) => t.term)).not.toContain("pipa");
  });

  it("drops stopwords, village names and terms that were already common", () => {
    const out = computeRisingTerms({ current, baseline, baselineWeeks: 4, exclude: ["Sukamaju"], minCount: 1 });
    const terms = out.map((t) => t.term);
    expect(terms.some((t) => t.includes("sukamaju"))).toBe(false);
    expect(terms).not.toContain("jalan desa");
    expect(terms).not.toContain("sudah");
    expect(RISING_STOPWORDS.has("yg") && RISING_STOPWORDS.has("teh") && RISING_STOPWORDS.has("ora")).toBe(true);
  });

  it("never reports a Sundanese or Javanese function word, nor a pair built on one", () => {
    // "tiasa" (can), "kamari" (yesterday), "sabaraha" (how much), "mboten" (not): rising on their own
    // in the demo week they tell an office nothing.
    const week = ["pupuk teu tiasa dibeli kamari", "sabaraha harga pupuk ayeuna", "pupuk mboten wonten", "pupuk langka teu tiasa meser", "tiasa dibantu pupuk kamari"]
      .map((normalized, i) => ({ id: 200 + i, text: normalized, normalized }));
    const terms = computeRisingTerms({ current: week, baseline, baselineWeeks: 4, minCount: 2 }).map((t) => t.term);
    expect(terms).toContain("pupuk");
    for (const filler of ["tiasa", "kamari", "sabaraha", "ayeuna", "mboten", "wonten"]) expect(terms.filter((t) => t.split(" ").includes(filler)), filler).toEqual([]);
  });

  it("respects the minimum count and limit", () => {
    expect(computeRisingTerms({ current, baseline, baselineWeeks: 4, minCount: 7 })).toEqual([]);
    expect(computeRisingTerms({ current, baseline, baselineWeeks: 4, limit: 1 })).toHaveLength(1);
  });

  it("prefers distinct comments as examples", () => {
    const dup = Array.from({ length: 4 }, (_, i) => ({ id: i, text: "", normalized: "pipa bocor lagi" })).concat([{ id: 9, text: "", normalized: "pipa bocor di gang" }]);
    const out = computeRisingTerms({ current: dup, baseline, baselineWeeks: 4 });
    expect(out[0].exampleIds).toEqual([0, 9]);
  });

  it("works with an empty baseline", () => {
    const out = computeRisingTerms({ current, baseline: [], baselineWeeks: 4 });
    expect(out[0].term).toBe("pipa bocor");
  });
});

describe("logLikelihood", () => {
  it("is zero when rates are equal and grows with the difference", () => {
    expect(logLikelihood(5, 100, 20, 400)).toBeCloseTo(0, 10);
    expect(logLikelihood(20, 100, 5, 400)).toBeGreaterThan(logLikelihood(10, 100, 5, 400));
  });
});

describe("personal data never becomes a term", () => {
  const texts = [
    "Air PDAM mati lagi, kalau ada info hubungi WA081234567890 ya",
    "Saya mau daftar posyandu, hubungi WA081234567890 atau email budisantoso82@gmail.com",
    "Jembatan retak bahaya, kabari ke WA081234567890, atau budisantoso82@gmail.com",
    "Lampu jalan mati, tolong hubungi WA081234567890 / budisantoso82@gmail.com",
    "Sampah numpuk, kontak WA081234567890 budisantoso82@gmail.com",
    "Pendaftaran lewat ani.rahma [at] gmail.com, ani.rahma [at] gmail.com ya",
  ];
  // The normalized forms as the pipeline stores them (lower-cased, the e-mail's domain a <url> token).
  const week = texts.map((text, i) => ({ id: i, text, normalized: text.toLowerCase().replace(/@gmail\.com/g, " <url>") }));

  it("leaves out a number glued to letters, an e-mail's local part and bigrams holding them", () => {
    const out = computeRisingTerms({ current: [...week, ...week], baseline: [], baselineWeeks: 4, minCount: 2 });
    const terms = out.map((t) => t.term);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.filter((t) => /\d{5}|budisantoso|rahma/.test(t))).toEqual([]);
  });

  it("gives the words of a comment with personal data and long digit runs blanked", () => {
    expect(termWords("hubungi WA081234567890 atau budisantoso82@gmail.com", "hubungi wa081234567890 atau budisantoso82 <url>"))
      .toEqual(["hubungi", "", "atau", "", "url"]);
    expect(termWords("NIK 321504 120590 0001 belum masuk", "nik 321504 120590 0001 belum masuk")).toEqual(["nik", "", "", "", "belum", "masuk"]);
    // A long digit run is blanked even where the detector sees no phone; years and RT numbers stay.
    expect(termWords("resi JNE12345678 tahun 2026 RT 03", "resi jne12345678 tahun 2026 rt 03")).toEqual(["resi", "", "tahun", "2026", "rt", "03"]);
  });
});
