// Tenant isolation of ingestion: two villages are fed the same external ids (comments, posts,
// parents, authors) through every ingest path — CSV, JSONL, WhatsApp, the X/Facebook/Instagram
// connectors against the fake API, the demo seed — and nothing may cross in either direction: no
// row of one village is overwritten, linked to or shown by the other, and the other village's
// comments, posts, topics, rollups and data version stay byte for byte what they were.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import type { Database } from "@suara-desa/core/db/client";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { runSource } from "@suara-desa/jobs/ingest/runSource";
import { storeBatch } from "@suara-desa/core/ingest/store";
import { importWhatsApp } from "@suara-desa/jobs/ingest/whatsapp/importWhatsApp";
import { seedDemoVillage } from "../../prisma/seed";
import { generateDemoVillage } from "../../prisma/demo/generateDemo";
import type { CommentDetailDTO, CommentListDTO, WeeklyInsightsDTO } from "@suara-desa/shared/contracts";
import { FIXTURE_NOW, fixtureDataset } from "../fake/datasets";
import { startFakeApiServer, type FakeServer } from "../fake/fakeApiServer";
import { createVillage } from "../factories/village";
import { as, loginAs } from "../helpers/session";
import { createTempDatabase } from "../helpers/tempDb";
import { createApiSource } from "./helpers/sourceFactory";

const TOKEN = "tok-isolation";
const WHATSAPP = path.resolve(__dirname, "../fixtures/whatsapp/android-id.txt");
const FB_POST = fixtureDataset().facebook.posts[0].id;

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let fake: FakeServer;
let app: ReturnType<typeof createApp>;
interface Tenant { id: number; code: string; pimpinan: ReturnType<typeof as>; viewer: ReturnType<typeof as> }
let A: Tenant;
let B: Tenant;

beforeAll(async () => {
  temp = await createTempDatabase();
  fake = await startFakeApiServer({ dataset: fixtureDataset(), token: TOKEN, pageSize: 2, now: () => FIXTURE_NOW });
  app = createApp({ db: temp.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000 });
  const tenant = async (name: string): Promise<Tenant> => {
    const v = await createVillage(temp.db, { name });
    return {
      id: v.id, code: v.code,
      pimpinan: as(app, await loginAs(app, temp.db, "pimpinan", [v.id])),
      viewer: as(app, await loginAs(app, temp.db, "viewer", [v.id])),
    };
  };
  A = await tenant("Desa Mulyasari");
  B = await tenant("Desa Cikampek Kota");
});
afterAll(async () => {
  await fake?.close();
  await temp?.cleanup();
});

const CSV_HEADER = "id,platform,author,text,published_at,likes,post_id,parent_id";
function writeFile(name: string, lines: string[]): string {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}
const jsonl = (rows: Array<Record<string, unknown>>) => rows.map((r) => JSON.stringify(r));

/** Every ingest path into one village: CSV, JSONL, WhatsApp and the three connectors. */
async function ingestEverything(t: Tenant, files: { csv: string; jsonl: string }): Promise<void> {
  const { db } = temp;
  await importFile(db, files.csv, { villageCode: t.code });
  await importFile(db, files.jsonl, { villageCode: t.code });
  await importWhatsApp(db, WHATSAPP, { villageCode: t.code, chatName: "Warga" });
  for (const platform of ["x", "facebook", "instagram"] as const) {
    const sourceId = await createApiSource(db, t.id, platform, fixtureDataset(), TOKEN);
    let done = false;
    for (let i = 0; i < 20 && !done; i++) {
      const r = await runSource(db, sourceId, {
        xApiUrl: fake.xBaseUrl, graphUrl: fake.graphBaseUrl, timeoutMs: 5_000, now: () => new Date(FIXTURE_NOW),
        retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
      });
      expect(r.error, `${platform} into village ${t.id}`).toBeNull();
      done = r.done;
    }
    expect(done).toBe(true);
  }
}

