// API behaviour the dashboard relies on: the weekly overview from rollups, the explorer's
// filters and pagination, and 400s that name the field.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let villageId: number;
let api: ReturnType<typeof as>;

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  const v = await createVillage(env.db, { name: "Desa Sukamaju" });
  villageId = v.id;
  api = as(app, await loginAs(app, env.db, "pimpinan", [villageId]));
  // Week 2026-W47 (Mon 16 – Sun 22 Nov, Jakarta) and the week before.
  const comments = [
    incomingComment({ text: "Jalan desa rusak parah, banyak lubang, tolong diperbaiki", publishedAt: new Date("2026-11-17T03:00:00Z"), likeCount: 12 }),
    incomingComment({ text: "jln di dusun 2 bolong2 bgt gk dibenerin", publishedAt: new Date("2026-11-18T12:00:00Z"), likeCount: 3 }),
    incomingComment({ text: "Terima kasih pak kades, jalannya sudah diaspal, mantap sekali", publishedAt: new Date("2026-11-19T12:00:00Z"), platform: "instagram" }),
    incomingComment({ text: "Air PDAM mati sudah tiga hari, warga kesulitan air bersih", publishedAt: new Date("2026-11-20T01:00:00Z"), likeCount: 30 }),
    incomingComment({ text: "Hubungi 081234567890 untuk info lebih lanjut soal bantuan", publishedAt: new Date("2026-11-21T01:00:00Z") }),
    incomingComment({ text: "slot gacor maxwin hari ini, link di bio, deposit 10rb", publishedAt: new Date("2026-11-21T02:00:00Z"), platform: "x" }),
    incomingComment({ text: "Jalan rusak lagi di RT 01", publishedAt: new Date("2026-11-10T02:00:00Z") }),
    // 23:30 Sunday UTC is Monday in Jakarta: belongs to W48, not W47.
    incomingComment({ text: "Jalan depan sekolah rusak", publishedAt: new Date("2026-11-22T17:30:00Z") }),
  ];
  const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments });
  await finishImport(env.db, villageId, r.days);
});
afterAll(() => env.cleanup());

describe("GET /api/health and /api/villages", () => {
  it("reports health and lists villages", async () => {
    expect((await api.get("/api/health")).body).toEqual({ data: { status: "ok" } });
    const res = await api.get("/api/villages").expect(200);
    expect(res.body.data).toEqual([expect.objectContaining({ id: villageId, name: "Desa Sukamaju", timeZone: "Asia/Jakarta" })]);
  });
});

describe("GET /api/villages/:id/overview", () => {
  it("says how fresh the data is: never fetched, the newest day, and that this week has no data", async () => {
    const o = (await api.get(`/api/villages/${villageId}/overview`).expect(200)).body.data;
    // Stored straight through storeBatch: no source ever fetched, no import run finished.
    expect(o.freshness).toMatchObject({ lastFetchAt: null, latestDataDay: "2026-11-23", needsLogin: 0, stale: true });
    // Today (after W48) the review opens on the current week, which has nothing yet, and says so.
    expect(o.week).toBe(o.freshness.currentWeekEmpty);
    expect(o.week > "2026-W48").toBe(true);
    expect(o.totals.comments).toBe(0);
    // The latest week with data is the first of the picker's weeks.
    expect(o.weeks[0]).toBe("2026-W48");
  });

  it("summarises a Jakarta week from the rollups, with trend and previous week", async () => {
    const res = await api.get(`/api/villages/${villageId}/overview?week=2026-W47`).expect(200);
    const o = res.body.data;
    expect(o.week).toBe("2026-W47");
    expect(o.weekStart).toBe("2026-11-16");
    expect(o.totals.comments + o.totals.spam).toBe(6);
    expect(o.totals.spam).toBe(1);
    expect(o.totals.positif + o.totals.netral + o.totals.negatif).toBe(o.totals.comments);
    expect(o.trend).toHaveLength(12);
    expect(o.trend.at(-1).week).toBe("2026-W47");
    expect(o.trend.at(-2)).toMatchObject({ week: "2026-W46", comments: 1 });
    expect(o.trend[0]).toMatchObject({ week: "2026-W36", comments: 0 });
    const infra = o.topics.find((t: { key: string }) => t.key === "infrastruktur");
    expect(infra).toMatchObject({ name: "Infrastruktur", previous: 1 });
    expect(infra.count).toBeGreaterThanOrEqual(2);
    expect(infra.delta).toBe(infra.count - 1);
    expect(o.weeks).toEqual(["2026-W48", "2026-W47", "2026-W46"]);
  });

  it("defaults to the current week in the village's time zone, and says when it has no comments yet", async () => {
    // Only Date is faked: the clock the service reads, not the timers of the database or supertest.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // Sunday 29 Nov 23:30 in Jakarta: still W48, which has one comment.
      vi.setSystemTime(new Date("2026-11-29T16:30:00Z"));
      const sunday = (await api.get(`/api/villages/${villageId}/overview`).expect(200)).body.data;
      expect(sunday).toMatchObject({ week: "2026-W48", weekStart: "2026-11-23" });
      expect(sunday.totals.comments).toBe(1);
      expect(sunday.freshness.currentWeekEmpty).toBeNull();

      // An hour later it is Monday 30 Nov in Jakarta (still Sunday in UTC): W49, empty so far.
      vi.setSystemTime(new Date("2026-11-29T17:30:00Z"));
      const monday = (await api.get(`/api/villages/${villageId}/overview`).expect(200)).body.data;
      expect(monday).toMatchObject({ week: "2026-W49", weekStart: "2026-11-30", weekEnd: "2026-12-06" });
      expect(monday.freshness.currentWeekEmpty).toBe("2026-W49");
      expect(monday.totals).toMatchObject({ comments: 0, spam: 0 });
      expect(monday.weeks).toEqual(["2026-W48", "2026-W47", "2026-W46"]);
      expect(monday.trend.at(-1)).toMatchObject({ week: "2026-W49", comments: 0 });
      expect(monday.trend.at(-2)).toMatchObject({ week: "2026-W48", comments: 1 });
      // A week named in the URL is that week, whatever the clock says.
      const asked = (await api.get(`/api/villages/${villageId}/overview?week=2026-W47`).expect(200)).body.data;
      expect(asked.week).toBe("2026-W47");
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects a malformed week naming the field, another village with 403 and an unknown one with 404", async () => {
    const bad = await api.get(`/api/villages/${villageId}/overview?week=2026-47`).expect(400);
    expect(bad.body.error).toEqual({ code: "bad_request", message: expect.stringContaining("week:") });
    const badId = await api.get(`/api/villages/abc/overview`).expect(400);
    expect(badId.body.error.message).toContain("villageId");
    // Another (or no) village is forbidden to a member; only an admin learns that it does not exist.
    await api.get(`/api/villages/9999/overview`).expect(403);
    const admin = as(app, await loginAs(app, env.db, "admin", []));
    await admin.get(`/api/villages/9999/overview`).expect(404);
  });
});

