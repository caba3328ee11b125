// "Hubungkan akun" in real Chromium against the real server, with X and Facebook imitated by the
// project's fake API server: the official clicks "Hubungkan akun X", the browser goes to the
// consent page and comes back connected; "Hubungkan Facebook & Instagram" ends at the page picker;
// when X refuses the refresh the card says "Perlu login ulang" and one click on "Login ulang"
// connects it again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDataset } from "../fake/datasets";
import { startFakeApiServer, type FakeServer } from "../fake/fakeApiServer";
import { buildClient, launchBrowser, loginAsDemo, startServer, type Browser, type RunningServer } from "./harness";

const APPS = { x: { clientId: "e2e-x-client", clientSecret: "e2e-x-secret" }, meta: { appId: "555000111", appSecret: "e2e-meta-secret" } };
const dataset = fixtureDataset();
let fake: FakeServer;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  buildClient();
  fake = await startFakeApiServer({ dataset, token: "EAAB-e2e-page-token", apps: APPS });
  server = await startServer(180_000, {
    X_CLIENT_ID: APPS.x.clientId, X_CLIENT_SECRET: APPS.x.clientSecret, X_AUTHORIZE_URL: `${fake.url}/i/oauth2/authorize`,
    X_TOKEN_URL: `${fake.url}/2/oauth2/token`, X_API_URL: fake.xBaseUrl, META_APP_ID: APPS.meta.appId, META_APP_SECRET: APPS.meta.appSecret,
    META_DIALOG_URL: `${fake.graphBaseUrl}/dialog/oauth`, META_GRAPH_URL: fake.graphBaseUrl,
  });
  browser = await launchBrowser();
  await loginAsDemo(browser, server.baseUrl);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

describe("Hubungkan akun on the Sumber Data page", () => {
  it("connects the X account through the login, then reconnects it in one click after X ends the login", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/sumber`);
    await page.getByRole("button", { name: "Hubungkan akun X" }).click();
    await page.getByText("Akun X terhubung.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sumber");
    const card = page.locator("article.source-card", { hasText: dataset.x.accountId });
    await expect(card.locator(".source-status").textContent()).resolves.toBe("Aktif");

    fake.expireXAccessTokens();
    fake.revokeXRefreshTokens();
    await card.getByRole("button", { name: "Jalankan sekarang" }).click();
    await card.locator(".source-status", { hasText: "Perlu login ulang" }).waitFor();
    await card.getByRole("button", { name: "Login ulang" }).click();
    await page.getByText("Akun X terhubung.").waitFor();
    await page.locator("article.source-card", { hasText: dataset.x.accountId }).locator(".source-status", { hasText: "Aktif" }).waitFor();
    await page.close();
  }, 120_000);

  it("connects a Facebook Page and its Instagram account through the page picker", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/sumber`);
    await page.getByRole("button", { name: "Hubungkan Facebook & Instagram" }).click();
    await page.getByRole("heading", { name: "Pilih Halaman desa" }).waitFor();
    await page.getByLabel(/Karang Taruna Mulyasari/).waitFor();
    await page.getByLabel(/Pemerintah Desa Mulyasari · dengan Instagram @desa\.mulyasari/).check();
    await page.getByRole("button", { name: "Hubungkan Halaman ini" }).click();
    await page.locator("article.source-card", { hasText: dataset.facebook.pageId }).waitFor();
    await page.locator("article.source-card", { hasText: dataset.instagram.userId }).waitFor();
    await page.getByRole("heading", { name: "Pilih Halaman desa" }).waitFor({ state: "detached" });
    await page.close();
  }, 120_000);
});
