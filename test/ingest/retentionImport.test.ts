// Nothing older than a village's retention is stored: the nightly purge would delete it, and a purge
// keeps the counts of what it deletes, so a purged comment imported again would be counted twice (the
// imports apply each batch's rollup difference and no longer recompute their days at the end).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { AuthContext } from "@suara-desa/shared/auth";
import { correctLabels } from "@suara-desa/core/services/labelService";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { purgeExpiredComments } from "@suara-desa/core/services/privacyService";
import { setVillageRetention } from "@suara-desa/core/db/villageRepository";
import { recomputeRollups } from "@suara-desa/core/db/ingestRepository";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { retentionCutoff } from "@suara-desa/shared/time";
import { createVillage, incomingComment } from "../factories/village";
import { expectRollupsExact } from "../helpers/ingestChecks";
import { createTempDatabase } from "../helpers/tempDb";

/** Runs once, right after the purge's look-up of the ids it will delete (found by a cold review). */
let afterPurgeLookup: (() => Promise<unknown>) | null = null;
vi.mock("@suara-desa/core/db/commentRepository", async (importOriginal) => {
  const real = await importOriginal<typeof import("@suara-desa/core/db/commentRepository")>();
  return {
    ...real,
    findCommentIdsPublishedBefore: async (...args: Parameters<typeof real.findCommentIdsPublishedBefore>) => {
      const ids = await real.findCommentIdsPublishedBefore(...args);
      const hook = afterPurgeLookup;
      afterPurgeLookup = null;
      if (hook) await hook();
      return ids;
    },
  };
});

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => temp?.cleanup());

const DAY = 86_400_000;
const starTotal = async (villageId: number, day: string) =>
  (await temp.db.prisma.dailyRollup.aggregate({ where: { villageId, topic: "*", day }, _sum: { count: true } }))._sum.count ?? 0;

it("a batch stores the comments within the retention and counts the older ones as past retention", async () => {
  const { db } = temp;
  const village = await createVillage(db);
  await setVillageRetention(db, village.id, 6);
  const now = Date.now();
  const recent = [1, 2].map((d) => incomingComment({ externalId: `recent-${d}`, publishedAt: new Date(now - d * DAY) }));
  const old = incomingComment({ externalId: "old-1", publishedAt: new Date(retentionCutoff(new Date(now), 6).getTime() - DAY) });
  const r = await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments: [...recent, old] });
  await finishImport(db, village.id, r.days);
  expect({ new: r.new, expired: r.expired }).toEqual({ new: 2, expired: 1 });
  expect((await db.prisma.comment.findMany({ where: { villageId: village.id }, select: { externalId: true }, orderBy: { externalId: "asc" } })).map((c) => c.externalId))
    .toEqual(["recent-1", "recent-2"]);
  expect(await expectRollupsExact(db, village.id)).toBe(2);
});

it("comments a purge deleted are not stored again, even after the retention is switched off, and keep their counts once", async () => {
  const { db } = temp;
  const village = await createVillage(db);
  // Stored while the village kept everything.
  const at = new Date("2026-01-10T05:00:00Z");
  const comments = [0, 1, 2].map((i) => incomingComment({ externalId: `jan-${i}`, publishedAt: at }));
  const first = await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments });
  await finishImport(db, village.id, first.days);
  expect(first.new).toBe(3);
  expect(await starTotal(village.id, "2026-01-10")).toBe(3);

  // Six months' retention, purged on 2026-08-01: the comments go, their counts stay.
  await setVillageRetention(db, village.id, 6);
  const purged = await purgeExpiredComments(db, new Date("2026-08-01T00:00:00Z"));
  expect(purged.deleted).toBeGreaterThanOrEqual(3);
  expect(await db.prisma.comment.count({ where: { villageId: village.id } })).toBe(0);
  expect((await db.prisma.village.findUniqueOrThrow({ where: { id: village.id } })).purgedBefore?.toISOString()).toBe("2026-01-31T17:00:00.000Z"); // 2026-02-01 00:00 WIB: whole local days

  // The retention is switched off and the same export imported again: nothing is stored, nothing counted twice.
  await setVillageRetention(db, village.id, null);
  const again = await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments });
  await finishImport(db, village.id, again.days);
  expect({ new: again.new, expired: again.expired }).toEqual({ new: 0, expired: 3 });
  expect(await db.prisma.comment.count({ where: { villageId: village.id } })).toBe(0);
  expect(await starTotal(village.id, "2026-01-10")).toBe(3);

  // Comments after the purge's cut-off are stored as usual.
  const later = await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments: [incomingComment({ externalId: "mar-1", publishedAt: new Date("2026-03-02T05:00:00Z") })] });
  expect({ new: later.new, expired: later.expired }).toEqual({ new: 1, expired: 0 });
});

