import { describe, expect, it } from "vitest";
import { formatUrgent } from "./alertService";

describe("the urgent alert", () => {
  const comment = { text: "Tolong, air sudah masuk rumah sepinggang di RT 03", piiSpans: null, platform: "facebook", publishedAt: new Date("2026-11-20T17:30:00Z"), urgentTerms: null };

  it("names the village once, whether or not its stored name starts with Desa", () => {
    for (const name of ["Sukamaju", "Desa Sukamaju"]) {
      const out = formatUrgent({ name, timeZone: "Asia/Jakarta" }, comment, null);
      expect(out.subject, name).toBe("DARURAT — Desa Sukamaju: laporan warga");
      expect(out.text.split("\n")[0], name).toBe("⚠️ DARURAT — Desa Sukamaju");
    }
  });

  it("gives the time of the village's clock", () => {
    expect(formatUrgent({ name: "Sukamaju", timeZone: "Asia/Jakarta" }, comment, null).text).toContain("00.30");
  });
});
