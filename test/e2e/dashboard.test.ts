// The dashboard on the demo village, in real Chromium against the real server: the weekly review
// draws its chart and topics, a topic opens the explorer filtered to it, filters live in the URL,
// the language switch persists, and a 360-px phone gets no horizontal scrolling.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { isoWeekOfDay, localDay } from "@suara-desa/shared/time";
import { gzipSizes, measureBundle } from "./bundleBudget";
import { buildClient, launchBrowser, loginAsDemo, ROOT, screenshotPath, startServer, type Browser, type RunningServer } from "./harness";

const DIST = path.join(ROOT, "dist", "client");
const BUDGET_GZIP = 250 * 1024;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  buildClient();
  server = await startServer();
  browser = await launchBrowser();
  // Every API route needs a session.
  await loginAsDemo(browser, server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  (page as Page & { jsErrors: string[] }).jsErrors = errors;
  return page;
}

/** Counts painted (non-transparent) pixels of a canvas; a blank chart has none. */
async function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext("2d");
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

/** Counts pixels of one colour (±tolerance) on a canvas, e.g. the negatif red of the bars. */
async function pixelsOfColour(page: Page, selector: string, rgb: [number, number, number]): Promise<number> {
  return page.$eval(
    selector,
    (el, target) => {
      const canvas = el as HTMLCanvasElement;
      const ctx = canvas.getContext("2d")!;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 200 && Math.abs(data[i] - target[0]) < 12 && Math.abs(data[i + 1] - target[1]) < 12 && Math.abs(data[i + 2] - target[2]) < 12) n++;
      }
      return n;
    },
    rgb,
  );
}

/** This week in the demo village's time zone (Asia/Jakarta), as the server decides it. */
const thisWeek = () => isoWeekOfDay(localDay(new Date(), "Asia/Jakarta"));

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const TREND_CANVAS = 'section[aria-labelledby="trend-title"] canvas';
const NEGATIF_RED: [number, number, number] = [0xc0, 0x39, 0x2b];

