// Erasure on a resident's request (UU PDP) in real Chromium against the real server and the demo
// village, on a 360-px phone: the demo admin opens a comment in the explorer, asks to delete all of
// its author's comments, reads how many and over which dates (as the API previews them), confirms,
// is told how many were deleted, and the author's comments are gone from the village.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { AuthorErasurePreviewDTO, CommentListDTO, VillageDTO } from "@suara-desa/shared/contracts";
import { localDay } from "@suara-desa/shared/time";
import { demoSession, openPage, screenshotPath } from "./harness";

const demo = demoSession();

/** GET through the page's session: status and `data`. */
async function api<T>(page: Page, url: string): Promise<{ status: number; data: T }> {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    return { status: res.status, data: (await res.json()).data };
  }, url);
}

/** Every comment the explorer can list in the village, spam included. */
async function storedTotal(page: Page, villageId: number): Promise<number> {
  return page.evaluate(async (u) => ((await (await fetch(u)).json()) as CommentListDTO).total, `/api/villages/${villageId}/comments?spam=include&limit=1`);
}

const dateId = (iso: string, tz: string) =>
  new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${localDay(new Date(iso), tz)}T00:00:00Z`));
const numberId = (n: number) => new Intl.NumberFormat("id-ID").format(n);

describe("Hapus semua komentar penulis ini", () => {
  it("previews, confirms and erases one author's comments in the village from the explorer, on a 360-px phone", async () => {
    const page = await openPage(demo.browser, { width: 360, height: 740 });
    // The explorer's own first page: the cards on screen, in order.
    const listed = page.waitForResponse((r) => /\/api\/villages\/\d+\/comments\?/.test(r.url()) && r.request().method() === "GET");
    await page.goto(demo.server.baseUrl + "/jelajahi");
    const comments = ((await (await listed).json()) as CommentListDTO).data;
    await page.getByRole("heading", { level: 1, name: "Jelajahi Komentar" }).waitFor();
    const village = (await api<VillageDTO[]>(page, "/api/villages")).data.find((v) => v.code === "32.15.04.2006")!;

    // A comment whose author wrote several comments on different days, so the question names a range.
    let index = -1;
    let preview: AuthorErasurePreviewDTO | undefined;
    for (let i = 0; i < comments.length && index < 0; i++) {
      const p = (await api<AuthorErasurePreviewDTO>(page, `/api/comments/${comments[i].id}/author-erasure`)).data;
      if (p.comments >= 2 && localDay(new Date(p.firstAt), village.timeZone) !== localDay(new Date(p.lastAt), village.timeZone)) [index, preview] = [i, p];
    }
    expect(index, "a demo author with comments on several days").toBeGreaterThanOrEqual(0);
    const target = comments[index];
    const allBefore = await storedTotal(page, village.id);

    const card = page.locator("ol.comment-list > li").nth(index);
    await card.getByRole("button", { name: "Detail & koreksi" }).click();
    const start = card.getByRole("button", { name: "Hapus semua komentar penulis ini" });
    await start.scrollIntoViewIfNeeded();
    const asked = page.waitForResponse((r) => r.url().endsWith(`/api/comments/${target.id}/author-erasure`));
    await start.click();
    const shown = (await (await asked).json()).data as AuthorErasurePreviewDTO;
    expect(shown).toEqual(preview);

    // The question in village-office words: the count and the dates the API previewed; no ids, no pseudonym.
    const question = card.getByRole("group", { name: /^Atas permintaan warga/ });
    await question.waitFor();
    // Demo authors have platform accounts: no name-only warning, one paragraph naming the platform.
    expect(shown.byNameOnly).toBe(false);
    const platformName = { x: "X", facebook: "Facebook", instagram: "Instagram", file: "Berkas impor" }[shown.platform];
    const text = await question.locator("p").innerText();
    expect(text).toBe(
      `Atas permintaan warga (UU PDP): hapus ${numberId(shown.comments)} komentar penulis ini dari ${platformName} di desa ini (terbit ${dateId(shown.firstAt, village.timeZone)} – ${dateId(shown.lastAt, village.timeZone)})? Teks komentar tidak bisa dikembalikan; statistik dihitung ulang tanpa komentar ini.`,
    );
    expect(await card.innerText()).not.toMatch(/[0-9a-f]{16,}/);
    // The safe answer has the focus; nothing sticks out at 360 px.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Batal");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const layout = await question.evaluate((box) => {
      const outer = box.getBoundingClientRect();
      const inner = [...box.querySelectorAll("p, button")].map((e) => e.getBoundingClientRect());
      return { outside: inner.filter((r) => r.left < outer.left - 1 || r.right > outer.right + 1).length, right: outer.right };
    });
    expect(layout.outside).toBe(0);
    expect(layout.right).toBeLessThanOrEqual(360);
    await question.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("author-erasure-confirm-phone") });

    // Cancel first: nothing deleted, the button is back.
    await question.getByRole("button", { name: "Batal" }).click();
    await start.waitFor();
    expect((await api<AuthorErasurePreviewDTO>(page, `/api/comments/${target.id}/author-erasure`)).data.comments).toBe(shown.comments);

    await start.click();
    await question.getByRole("button", { name: `Ya, hapus ${numberId(shown.comments)} komentar` }).click();
    const done = page.getByRole("status").filter({ hasText: "komentar penulis itu sudah dihapus" });
    await done.waitFor();
    expect(await done.innerText()).toBe(`${numberId(shown.comments)} komentar penulis itu sudah dihapus dari desa ini; statistik sudah dihitung ulang tanpa komentar tersebut.`);
    await done.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("author-erasure-done-phone") });

    // Through the API: the comment and the author's other comments are gone, nothing else.
    expect((await api(page, `/api/comments/${target.id}`)).status).toBe(404);
    expect((await api(page, `/api/comments/${target.id}/author-erasure`)).status).toBe(404);
    expect(allBefore - (await storedTotal(page, village.id))).toBe(shown.comments);
    // The refreshed list no longer holds the erased comment, and no detail is left open.
    await expect.poll(async () => page.locator("ol.comment-list article").filter({ hasText: target.text }).count()).toBeLessThan(
      comments.filter((c) => c.text === target.text).length,
    );
    expect(await page.getByRole("button", { name: "Hapus semua komentar penulis ini" }).count()).toBe(0);
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});