it("a file import reports the rows past the retention in its summary and run record", async () => {
  const { db } = temp;
  const village = await createVillage(db);
  await setVillageRetention(db, village.id, 3);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const file = path.join(temp.dir, "retention.csv");
  fs.writeFileSync(file, ["id,platform,author,text,published_at",
    `r1,facebook,Warga 1,Air PDAM mati sudah tiga hari,${iso(now - 2 * DAY)}`,
    `r2,facebook,Warga 2,Jalan berlubang di RT 02,${iso(now - 400 * DAY)}`,
    `r3,facebook,Warga 3,Terima kasih pak kades,${iso(now - 5 * DAY)}`].join("\n") + "\n");
  const summary = await importFile(db, file, { villageCode: village.code, nlpPool: null });
  expect({ read: summary.read, new: summary.new, expired: summary.expired, rejected: summary.rejected }).toEqual({ read: 3, new: 2, expired: 1, rejected: 0 });
  const run = await db.prisma.jobRun.findFirstOrThrow({ where: { villageId: village.id, kind: "import" }, orderBy: { id: "desc" } });
  expect(run.status).toBe("ok");
  expect(JSON.parse(String(run.details)).expired).toBe(1);
  await expectRollupsExact(db, village.id);
});

const admin: AuthContext = { userId: 0, username: "cli", role: "admin", villageIds: [], system: "cli" };
const villageTotal = async (villageId: number) =>
  (await temp.db.prisma.dailyRollup.aggregate({ where: { villageId, topic: "*" }, _sum: { count: true } }))._sum.count ?? 0;

it("a comment an import moves inside the retention between the purge's look-up and its delete stays, counted once", async () => {
  const { db } = temp;
  const village = await createVillage(db);
  const now = Date.now();
  const c = incomingComment({ externalId: "moved", text: "Lampu jalan di gang Melati mati sudah seminggu", publishedAt: new Date(now - 200 * DAY) });
  await finishImport(db, village.id, (await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments: [c] })).days);
  await setVillageRetention(db, village.id, 6);
  // The platform reports the comment edited, with a time inside the retention.
  const edited = { ...c, text: `${c.text} (diedit: masih mati)`, publishedAt: new Date(now - 100 * DAY) };
  afterPurgeLookup = async () => {
    const r = await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments: [edited] });
    expect({ updated: r.updated, expired: r.expired }).toEqual({ updated: 1, expired: 0 });
  };
  await purgeExpiredComments(db, new Date(now));
  expect(await db.prisma.comment.count({ where: { villageId: village.id, externalId: "moved" } }), "still stored").toBe(1);
  // Imported again: one comment, counted once.
  const again = await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments: [edited] });
  await finishImport(db, village.id, again.days);
  expect(await villageTotal(village.id)).toBe(1);
  await expectRollupsExact(db, village.id);
});

it("a purge removes whole local days, so a later correction on the cut-off day keeps the purge's counts", async () => {
  const { db } = temp;
  const village = await createVillage(db);
  // Purged at 2026-08-01 05:00 UTC: six months back is 2026-02-01 12:00 WIB, inside the local day 2026-02-01.
  // A UTC cut-off would delete "feb-a" (11:00 WIB) and keep "feb-b" (13:00 WIB) of that day: a later
  // recompute of the day would then drop the count the purge kept. Local days go whole, before that day.
  const j = incomingComment({ externalId: "jan-31", text: "Sampah di TPS belum diangkut seminggu", publishedAt: new Date("2026-01-31T10:00:00Z") });
  const a = incomingComment({ externalId: "feb-a", text: "Air PDAM mati sudah tiga hari", publishedAt: new Date("2026-02-01T04:00:00Z") });
  const b = incomingComment({ externalId: "feb-b", text: "Jalan berlubang di RT 02", publishedAt: new Date("2026-02-01T06:00:00Z") });
  await finishImport(db, village.id, (await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments: [j, a, b] })).days);
  await setVillageRetention(db, village.id, 6);
  await purgeExpiredComments(db, new Date("2026-08-01T05:00:00Z"));
  expect((await db.prisma.comment.findMany({ where: { villageId: village.id }, select: { externalId: true }, orderBy: { externalId: "asc" } })).map((r) => r.externalId))
    .toEqual(["feb-a", "feb-b"]);
  expect(await villageTotal(village.id)).toBe(3);
  const row = await db.prisma.comment.findFirstOrThrow({ where: { villageId: village.id, externalId: "feb-b" } });
  await correctLabels(db, admin, row.id, { sentiment: row.sentimentLabel === "positif" ? "negatif" : "positif" });
  expect(await villageTotal(village.id), "the purge's kept counts survive a correction").toBe(3);
  await recomputeRollups(db, village.id, ["2026-02-01"]);
  expect(await villageTotal(village.id), "and a recompute of the cut-off day").toBe(3);
});
