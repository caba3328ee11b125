// Peringatan (Admin) in real Chromium against the real server and the demo village: the on/off switch
// of the officials' Telegram group, worked with the keyboard alone. Off survives a reload (the server
// stored it), the list and the delivery log say so, the test message is refused while off; on again
// likewise; the switch is a named switch for screen readers; at 360 px nothing sticks out.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { VillageDTO } from "@suara-desa/shared/contracts";
import { demoSession, openPage, screenshotPath } from "./harness";

const demo = demoSession();

const newPage = (viewport?: { width: number; height: number }) => openPage(demo.browser, viewport);

const GROUP = "-1001234567890"; // the demo's Telegram group
const SWITCH_NAME = `Kirim peringatan ke Telegram ${GROUP}`;

const panelOf = (page: Page) => page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Peringatan" }) });

/** Opens Admin and moves the keyboard focus onto the group's switch with Tab, as a keyboard user would. */
async function openAndTabToSwitch(page: Page): Promise<{ panel: Locator; sw: Locator; row: Locator }> {
  await page.goto(demo.server.baseUrl + "/admin");
  const panel = panelOf(page);
  const sw = panel.getByRole("switch", { name: SWITCH_NAME });
  await sw.waitFor();
  // A click on the panel's text sets where Tab starts (no focus, no action); Tab then walks forward.
  await panel.locator("p.muted").first().click();
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await sw.evaluate((e) => e === document.activeElement);
  }
  expect(reached).toBe(true);
  // Visible focus for a keyboard user.
  expect(await sw.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe("none");
  // `has` takes a locator relative to the row.
  return { panel, sw, row: panel.locator(".alert-channels li").filter({ has: page.getByRole("switch", { name: SWITCH_NAME }) }) };
}

/** The channel as the server has it. */
async function storedEnabled(page: Page): Promise<boolean> {
  return page.evaluate(async (target) => {
    const villages = (await (await fetch("/api/villages")).json()).data as VillageDTO[];
    const v = villages.find((x) => x.code === "32.15.04.2006")!;
    const body = await (await fetch(`/api/villages/${v.id}/alerts`)).json();
    return (body.data.channels as Array<{ target: string; enabled: boolean }>).find((c) => c.target === target)!.enabled;
  }, GROUP);
}

/** The delivery log's channel cells of the group's messages. */
const logChannels = async (panel: Locator) =>
  (await panel.locator("table tbody tr td:nth-child(2)").allInnerTexts()).map((s) => s.trim()).filter((s) => s.includes(GROUP));

describe("Peringatan: a channel's on/off switch", () => {
  it("switches the group off with the keyboard; after a reload it is still off and the list and the log say so; on again the same way", async () => {
    const page = await newPage();
    let { panel, sw, row } = await openAndTabToSwitch(page);
    expect(await sw.isChecked()).toBe(true);
    expect((await row.innerText()).startsWith("Aktif")).toBe(true);
    // The demo group received the urgent alerts of the demo: the log names it as it is.
    expect((await logChannels(panel)).length).toBeGreaterThan(0);
    expect(new Set(await logChannels(panel))).toEqual(new Set([`Telegram ${GROUP}`]));

    await page.keyboard.press("Space");
    await expect.poll(() => sw.isChecked()).toBe(false);
    await expect.poll(() => storedEnabled(page)).toBe(false);

    await page.reload();
    ({ panel, sw, row } = await openAndTabToSwitch(page));
    expect(await sw.isChecked()).toBe(false);
    expect((await row.innerText()).startsWith("Nonaktif")).toBe(true);
    expect(await row.getAttribute("class")).toContain("alert-channel-off");
    // No test message to a channel that is off; its settings are still shown.
    expect(await row.getByRole("button", { name: "Kirim pesan uji" }).isDisabled()).toBe(true);
    expect(await row.innerText()).toContain("Laporan darurat");
    expect(new Set(await logChannels(panel))).toEqual(new Set([`Telegram ${GROUP} (nonaktif)`]));
    await panel.screenshot({ path: screenshotPath("alerts-switch-off-desktop") });

    await page.keyboard.press("Space");
    await expect.poll(() => sw.isChecked()).toBe(true);
    await expect.poll(() => storedEnabled(page)).toBe(true);
    await page.reload();
    ({ panel, sw, row } = await openAndTabToSwitch(page));
    expect(await sw.isChecked()).toBe(true);
    expect((await row.innerText()).startsWith("Aktif")).toBe(true);
    expect(await row.getByRole("button", { name: "Kirim pesan uji" }).isDisabled()).toBe(false);
    expect(new Set(await logChannels(panel))).toEqual(new Set([`Telegram ${GROUP}`]));
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });

  it("fits a 360-px phone: the switch, its channel and its buttons stay inside the row, apart from each other", async () => {
    const page = await newPage({ width: 360, height: 740 });
    const { sw, row } = await openAndTabToSwitch(page);
    await page.keyboard.press("Space");
    await expect.poll(() => storedEnabled(page)).toBe(false);
    await row.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const layout = await row.evaluate((li) => {
      const box = li.getBoundingClientRect();
      const parts = [...li.querySelectorAll("label, button")].map((e) => e.getBoundingClientRect());
      let overlaps = 0;
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j < parts.length; j++) {
          const a = parts[i];
          const b = parts[j];
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
        }
      }
      return { outside: parts.filter((r) => r.left < box.left - 1 || r.right > box.right + 1).length, overlaps, switchSize: parts[0].height };
    });
    expect(layout).toMatchObject({ outside: 0, overlaps: 0 });
    // A finger-sized target: the label around the switch is at least 24 px tall.
    expect(layout.switchSize).toBeGreaterThanOrEqual(24);
    expect(await sw.isChecked()).toBe(false);
    await row.screenshot({ path: screenshotPath("alerts-switch-off-phone") });
    await panelOf(page).screenshot({ path: screenshotPath("alerts-phone") });
    // Back on, for whoever looks at this demo next.
    await sw.focus();
    await page.keyboard.press("Space");
    await expect.poll(() => storedEnabled(page)).toBe(true);
    expect(page.jsErrors).toEqual([]);
    await page.close();
  });
});
