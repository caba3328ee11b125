// A 360-px phone in real Chromium against the real server and the demo villages: the pages a BPD
// chair and an admin open fit the screen (no sideways scrolling, every action reachable), controls
// are big enough to read and tap, the header says who is logged in, and the words say what the
// figures count (comments or issues, this week or all weeks, negative or complaint).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoSession, openPage, screenshotPath } from "./harness";

const demo = demoSession();
const PHONE = { width: 360, height: 740 };
const newPage = () => openPage(demo.browser, PHONE);

/** How far the page itself scrolls sideways (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("Admin on a phone", () => {
  it("fits the screen, with each user's actions on it", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/");
    // A second account, so the table has a row with actions (one's own row has none).
    await page.evaluate(async () => {
      const villages = (await (await fetch("/api/villages")).json()).data as Array<{ id: number }>;
      const res = await fetch("/api/users", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: "siti", password: "sandi-siti-2026", displayName: "Siti Aminah", role: "pimpinan", villageIds: [villages[0].id] }),
      });
      if (res.status !== 201) throw new Error(`creating the user answered ${res.status}`);
    });
    await page.goto(demo.server.baseUrl + "/admin");
    const users = page.locator(".stack-table tbody tr");
    await users.nth(1).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const buttons = page.locator(".stack-table tbody").getByRole("button", { name: /^(Nonaktifkan|Atur ulang kata sandi)/ });
    expect(await buttons.count()).toBeGreaterThanOrEqual(2);
    for (const b of await buttons.all()) {
      const box = (await b.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    // Each value says which column it is, since the column headers are not on screen.
    const siti = users.filter({ hasText: "Siti Aminah" });
    const role = siti.locator("td").nth(1);
    expect(await role.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"Peran"');
    expect((await role.innerText()).trim()).toBe("Pimpinan / Ketua BPD");
    await page.screenshot({ path: screenshotPath("admin-phone"), fullPage: true });
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});

describe("the header on a phone", () => {
  it("shows who is logged in", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/");
    const name = page.locator(".site-header .user-name");
    await name.waitFor();
    expect(await name.isVisible()).toBe(true);
    expect((await name.innerText()).trim()).toMatch(/Akun Demo$/);
    const box = (await name.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe("Ringkasan Mingguan on a phone", () => {
  it("names what each figure counts, and the topic table's sort buttons are finger-sized with distinct labels", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/?week=2026-W47");
    const table = page.locator(".topic-table");
    await table.locator("tbody tr").first().waitFor();
    const kpis = page.locator(".kpis");
    await kpis.getByText("Komentar perlu dijawab", { exact: true }).waitFor();
    await kpis.getByText("Komentar darurat", { exact: true }).waitFor();
    const card = page.locator("section.needs-reply");
    await card.getByRole("heading", { name: "Isu terbuka (semua minggu)" }).waitFor();
    expect(await card.innerText()).toMatch(/Isu baru minggu ini yang dijawab di publik: \d+\/\d+/);
    await card.getByRole("link", { name: /^Lihat semua isu terbuka di Tindak Lanjut \(/ }).waitFor();

    const buttons = await table.locator("thead .sort-button").all();
    expect(buttons.length).toBe(5);
    for (const b of buttons) {
      const box = (await b.boundingBox())!;
      expect(box.width, await b.innerText()).toBeGreaterThanOrEqual(32);
      expect(box.height, await b.innerText()).toBeGreaterThanOrEqual(44);
    }
    // What a person reads in the header row: every column has its own name.
    const shown = await table.locator("thead th").evaluateAll((ths) => ths.map((th) => (th as HTMLElement).innerText.replace(/[▾▴]/g, "").trim()));
    expect(new Set(shown).size).toBe(shown.length);
    // The whole table fits its box: the last column is not cut off.
    const scroll = page.locator(".area-topics .table-scroll");
    expect(await scroll.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("review-phone-topics"), fullPage: true });
    await page.close();
  });
});

describe("Jelajahi Komentar on a phone", () => {
  it("shows each list's chosen option whole", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/jelajahi");
    await page.locator(".filters-toggle").click();
    const spam = page.getByLabel("Spam", { exact: true });
    await spam.waitFor();
    expect(await spam.locator("option:checked").textContent()).toBe("Sembunyikan spam");
    for (const select of await page.locator(".filters-fields select").all()) {
      // The chosen option's text at the select's own font must fit between its paddings.
      const fit = await select.evaluate((el) => {
        const s = el as HTMLSelectElement;
        const cs = getComputedStyle(s);
        const ctx = document.createElement("canvas").getContext("2d")!;
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const text = s.options[s.selectedIndex]?.text ?? "";
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        return { text, need: ctx.measureText(text).width, room };
      });
      expect(fit.need, fit.text).toBeLessThanOrEqual(fit.room);
    }
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("explorer-phone-filters") });
    await page.close();
  });
});

describe("Tindak Lanjut's public title on a phone", () => {
  it("is a full-size text box", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/tindak-lanjut");
    await page.locator(".fu-row .case-open").first().click();
    const input = page.getByLabel(/^Judul untuk halaman publik/);
    await input.waitFor();
    const box = (await input.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(40);
    expect(box.width).toBeGreaterThan(200);
    await page.close();
  });
});

describe("Halaman publik on a phone", () => {
  it("names weeks by their dates, says when an issue was forwarded, and says what residents may read", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/publik/32.15.04.2006");
    await page.locator(".public-cases li").first().waitFor();
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\d{4}-W\d{2}/);
    expect(await page.locator("#pub-week").innerText()).toBe("Minggu 16–22 Nov 2026");
    const weekCells = await page.locator("#pub-weeks ~ .table-scroll tbody tr td:first-child").allInnerTexts();
    expect(weekCells.at(-1)).toBe("16–22 Nov");
    // The weeks table fits its box: the last column is not cut off.
    expect(await page.locator("#pub-weeks ~ .table-scroll").evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
    expect(text).toContain("tanpa nama warga; kutipan komentar disamarkan");
    expect(text).not.toMatch(/keluhan/i);
    // A forwarded issue is not resolved: its date says when it was forwarded.
    const forwarded = page.locator(".public-cases li").filter({ has: page.locator(".fu-status-diteruskan") });
    expect(await forwarded.count()).toBeGreaterThan(0);
    for (const li of await forwarded.all()) {
      const line = await li.innerText();
      expect(line).toMatch(/diteruskan \d{1,2} \w{3} \d{4}/);
      expect(line).not.toContain("selesai");
    }
    // Every status is a coloured pill, "Ditindaklanjuti" too.
    const handled = page.locator(".public-cases .fu-status-ditindaklanjuti").first();
    expect(await handled.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("public-phone-words"), fullPage: true });
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});
