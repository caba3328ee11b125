import { describe, expect, it } from "vitest";
import { exportFilters, reportUrls, REPORT_DOWNLOAD_STRINGS } from "./ReportDownloads";

describe("ReportDownloads URLs", () => {
  it("keeps the explorer filters for XLSX/CSV, drops paging, and adds the month of the week's Thursday", () => {
    const u = reportUrls(3, "2026-W48", "?topic=infrastruktur&sentiment=negatif&cursor=abc&limit=50", "id");
    expect(u.weeklyPdf).toBe("/api/villages/3/reports/weekly.pdf?week=2026-W48");
    expect(u.monthlyPdf).toBe("/api/villages/3/reports/monthly.pdf?month=2026-11");
    expect(u.csv).toBe("/api/villages/3/exports/comments.csv?topic=infrastruktur&sentiment=negatif");
    expect(u.xlsx).toBe("/api/villages/3/exports/report.xlsx?topic=infrastruktur&sentiment=negatif&week=2026-W48");
  });
  it("asks for English files when the screen is in English, and handles no week", () => {
    const u = reportUrls(3, null, "", "en");
    expect(u.weeklyPdf).toBe("/api/villages/3/reports/weekly.pdf?lang=en");
    expect(u.monthlyPdf).toBeNull();
    expect([...exportFilters("lang=en&q=jalan").keys()]).toEqual(["q"]);
  });
  it("has the same strings in both languages", () => {
    expect(Object.keys(REPORT_DOWNLOAD_STRINGS.en).sort()).toEqual(Object.keys(REPORT_DOWNLOAD_STRINGS.id).sort());
  });
});
