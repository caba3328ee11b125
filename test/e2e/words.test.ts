// Words a village office understands, in real Chromium against the real server and the demo
// village: the login page (language, named fields, "lupa kata sandi?"), the topic page reached by
// its name with a week picker and a human tab title, the comment detail without model versions,
// greyed-out source buttons that say why, and the Admin page (re-analysis as a button with
// progress, topic edit, password reset, the audit log in sentences) with no command or code.
import type { Page } from "playwright-core";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureBundle } from "./bundleBudget";
import { buildClient, DEMO_USER, launchBrowser, ROOT, screenshotPath, startServer, type Browser, type RunningServer } from "./harness";

const BUDGET_GZIP = 250 * 1024;
/** What must never reach a village office's screen: commands, queue and action codes, ids, versions. */
const DEVELOPER_TEXT = /npm run|\bworker\b|ingest-source|nlp-batch|retag-village|label\.change|settings\.change|source\.change|user\.change|comment:\d|source:\d|topic:[a-z]|#\d+|\+tx\.|versi \d/;

let server: RunningServer;
let browser: Browser;
/** The temporary password the Admin test gave Siti. */
let sitiTemporary = "";

beforeAll(async () => {
  buildClient();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return page;
}

const bodyText = (page: Page) => page.locator("main").innerText();

describe("words a village office understands", () => {
  it("login: language switch, each missing field named under it, and a 'lupa kata sandi?' path", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/");
    await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.getByText("Nama pengguna wajib diisi.").waitFor();
    expect(await page.getByLabel("Nama pengguna").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Nama pengguna").getAttribute("aria-describedby")).toBe("login-username-error");
    await page.getByLabel("Nama pengguna").fill(DEMO_USER.username);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.getByText("Kata sandi wajib diisi.").waitFor();
    expect(await page.getByText("Nama pengguna wajib diisi.").count()).toBe(0);

    await page.getByRole("button", { name: "Lupa kata sandi?" }).click();
    await page.getByText(/Minta admin desa Anda mengatur ulang kata sandi/).waitFor();
    await page.screenshot({ path: screenshotPath("words-login-id"), fullPage: true });

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.getByText("Ask your village admin to reset it on the Admin page.", { exact: false }).waitFor();
    await page.screenshot({ path: screenshotPath("words-login-en"), fullPage: true });
    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();

    await page.getByLabel("Kata sandi").fill(DEMO_USER.password);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Ringkasan Mingguan" }).waitFor();
    await page.close();
  });

  it("a topic's name opens its page, whose tab is titled by name and which has a week picker", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/?week=2026-W47");
    const row = page.locator(".topic-table tbody tr").first();
    await row.waitFor();
    const key = (await row.getAttribute("data-topic"))!;
    const name = (await row.locator("a.topic-link").innerText()).trim();
    await row.locator("a.topic-link").click();
    await page.waitForURL(new RegExp(`/topik/${key}\\?week=2026-W47$`));
    await page.getByRole("heading", { level: 1, name: `Topik: ${name}` }).waitFor();
    await expect.poll(() => page.title()).toMatch(new RegExp(`^Topik: ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} · `));
    expect(await page.title()).not.toContain(key);

    const picker = page.locator("#week-select");
    await picker.waitFor();
    expect(await picker.inputValue()).toBe("2026-W47");
    await page.getByRole("button", { name: "Minggu sebelumnya" }).click();
    await page.waitForURL(new RegExp(`/topik/${key}\\?week=2026-W46$`));
    await page.getByRole("heading", { level: 1, name: `Topik: ${name}` }).waitFor();
    expect(await page.locator("#week-select").inputValue()).toBe("2026-W46");
    await page.screenshot({ path: screenshotPath("words-topic"), fullPage: true });
    await page.close();
  });

  it("the comment detail says labels are automatic, without model names or versions", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/jelajahi?from=2026-11-16&to=2026-11-22");
    const card = page.locator("article.comment").first();
    await card.waitFor();
    await card.getByRole("button", { name: "Detail & koreksi" }).click();
    const form = card.locator("form.correction-form");
    await form.waitFor();
    await card.getByText(/Label di atas dibuat otomatis oleh Suara Desa/).waitFor();
    const text = await card.innerText();
    expect(text).not.toMatch(/Model:|suara-desa-nlp|versi|Ikuti model/);
    expect(await form.getByRole("combobox", { name: "Sentimen" }).locator("option").first().innerText()).toBe("Biarkan otomatis");
    await card.screenshot({ path: screenshotPath("words-comment-detail") });
    await page.close();
  });

  it("greyed-out source buttons say why", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/sumber");
    const card = page.locator("article.source-card").filter({ has: page.getByRole("button", { name: "Tes koneksi" }) }).first();
    await card.waitFor();
    const test = card.getByRole("button", { name: "Tes koneksi" });
    const run = card.getByRole("button", { name: "Jalankan sekarang" });
    expect(await test.isDisabled()).toBe(true);
    expect(await run.isDisabled()).toBe(true);
    const why = await test.getAttribute("aria-describedby");
    expect(why).toBeTruthy();
    expect(await run.getAttribute("aria-describedby")).toBe(why);
    expect(await page.locator(`[id="${why}"]`).innerText()).toMatch(/baru bisa dipakai setelah token akses diisi/);
    await card.screenshot({ path: screenshotPath("words-source-card") });
    await page.close();
  });

  it("Admin: edit a topic, re-analyse with progress, reset a password; the log reads as sentences and no developer text shows", async () => {
    const page = await newPage();
    await page.goto(server.baseUrl + "/admin");
    await page.getByRole("heading", { level: 1 }).waitFor();
    const topics = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Topik desa" }) });
    await topics.locator("tbody tr").first().waitFor();
    expect(await bodyText(page)).not.toMatch(DEVELOPER_TEXT);

    // Edit a topic's name and keywords.
    const row = topics.locator("tbody tr").first();
    const oldName = (await row.locator("td").first().innerText()).split(" · ")[0].trim();
    await row.getByRole("button", { name: `Ubah topik ${oldName}` }).click();
    expect(await topics.getByLabel("Nama (Indonesia)").inputValue()).toBe(oldName);
    const newName = `${oldName} (diubah)`;
    await topics.getByLabel("Nama (Indonesia)").fill(newName);
    const keywords = topics.getByLabel("Kata kunci (pisahkan dengan koma)");
    await keywords.fill(`${await keywords.inputValue()}, kata uji e2e`);
    await topics.getByRole("button", { name: "Simpan", exact: true }).click();
    await topics.getByText(`Topik ${newName} disimpan.`, { exact: false }).waitFor();
    await topics.getByRole("cell", { name: `${newName} · khusus desa ini` }).waitFor();

    // The edit left stored comments with old labels: one button re-analyses them, with progress.
    const retag = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Analisis ulang komentar" }) });
    await retag.getByText(/komentar masih memakai label lama/).waitFor();
    await retag.screenshot({ path: screenshotPath("words-retag-before") });
    await retag.getByRole("button", { name: "Analisis ulang komentar" }).click();
    await retag.getByText(/^Selesai: [\d.]+ komentar dianalisis ulang/).waitFor({ timeout: 120_000 });
    await retag.getByText("Semua komentar sudah memakai topik dan kata kunci terbaru.").waitFor();
    const start = retag.getByRole("button", { name: "Analisis ulang komentar" });
    expect(await start.isDisabled()).toBe(true);
    expect(await page.locator(`[id="${await start.getAttribute("aria-describedby")}"]`).innerText()).toBe("Tidak ada komentar yang perlu dianalisis ulang.");
    await retag.screenshot({ path: screenshotPath("words-retag-done") });

    // An official corrects a comment's intent: a second button re-analyses every stored comment so the
    // corrections reach them too (the correction itself marks nothing as outdated).
    const corrected = await page.evaluate(async () => {
      const villages = (await (await fetch("/api/villages")).json()) as { data: Array<{ id: number }> };
      const vid = villages.data[0].id;
      const list = (await (await fetch(`/api/villages/${vid}/comments?limit=1`)).json()) as { data: Array<{ id: number }> };
      const r = await fetch(`/api/comments/${list.data[0].id}/labels`, {
        method: "PATCH", credentials: "same-origin", headers: { Accept: "application/json", "Content-Type": "application/json" }, body: JSON.stringify({ intent: "usulan" }),
      });
      return r.status;
    });
    expect(corrected).toBe(200);
    await page.reload();
    await retag.getByText(/^Petugas sudah mengoreksi 1 komentar\./).waitFor();
    await retag.getByRole("button", { name: "Terapkan koreksi ke semua komentar" }).click();
    await retag.getByText(/^Selesai: [\d.]+ komentar dianalisis ulang/).waitFor({ timeout: 120_000 });
    await retag.screenshot({ path: screenshotPath("words-retag-corrections") });

    // A new account, then its password reset: a temporary password shown once.
    const users = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Pengguna" }) });
    await users.getByLabel("Nama pengguna").fill("siti");
    await users.getByLabel("Nama lengkap").fill("Siti Aminah");
    await users.getByLabel("Kata sandi (min. 8 karakter)").fill("sandi-awal-siti");
    await users.getByRole("button", { name: "Simpan", exact: true }).click();
    await users.getByRole("button", { name: "Atur ulang kata sandi Siti Aminah" }).click();
    const temp = await users.getByLabel("Kata sandi sementara").inputValue();
    expect(temp).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await users.getByRole("button", { name: "Simpan kata sandi baru" }).click();
    await users.getByText("Kata sandi baru untuk Siti Aminah:").waitFor();
    expect(await users.locator(".temp-password").innerText()).toBe(temp);
    sitiTemporary = temp;
    await users.screenshot({ path: screenshotPath("words-password-reset") });

    // The audit log, reloaded: sentences naming people and things.
    await page.reload();
    const audit = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Log audit" }) });
    await audit.locator("tbody tr").first().waitFor();
    await audit.getByText(`mengatur ulang kata sandi Siti Aminah`, { exact: false }).waitFor();
    await audit.getByText(`mengubah nama atau kata kunci topik ${newName}`, { exact: false }).waitFor();
    await audit.getByText("memulai analisis ulang komentar", { exact: false }).waitFor();
    await audit.getByText("menerapkan koreksi petugas ke semua komentar", { exact: false }).waitFor();
    await audit.getByText("menambah pengguna Siti Aminah", { exact: false }).waitFor();
    expect(await bodyText(page)).not.toMatch(DEVELOPER_TEXT);
    await page.screenshot({ path: screenshotPath("words-admin"), fullPage: true });
    await page.close();
  });

  it("after a reset, the user replaces the temporary password before the app opens", async () => {
    expect(sitiTemporary).not.toBe("");
    // Another browser: Siti's own session, not the admin's.
    const other = await launchBrowser();
    try {
      const page = await other.context.newPage();
      await page.goto(server.baseUrl + "/");
      await page.getByLabel("Nama pengguna").fill("siti");
      await page.getByLabel("Kata sandi").fill(sitiTemporary);
      await page.getByRole("button", { name: "Masuk", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Ganti kata sandi" }).waitFor();
      await page.getByText("Halo Siti Aminah, kata sandi Anda baru diatur ulang oleh admin.", { exact: false }).waitFor();
      await page.getByLabel("Kata sandi sementara dari admin").fill(sitiTemporary);
      await page.getByLabel("Kata sandi baru").fill("sandi-pilihan-siti");
      await page.getByLabel("Ulangi kata sandi").fill("sandi-lain-siti");
      await page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
      await page.getByText("Kedua kata sandi tidak sama.").waitFor();
      expect(await page.getByLabel("Ulangi kata sandi").getAttribute("aria-invalid")).toBe("true");
      await page.screenshot({ path: screenshotPath("words-change-password"), fullPage: true });
      await page.getByLabel("Ulangi kata sandi").fill("sandi-pilihan-siti");
      await page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
      await page.getByRole("heading", { level: 1, name: "Ringkasan Mingguan" }).waitFor();
    } finally {
      await other.close();
    }
  });

  it("keeps the first visit within the JavaScript budget", () => {
    const report = measureBundle(path.join(ROOT, "dist", "client"));
    console.log(`first-visit JS: ${(report.initialGzip / 1024).toFixed(1)} KB gzip`);
    expect(report.initialGzip).toBeLessThanOrEqual(BUDGET_GZIP);
  });
});