describe("weekly review (Ringkasan Mingguan)", () => {
  it("renders the latest demo week in Indonesian with KPIs, a drawn trend chart and topic rows", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/");
    await page.getByRole("heading", { level: 1, name: "Ringkasan Mingguan" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("id");

    // The demo village ends in 2026-W47, before this week: the review opens on this week and offers W47.
    await page.getByRole("link", { name: "Buka minggu ke-47" }).click();
    await page.waitForURL(/\?week=2026-W47$/);
    await expect.poll(() => page.locator("#week-select").inputValue()).toBe("2026-W47");
    // The picker offers the weeks with data, and this week.
    expect(await page.locator("#week-select option").count()).toBeGreaterThanOrEqual(13);

    // KPI cards show real numbers (comments > 0) formatted id-ID.
    const comments = await page.locator(".kpi-comments .kpi-value").innerText();
    expect(Number(comments.replace(/\./g, ""))).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".kpi-negativeShare .kpi-value").innerText()).toMatch(/^\d+,\d\s?%$/);

    // The chart is drawn: many painted pixels, including the negatif red of stacked bars.
    await page.locator(TREND_CANVAS).waitFor();
    await expect.poll(() => paintedPixels(page, TREND_CANVAS), { timeout: 10_000 }).toBeGreaterThan(2_000);
    expect(await pixelsOfColour(page, TREND_CANVAS, NEGATIF_RED)).toBeGreaterThan(200);

    // Topic rows with a link into the explorer, and the chart data available as a table.
    const rows = page.locator(".topic-table tbody tr");
    expect(await rows.count()).toBeGreaterThan(2);
    // The headline names the biggest topic first (same as the first table row).
    const firstTopic = await rows.first().locator("a.topic-link").innerText();
    expect(await page.locator(".headline dd").first().innerText()).toMatch(new RegExp(`^${firstTopic.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    await expect.poll(() => rows.first().locator("a.topic-link").innerText()).not.toBe("");
    const trendTable = page.locator('section[aria-labelledby="trend-title"] details.data-table');
    await trendTable.locator("summary").click();
    expect(await trendTable.locator("tbody tr").count()).toBe(12);

    await page.screenshot({ path: screenshotPath("weekly-desktop"), fullPage: true });
    expect((page as Page & { jsErrors: string[] }).jsErrors).toEqual([]);
    await page.close();
  });

  it("switches weeks through the URL and keeps the picker in sync", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/?week=2026-W47");
    await page.locator(".kpi-comments").waitFor();
    await page.getByRole("button", { name: "Minggu sebelumnya" }).click();
    await page.waitForURL(/week=2026-W46/);
    await expect.poll(() => page.locator("#week-select").inputValue()).toBe("2026-W46");
    await expect.poll(() => page.locator(".week-heading").innerText()).toContain("Minggu 46");
    await page.goBack();
    await expect.poll(() => page.locator("#week-select").inputValue()).toBe("2026-W47");
    // The week after the last one with data is this week, empty so far.
    await page.getByRole("button", { name: "Minggu berikutnya" }).click();
    await expect.poll(() => page.locator("#week-select").inputValue()).toBe(thisWeek());
    await page.getByRole("heading", { level: 2, name: "Minggu ini belum ada komentar." }).waitFor();
    await page.close();
  });
});

describe("this week, before its first comment", () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    it(`opens on it at ${viewport.width} px, says where the comments end, and opens that week in one click`, async () => {
      const page = await newPage(viewport);
      await page.goto(server.baseUrl + "/");
      const empty = page.locator("section.week-empty");
      await empty.waitFor();
      // This week in the village's time zone (the demo ends in 2026-W47, weeks ago).
      expect(await page.locator("#week-select").inputValue()).toBe(thisWeek());
      expect(thisWeek() > "2026-W47").toBe(true);
      // What a person reads: what happened, where the comments end, and how fresh the data is.
      expect((await empty.innerText()).split("\n").map((l) => l.trim()).filter(Boolean)).toEqual([
        "Minggu ini belum ada komentar.",
        "Komentar terakhir: minggu ke-47 (16–22 Nov 2026).",
        "Buka minggu ke-47",
      ]);
      const fresh = await page.locator(".freshness").innerText();
      expect(fresh).toContain("Sumber data belum pernah mengambil komentar");
      expect(fresh).toContain("Komentar terbaru tertanggal 22 Nov 2026.");
      expect(await page.locator(".week-heading").innerText()).toMatch(new RegExp(`^Minggu ${Number(thisWeek().slice(-2))}: `));
      // No zeros dressed up as a week's figures; the open issues still need answers.
      expect(await page.locator(".kpis").count()).toBe(0);
      await page.locator("section.needs-reply .needs-reply-list li").first().waitFor();

      // Nothing sticks out: not the page, not a line of the notice.
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const outside = await empty.evaluate((box) => {
        const b = box.getBoundingClientRect();
        return [...box.querySelectorAll("h2, p, a")].filter((e) => {
          const r = e.getBoundingClientRect();
          return r.left < b.left || r.right > b.right || e.scrollWidth > e.clientWidth + 1;
        }).length;
      });
      expect(outside).toBe(0);
      const button = page.getByRole("link", { name: "Buka minggu ke-47" });
      expect(await button.evaluate((e) => e.getClientRects().length)).toBe(1);
      await page.screenshot({ path: screenshotPath(`weekly-empty-week-${viewport.width}`), fullPage: true });

      await button.click();
      await page.waitForURL(/\?week=2026-W47$/);
      await page.locator(".kpi-comments .kpi-value").waitFor();
      expect(await page.locator("section.week-empty").count()).toBe(0);
      // There, the note says why this is not this week.
      expect(await page.locator(".freshness").innerText()).toContain(`Minggu ini (minggu ke-${Number(thisWeek().slice(-2))}) belum ada komentar`);
      expect((page as Page & { jsErrors: string[] }).jsErrors).toEqual([]);
      await page.close();
    });
  }
});

describe("from a topic to the explorer (Jelajahi Komentar)", () => {
  it("opens the explorer filtered to the topic and that week's dates, with matching comments", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/?week=2026-W47");
    const firstRow = page.locator(".topic-table tbody tr").first();
    await firstRow.waitFor();
    const topicKey = (await firstRow.getAttribute("data-topic"))!;
    const topicName = (await firstRow.locator("a.topic-link").innerText()).trim();

    const commentsRequest = page.waitForRequest((r) => r.url().includes("/comments?"));
    await firstRow.locator("a.topic-explore-link").click();
    await page.waitForURL(/\/jelajahi\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("topic")).toBe(topicKey);
    expect(url.searchParams.get("from")).toBe("2026-11-16");
    expect(url.searchParams.get("to")).toBe("2026-11-22");
    const apiUrl = new URL((await commentsRequest).url());
    expect(apiUrl.searchParams.get("topic")).toBe(topicKey);
    expect(apiUrl.searchParams.get("from")).toBe("2026-11-16");

    await page.getByRole("heading", { level: 1, name: "Jelajahi Komentar" }).waitFor();
    const cards = page.locator("article.comment");
    await cards.first().waitFor();
    expect(await page.getByRole("combobox", { name: "Topik", exact: true }).inputValue()).toBe(topicKey);
    // Every comment shown carries the chosen topic.
    const n = await cards.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) expect(await cards.nth(i).locator(".chips").innerText()).toContain(topicName);
    // Times are shown id-ID style in the village's time zone (e.g. "22 Nov 2026, 19.05").
    expect(await cards.first().locator("time").innerText()).toMatch(/\d{1,2} \w{3} 2026/);

    await page.screenshot({ path: screenshotPath("explorer-topic-desktop"), fullPage: true });
    expect((page as Page & { jsErrors: string[] }).jsErrors).toEqual([]);
    await page.close();
  });

  it("keeps every filter in the URL, survives a reload and pages with 'Muat lebih banyak'", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/jelajahi");
    await page.locator("article.comment").first().waitFor();
    const firstCount = await page.locator("article.comment").count();
    // The count says how many match in all, not only the page on screen.
    const [, shown, total] = /^(\d+) dari ([\d.]+) komentar ditampilkan$/.exec((await page.locator(".result-count").innerText()).trim()) ?? [];
    expect(Number(shown)).toBe(firstCount);
    expect(Number(total.replace(/\./g, ""))).toBeGreaterThan(firstCount);

    await page.getByRole("combobox", { name: "Sentimen", exact: true }).selectOption("negatif");
    await page.waitForURL(/sentiment=negatif/);
    await page.getByRole("combobox", { name: "Urutkan", exact: true }).selectOption("likes");
    await page.waitForURL(/sort=likes/);
    await page.locator("article.comment").first().waitFor();
    for (const badge of await page.locator("article.comment .badge-negatif, article.comment .badge-netral, article.comment .badge-positif").allInnerTexts()) {
      expect(badge).toContain("Negatif");
    }

    await page.reload();
    expect(await page.getByRole("combobox", { name: "Sentimen", exact: true }).inputValue()).toBe("negatif");
    expect(await page.getByRole("combobox", { name: "Urutkan", exact: true }).inputValue()).toBe("likes");
    await page.locator("article.comment").first().waitFor();

    // Likes sort: non-increasing like counts.
    const likes = (await page.locator(".comment-extra").allInnerTexts()).map((s) => Number(/(\d[\d.]*) suka/.exec(s)![1].replace(/\./g, "")));
    expect([...likes].sort((a, b) => b - a)).toEqual(likes);

    // Back to unfiltered and page further.
    await page.getByRole("button", { name: "Hapus semua saringan" }).click();
    await page.waitForURL((u) => !u.search.includes("sentiment="));
    const more = page.getByRole("button", { name: "Muat lebih banyak" });
    await more.waitFor();
    await more.click();
    await expect.poll(() => page.locator("article.comment").count()).toBeGreaterThan(firstCount);
    await page.close();
  });

  it("searches the text and shows an Indonesian empty state when nothing matches", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/jelajahi");
    await page.getByLabel("Cari teks").fill("zzqqxx-tidak-ada");
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await page.waitForURL(/q=zzqqxx-tidak-ada/);
    await page.getByText("Tidak ada komentar yang cocok dengan saringan ini.").waitFor();
    await page.close();
  });
});

describe("topic page (Topik)", () => {
  it("shows one topic's trend, places and examples for the chosen week", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/?week=2026-W47");
    const firstRow = page.locator(".topic-table tbody tr").first();
    await firstRow.waitFor();
    const key = (await firstRow.getAttribute("data-topic"))!;
    const name = (await firstRow.locator("a.topic-link").innerText()).trim();
    const rowCount = (await firstRow.locator("td").first().innerText()).trim();
    await firstRow.locator("a.topic-link").click();
    await page.waitForURL(new RegExp(`/topik/${key}\\?week=2026-W47$`));
    await page.getByRole("heading", { level: 1, name: `Topik: ${name}` }).waitFor();
    const canvas = 'section[aria-labelledby="topic-trend-title"] canvas';
    await page.locator(canvas).waitFor();
    await expect.poll(() => paintedPixels(page, canvas), { timeout: 10_000 }).toBeGreaterThan(1_000);
    // This week's comment count on the topic page equals the weekly review's row.
    expect((await page.locator(".kpi-comments .kpi-value").innerText()).trim()).toBe(rowCount);
    expect(await page.locator('section[aria-labelledby="topic-examples-title"] article.comment').count()).toBeGreaterThan(0);
    await page.getByRole("heading", { level: 2, name: "Tempat yang disebut" }).waitFor();
    await page.screenshot({ path: screenshotPath("topic-desktop"), fullPage: true });
    expect((page as Page & { jsErrors: string[] }).jsErrors).toEqual([]);
    await page.close();
  });
});

describe("budget", () => {
  it("keeps the JavaScript of a first visit to the weekly review within 250 KB gzip", async () => {
    const page = await newPage();
    // The heaviest first visit: a week with data (the current week's empty notice loads no chart).
    await page.goto(server.baseUrl + "/?week=2026-W47");
    await page.locator(TREND_CANVAS).waitFor();
    // Everything the browser actually fetched, including the lazily loaded chart chunk.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith(".js")),
    );
    await page.close();
    const loaded = gzipSizes(DIST, scripts.map((p) => p.replace(/^\//, "")));
    const firstVisit = loaded.reduce((s, f) => s + f.gzip, 0);
    const report = measureBundle(DIST);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `[bundle] entry JS ${kb(report.initialGzip)} gzip; first visit (weekly review) ${kb(firstVisit)} gzip: ` +
        loaded.map((f) => `${f.file} ${kb(f.gzip)}`).join(", ") +
        `; other lazy chunks: ${report.lazy.filter((f) => !scripts.some((s) => s.endsWith(f.file))).map((f) => `${f.file} ${kb(f.gzip)}`).join(", ")}`,
    );
    expect(loaded.length).toBeGreaterThan(1); // entry + chart chunk at least
    expect(report.initialGzip).toBeLessThanOrEqual(BUDGET_GZIP);
    expect(firstVisit).toBeLessThanOrEqual(BUDGET_GZIP);
  });
});

describe("language, keyboard and phone", () => {
  it("switches to English and remembers it across reloads", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/");
    await page.getByRole("heading", { level: 1, name: "Ringkasan Mingguan" }).waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Weekly review" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Weekly review" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await page.getByRole("heading", { level: 1, name: "Ringkasan Mingguan" }).waitFor();
    await page.close();
  });

  it("reaches a topic with the keyboard alone", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/?week=2026-W47");
    await page.locator(".topic-table a.topic-link").first().waitFor();
    // The skip link comes first and moves focus to the main content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.classList.contains("topic-link") ?? false);
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/topik\/[a-z0-9_]+/);
    await page.close();
  });

  it("fits a 360×740 phone without horizontal scrolling", async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto(server.baseUrl + "/?week=2026-W47");
    await page.locator(".topic-table tbody tr").first().waitFor();
    await expect.poll(() => paintedPixels(page, TREND_CANVAS), { timeout: 10_000 }).toBeGreaterThan(1_000);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("weekly-phone"), fullPage: true });

    await page.locator(".topic-table a.topic-explore-link").first().click();
    await page.locator("article.comment").first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // Filters other than search fold behind one button on a phone; opening it shows the topic.
    const toggle = page.getByRole("button", { name: /Saringan lainnya/ });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("combobox", { name: "Topik", exact: true }).isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByRole("combobox", { name: "Topik", exact: true }).isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("explorer-phone"), fullPage: true });
    await page.close();
  });
});

// Last: it changes the data the other tests read.
describe("label correction", () => {
  async function weekRow(page: Page) {
    await page.goto(server.baseUrl + "/?week=2026-W47");
    const table = page.locator('section[aria-labelledby="trend-title"] details.data-table');
    await table.waitFor();
    await table.locator("summary").click();
    const cells = await table.locator("tbody tr").last().locator("td").allInnerTexts();
    // Columns after the week header: Negatif, Netral, Positif, Total, % negatif.
    return { negatif: Number(cells[0].replace(/\./g, "")), positif: Number(cells[2].replace(/\./g, "")) };
  }

  it("an official's correction is stored and changes the weekly counts", async () => {
    const page = await newPage();
    const before = await weekRow(page);
    expect(before.negatif).toBeGreaterThan(0);

    await page.goto(server.baseUrl + "/jelajahi?sentiment=negatif&from=2026-11-16&to=2026-11-22");
    const card = page.locator("article.comment").first();
    await card.waitFor();
    await card.getByRole("button", { name: "Detail & koreksi" }).click();
    const form = card.locator("form.correction-form");
    await form.waitFor();
    await form.getByRole("combobox", { name: "Sentimen" }).selectOption("positif");
    await form.getByRole("button", { name: "Simpan koreksi" }).click();
    await card.getByText("Koreksi tersimpan.").waitFor();
    // The card shows the human label at once, and the detail says who corrected it.
    await expect.poll(() => card.locator(".badge-positif").innerText()).toContain("dikoreksi petugas");
    await card.getByText(/Dikoreksi oleh demo/).waitFor();
    await card.screenshot({ path: screenshotPath("explorer-correction") });

    const after = await weekRow(page);
    expect(after.negatif).toBe(before.negatif - 1);
    expect(after.positif).toBe(before.positif + 1);
    await page.close();
  });
});

describe("personal data", () => {
  it("shows residents as pseudonyms, and an admin reveals the real name on request", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/jelajahi?from=2026-11-16&to=2026-11-22");
    const card = page.locator("article.comment").first();
    await card.waitFor();
    const shown = await card.locator(".comment-head .comment-author").innerText();
    expect(shown).toMatch(/^warga-[0-9a-f]{6}$/);
    await card.getByRole("button", { name: "Detail & koreksi" }).click();
    await card.getByRole("button", { name: "Tampilkan data pribadi" }).click();
    const revealed = card.locator(".detail-raw .mini-comment .comment-author");
    await revealed.waitFor();
    expect(await revealed.innerText()).not.toMatch(/^warga-/);
    await card.getByRole("button", { name: "Samarkan lagi" }).click();
    await revealed.waitFor({ state: "detached" });
    expect((page as Page & { jsErrors: string[] }).jsErrors).toEqual([]);
    await page.close();
  });
});

describe("sources and downloads", () => {
  it("shows each source's health and lets an admin add an account", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/sumber");
    await page.getByRole("heading", { level: 1, name: "Sumber Data" }).waitFor();
    // The demo's three accounts carry example data and no token.
    await expect.poll(() => page.locator(".source-card").count()).toBe(3);
    expect(await page.locator(".source-status-demo").count()).toBe(3);
    expect(await page.getByText(/komentar tersimpan/).count()).toBe(3);

    await page.getByLabel("ID akun (ID pengguna X, ID Halaman, ID akun Instagram)").fill("102938475610293");
    await page.getByLabel("Nama tampilan").fill("Karang Taruna Mulyasari");
    await page.getByLabel("Token akses").fill("EAAB-token-uji-yang-cukup-panjang");
    await page.getByRole("button", { name: "Simpan" }).last().click();
    await expect.poll(() => page.locator(".source-card").count()).toBe(4);
    const card = page.locator(".source-card", { hasText: "Karang Taruna Mulyasari" });
    expect(await card.locator(".source-status-active").count()).toBe(1);
    // The token is never shown back.
    expect(await page.content()).not.toContain("EAAB-token-uji");
    await page.screenshot({ path: screenshotPath("sources-desktop"), fullPage: true });
    await page.close();
  });

  it("offers the weekly report PDF for the week on screen", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/?week=2026-W47");
    const link = page.getByRole("link", { name: "Laporan minggu ke-47 (PDF)" });
    await link.waitFor();
    const href = await link.getAttribute("href");
    expect(href).toContain("/reports/weekly.pdf?week=2026-W47");
    // A plain click saves the file: the server only generates for requests from its own pages.
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^laporan-aspirasi-[a-z0-9-]+-2026-W47\.pdf$/);
    const file = await download.path();
    expect(fs.readFileSync(file!).subarray(0, 5).toString()).toBe("%PDF-");
    // The week's workbook and CSV, the same way (what they hold: test/e2e/downloads.test.ts).
    for (const name of ["Data minggu ke-47 (Excel)", "Komentar minggu ke-47 (CSV)"]) {
      const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
      expect(d.suggestedFilename()).toMatch(/\.(xlsx|csv)$/);
      expect(fs.statSync((await d.path())!).size).toBeGreaterThan(100);
    }
    expect(await page.getByRole("alert").count()).toBe(0);
    // Another site cannot make the browser generate one.
    const crossSite = await page.request.get(server.baseUrl + href!, { headers: { "Sec-Fetch-Site": "cross-site" } });
    expect(crossSite.status()).toBe(403);
    await page.close();
  });
});

describe("admin", () => {
  it("lists accounts, adds an official, and shows the audit log of exports", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/admin");
    await page.getByRole("heading", { level: 1, name: "Pengguna dan Log Audit" }).waitFor();
    await page.getByRole("cell", { name: "demo" }).first().waitFor();
    await page.getByLabel("Nama pengguna").fill("perangkat.siti");
    await page.getByLabel("Kata sandi (min. 8 karakter)").fill("sandi-rahasia-siti");
    await page.getByLabel("Peran").selectOption("perangkat");
    await page.getByRole("button", { name: "Simpan" }).first().click();
    await page.getByRole("cell", { name: "perangkat.siti", exact: true }).waitFor();

    // A village topic: saved through the form, then offered in the explorer's topic filter.
    await page.getByLabel("Nama (Indonesia)").fill("Penerangan Jalan");
    await page.getByLabel("Kata kunci (pisahkan dengan koma)").fill("pju, lampu jalan");
    await page.getByRole("button", { name: "Simpan" }).nth(1).click();
    await page.getByText("Topik Penerangan Jalan disimpan.").waitFor();
    // The weekly PDF downloaded earlier in this run was audited.
    await expect.poll(() => page.locator(".audit-table td", { hasText: "mengunduh laporan PDF" }).count()).toBeGreaterThan(0);
    // Background jobs: on SQLite the server runs them itself; nothing failed this week.
    await page.getByRole("heading", { level: 2, name: "Pekerjaan latar" }).waitFor();
    await page.getByText("dikerjakan oleh server ini sendiri").waitFor();
    await page.getByText("Tidak ada pekerjaan yang gagal dalam 7 hari terakhir.").waitFor();
    await page.screenshot({ path: screenshotPath("admin-desktop"), fullPage: true });
    await page.close();
  });
});
