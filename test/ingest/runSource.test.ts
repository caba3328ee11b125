// The runner's bookkeeping: JobRun rows, source health, the X posts-read counter, the per-source
// lock, and the scheduler picking due sources.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPostsRead, runSource } from "@suara-desa/jobs/ingest/runSource";
import { snowflake } from "../fake/datasets";
import type { XTweet } from "@suara-desa/jobs/ingest/x/normalize";
import { runDueSources, startScheduler } from "@suara-desa/jobs/scheduler";
import { getSource, updateSource } from "@suara-desa/core/db/sourceRepository";
import { presentSource } from "@suara-desa/core/presenters/sourcePresenter";
import { FIXTURE_NOW, fixtureDataset } from "../fake/datasets";
import { startFakeApiServer, type FakeServer } from "../fake/fakeApiServer";
import { createTempDatabase } from "../helpers/tempDb";
import { createApiSource, createVillage, storedIds } from "./helpers/sourceFactory";

const TOKEN = "tok-runner";
let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let fake: FakeServer;
const now = () => new Date(FIXTURE_NOW);

beforeAll(async () => {
  temp = await createTempDatabase();
  fake = await startFakeApiServer({ dataset: fixtureDataset(), token: TOKEN, pageSize: 2, now: () => FIXTURE_NOW, delayMs: 5 });
});
afterAll(async () => {
  await fake?.close();
  await temp?.cleanup();
});

const opts = () => ({ xApiUrl: fake.xBaseUrl, graphUrl: fake.graphBaseUrl, timeoutMs: 1_000, now, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 } });

