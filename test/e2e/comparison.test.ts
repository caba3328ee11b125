// Perbandingan Desa in real Chromium against the real server and the two demo villages (Mulyasari
// and its neighbour Mulyasejati, both Kec. Ciampel): the menu leads to one row per village whose
// figures are that village's weekly review (a small sample shown as counts, as the review does), the
// columns sort (aria-sort says how), a village's name opens its review for the same week, and on a
// 360-px phone each village is a card of named figures within the screen.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { OverviewDTO, VillageComparisonDTO, VillageDTO } from "@suara-desa/shared/contracts";
import { demoSession, openPage, screenshotPath } from "./harness";

const demo = demoSession();

const newPage = (viewport?: { width: number; height: number }) => openPage(demo.browser, viewport);

/** An API answer read with the browser's own session. */
const api = <T,>(page: Page, url: string) => page.evaluate(async (u) => (await (await fetch(u)).json()).data, url) as Promise<T>;
const rowNames = (page: Page) => page.locator(".compare-table tbody th a").allTextContents();

describe("Perbandingan Desa at 1366 px", () => {
  it("opens from the menu with one row per village, each with its weekly review's figures", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/");
    await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Perbandingan Desa" }).click();
    await page.getByRole("heading", { level: 1, name: "Perbandingan Desa" }).waitFor();
    await page.locator(".compare-table tbody tr").nth(1).waitFor();
    expect((await rowNames(page)).sort()).toEqual(["Desa Mulyasari", "Desa Mulyasejati"]);

    const week = await page.locator("#week-select").inputValue();
    expect(week).toBe("2026-W47");
    const num = new Intl.NumberFormat("id-ID");
    for (const v of await api<VillageDTO[]>(page, "/api/villages")) {
      const o = await api<OverviewDTO>(page, `/api/villages/${v.id}/overview?week=${week}`);
      const cells = await page.locator(`.compare-table tbody tr[data-village="${v.id}"] td`).allTextContents();
      expect(cells[0]).toBe(num.format(o.totals.comments));
      expect(cells[3]).toBe(num.format(o.totals.needsReply));
      expect(o.totals.comments).toBeGreaterThan(0);
    }
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });

  it("shows a small sample's counts instead of a percentage, says why, and does not rank it as the most negative", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/bandingkan");
    await page.locator(".compare-table tbody tr").nth(1).waitFor();
    const week = await page.locator("#week-select").inputValue();
    const d = await api<VillageComparisonDTO>(page, `/api/comparison?week=${week}`);
    // In the demo's last week the small neighbour has fewer than 20 comments, Mulyasari hundreds.
    const small = d.rows.filter((r) => r.smallSample);
    expect(small.length).toBeGreaterThan(0);
    expect(small.length).toBeLessThan(d.rows.length);
    const num = new Intl.NumberFormat("id-ID");
    for (const r of d.rows) {
      const cell = (await page.locator(`.compare-table tbody tr[data-village="${r.village.id}"] td`).nth(1).innerText()).trim();
      if (r.smallSample) {
        expect(r.totals.comments).toBeLessThan(20);
        expect(cell).toBe(`${num.format(r.totals.negatif)} dari ${num.format(r.totals.comments)} · sampel kecil`);
      } else {
        expect(r.totals.comments).toBeGreaterThanOrEqual(20);
        expect(cell).toMatch(/^\d+,\d\s?%$/);
      }
    }
    expect((await page.locator(".compare-note").innerText()).trim()).toMatch(/^Sampel kecil: kurang dari 20 komentar pada minggu itu\./);
    // Sorted by % negatif (the default, worst first), a small sample comes after every real share.
    const names = await rowNames(page);
    for (const r of small) expect(names.indexOf(`Desa ${r.village.name}`)).toBeGreaterThanOrEqual(d.rows.length - small.length);
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });

  it("sorts by a column either way and says so with aria-sort", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/bandingkan");
    await page.locator(".compare-table tbody tr").nth(1).waitFor();
    const header = page.locator(".compare-table thead th").nth(1);
    await header.getByRole("button", { name: /Komentar/ }).click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    // Mulyasari has about ten times the comments of its small neighbour.
    expect(await rowNames(page)).toEqual(["Desa Mulyasari", "Desa Mulyasejati"]);
    await header.getByRole("button", { name: /Komentar/ }).click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    expect(await rowNames(page)).toEqual(["Desa Mulyasejati", "Desa Mulyasari"]);
    expect(await page.locator(".compare-table thead th[aria-sort]").count()).toBe(1);
    await page.close();
  });

  it("opens a village's weekly review for the same week from its row", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/bandingkan?week=2026-W46");
    await page.locator(".compare-table tbody tr").nth(1).waitFor();
    await page.getByRole("link", { name: "Buka Ringkasan Mingguan Desa Mulyasejati" }).click();
    await page.getByRole("heading", { level: 1, name: "Ringkasan Mingguan" }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get("week")).toBe("2026-W46");
    const select = page.getByLabel("Desa", { exact: true });
    expect(await select.locator("option:checked").textContent()).toBe("Desa Mulyasejati");
    await page.close();
  });
});

describe("Perbandingan Desa at 360 px", () => {
  it("shows each village as a card within the screen, every figure named, and still sorts", async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto(demo.server.baseUrl + "/bandingkan");
    const rows = page.locator(".compare-table tbody tr");
    await rows.nth(1).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const box = page.locator(".comparison .table-scroll");
    const { scrollWidth, clientWidth } = await box.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    for (const cell of await rows.first().locator("td").all()) {
      const b = (await cell.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(360);
    }
    // The column's name is drawn beside each value (the header row is a row of sort buttons now).
    const labels = await rows.first().locator("td").evaluateAll((tds) => tds.map((td) => getComputedStyle(td, "::before").content));
    expect(labels).toEqual(["Komentar", "% negatif", "Topik paling dikeluhkan", "Isu baru perlu dijawab", "Dijawab di publik", "Median waktu jawab", "Data terbaru"].map((l) => `"${l}"`));
    await page.locator(".compare-table thead").getByRole("button", { name: /Komentar/ }).click();
    expect(await rowNames(page)).toEqual(["Desa Mulyasari", "Desa Mulyasejati"]);
    await page.screenshot({ path: screenshotPath("comparison-360"), fullPage: true });
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});
