// Masa simpan komentar (Admin) in real Chromium against the real server and the demo village, on a
// 360-px phone: the page says what the village keeps (everything, in the demo), previews what a
// three-month period would delete and when before anything is saved, saves it (still there after a
// reload, now as what the next nightly deletion removes), and fits the phone.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { VillageDTO, VillageSettingsDTO } from "@suara-desa/shared/contracts";
import { localDay } from "@suara-desa/shared/time";
import { demoSession, openPage, screenshotPath } from "./harness";

const demo = demoSession();

const panelOf = (page: Page) => page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Masa simpan komentar" }) });

/** The demo village's settings as the server computes them (`preview`: months not saved). */
async function settings(page: Page, preview?: number): Promise<VillageSettingsDTO> {
  return page.evaluate(async (months) => {
    const villages = (await (await fetch("/api/villages")).json()).data as VillageDTO[];
    const v = villages.find((x) => x.code === "32.15.04.2006")!;
    return (await (await fetch(`/api/villages/${v.id}/settings${months ? `?retentionMonths=${months}` : ""}`)).json()).data as VillageSettingsDTO;
  }, preview);
}

const dateId = (day: string) => new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
const numberId = (n: number) => new Intl.NumberFormat("id-ID").format(n);

describe("Masa simpan komentar", () => {
  it("shows what the village keeps, previews a shorter period's deletions before saving, saves it, on a 360-px phone", async () => {
    const page = await openPage(demo.browser, { width: 360, height: 740 });
    await page.goto(demo.server.baseUrl + "/admin");
    const panel = panelOf(page);
    const select = panel.getByLabel("Simpan komentar selama");
    await select.waitFor();
    await panel.scrollIntoViewIfNeeded();

    // As stored: everything kept, nothing due; the oldest comment named in words.
    const stored = await settings(page);
    expect(stored).toMatchObject({ retentionMonths: null, keptFrom: null, dueForDeletion: 0, nextDeletionAt: null, purgedBefore: null });
    expect(await select.inputValue()).toBe("none");
    const save = panel.getByRole("button", { name: "Simpan" });
    expect(await save.isDisabled()).toBe(true);
    let text = await panel.innerText();
    expect(text).toContain("Semua komentar disimpan, berapa pun umurnya.");
    expect(text).toContain(`Komentar tertua yang tersimpan terbit ${dateId(stored.oldestCommentDay!)}.`);
    expect(text).not.toContain("akan dihapus");

    // Three months, not saved yet: the warning names how many stored comments would go, and when.
    // (The demo's comments are from Aug–Nov 2026: some are older than three months from today on.)
    await select.selectOption("3");
    const preview = await settings(page, 3);
    expect(preview.dueForDeletion).toBeGreaterThan(0);
    const warning = panel.locator("li.tone-bad");
    await warning.waitFor();
    const warned = await warning.innerText();
    expect(warned.startsWith(`Jika disimpan: ${numberId(preview.dueForDeletion)} komentar yang sudah tersimpan akan dihapus pada penghapusan otomatis berikutnya (${dateId(localDay(new Date(preview.nextDeletionAt!), "Asia/Jakarta"))}`)).toBe(true);
    expect(warned).toContain("02.30). Statistik hariannya tetap ada, tetapi teks komentarnya tidak bisa dikembalikan.");
    expect(await panel.innerText()).toContain(`Komentar yang terbit sebelum ${dateId(preview.keptFrom!)} tidak disimpan, juga bila diimpor dari berkas lama; batas ini maju satu hari setiap hari.`);
    expect((await settings(page)).retentionMonths).toBeNull();

    // Nothing sticks out or overlaps at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const layout = await panel.evaluate((section) => {
      const box = section.getBoundingClientRect();
      const [s, b] = [section.querySelector("select")!, section.querySelector("button")!].map((e) => e.getBoundingClientRect());
      const overlap = s.left < b.right - 1 && b.left < s.right - 1 && s.top < b.bottom - 1 && b.top < s.bottom - 1;
      return { outside: [s, b].filter((r) => r.left < box.left - 1 || r.right > box.right + 1).length, overlap, selectWidth: s.width, buttonHeight: b.height };
    });
    expect(layout).toMatchObject({ outside: 0, overlap: false });
    expect(layout.selectWidth).toBeGreaterThanOrEqual(120);
    expect(layout.buttonHeight).toBeGreaterThanOrEqual(24);
    await panel.screenshot({ path: screenshotPath("retention-preview-phone") });

    await save.click();
    await panel.getByRole("status").filter({ hasText: "Masa simpan sudah diubah." }).waitFor();
    expect((await settings(page)).retentionMonths).toBe(3);
    await page.reload();
    await select.waitFor();
    expect(await select.inputValue()).toBe("3");
    text = await panel.innerText();
    expect(text).toContain(`${numberId(preview.dueForDeletion)} komentar tersimpan akan dihapus pada penghapusan otomatis berikutnya`);
    expect(text).not.toContain("Jika disimpan");

    // Back to keeping everything, for whoever looks at this demo next.
    await select.selectOption("none");
    await save.click();
    await expect.poll(async () => (await settings(page)).retentionMonths).toBeNull();
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});