/** Everything stored for a village, serialised: equal strings mean byte-for-byte equal rows. */
async function snapshot(db: Database, villageId: number): Promise<string> {
  const [village, comments, posts, topics, rollups] = await Promise.all([
    db.prisma.village.findUniqueOrThrow({ where: { id: villageId } }),
    db.prisma.comment.findMany({ where: { villageId }, orderBy: { id: "asc" } }),
    db.prisma.post.findMany({ where: { villageId }, orderBy: { id: "asc" } }),
    db.prisma.commentTopic.findMany({ where: { comment: { villageId } }, orderBy: { id: "asc" } }),
    db.prisma.dailyRollup.findMany({ where: { villageId }, orderBy: [{ day: "asc" }, { platform: "asc" }, { topic: "asc" }, { sentiment: "asc" }] }),
  ]);
  return JSON.stringify({ village, comments, posts, topics, rollups });
}

async function commentOf(villageId: number, platform: string, externalId: string) {
  return temp.db.prisma.comment.findFirstOrThrow({ where: { villageId, platform, externalId } });
}

/** No stored link (parent, reply, post) of one village's comment points into another village. */
async function expectLinksInside(villageId: number): Promise<void> {
  const rows = await temp.db.prisma.comment.findMany({
    where: { villageId, OR: [{ parentId: { not: null } }, { postId: { not: null } }] },
    select: { externalId: true, parent: { select: { villageId: true } }, post: { select: { villageId: true } } },
  });
  const crossing = rows.filter((r) => (r.parent && r.parent.villageId !== villageId) || (r.post && r.post.villageId !== villageId));
  expect(crossing.map((r) => r.externalId)).toEqual([]);
}

