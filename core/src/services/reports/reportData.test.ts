import { describe, expect, it } from "vitest";
import type { QuoteCandidate } from "../../db/reportRepository";
import { pickQuotes, readSentimentModelMeta, redactForReport } from "./reportData";

let seq = 0;
const cand = (text: string, sentiment: string, likes: number): QuoteCandidate => ({
  id: ++seq, text, normalizedText: text.toLowerCase(), piiSpans: null, authorPseudonym: `p${seq}`, platform: "facebook",
  publishedAt: new Date("2026-11-18T03:00:00Z"), day: "2026-11-18", likeCount: likes, sentimentLabel: sentiment, humanSentiment: null,
});

describe("pickQuotes", () => {
  it("mirrors the topic's mood, most-liked first, skipping short and duplicate texts", () => {
    const c = [
      cand("Jalan rusak parah di RT 03 tolong diperbaiki", "negatif", 40),
      cand("Jalan rusak parah di RT 03 tolong diperbaiki", "negatif", 39),
      cand("rusak", "negatif", 100),
      cand("Lampu jalan di gang mawar mati dua minggu", "negatif", 20),
      cand("Terima kasih jalannya sudah diaspal mulus sekali", "positif", 30),
      cand("Kapan jadwal perbaikan jalan dusun dua pak?", "netral", 10),
    ];
    const mostlyNegative = pickQuotes(c, 0.7).map((q) => q.likeCount);
    expect(mostlyNegative).toEqual([40, 20, 30]);
    const mostlyPositive = pickQuotes(c, 0.2).map((q) => q.likeCount);
    expect(mostlyPositive).toEqual([40, 30, 10]);
  });
  it("fills from the other mood when one runs short", () => {
    const c = [cand("Terima kasih jalannya sudah diaspal mulus sekali", "positif", 3), cand("Mantap pak kades, posyandu sekarang rapi sekali", "positif", 2)];
    expect(pickQuotes(c, 0.9)).toHaveLength(2);
  });
});

describe("redactForReport", () => {
  it("masks numbers the stored spans missed", () => {
    const text = "Hubungi 081234567890, NIK 3215014506900001";
    const out = redactForReport(text, "[]");
    expect(out).not.toContain("081234567890");
    expect(out).not.toContain("3215014506900001");
    expect(out).toContain("0812••••••90");
  });
  it("masks mentioned accounts", () => {
    expect(redactForReport("@heri.k392 bener, cc @pemdes_mulyasari", null)).toBe("@••• bener, cc @•••");
  });
  it("masks a number split over lines, so the quote's collapsed white space shows no digits", () => {
    // The PDF joins a quote's lines after masking: the masking must hold on the text as written.
    const out = redactForReport("Lampu mati, kontak saya\n0857\n1122\n3344 atau\u20090813\u20094567\u20098901", "[]").replace(/\s+/g, " ");
    expect(out).toBe("Lampu mati, kontak saya 0857 •••• ••44 atau 0813 •••• ••01");
  });
  it("survives stale spans that no longer fit the text", () => {
    expect(redactForReport("Telp 081234567890", JSON.stringify([{ type: "phone", start: 40, end: 52 }]))).toBe("Telp 0812••••••90");
  });
});

describe("readSentimentModelMeta", () => {
  it("returns null when the model file is missing", () => {
    expect(readSentimentModelMeta("/nonexistent/sentiment.json")).toBeNull();
  });
});

describe("readSentimentModelMeta reads only the model card", () => {
  it("takes test-split accuracy and the pipeline version from the card", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const file = join(mkdtempSync(join(tmpdir(), "card-")), "model-card.json");
    writeFileSync(file, JSON.stringify({
      pipelineVersion: "9.9.9+topics.1.taxonomy.1",
      sentimentModelVersion: "9.9.9",
      measuredOn: "2026-12-04",
      sentiment: { model: [{ dataset: "smsa", n: 500, macroF1: 0.7, accuracy: 0.81 }] },
    }));
    expect(readSentimentModelMeta(file)).toEqual({ name: "suara-desa-nlp", version: "9.9.9", accuracy: [{ dataset: "smsa", acc: 0.81 }] });
  });
});
