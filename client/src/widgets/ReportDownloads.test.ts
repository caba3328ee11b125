import { describe, expect, it } from "vitest";
import { ApiError, attachmentFileName } from "../api/client";
import { downloadErrorMessage, exportFilters, reportUrls, REPORT_DOWNLOAD_STRINGS } from "./ReportDownloads";

describe("ReportDownloads URLs", () => {
  it("gives the review's buttons the week: PDF, month of the week's Thursday, workbook, and the CSV of the week's days", () => {
    const u = reportUrls(3, "2026-W48", "", "id");
    expect(u.weeklyPdf).toBe("/api/villages/3/reports/weekly.pdf?week=2026-W48");
    expect(u.monthlyPdf).toBe("/api/villages/3/reports/monthly.pdf?month=2026-11");
    expect(u.xlsx).toBe("/api/villages/3/exports/report.xlsx?week=2026-W48");
    expect(u.csv).toBe("/api/villages/3/exports/comments.csv?from=2026-11-23&to=2026-11-29");
  });
  it("gives the explorer's buttons exactly its filters (paging dropped) and no PDF; English files in English", () => {
    const u = reportUrls(3, null, "?topic=infrastruktur&sentiment=negatif&from=2026-11-01&cursor=abc&limit=50", "en");
    expect(u.weeklyPdf).toBeNull();
    expect(u.monthlyPdf).toBeNull();
    expect(u.csv).toBe("/api/villages/3/exports/comments.csv?topic=infrastruktur&sentiment=negatif&from=2026-11-01&lang=en");
    expect(u.xlsx).toBe("/api/villages/3/exports/report.xlsx?topic=infrastruktur&sentiment=negatif&from=2026-11-01&lang=en");
    expect([...exportFilters("lang=en&q=jalan&names=1").keys()]).toEqual(["q"]);
  });
  it("asks for names only on the comment files, when ticked", () => {
    const u = reportUrls(3, "2026-W48", "", "id", true);
    expect(u.csv).toContain("names=1");
    expect(u.xlsx).toContain("names=1");
    expect(u.weeklyPdf).not.toContain("names");
  });
  it("has the same strings in both languages", () => {
    expect(Object.keys(REPORT_DOWNLOAD_STRINGS.en).sort()).toEqual(Object.keys(REPORT_DOWNLOAD_STRINGS.id).sort());
  });
  it("explains a refused download in the screen's language", () => {
    const busy = new ApiError("too_many_exports", "Anda sudah menjalankan 2 unduhan sekaligus. Tunggu sampai unduhan sebelumnya selesai, lalu coba lagi.", 429);
    expect(downloadErrorMessage(busy, REPORT_DOWNLOAD_STRINGS.id, "id")).toBe(busy.message);
    expect(downloadErrorMessage(busy, REPORT_DOWNLOAD_STRINGS.en, "en")).toBe(REPORT_DOWNLOAD_STRINGS.en.tooMany);
    const bad = new ApiError("bad_request", "week: year must be between 2000 and 2100, got 9999", 400);
    expect(downloadErrorMessage(bad, REPORT_DOWNLOAD_STRINGS.id, "id")).toBe("Unduhan gagal: week: year must be between 2000 and 2100, got 9999");
    expect(downloadErrorMessage(new ApiError("network", "Failed to fetch", 0), REPORT_DOWNLOAD_STRINGS.id, "id")).toBe(REPORT_DOWNLOAD_STRINGS.id.network);
  });
  it("saves under the server's file name", () => {
    expect(attachmentFileName('attachment; filename="laporan-aspirasi-desa-mulyasari-2026-W47.pdf"')).toBe("laporan-aspirasi-desa-mulyasari-2026-W47.pdf");
    expect(attachmentFileName(null)).toBeNull();
  });
});
