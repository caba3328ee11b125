// Downloads that do what they say, in real Chromium against the real server and the demo village:
// every button's label names what its file holds, and the file downloaded by a click holds exactly
// that (the week's days for the review's files, the explorer's filter for the explorer's); the
// "Perlu perhatian" cards open "Detail & koreksi"; and at 360 px every download button is one box,
// none overlaps another, and "Laporan tersimpan" stands clear of them.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoWeekRange } from "@suara-desa/shared/time";
import { pdfText } from "../helpers/pdfText";
import { buildClient, launchBrowser, loginAsDemo, screenshotPath, startServer, type Browser, type RunningServer } from "./harness";

let server: RunningServer;
let browser: Browser;
let villageId: number;

beforeAll(async () => {
  buildClient();
  server = await startServer();
  browser = await launchBrowser();
  await loginAsDemo(browser, server.baseUrl);
  const res = await browser.context.request.get(`${server.baseUrl}/api/villages`);
  villageId = (await res.json()).data[0].id;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  return page;
}

/** Clicks a download button and returns the saved file. */
async function download(page: Page, name: string | RegExp): Promise<{ file: Buffer; download: Download }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator(".download-list").getByRole("link", { name }).click()]);
  return { file: fs.readFileSync((await d.path())!), download: d };
}

const csvRows = (file: Buffer) => parse(file, { bom: true, columns: true }) as Array<Record<string, string>>;

async function workbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** Ids and wall times of the workbook's Komentar sheet. */
function workbookComments(wb: ExcelJS.Workbook): Array<{ id: number; day: string; author: string }> {
  const out: Array<{ id: number; day: string; author: string }> = [];
  wb.getWorksheet("Komentar")!.eachRow((row, n) => {
    if (n === 1) return;
    const t = row.getCell(2).value;
    // Date cells hold the village's wall time in their UTC fields.
    out.push({ id: Number(row.getCell(1).value), day: t instanceof Date ? t.toISOString().slice(0, 10) : String(t), author: String(row.getCell(4).value) });
  });
  return out;
}

/** How many comments the explorer's API lists for a query string (its `total`). */
async function apiTotal(query: string): Promise<number> {
  const res = await browser.context.request.get(`${server.baseUrl}/api/villages/${villageId}/comments?${query}&limit=1`);
  expect(res.status()).toBe(200);
  return (await res.json()).total;
}

async function downloadLabels(page: Page): Promise<string[]> {
  await page.locator(".download-list a").first().waitFor();
  return (await page.locator(".download-list a").allInnerTexts()).map((s) => s.trim());
}

describe("the weekly review's downloads: the week on screen", () => {
  it("names each file by the week and delivers that week", async () => {
    const page = await newPage();
    // The review opens on this week, empty in the demo: the latest week with comments is one click away.
    await page.goto(server.baseUrl + "/");
    await page.getByRole("link", { name: /^Buka minggu ke-\d+$/ }).click();
    const pdfHref = await page.locator(".download-list a", { hasText: "(PDF)" }).first().getAttribute("href");
    const week = /week=(\d{4}-W\d{2})/.exec(pdfHref ?? "")![1];
    const n = Number(week.slice(-2));
    const { start, end } = isoWeekRange(week);
    const labels = await downloadLabels(page);
    expect(labels).toHaveLength(4);
    expect(labels[0]).toBe(`Laporan minggu ke-${n} (PDF)`);
    expect(labels[1]).toMatch(/^Laporan bulan \p{L}+ \d{4} \(PDF\)$/u);
    expect(labels.slice(2)).toEqual([`Data minggu ke-${n} (Excel)`, `Komentar minggu ke-${n} (CSV)`]);

    // The CSV holds the week's comments: every day inside the week, as many as the explorer lists for it.
    const csv = csvRows((await download(page, `Komentar minggu ke-${n} (CSV)`)).file);
    expect(csv.length).toBeGreaterThan(20);
    expect(csv.length).toBe(await apiTotal(`from=${start}&to=${end}`));
    expect(csv.every((r) => r.tanggal >= start && r.tanggal <= end)).toBe(true);
    // The 2,836 comments of 12 weeks are gone: one week only.
    expect(new Set(csv.map((r) => r.tanggal)).size).toBeLessThanOrEqual(7);

    // The workbook: the same comments, its summary names the week.
    const wb = await workbook((await download(page, `Data minggu ke-${n} (Excel)`)).file);
    const rows = workbookComments(wb);
    expect(rows.map((r) => r.id).sort()).toEqual(csv.map((r) => Number(r.id)).sort());
    const summary: string[] = [];
    wb.getWorksheet("Ringkasan")!.eachRow((row) => row.eachCell((c) => summary.push(String(c.value))));
    expect(summary.join("|")).toContain(week);

    // The PDF is that week's report.
    const pdf = await download(page, `Laporan minggu ke-${n} (PDF)`);
    expect(pdf.download.suggestedFilename()).toContain(week);
    // Named as the dashboard names it: the week's number and dates, not "2026-W47".
    expect(pdfText(pdf.file)).toContain(`Minggu ${n} · `);
    // The finished week's report was stored: "Laporan tersimpan" lists it without a reload.
    await page.locator(".stored-reports td", { hasText: week }).first().waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    // Under the pointer the dark button keeps its white text (a:hover used to paint it dark on dark).
    const primary = page.locator(".download-list a.button-primary");
    await primary.hover();
    expect(await primary.evaluate((e) => getComputedStyle(e).color)).toBe("rgb(255, 255, 255)");
    await page.locator(".report-downloads").screenshot({ path: screenshotPath("downloads-review-desktop") });
    await page.close();
  });

  it("gives the 'Perlu perhatian' cards the explorer's Detail & koreksi", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/?week=2026-W47");
    const attention = page.locator('section[aria-labelledby="attention-title"]');
    const toggle = attention.locator(".comment-detail > button").first();
    await toggle.waitFor();
    expect(await toggle.innerText()).toBe("Detail & koreksi");
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    // The demo account is an admin: the correction form is there.
    await attention.locator(".comment-detail-panel").first().getByRole("button", { name: /Simpan/ }).first().waitFor();
    await attention.screenshot({ path: screenshotPath("attention-detail-desktop") });
    await page.close();
  });
});

