// Nothing older than a village's retention is stored: the nightly purge would delete it, and a purge
// keeps the counts of what it deletes, so a purged comment imported again would be counted twice (the
// imports apply each batch's rollup difference and no longer recompute their days at the end).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { purgeExpiredComments } from "@suara-desa/core/services/privacyService";
import { setVillageRetention } from "@suara-desa/core/db/villageRepository";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { retentionCutoff } from "@suara-desa/shared/time";
import { createVillage, incomingComment } from "../factories/village";
import { expectRollupsExact } from "../helpers/ingestChecks";
import { createTempDatabase } from "../helpers/tempDb";

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
  expect((await db.prisma.village.findUniqueOrThrow({ where: { id: village.id } })).purgedBefore?.toISOString()).toBe("2026-02-01T00:00:00.000Z");

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
