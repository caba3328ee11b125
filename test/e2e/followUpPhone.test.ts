// Tindak Lanjut on a 360×740 phone, as an official works through it: the issue says before any
// typing whether the answer can be sent from the dashboard, and where it cannot the written answer
// can be copied and the comment opened on its platform; a refused reply keeps its text; "Selesai"
// or "Dijawab" without any reply to the residents asks first; going back to the list returns to
// the same place; ticking an issue deep in the list shows the bulk bar where the thumb is.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoSession, openPage, screenshotPath } from "./harness";

const demo = demoSession();
const PHONE = { width: 360, height: 740 };

interface CaseRow { id: number; status: string; firstReplyAt: string | null; platforms: string[] }

/** The API as the logged-in browser (same cookies); writes carry the page's origin like the app's own requests. */
async function api<T>(page: Page, method: "GET" | "PATCH", path: string, body?: unknown): Promise<T> {
  const res = await page.request.fetch(demo.server.baseUrl + path, {
    method,
    headers: { origin: demo.server.baseUrl, "content-type": "application/json" },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}

async function villageId(page: Page): Promise<number> {
  return (await api<Array<{ id: number; name: string }>>(page, "GET", "/api/villages")).find((v) => v.name.includes("Mulyasari"))!.id;
}

/** Issues still waiting for a first reply, with nothing from the village in them, on one platform. */
async function unanswered(page: Page, platform: string): Promise<CaseRow[]> {
  const vid = await villageId(page);
  const list = await api<CaseRow[]>(page, "GET", `/api/villages/${vid}/cases?status=perlu_jawaban&platform=${platform}&limit=100`);
  return list.filter((c) => c.firstReplyAt === null && c.platforms.length === 1);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("answering an issue on a phone", () => {
  it("says before typing that the answer goes on the platform, and offers copying it, the comment's link and 'Tandai dijawab'", async () => {
    const page = await openPage(demo.browser, PHONE);
    await demo.browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: demo.server.baseUrl });
    await page.goto(demo.server.baseUrl + "/tindak-lanjut?darurat=1&status=perlu_jawaban");
    await page.locator(".fu-row .case-open").first().click();
    const panel = page.locator(".fu-panel");
    await panel.locator("h2").waitFor();
    const reply = panel.locator("form.fu-reply").first();
    // Told before typing, not after.
    expect(await reply.locator(".fu-reply-note").innerText()).toMatch(/tidak bisa dikirim dari dasbor/);
    expect(await reply.locator("button[type=submit]").count()).toBe(0);
    // Every resident comment links to itself on its platform.
    const comments = panel.locator(".fu-comment");
    for (let i = 0; i < (await comments.count()); i++) {
      const link = comments.nth(i).locator(".fu-comment-head .fu-original");
      expect(await link.innerText()).toMatch(/^Buka komentar di (X|Facebook|Instagram) ↗$/);
      expect(await link.getAttribute("href")).toMatch(/^https:\/\/(x\.com|www\.facebook\.com|www\.instagram\.com)\//);
      expect(await link.getAttribute("target")).toBe("_blank");
    }
    await reply.getByLabel("Pakai templat jawaban…").selectOption({ label: "Terima kasih, kami cek" });
    const text = await reply.locator("textarea").inputValue();
    expect(text).toContain("Terima kasih atas laporannya");
    await reply.getByRole("button", { name: "Salin teks" }).click();
    await reply.getByText(/^Teks disalin/).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(await reply.locator("textarea").inputValue()).toBe(text);
    expect(await reply.getByRole("link", { name: /^Buka komentar di .* ↗$/ }).count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await reply.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("follow-up-phone-answer-elsewhere") });
    await reply.getByRole("button", { name: "Tandai dijawab" }).click();
    await reply.getByText("Isu ditandai Dijawab.").waitFor();
    await panel.locator(".fu-panel-head .fu-status").filter({ hasText: "Dijawab" }).waitFor();
    // What was answered on the platform stays in the issue's history.
    await expect.poll(async () => (await panel.locator(".fu-history li").allTextContents()).join("\n")).toContain("Terima kasih atas laporannya");
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });

  it("posts from the dashboard where the account is connected, and keeps the text when the reply is refused", async () => {
    const page = await openPage(demo.browser, PHONE);
    await page.goto(demo.server.baseUrl + "/");
    const vid = await villageId(page);
    const sources = await api<Array<{ id: number; platform: string }>>(page, "GET", `/api/villages/${vid}/sources`);
    await api(page, "PATCH", `/api/sources/${sources.find((s) => s.platform === "x")!.id}`, { token: "e2e-token-x" });
    const issue = (await unanswered(page, "x"))[0];
    await page.goto(demo.server.baseUrl + `/tindak-lanjut?isu=${issue.id}`);
    const reply = page.locator(".fu-panel form.fu-reply").first();
    await reply.waitFor();
    expect(await reply.locator(".fu-reply-note").innerText()).toMatch(/terkirim langsung ke X/);
    expect(await reply.getByRole("button", { name: "Salin teks" }).count()).toBe(0);
    const text = "Terima kasih, silakan hubungi kami di 081234567890 untuk jadwalnya.";
    await reply.locator("textarea").fill(text);
    await reply.getByRole("button", { name: "Balas di X" }).click();
    await reply.getByText(/nomor telepon/).waitFor();
    expect(await reply.locator("[role=status]").innerText()).toContain("teksnya tetap di sini");
    expect(await reply.locator("textarea").inputValue()).toBe(text);
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});

describe("marking an issue answered or finished without a reply to the residents", () => {
  it("asks in the page first; cancelling keeps the status, confirming saves it", async () => {
    const page = await openPage(demo.browser, PHONE);
    await page.goto(demo.server.baseUrl + "/");
    const issue = (await unanswered(page, "facebook"))[0];
    await page.goto(demo.server.baseUrl + `/tindak-lanjut?isu=${issue.id}`);
    const form = page.locator("form.fu-change");
    await form.waitFor();
    const head = page.locator(".fu-panel-head .fu-status");
    await form.getByLabel("Status", { exact: true }).selectOption("selesai");
    await form.getByRole("button", { name: "Simpan", exact: true }).click();
    const confirm = form.getByRole("alertdialog");
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain("Belum ada balasan untuk warga di percakapan. Tetap tandai Selesai?");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("follow-up-phone-confirm") });
    await confirm.getByRole("button", { name: "Batal" }).click();
    expect(await confirm.count()).toBe(0);
    expect(await form.getByLabel("Status", { exact: true }).inputValue()).toBe("perlu_jawaban");
    expect(await head.innerText()).toBe("Perlu jawaban");
    const stored = await api<{ case: { status: string } }>(page, "GET", `/api/cases/${issue.id}`);
    expect(stored.case.status).toBe("perlu_jawaban");

    await form.getByLabel("Status", { exact: true }).selectOption("selesai");
    await form.getByRole("button", { name: "Simpan", exact: true }).click();
    await confirm.getByRole("button", { name: "Ya, tandai Selesai" }).click();
    await form.getByText("Tersimpan.").waitFor();
    await head.filter({ hasText: "Selesai" }).waitFor();
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});

describe("the list on a phone", () => {
  it("comes back at the same place, on the issue just closed", async () => {
    const page = await openPage(demo.browser, PHONE);
    await page.goto(demo.server.baseUrl + "/tindak-lanjut");
    const rows = page.locator(".fu-row");
    await rows.nth(20).waitFor();
    await rows.nth(20).evaluate((e) => e.scrollIntoView({ block: "center" }));
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(1500);
    const title = await rows.nth(20).locator(".fu-title").innerText();
    await rows.nth(20).locator(".case-open").click();
    await page.locator(".fu-panel h2").waitFor();
    expect(await page.locator(".fu-list").isVisible()).toBe(false);
    await page.getByRole("button", { name: /Kembali ke daftar/ }).click();
    await rows.first().waitFor();
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => document.activeElement?.closest(".fu-row")?.querySelector(".fu-title")?.textContent)).toBe(title);
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });

  it("shows the bulk bar on screen after ticking an issue deep in the list, and over no issue at its end", async () => {
    const page = await openPage(demo.browser, PHONE);
    await page.goto(demo.server.baseUrl + "/tindak-lanjut");
    // The first issue from the 16th on that nobody has answered yet (the list's own order).
    const open = await api<CaseRow[]>(page, "GET", `/api/villages/${await villageId(page)}/cases?limit=50`);
    const deep = open.findIndex((c, i) => i >= 15 && c.status === "perlu_jawaban" && c.firstReplyAt === null);
    expect(deep).toBeGreaterThanOrEqual(15);
    const checks = page.locator(".fu-check");
    await checks.nth(deep).waitFor();
    await checks.nth(deep).scrollIntoViewIfNeeded();
    await checks.nth(deep).check();
    const bar = page.locator(".fu-bulk");
    await bar.getByText("1 dipilih").waitFor();
    const inView = await bar.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    // The ticked issue itself stays visible above the bar.
    const box = await checks.nth(deep).evaluate((e) => e.getBoundingClientRect().bottom);
    expect(box).toBeLessThanOrEqual(await bar.evaluate((e) => e.getBoundingClientRect().top));
    await page.screenshot({ path: screenshotPath("follow-up-phone-bulk") });
    // Marking it finished from the bar asks first too; cancelling changes nothing.
    await bar.getByLabel("Ubah status").selectOption("selesai");
    await bar.getByRole("button", { name: "Terapkan" }).click();
    const confirm = bar.getByRole("alertdialog");
    expect(await confirm.innerText()).toContain("1 isu terpilih belum punya balasan untuk warga di percakapan. Tetap tandai Selesai?");
    await page.screenshot({ path: screenshotPath("follow-up-phone-bulk-confirm") });
    await confirm.getByRole("button", { name: "Batal" }).click();
    expect(await confirm.count()).toBe(0);
    expect((await api<{ case: { status: string } }>(page, "GET", `/api/cases/${open[deep].id}`)).case.status).toBe("perlu_jawaban");
    // At the end of the list the bar sits below the last issue, not over it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = await page.locator(".fu-row").last().evaluate((e) => e.getBoundingClientRect().bottom);
    expect(last).toBeLessThanOrEqual(await bar.evaluate((e) => e.getBoundingClientRect().top));
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});