describe("the explorer's downloads: exactly the filter", () => {
  it("offers the filter's comments only, and the files hold exactly them", async () => {
    const page = await newPage();
    // A date range inside the demo data and a topic: both files must keep both.
    const first = await (await browser.context.request.get(`${server.baseUrl}/api/villages/${villageId}/overview`)).json();
    const { start } = isoWeekRange(first.data.weeks[1]);
    const to = isoWeekRange(first.data.weeks[0]).end;
    const filter = `topic=infrastruktur&from=${start}&to=${to}`;
    await page.goto(`${server.baseUrl}/jelajahi?${filter}`);
    await page.locator("article.comment").first().waitFor();
    expect(await downloadLabels(page)).toEqual(["Komentar sesuai filter (Excel)", "Komentar sesuai filter (CSV)"]);
    // The weekly PDF does not follow a filter, so it is not offered here.
    expect(await page.locator(".download-list a", { hasText: "PDF" }).count()).toBe(0);

    const csv = csvRows((await download(page, "Komentar sesuai filter (CSV)")).file);
    expect(csv.length).toBeGreaterThan(5);
    expect(csv.length).toBe(await apiTotal(filter));
    expect(csv.every((r) => r.tanggal >= start && r.tanggal <= to)).toBe(true);
    expect(csv.every((r) => r.topik.includes("Infrastruktur"))).toBe(true);
    // Two weeks, not the latest one only.
    expect(csv.some((r) => r.tanggal < isoWeekRange(first.data.weeks[0]).start)).toBe(true);

    const wb = await workbook((await download(page, "Komentar sesuai filter (Excel)")).file);
    expect(workbookComments(wb).map((r) => r.id)).toEqual(csv.map((r) => Number(r.id)));
    const summary: string[] = [];
    wb.getWorksheet("Ringkasan")!.eachRow((row) => row.eachCell((c) => summary.push(String(c.value))));
    expect(summary[summary.indexOf("Filter") + 1]).toMatch(/^Topik: Infrastruktur; Dari tanggal: .+; Sampai tanggal: .+$/);
    await page.close();
  });

  it("lets a role allowed raw data export the names the detail reveals, and only when asked", async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/jelajahi?sort=likes`);
    await page.locator("article.comment").first().waitFor();
    const plain = csvRows((await download(page, "Komentar sesuai filter (CSV)")).file);
    // Unticked: the pseudonyms the list shows, row for row.
    const shown = await page.locator("article.comment .comment-author").allInnerTexts();
    expect(plain.slice(0, shown.length).map((r) => r.penulis)).toEqual(shown);
    await page.getByLabel("Cantumkan nama penulis (dicatat di log audit)").check();
    const named = csvRows((await download(page, "Komentar sesuai filter (CSV)")).file);
    expect(named.map((r) => r.id)).toEqual(plain.map((r) => r.id));
    expect(named.filter((r) => !r.penulis.startsWith("warga-")).length).toBeGreaterThan(named.length / 2);
    await page.close();
  });
});

describe("at 360 px", () => {
  /** For each download button: its line boxes (1 = one box), and pairs of buttons that overlap. */
  async function buttonBoxes(page: Page) {
    return page.$$eval(".download-list a.button", (els) => {
      const rects = els.map((e) => e.getBoundingClientRect());
      let overlaps = 0;
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const a = rects[i];
          const b = rects[j];
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
        }
      }
      return { boxes: els.map((e) => e.getClientRects().length), overlaps, bottom: Math.max(...rects.map((r) => r.bottom)) };
    });
  }

  it("keeps every download button one box, apart from the others and from 'Laporan tersimpan'", async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto(server.baseUrl + "/?week=2026-W47");
    await page.locator(".download-list a").first().waitFor();
    const { boxes, overlaps, bottom } = await buttonBoxes(page);
    expect(boxes).toEqual([1, 1, 1, 1]);
    expect(overlaps).toBe(0);
    const stored = await page.getByRole("heading", { level: 3, name: "Laporan tersimpan" }).boundingBox();
    expect(stored!.y).toBeGreaterThanOrEqual(bottom + 16);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.locator(".report-downloads").screenshot({ path: screenshotPath("downloads-review-phone") });

    // The trend chart in Persentase mode, for a look at its dates.
    await page.getByRole("button", { name: "Persentase" }).click();
    await page.locator('section[aria-labelledby="trend-title"]').screenshot({ path: screenshotPath("trend-shares-phone") });

    await page.goto(`${server.baseUrl}/jelajahi?topic=infrastruktur`);
    await page.locator(".download-list a").first().waitFor();
    const explorer = await buttonBoxes(page);
    expect(explorer.boxes).toEqual([1, 1]);
    expect(explorer.overlaps).toBe(0);
    await page.locator(".report-downloads").screenshot({ path: screenshotPath("downloads-explorer-phone") });
    await page.close();
  });
});
