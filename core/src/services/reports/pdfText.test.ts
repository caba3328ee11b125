import { describe, expect, it } from "vitest";
import { pdfSafe } from "./pdfText";

describe("pdfSafe", () => {
  it("drops emoji, flags and skin tones but keeps Indonesian text and WinAnsi marks", () => {
    expect(pdfSafe("Mantap pak kades 👍🏽🙏 jalannya mulus 🇮🇩")).toBe("Mantap pak kades jalannya mulus");
    expect(pdfSafe("“Air” – 0812••••••90 … é")).toBe("“Air” – 0812••••••90 … é");
  });
  it("keeps the base letter of accented letters outside Latin-1 and removes other scripts", () => {
    expect(pdfSafe("Şükran ꦱꦸ ok")).toBe("Sükran ok");
  });
});