describe("GET /api/villages/:id/comments", () => {
  it("excludes spam by default, filters by topic and platform, and redacts phone numbers", async () => {
    const all = await api.get(`/api/villages/${villageId}/comments`).expect(200);
    expect(all.body.data).toHaveLength(7);
    expect(all.body.data.some((c: { spam: boolean }) => c.spam)).toBe(false);
    const phone = all.body.data.find((c: { text: string }) => c.text.startsWith("Hubungi"));
    expect(phone.hasPersonalData).toBe(true);
    expect(phone.text).not.toContain("081234567890");

    const spam = await api.get(`/api/villages/${villageId}/comments?spam=only`).expect(200);
    expect(spam.body.data.map((c: { platform: string }) => c.platform)).toEqual(["x"]);

    const ig = await api.get(`/api/villages/${villageId}/comments?platform=instagram`).expect(200);
    expect(ig.body.data).toHaveLength(1);

    const water = await api.get(`/api/villages/${villageId}/comments?topic=air_bersih`).expect(200);
    expect(water.body.data.map((c: { text: string }) => c.text)).toEqual(["Air PDAM mati sudah tiga hari, warga kesulitan air bersih"]);
  });

  it("filters by local date range and text, and pages with a cursor without repeats", async () => {
    const range = await api.get(`/api/villages/${villageId}/comments?from=2026-11-16&to=2026-11-22`).expect(200);
    expect(range.body.data).toHaveLength(5);
    expect(range.body.total).toBe(5);
    const paged = await api.get(`/api/villages/${villageId}/comments?limit=2`).expect(200);
    expect([paged.body.data.length, paged.body.total]).toEqual([2, 7]);
    const q = await api.get(`/api/villages/${villageId}/comments?q=PDAM`).expect(200);
    expect(q.body.data).toHaveLength(1);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await api
        .get(`/api/villages/${villageId}/comments`)
        .query({ limit: 2, sort: "likes", ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...page.body.data.map((c: { id: number }) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("answers bad filters with 400 naming the field", async () => {
    for (const [query, field] of [
      ["sentiment=bagus", "sentiment"],
      ["platform=tiktok", "platform"],
      ["from=17-11-2026", "from"],
      ["limit=0", "limit"],
      ["cursor=xyz", "cursor"],
      ["from=2026-11-20&to=2026-11-01", "from"],
    ] as const) {
      const res = await api.get(`/api/villages/${villageId}/comments?${query}`).expect(400);
      expect(res.body.error.message).toContain(`${field}:`);
    }
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const res = await api.get("/api/nope").expect(404);
    expect(res.body.error.code).toBe("not_found");
  });
});
