// The runner's bookkeeping: JobRun rows, source health, the X posts-read counter, the per-source
// lock, and the scheduler picking due sources.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPostsRead, runSource } from "../../jobs/src/ingest/runSource";
import { runDueSources, startScheduler } from "../../jobs/src/scheduler";
import { getSource, updateSource } from "../../server/src/db/sourceRepository";
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
    expect(JSON.parse(src.settings).xUsage).toEqual({ month: "2026-11", postsRead: r.postsRead });
    expect(r.postsRead).toBeGreaterThanOrEqual(5 + 1 + 2); // mentions + timeline + replies
    expect(src.lastSuccessAt).not.toBeNull();
    expect(src.cursor).toMatch(/"sinceId":"1993001122334455667"/);
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
