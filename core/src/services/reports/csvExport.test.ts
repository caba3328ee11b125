import { describe, expect, it } from "vitest";
import { csvField, renderCommentsCsv } from "./csvExport";
import type { ExportRow } from "./exportRows";

const row = (text: string): ExportRow => ({
  id: 1, localTime: "2026-11-18 19:00", day: "2026-11-18", platform: "facebook", author: "warga-abcdef12", text, sentiment: "negatif",
  sentimentOrigin: "model", topics: "Infrastruktur", likes: 3, language: "id", spam: false, personalData: false, url: "",
});

describe("csv export", () => {
  it("quotes only fields that need it and doubles quotes", () => {
    expect(csvField("biasa")).toBe("biasa");
    expect(csvField('kata "rusak", parah')).toBe('"kata ""rusak"", parah"');
    expect(csvField("baris\r\nbaru")).toBe('"baris\r\nbaru"');
  });
  it("starts with a BOM, ends lines with CRLF and neutralises formulas", () => {
    const csv = renderCommentsCsv([row("=HYPERLINK(\"http://x\")")], "id");
    expect(csv.startsWith("\uFEFFid,waktu_lokal,tanggal,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(3);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