/** Every comment id the explorer lists for a village (all pages). */
async function listedIds(t: Tenant): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await t.viewer.get(`/api/villages/${t.id}/comments?spam=include&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`).expect(200);
    const body = res.body as CommentListDTO;
    ids.push(...body.data.map((c) => c.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids.sort((a, b) => a - b);
}

describe("two villages with colliding ids on every ingest path", () => {
  let aBefore: string;

  it("village B's imports and sources never overwrite, link to or re-count village A's rows", async () => {
    const { db } = temp;
    await ingestEverything(A, {
      csv: writeFile("a.csv", [
        CSV_HEADER,
        `shared-1,facebook,Budi,"Jalan RT 01 Mulyasari rusak parah, hubungi 081234567890",2026-11-18T02:00:00Z,5,${FB_POST},`,
        `a-only,facebook,Siti,"Lampu jalan Mulyasari mati, WA saya 081298765432",2026-11-18T03:00:00Z,1,${FB_POST},`,
        `a-reply,facebook,Budi,"Betul, lampu mati sudah seminggu",2026-11-18T04:00:00Z,0,${FB_POST},a-only`,
        `a-waits,facebook,Budi,"Menunggu jawaban pak kades",2026-11-18T05:00:00Z,0,,late-parent`,
      ]),
      jsonl: writeFile("a.jsonl", jsonl([
        { id: "ig-shared", platform: "instagram", author: "warga_satu", text: "Posyandu Mulyasari kapan buka?", published_at: "2026-11-19T02:00:00Z", likes: 3 },
        { id: "ig-a-only", platform: "instagram", author: "warga_dua", text: "Bansos Mulyasari belum cair", published_at: "2026-11-19T03:00:00Z", likes: 0 },
      ])),
    });
    await expectLinksInside(A.id);
    aBefore = await snapshot(db, A.id);

    await ingestEverything(B, {
      csv: writeFile("b.csv", [
        CSV_HEADER,
        // The same id as A's comment, other text, likes and day: a second comment, not an update.
        `shared-1,facebook,Budi,"Sampah di Cikampek Kota belum diangkut",2026-11-20T02:00:00Z,9,${FB_POST},`,
        // A parent that exists only in A: stays unlinked in B.
        `b-reply-to-a,facebook,Asep,"Setuju, di sini juga",2026-11-20T04:00:00Z,0,${FB_POST},a-only`,
        `b-only,facebook,Asep,"Drainase Cikampek Kota mampet",2026-11-20T05:00:00Z,2,,`,
        // The parent A's a-waits is waiting for arrives in B: A must not take it.
        `late-parent,facebook,Asep,"Pengumuman rapat warga Cikampek Kota",2026-11-20T06:00:00Z,0,,`,
      ]),
      jsonl: writeFile("b.jsonl", jsonl([
        { id: "ig-shared", platform: "instagram", author: "warga_satu", text: "Pasar Cikampek Kota becek", published_at: "2026-11-21T02:00:00Z", likes: 7 },
        { id: "ig-b-reply", platform: "instagram", author: "warga_tiga", text: "Sama di sini", published_at: "2026-11-21T03:00:00Z", parent_id: "ig-a-only" },
      ])),
    });

    expect(await snapshot(db, A.id)).toBe(aBefore);
    await expectLinksInside(B.id);
    // B holds its own copy of everything it ingested, A's ids included.
    const aIds = (await db.prisma.comment.findMany({ where: { villageId: A.id }, select: { platform: true, externalId: true } }))
      .map((c) => `${c.platform}:${c.externalId}`).filter((k) => !/:(a-|ig-a-)/.test(k));
    const bIds = new Set((await db.prisma.comment.findMany({ where: { villageId: B.id }, select: { platform: true, externalId: true } }))
      .map((c) => `${c.platform}:${c.externalId}`));
    expect(aIds.filter((k) => !bIds.has(k))).toEqual([]);
    expect((await commentOf(B.id, "facebook", "shared-1")).text).toBe("Sampah di Cikampek Kota belum diangkut");
    expect((await commentOf(B.id, "facebook", "b-reply-to-a")).parentId).toBeNull();
    expect((await commentOf(B.id, "instagram", "ig-b-reply")).parentId).toBeNull();
    // B's rollups count B's comments: every analysed resident comment once under topic "*".
    const counted = await db.prisma.dailyRollup.aggregate({ where: { villageId: B.id, topic: "*" }, _sum: { count: true } });
    const residents = await db.prisma.comment.count({ where: { villageId: B.id, fromVillage: false, analyzedAt: { not: null } } });
    expect(counted._sum.count).toBe(residents);
  });

  it("village A's later imports never link to or change village B's rows", async () => {
    const { db } = temp;
    const bBefore = await snapshot(db, B.id);
    await importFile(db, writeFile("a2.csv", [
      CSV_HEADER,
      `a-reply-to-b,facebook,Budi,"Drainase kami juga mampet",2026-11-22T02:00:00Z,0,${FB_POST},b-only`,
      `a-second,facebook,Budi,"Terima kasih pak kades",2026-11-22T03:00:00Z,0,,`,
    ]), { villageCode: A.code });
    expect(await snapshot(db, B.id)).toBe(bBefore);
    await expectLinksInside(A.id);
    // A's late reply still waits for a parent of A's own; B's "late-parent" is not it.
    expect((await commentOf(A.id, "facebook", "a-waits")).parentId).toBeNull();
    expect((await commentOf(A.id, "facebook", "a-reply-to-b")).parentId).toBeNull();
    // Within A, threads still link: a-reply answers a-only, and comments find A's own post.
    const aOnly = await commentOf(A.id, "facebook", "a-only");
    expect((await commentOf(A.id, "facebook", "a-reply")).parentId).toBe(aOnly.id);
    expect(aOnly.postId).not.toBeNull();
  });

  it("the demo seed keeps to its own village when another village holds the demo's ids", async () => {
    const { db } = temp;
    const demo = generateDemoVillage();
    const taken = demo.comments.slice(0, 40).map((c) => ({ ...c, text: `Desa B: ${c.text}` }));
    const r = await storeBatch(db, { villageId: B.id, sourceId: null, posts: demo.posts.slice(0, 3), comments: taken });
    expect(r.new).toBe(40);
    const bBefore = await snapshot(db, B.id);
    const seeded = await seedDemoVillage(db);
    expect(seeded.new).toBe(demo.comments.length);
    expect(await db.prisma.comment.count({ where: { villageId: seeded.villageId } })).toBe(demo.comments.length);
    expect(await snapshot(db, B.id)).toBe(bBefore);
    await expectLinksInside(seeded.villageId);
  }, 240_000); // the whole demo (3,280 comments, cases, alerts) is seeded: minutes on a loaded machine

  it("the API shows each village only its own comments: detail with thread, explorer, insights", async () => {
    const { db } = temp;
    for (const [own, other] of [[A, B], [B, A]] as const) {
      const ownIds = new Set((await db.prisma.comment.findMany({ where: { villageId: own.id }, select: { id: true } })).map((c) => c.id));
      const otherIds = (await db.prisma.comment.findMany({ where: { villageId: other.id }, select: { id: true } })).map((c) => c.id);
      for (const id of ownIds) {
        const res = await own.pimpinan.get(`/api/comments/${id}?raw=1`).expect(200);
        const d = res.body.data as CommentDetailDTO;
        const shown = [d.comment.id, ...(d.parent ? [d.parent.id] : []), ...d.replies.map((c) => c.id)];
        expect(shown.filter((x) => !ownIds.has(x)), `thread of comment ${id}`).toEqual([]);
      }
      for (const id of otherIds.slice(0, 10)) await own.pimpinan.get(`/api/comments/${id}`).expect(404);

      const listed = await listedIds(own);
      expect(listed.filter((x) => !ownIds.has(x))).toEqual([]);
      const listable = await db.prisma.comment.count({ where: { villageId: own.id, fromVillage: false, analyzedAt: { not: null } } });
      expect(listed).toHaveLength(listable);

      for (const week of ["2026-W47", "2026-W48"]) {
        const res = await own.viewer.get(`/api/villages/${own.id}/insights?week=${week}`).expect(200);
        const ins = res.body.data as WeeklyInsightsDTO;
        const quoted = [...ins.attention.mostNegative, ...ins.attention.mostLiked, ...ins.risingTerms.flatMap((t) => t.examples)].map((c) => c.id);
        expect(quoted.filter((x) => !ownIds.has(x)), `insights ${week} of village ${own.id}`).toEqual([]);
      }
    }
    // The case from the report: B's reply naming A's comment as parent shows no parent, even raw.
    const bReply = await commentOf(B.id, "facebook", "b-reply-to-a");
    const detail = (await B.pimpinan.get(`/api/comments/${bReply.id}?raw=1`).expect(200)).body.data as CommentDetailDTO;
    expect(detail.parent).toBeNull();
    expect(JSON.stringify(detail)).not.toContain("081298765432");
    const aOnly = await commentOf(A.id, "facebook", "a-only");
    const aThread = (await A.viewer.get(`/api/comments/${aOnly.id}`).expect(200)).body.data as CommentDetailDTO;
    expect(aThread.replies.map((r) => r.id)).toEqual([(await commentOf(A.id, "facebook", "a-reply")).id]);
  });
});

describe("links made before identity was per village", () => {
  it("a thread read shows neither a parent, a reply nor a post of another village", async () => {
    const { db } = temp;
    // Rows linked across villages as the old deployment-wide lookup did.
    const a = await commentOf(A.id, "facebook", "a-second");
    const b = await commentOf(B.id, "facebook", "b-only");
    const foreignPost = await db.prisma.post.findFirstOrThrow({ where: { villageId: A.id } });
    await db.prisma.comment.update({ where: { id: b.id }, data: { parentId: a.id, postId: foreignPost.id } });
    try {
      const bView = (await B.pimpinan.get(`/api/comments/${b.id}?raw=1`).expect(200)).body.data as CommentDetailDTO;
      expect(bView.parent).toBeNull();
      expect(bView.post).toBeNull();
      const aView = (await A.pimpinan.get(`/api/comments/${a.id}?raw=1`).expect(200)).body.data as CommentDetailDTO;
      expect(aView.replies).toEqual([]);
    } finally {
      await db.prisma.comment.update({ where: { id: b.id }, data: { parentId: null, postId: null } });
    }
  });
});
