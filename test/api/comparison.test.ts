// GET /api/comparison: one row per village the caller may read, with the weekly review's own figures
// for one week; 401 -> 400 (field named) -> only readable villages -> 200.
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import type { IncomingComment } from "@suara-desa/core/ingest/types";
import type { OverviewDTO, VillageComparisonDTO } from "@suara-desa/shared/contracts";
import { MIN_SHARE_SAMPLE } from "@suara-desa/shared/samples";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let camat: ReturnType<typeof as>;
let single: ReturnType<typeof as>;
const ids = { a: 0, b: 0, c: 0 };

async function store(villageId: number, comments: IncomingComment[]) {
  const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments });
  await finishImport(env.db, villageId, r.days);
}

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  ids.a = (await createVillage(env.db, { name: "Desa Alpha" })).id;
  ids.b = (await createVillage(env.db, { name: "Desa Beta" })).id;
  ids.c = (await createVillage(env.db, { name: "Desa Gamma" })).id;
  // A camat's office reads A and B; C belongs to another kecamatan.
  camat = as(app, await loginAs(app, env.db, "viewer", [ids.a, ids.b]));
  single = as(app, await loginAs(app, env.db, "perangkat", [ids.c]));
  // 2026-W47 is Mon 16 – Sun 22 Nov (Jakarta); A also has one comment in W48.
  await store(ids.a, [
    incomingComment({ text: "Jalan desa rusak parah, banyak lubang, tolong diperbaiki", publishedAt: new Date("2026-11-17T03:00:00Z") }),
    incomingComment({ text: "jln di dusun 2 bolong2 bgt gk dibenerin, kapan diperbaiki pak", publishedAt: new Date("2026-11-18T12:00:00Z") }),
    incomingComment({ text: "Air PDAM mati sudah tiga hari, warga kesulitan air bersih", publishedAt: new Date("2026-11-20T01:00:00Z") }),
    incomingComment({ text: "Terima kasih pak kades, pelayanannya cepat dan ramah", publishedAt: new Date("2026-11-19T12:00:00Z") }),
    incomingComment({ text: "Jalan depan sekolah rusak lagi", publishedAt: new Date("2026-11-24T03:00:00Z") }),
  ]);
  await store(ids.b, [
    incomingComment({ text: "Terima kasih atas bantuan sembakonya, sangat membantu warga", publishedAt: new Date("2026-11-17T05:00:00Z") }),
    incomingComment({ text: "Kapan jadwal posyandu bulan ini?", publishedAt: new Date("2026-11-18T05:00:00Z") }),
  ]);
  await store(ids.c, [incomingComment({ text: "Sampah menumpuk di pinggir jalan, bau sekali", publishedAt: new Date("2026-11-18T05:00:00Z") })]);
});
afterAll(() => env.cleanup());

const compare = async (client: ReturnType<typeof as>, query = "") => (await client.get(`/api/comparison${query}`).expect(200)).body.data as VillageComparisonDTO;
const overview = async (client: ReturnType<typeof as>, villageId: number, week: string) =>
  (await client.get(`/api/villages/${villageId}/overview?week=${week}`).expect(200)).body.data as OverviewDTO;

