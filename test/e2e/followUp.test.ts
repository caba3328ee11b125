// Tindak Lanjut in real Chromium against the real server and the demo village: the weekly review's
// "Isu terbuka (semua minggu)" card leads to the inbox, urgent issues come first, an official changes an issue's
// status with a note and sees it in the history, the explorer shows intent and urgency, and a 360-px
// phone shows the list, then the issue on its own screen, without overlapping boxes.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoSession, openPage, screenshotPath } from "./harness";

const demo = demoSession();

const newPage = (viewport?: { width: number; height: number }) => openPage(demo.browser, viewport);

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Pairs of visible boxes among `selector` that overlap (by more than a pixel). */
async function overlaps(page: Page, selector: string): Promise<number> {
  return page.$$eval(selector, (els) => {
    const boxes = els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    let n = 0;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) n++;
      }
    }
    return n;
  });
}

describe("Tindak Lanjut at 1366 px", () => {
  it("leads from the weekly review's open-issues card to the issue, urgent ones first", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/");
    const card = page.locator("section.needs-reply");
    await card.getByRole("heading", { name: "Isu terbuka (semua minggu)" }).waitFor();
    const firstLink = card.locator(".needs-reply-list a").first();
    await firstLink.waitFor();
    expect(await card.locator(".needs-reply-list li").count()).toBe(5);
    // Urgent issues are listed first.
    expect(await card.locator(".needs-reply-list li").first().locator(".badge-urgent").count()).toBe(1);
    await firstLink.click();
    await page.getByRole("heading", { level: 1, name: "Tindak Lanjut" }).waitFor();
    await page.locator(".fu-panel h2").waitFor();
    expect(new URL(page.url()).searchParams.get("isu")).toMatch(/^\d+$/);
    expect(await page.locator(".fu-panel .badge-urgent").count()).toBeGreaterThan(0);
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });

  it("counts the issues per status and changes one with a note, shown in its history", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/tindak-lanjut");
    await page.locator(".fu-row").first().waitFor();
    const tab = (name: RegExp) => page.locator(".fu-tab").filter({ hasText: name });
    for (const name of [/^Perlu jawaban/, /^Dijawab/, /^Ditindaklanjuti/, /^Selesai/, /^Diteruskan/, /^Tidak perlu/]) {
      expect(Number((await tab(name).locator(".fu-count").textContent())?.replace(/\D/g, ""))).toBeGreaterThan(0);
    }
    await tab(/^Perlu jawaban/).click();
    await page.waitForURL(/status=perlu_jawaban/);
    const row = page.locator(".fu-row").nth(1);
    const title = (await row.locator(".fu-title").textContent())!;
    await row.locator(".case-open").click();
    await page.locator(".fu-panel h2").filter({ hasText: title.slice(0, 20) }).waitFor();
    await page.locator(".fu-change").getByLabel("Status", { exact: true }).selectOption("selesai");
    await page.getByLabel("Catatan internal (tidak terlihat warga)").fill("Sudah diperbaiki bersama warga RT 02");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    // Nobody answered the residents in the conversation yet: the page asks before marking it finished.
    await page.getByRole("alertdialog").getByRole("button", { name: "Ya, tandai Selesai" }).click();
    await page.getByText("Tersimpan.").waitFor();
    const history = page.locator(".fu-history li");
    await expect.poll(async () => (await history.allTextContents()).join("\n")).toContain("mengubah status menjadi Selesai");
    expect((await history.allTextContents()).join("\n")).toContain("Sudah diperbaiki bersama warga RT 02");
    expect(await overlaps(page, ".fu-row")).toBe(0);
    await page.screenshot({ path: screenshotPath("follow-up-desktop"), fullPage: false });
    await page.close();
  });

  it("dates an answer by the village's calendar day (WIB), also when it was given after 00:00 WIB", async () => {
    const page = await newPage();
    const day = (iso: string, timeZone: string) => new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "short", timeZone }).format(new Date(iso));
    let checked = 0;
    for (const status of ["dijawab", "ditindaklanjuti", "selesai"]) {
      const listed = page.waitForResponse((r) => /\/api\/villages\/\d+\/cases\?/.test(r.url()) && r.url().includes(`status=${status}`));
      await page.goto(`${demo.server.baseUrl}/tindak-lanjut?status=${status}`);
      const cases = ((await (await listed).json()) as { data: Array<{ id: number; firstReplyAt: string | null; overdue: boolean }> }).data;
      await page.locator(".fu-row").first().waitFor();
      // Answers given between 00:00 and 07:00 WIB fall on the day before in UTC: those are the ones to
      // check (an overdue issue shows that instead of its answer's day).
      for (const c of cases.filter((x) => x.firstReplyAt && !x.overdue && day(x.firstReplyAt, "Asia/Jakarta") !== day(x.firstReplyAt, "UTC"))) {
        const meta = (await page.locator(`.fu-row[data-case="${c.id}"] .fu-meta`).textContent()) ?? "";
        expect(meta, `issue ${c.id}, answered ${c.firstReplyAt}`).toContain(`Dijawab ${day(c.firstReplyAt!, "Asia/Jakarta")}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });

  it("shows intent and urgency in the explorer and filters by them", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/jelajahi?urgent=1");
    await page.locator("article.comment").first().waitFor();
    const cards = page.locator("article.comment");
    const n = await cards.count();
    for (let i = 0; i < n; i++) expect(await cards.nth(i).locator(".badge-urgent").count()).toBe(1);
    await page.goto(demo.server.baseUrl + "/jelajahi?intent=pertanyaan");
    await page.locator("article.comment").first().waitFor();
    expect(await page.locator("article.comment .badge-intent").first().textContent()).toContain("Pertanyaan");
    await page.close();
  });
});

describe("Peringatan (Admin)", () => {
  it("adds an e-mail channel for urgent reports and queues a test message", async () => {
    const page = await newPage();
    await page.goto(demo.server.baseUrl + "/admin");
    const panel = page.locator("section").filter({ has: page.getByRole("heading", { name: "Peringatan" }) });
    await panel.getByRole("heading", { name: "Peringatan" }).waitFor();
    await panel.getByLabel("Saluran").selectOption("email");
    await panel.getByLabel("Alamat e-mail").fill("bpd@mulyasari.desa.id");
    await panel.getByRole("button", { name: "Tambah saluran" }).click();
    await panel.getByText("Saluran ditambahkan.").waitFor();
    await panel.locator(".alert-channels li").filter({ hasText: "bpd@mulyasari.desa.id" }).waitFor();
    await panel.getByRole("button", { name: "Kirim pesan uji" }).first().click();
    await panel.getByText(/Pesan uji diantrikan/).waitFor();
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});

describe("Halaman publik", () => {
  it("shows residents the village's figures and published issues on a phone, without names or comments", async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto(demo.server.baseUrl + "/publik/32.15.04.2006");
    await page.getByRole("heading", { level: 1, name: /Suara Warga Desa/ }).waitFor();
    await page.locator(".public-cases li").first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/warga-[0-9a-f]{6}/);
    expect(text).toContain("12 minggu terakhir");
    // Every row of the weekly table gives a percentage only over enough comments, a count otherwise.
    const weekRows = await page.locator("#pub-weeks ~ .table-scroll tbody tr").all();
    expect(weekRows.length).toBe(12);
    for (const row of weekRows) {
      const [, comments, negative] = (await row.locator("td").allInnerTexts()).map((c) => c.trim());
      const n = Number(comments.replace(/\./g, ""));
      if (n === 0) expect(negative).toBe("—");
      else if (n < 20) expect(negative).toMatch(new RegExp(`^\\d+ dari ${n}$`));
      else expect(negative).toMatch(/^\d+(,\d)?%$/);
    }
    await page.screenshot({ path: screenshotPath("public-phone") });
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});

describe("Tindak Lanjut on a 360×740 phone", () => {
  it("shows the list, then the issue on its own screen, with no sideways scrolling or overlapping boxes", async () => {
    const page = await newPage({ width: 360, height: 740 });
    await page.goto(demo.server.baseUrl + "/tindak-lanjut");
    await page.locator(".fu-row").first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await overlaps(page, ".fu-row")).toBe(0);
    expect(await overlaps(page, ".fu-tab, .fu-toggle")).toBe(0);
    // Every menu entry can be reached.
    for (const name of ["Ringkasan Mingguan", "Jelajahi Komentar", "Tindak Lanjut", "Sumber Data"]) {
      const link = page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name });
      await link.scrollIntoViewIfNeeded();
      expect(await link.isVisible(), name).toBe(true);
    }
    await page.screenshot({ path: screenshotPath("follow-up-phone-list") });
    await page.locator(".fu-row .case-open").first().click();
    await page.locator(".fu-panel h2").waitFor();
    expect(await page.locator(".fu-list").isVisible()).toBe(false);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("follow-up-phone-case") });
    await page.getByRole("button", { name: /Kembali ke daftar/ }).click();
    await page.locator(".fu-row").first().waitFor();
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});