describe("runSource", () => {
  it("X: stores the golden comments, counts posts read this month, records the JobRun", async () => {
    const { db } = temp;
    const villageId = await createVillage(db);
    const sourceId = await createApiSource(db, villageId, "x", fixtureDataset(), TOKEN);
    const r = await runSource(db, sourceId, opts());
    expect(r).toMatchObject({ status: "ok", done: true, error: null });
    expect(await storedIds(db, villageId, "x")).toEqual(["1993000888888888888", "1993000999999999999", "1993001122334455600", "1993001122334455667"]);
    // The village's own reply is stored for the thread but flagged out of the statistics.
    const flagged = await db.prisma.comment.findMany({ where: { villageId, fromVillage: true }, select: { externalId: true } });
    expect(flagged.map((c) => c.externalId)).toEqual(["1993000888888888888"]);
    const src = (await getSource(db, sourceId))!;
    expect(src.settings.xUsage).toEqual({ month: "2026-11", postsRead: r.postsRead });
    // 5 mentions + 1 village post + 1 reply the search finds: the village's own answer, which does
    // not mention the village; the residents' replies came with the mentions and are not read again.
    expect(r.postsRead).toBe(5 + 1 + 1);
    expect(src.lastSuccessAt).not.toBeNull();
    expect(src.cursor).toMatchObject({ platform: "x", mentions: { sinceId: "1993001122334455667" } });
    const job = await db.prisma.jobRun.findFirstOrThrow({ where: { sourceId } });
    expect(job).toMatchObject({ kind: "ingest", status: "ok", new: 4 });
    expect(JSON.parse(job.details!)).toMatchObject({ done: true, postsRead: r.postsRead });
    // A second pass reads only newer mentions: nothing new.
    const again = await runSource(db, sourceId, opts());
    expect(again.new).toBe(0);
  });

  it("a bounded run stops after maxPages and the next run resumes from the cursor", async () => {
    const { db } = temp;
    const villageId = await createVillage(db);
    const sourceId = await createApiSource(db, villageId, "instagram", fixtureDataset(), TOKEN);
    const first = await runSource(db, sourceId, { ...opts(), maxPages: 1 });
    expect(first).toMatchObject({ status: "ok", pages: 1, done: false });
    let done = false;
    for (let i = 0; i < 10 && !done; i++) done = (await runSource(db, sourceId, { ...opts(), maxPages: 1 })).done;
    expect(done).toBe(true);
    expect((await storedIds(db, villageId, "instagram")).length).toBe(5);
    const own = await db.prisma.comment.findFirstOrThrow({ where: { villageId, externalId: "17890000000000011" } });
    expect(own.fromVillage).toBe(true);
  });

  it("a hand-broken settings or cursor text does not stop the source: a fresh pass with defaults, and the settings text is kept", async () => {
    const { db } = temp;
    const villageId = await createVillage(db);
    const sourceId = await createApiSource(db, villageId, "x", fixtureDataset(), TOKEN);
    await db.prisma.source.update({ where: { id: sourceId }, data: { settings: "{windowDays: 3", cursor: "{\"v\":1,\"phase\":\"posts\"" } });
    const r = await runSource(db, sourceId, opts());
    expect(r).toMatchObject({ status: "ok", done: true, error: null });
    expect((await storedIds(db, villageId, "x")).length).toBe(4);
    const src = (await getSource(db, sourceId))!;
    expect(src.settings).toEqual({ unreadable: "{windowDays: 3", xUsage: { month: "2026-11", postsRead: r.postsRead } });
    expect(src.cursor).toMatchObject({ platform: "x", phase: "mentions", cycleStart: null });
    // The Sources page says so (the text itself stays in the database for whoever repairs it).
    expect(presentSource(src, { raw: true })).toMatchObject({ settingsUnreadable: true, status: "active" });
  });

  it("a wrong token marks the source 'perlu login ulang' and records a failed JobRun", async () => {
    const { db } = temp;
    const villageId = await createVillage(db);
    const sourceId = await createApiSource(db, villageId, "facebook", fixtureDataset(), "expired-token");
    const r = await runSource(db, sourceId, opts());
    expect(r).toMatchObject({ status: "failed", errorKind: "AuthError" });
    const src = (await getSource(db, sourceId))!;
    expect(src.status).toBe("needs_login");
    expect(src.lastError).toMatch(/perlu login ulang/);
    expect(src.lastErrorAt).not.toBeNull();
    expect(src.cursor).toBeNull();
  });

  it("never runs one source twice at once", async () => {
    const { db } = temp;
    const villageId = await createVillage(db);
    const sourceId = await createApiSource(db, villageId, "facebook", fixtureDataset(), TOKEN);
    const [a, b] = await Promise.all([runSource(db, sourceId, opts()), runSource(db, sourceId, opts())]);
    expect([a.status, b.status].sort()).toEqual(["ok", "skipped"]);
    expect(await db.prisma.jobRun.count({ where: { sourceId } })).toBe(1);
  });

  it("a Graph rate limit whose usage header gives no reset backs off (15 min, then 30) instead of retrying at once", async () => {
    const { db } = temp;
    const villageId = await createVillage(db);
    await db.prisma.village.update({ where: { id: villageId }, data: { timeZone: "Asia/Makassar" } });
    const sourceId = await createApiSource(db, villageId, "facebook", fixtureDataset(), TOKEN);
    const logs: string[] = [];
    const limited = await startFakeApiServer({ dataset: fixtureDataset(), token: TOKEN, pageSize: 2, now: () => FIXTURE_NOW, faults: () => ({ kind: "rate_limit", resetInSec: 0, usage: "app" }) });
    try {
      const first = await runSource(db, sourceId, { ...opts(), graphUrl: limited.graphBaseUrl, log: (m) => logs.push(m) });
      // One request: X-App-Usage has no estimated_time_to_regain_access, which is no reason to ask again now.
      expect(limited.requests).toHaveLength(1);
      expect(first).toMatchObject({ status: "failed", errorKind: "RateLimitError", retryAt: "2026-11-24T06:15:00.000Z", retryEstimated: true, sourceStatus: "active" });
      // 06:15 UTC is 14.15 WITA: the village's own clock.
      expect(first.error).toBe("Batas permintaan API tercapai dan platform tidak menyebut kapan dibuka lagi; dicoba lagi sekitar 14.15 WITA.");
      expect(logs.join("\n")).toContain("next try about 14.15 WITA");
      const job = await db.prisma.jobRun.findFirstOrThrow({ where: { sourceId }, orderBy: { id: "desc" } });
      expect(JSON.parse(job.details!)).toMatchObject({ rateLimitResetAt: null, retryAt: "2026-11-24T06:15:00.000Z", retryEstimated: true });
      // The scheduler leaves it alone until then.
      await db.prisma.source.update({ where: { id: sourceId }, data: { lastRunAt: new Date(FIXTURE_NOW - 3_600_000) } });
      expect((await runDueSources(db, { intervalMinutes: 15, now, runOptions: { ...opts(), graphUrl: limited.graphBaseUrl } })).map((r) => r.sourceId)).not.toContain(sourceId);
      expect(limited.requests).toHaveLength(1);
      // Limited again: the pause doubles.
      const second = await runSource(db, sourceId, { ...opts(), graphUrl: limited.graphBaseUrl });
      expect(second.retryAt).toBe("2026-11-24T06:30:00.000Z");
      expect((await getSource(db, sourceId))!.settings.rateLimit).toEqual({ until: "2026-11-24T06:30:00.000Z", strikes: 2, estimated: true });
    } finally {
      await limited.close();
    }
    // A business-use-case limit says when it reopens: that time, not a guess.
    const buc = await startFakeApiServer({ dataset: fixtureDataset(), token: TOKEN, pageSize: 2, now: () => FIXTURE_NOW, faults: () => ({ kind: "rate_limit", resetInSec: 25 * 60, usage: "buc" }) });
    try {
      const r = await runSource(db, sourceId, { ...opts(), graphUrl: buc.graphBaseUrl });
      expect(r).toMatchObject({ retryAt: "2026-11-24T06:25:00.000Z", retryEstimated: false });
      expect(r.error).toContain("sekitar 14.25 WITA, saat batas dibuka lagi");
    } finally {
      await buc.close();
    }
    // A good run ends the pause.
    const ok = await runSource(db, sourceId, opts());
    expect(ok.status).toBe("ok");
    expect((await getSource(db, sourceId))!.settings.rateLimit).toBeUndefined();
  });

  it("says what it waits for, until when (village time) and how long is left, while waiting out a short limit", async () => {
    const { db } = temp;
    const villageId = await createVillage(db);
    const sourceId = await createApiSource(db, villageId, "facebook", fixtureDataset(), TOKEN);
    const slept: number[] = [];
    const logs: string[] = [];
    // The first request hits a business-use-case limit that reopens in a minute.
    const fake1 = await startFakeApiServer({ dataset: fixtureDataset(), token: TOKEN, pageSize: 2, now: () => FIXTURE_NOW, faults: (n) => (n === 1 ? { kind: "rate_limit", resetInSec: 60, usage: "buc" } : null) });
    try {
      const r = await runSource(db, sourceId, { ...opts(), graphUrl: fake1.graphBaseUrl, log: (m) => logs.push(m), retry: { ...opts().retry, maxRateWaitMs: 120_000, sleep: async (ms) => { slept.push(ms); } } });
      expect(r).toMatchObject({ status: "ok", error: null });
    } finally {
      await fake1.close();
    }
    expect(slept.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(logs[0]).toBe(`source ${sourceId}: rate limit (Graph 32: (#32) Page request limit reached); waiting 60 s until 13.01 WIB…`);
    expect(logs.slice(1, 6)).toEqual([50, 40, 30, 20, 10].map((s) => `source ${sourceId}: still waiting, ${s} s left…`));
  });

  it("X: a first pass reads every reply once — mentions are not searched again (quota)", async () => {
    const { db } = temp;
    // 12 village posts with 40 replies each: 30 name the village (so they are mentions too),
    // 10 answer another resident without naming it.
    const account = "1400000000000000001";
    const hour = 3_600_000;
    const posts: XTweet[] = [];
    const replies: XTweet[] = [];
    const mentions: XTweet[] = [];
    let seq = 0;
    for (let p = 0; p < 12; p++) {
      const t = FIXTURE_NOW - (p + 2) * 6 * hour;
      const id = snowflake(t, seq++);
      posts.push({ id, text: `Pengumuman ${p}`, author_id: account, conversation_id: id, created_at: new Date(t).toISOString() });
      for (let k = 0; k < 40; k++) {
        const rt = t + (k + 1) * 60_000;
        const mention = k < 30;
        const tw: XTweet = { id: snowflake(rt, seq++), text: `${mention ? "@desamulyasari" : "@warga_1"} jalan rusak ${p}-${k}`, author_id: "1500000000000000010", conversation_id: id, created_at: new Date(rt).toISOString(), lang: "in" };
        replies.push(tw);
        if (mention) mentions.push(tw);
      }
    }
    const dataset = { x: { accountId: account, handle: "desamulyasari", name: "Desa Mulyasari", mentions, posts, replies, users: [{ id: "1500000000000000010", name: "Warga", username: "warga_0" }] } };
    const big = await startFakeApiServer({ dataset, token: TOKEN, pageSize: 100, now: () => FIXTURE_NOW });
    try {
      const villageId = await createVillage(db);
      const sourceId = await createApiSource(db, villageId, "x", dataset, TOKEN);
      const r = await runSource(db, sourceId, { ...opts(), xApiUrl: big.xBaseUrl });
      expect(r).toMatchObject({ status: "ok", done: true });
      expect((await storedIds(db, villageId, "x")).length).toBe(480);
      // What the API returned (and X bills): 480 comments + 12 posts, each once.
      const served = big.requests.reduce((n, q) => n + q.items, 0);
      expect(served).toBe(492);
      expect(r.postsRead).toBe(492);
      expect(big.requests.filter((q) => q.path.endsWith("/search/recent")).every((q) => q.query.query.endsWith(" -@desamulyasari"))).toBe(true);
    } finally {
      await big.close();
    }
  });

  it("addPostsRead restarts the counter in a new month", () => {
    const s = addPostsRead({}, new Date("2026-11-30T23:00:00Z"), 10);
    expect(addPostsRead(s, new Date("2026-11-30T23:30:00Z"), 5).xUsage).toEqual({ month: "2026-11", postsRead: 15 });
    expect(addPostsRead(s, new Date("2026-12-01T00:10:00Z"), 5).xUsage).toEqual({ month: "2026-12", postsRead: 5 });
  });
});

describe("scheduler", () => {
  it("runs due sources only and skips those waiting for a new login", async () => {
    const { db } = temp;
    // Everything created so far was run "now"; make one source due and one needing login.
    const villageId = await createVillage(db);
    const due = await createApiSource(db, villageId, "facebook", { ...fixtureDataset(), facebook: { ...fixtureDataset().facebook, pageId: "104512345678901" } }, TOKEN);
    const locked = await createApiSource(db, villageId, "instagram", fixtureDataset(), TOKEN);
    await updateSource(db, locked, { status: "needs_login" });
    const results = await runDueSources(db, { intervalMinutes: 15, now, runOptions: opts() });
    const ran = results.map((r) => r.sourceId);
    expect(ran).toContain(due);
    expect(ran).not.toContain(locked);
    // Just ran: not due again within the interval.
    const again = await runDueSources(db, { intervalMinutes: 15, now, runOptions: opts() });
    expect(again.map((r) => r.sourceId)).not.toContain(due);
  });

  it("startScheduler wakes on its croner pattern, runs a due source, and stops", async () => {
    const { db } = temp;
    const villageId = await createVillage(db);
    const sourceId = await createApiSource(db, villageId, "instagram", { ...fixtureDataset() }, TOKEN);
    await db.prisma.source.updateMany({ where: { NOT: { id: sourceId } }, data: { status: "paused" } });
    const handle = startScheduler(db, { pattern: "* * * * * *", intervalMinutes: 15, now, runOptions: opts() });
    try {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await db.prisma.jobRun.count({ where: { sourceId, status: { not: "running" } } })) === 0) await new Promise((r) => setTimeout(r, 100));
    } finally {
      handle.stop();
    }
    expect(await db.prisma.jobRun.count({ where: { sourceId } })).toBeGreaterThanOrEqual(1);
    // Stopped: even a source that is due again does not run.
    await db.prisma.source.update({ where: { id: sourceId }, data: { lastRunAt: null } });
    const count = await db.prisma.jobRun.count({ where: { sourceId } });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await db.prisma.jobRun.count({ where: { sourceId } })).toBe(count);
  });
});