describe("GET /api/comparison", () => {
  it("401 without a session, 400 naming the field for a bad week", async () => {
    expect((await request(app).get("/api/comparison")).status).toBe(401);
    const res = await camat.get("/api/comparison?week=2026-W60").expect(400);
    expect(res.body.error.message).toMatch(/^week: /);
  });

  it("lists only the villages the user may read", async () => {
    const d = await compare(camat);
    expect(d.rows.map((r) => r.village.name)).toEqual(["Desa Alpha", "Desa Beta"]);
    expect(JSON.stringify(d)).not.toMatch(/Gamma|Sampah menumpuk/);
    expect((await compare(single)).rows.map((r) => r.village.id)).toEqual([ids.c]);
  });

  it("defaults to the latest week any village has data, and lists every village's weeks", async () => {
    const d = await compare(camat);
    expect(d.week).toBe("2026-W48");
    expect(d.weeks).toEqual(["2026-W48", "2026-W47"]);
    const beta = d.rows.find((r) => r.village.id === ids.b)!;
    // Beta has nothing in W48: zeros, not Beta's own latest week, and its freshness says where its data ends.
    expect(beta.totals).toMatchObject({ comments: 0, needsReply: 0, answered: 0, medianFirstReplyHours: null });
    expect(beta.freshness.latestDataDay).toBe("2026-11-18");
  });

  it("shows for each village exactly the weekly review's figures of that week", async () => {
    const d = await compare(camat, "?week=2026-W47");
    expect(d.week).toBe("2026-W47");
    for (const row of d.rows) {
      const o = await overview(camat, row.village.id, "2026-W47");
      const { comments, positif, netral, negatif, needsReply, answered, overdue, medianFirstReplyHours } = o.totals;
      expect(row.totals).toEqual({ comments, positif, netral, negatif, needsReply, answered, overdue, medianFirstReplyHours });
      expect(row.freshness).toEqual(o.freshness);
    }
    const alpha = d.rows.find((r) => r.village.id === ids.a)!;
    expect(alpha.totals.comments).toBe(4);
    expect(alpha.totals.needsReply).toBeGreaterThanOrEqual(2);
  });

  it("names the most-complained topic with the explorer's count of its complaints", async () => {
    const d = await compare(camat, "?week=2026-W47");
    const alpha = d.rows.find((r) => r.village.id === ids.a)!;
    expect(alpha.topComplaint?.key).toBe("infrastruktur");
    const listed = await camat.get(`/api/villages/${ids.a}/comments?topic=infrastruktur&intent=keluhan&from=2026-11-16&to=2026-11-22&limit=200`).expect(200);
    expect(alpha.topComplaint?.keluhan).toBe(listed.body.data.length);
    expect(alpha.topComplaint?.keluhan).toBeGreaterThanOrEqual(2);
    const beta = d.rows.find((r) => r.village.id === ids.b)!;
    // Thanks and a question are no complaint.
    expect(beta.topComplaint).toBeNull();
  });

  it("marks a week with fewer rated comments than the review's small-sample rule, so no percentage is shown for it", async () => {
    // Delta: residents' comments from the village corpus (labelled neither spam nor personal data),
    // plenty in W47, a handful in W46.
    const corpus = fs.readFileSync(path.join(__dirname, "../fixtures/village-corpus/comments.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; text: string });
    const labels = new Map(fs.readFileSync(path.join(__dirname, "../fixtures/village-corpus/labels.jsonl"), "utf8").trim().split("\n").map((l) => {
      const x = JSON.parse(l) as { id: string; spam: boolean; pii: boolean; urgent: boolean };
      return [x.id, x] as const;
    }));
    const plain = corpus.filter((c) => { const l = labels.get(c.id); return l && !l.spam && !l.pii && !l.urgent; }).map((c) => c.text);
    const at = (day: number, i: number) => new Date(Date.UTC(2026, 10, day + (i % 5), 1 + (i % 12), i));
    const delta = (await createVillage(env.db, { name: "Desa Delta" })).id;
    await store(delta, [
      ...plain.slice(0, 2 * MIN_SHARE_SAMPLE).map((text, i) => incomingComment({ text, publishedAt: at(16, i) })),
      ...plain.slice(2 * MIN_SHARE_SAMPLE, 2 * MIN_SHARE_SAMPLE + 5).map((text, i) => incomingComment({ text, publishedAt: at(9, i) })),
    ]);
    const office = as(app, await loginAs(app, env.db, "viewer", [ids.a, delta]));
    const row = (d: VillageComparisonDTO, id: number) => d.rows.find((r) => r.village.id === id)!;

    const w47 = await compare(office, "?week=2026-W47");
    expect(row(w47, delta).totals.comments).toBeGreaterThanOrEqual(MIN_SHARE_SAMPLE);
    expect(row(w47, delta).smallSample).toBe(false);
    // Alpha's four comments are a small sample; so are Delta's few in W46.
    expect(row(w47, ids.a).totals.comments).toBe(4);
    expect(row(w47, ids.a).smallSample).toBe(true);
    const w46 = await compare(office, "?week=2026-W46");
    expect(row(w46, delta).totals.comments).toBeGreaterThan(0);
    expect(row(w46, delta).totals.comments).toBeLessThan(MIN_SHARE_SAMPLE);
    expect(row(w46, delta).smallSample).toBe(true);
    // The camat still sees only their own villages.
    expect((await compare(camat)).rows.map((r) => r.village.name)).toEqual(["Desa Alpha", "Desa Beta"]);
  });
});
