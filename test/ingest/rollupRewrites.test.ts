// Writers that rewrite stored comments outside an import batch keep the daily rollups exact on their
// own, whatever runs beside them (found by a cold review of the rollup path, 2026-12-06): a retag killed
// between two of its batches, and an official's correction racing an import batch that moves the
// comment to another day. Only the interleaving is injected; every function that runs is the real one.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AuthContext } from "@suara-desa/shared/auth";
import { deleteComments, findStaleComments, recomputeRollups, updateAnalyses } from "@suara-desa/core/db/ingestRepository";
import { applyHumanLabels } from "@suara-desa/core/db/labelRepository";
import { sqlRun } from "@suara-desa/core/db/sql";
import { refreshRollups, storeBatch, toStoredAnalysis } from "@suara-desa/core/ingest/store";
import { getVillagePipeline } from "@suara-desa/core/ingest/villagePipeline";
import { correctLabels } from "@suara-desa/core/services/labelService";
import { deleteAuthorComments } from "@suara-desa/core/services/privacyService";
import { retagVillage } from "@suara-desa/jobs/retag";
import { createVillage, incomingComment } from "../factories/village";
import { expectRollupsExact } from "../helpers/ingestChecks";
import { createTempDatabase } from "../helpers/tempDb";

/** Runs once, right after the next look-up of a comment's village and day (what a correction reads first). */
let afterCommentRef: (() => Promise<unknown>) | null = null;
/** Runs once, right after the next look-up of an author's comments (what an erasure reads first). */
let afterAuthorComments: (() => Promise<unknown>) | null = null;
vi.mock("@suara-desa/core/db/commentRepository", async (importOriginal) => {
  const real = await importOriginal<typeof import("@suara-desa/core/db/commentRepository")>();
  return {
    ...real,
    findCommentRef: async (...args: Parameters<typeof real.findCommentRef>) => {
      const ref = await real.findCommentRef(...args);
      const other = afterCommentRef;
      afterCommentRef = null;
      if (other) await other();
      return ref;
    },
    findAuthorComments: async (...args: Parameters<typeof real.findAuthorComments>) => {
      const rows = await real.findAuthorComments(...args);
      const other = afterAuthorComments;
      afterAuthorComments = null;
      if (other) await other();
      return rows;
    },
  };
});

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => temp?.cleanup());

const admin: AuthContext = { userId: 0, username: "cli", role: "admin", villageIds: [], system: "cli" };

describe("rollups stay exact when stored comments are rewritten", () => {
  it("a retag killed after its first batch leaves exact statistics, and its next run finishes the job", async () => {
    const db = temp.db;
    const v = await createVillage(db);
    const days = ["2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"];
    const thanks = ["Terima kasih pelayanan KTP di kantor desa sekarang cepat", "Hatur nuhun Pak Kades, jalan ka sawah tos dialus", "Makasih bu bidan, posyandu kemarin rapi banget", "Matur nuwun, lampu PJU ing gang wis murub maneh"];
    // Four different texts (copies in one batch would be a flood, counted as spam).
    const comments = days.map((d, i) => incomingComment({ externalId: `r${i}`, text: thanks[i], publishedAt: new Date(`${d}T05:00:00Z`) }));
    const r = await storeBatch(db, { villageId: v.id, sourceId: null, posts: [], comments });
    await refreshRollups(db, v.id, r.days);
    // As an older model left them: another version and other labels, the rollups exact for those labels.
    await sqlRun(db, `UPDATE "Comment" SET "modelVersion" = 'old', "sentimentLabel" = 'negatif' WHERE "villageId" = @v`, { v: v.id });
    await recomputeRollups(db, v.id, days);
    const negatif = async () => (await db.prisma.dailyRollup.aggregate({ where: { villageId: v.id, topic: "*", sentiment: "negatif" }, _sum: { count: true } }))._sum.count ?? 0;
    expect(await negatif()).toBe(4);

    // The retag's first batch of two is written; the process dies before anything else runs.
    const { pipeline, model, topicIds } = await getVillagePipeline(db, v.id);
    const batch = await findStaleComments(db, v.id, model.version, { afterId: 0, limit: 2, all: false });
    expect(batch).toHaveLength(2);
    await updateAnalyses(db, v.id, model, batch.map((c) => ({ id: c.id, text: c.text, analysis: toStoredAnalysis(pipeline.analyzeBatch([c.text])[0], topicIds) })));
    expect(await negatif(), "the two re-tagged thanks left the negative count at once").toBe(2);
    await expectRollupsExact(db, v.id);

    // Restarted, it re-tags only what is still stale; the statistics stay exact.
    const summary = await retagVillage(db, v.id, { batchSize: 2 });
    expect(summary.retagged).toBe(2);
    expect(await negatif()).toBe(0);
    await expectRollupsExact(db, v.id);
  });

  it("a correction racing an import batch that moves the comment to another day counts it on the new day with the corrected label", async () => {
    const db = temp.db;
    const v = await createVillage(db);
    const c = incomingComment({ externalId: "x1", text: "Jalan di RT 03 rusak parah, mohon segera diperbaiki", publishedAt: new Date("2026-11-18T05:00:00Z") });
    const r1 = await storeBatch(db, { villageId: v.id, sourceId: null, posts: [], comments: [c] });
    await refreshRollups(db, v.id, r1.days);
    const row = await db.prisma.comment.findFirstOrThrow({ where: { villageId: v.id, externalId: "x1" } });
    expect(row.day).toBe("2026-11-18");
    const label = row.sentimentLabel === "positif" ? "negatif" : "positif";

    // Right after the correction has read the comment's day, the platform's edited comment arrives
    // (new text, a later time: another local day) as the last batch of an import whose run has ended.
    afterCommentRef = () => storeBatch(db, { villageId: v.id, sourceId: null, posts: [], comments: [{ ...c, text: `${c.text} (diedit: masih rusak)`, publishedAt: new Date("2026-11-20T05:00:00Z") }] });
    await correctLabels(db, admin, row.id, { sentiment: label });

    const after = await db.prisma.comment.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.day).toBe("2026-11-20");
    expect(after.humanSentiment).toBe(label);
    const onNewDay = await db.prisma.dailyRollup.findMany({ where: { villageId: v.id, topic: "*", day: "2026-11-20" } });
    expect(onNewDay.map((x) => [x.sentiment, x.count])).toEqual([[label, 1]]);
    expect(await db.prisma.dailyRollup.count({ where: { villageId: v.id, day: "2026-11-18" } })).toBe(0);
    await expectRollupsExact(db, v.id);
  });

  it("an author's erasure racing an import batch that moves one of their comments to another day leaves that day without it", async () => {
    const db = temp.db;
    const v = await createVillage(db);
    const c = incomingComment({ externalId: "e1", authorId: "warga-77", text: "Lampu jalan di gang Melati mati sudah seminggu", publishedAt: new Date("2026-11-18T05:00:00Z") });
    const other = incomingComment({ externalId: "e2", authorId: "warga-78", text: "Posyandu bulan ini jadwalnya kapan ya bu?", publishedAt: new Date("2026-11-20T06:00:00Z") });
    const r1 = await storeBatch(db, { villageId: v.id, sourceId: null, posts: [], comments: [c, other] });
    await refreshRollups(db, v.id, r1.days);
    const row = await db.prisma.comment.findFirstOrThrow({ where: { villageId: v.id, externalId: "e1" } });

    // Right after the erasure has read the author's comments, their edited comment arrives on another day.
    afterAuthorComments = () => storeBatch(db, { villageId: v.id, sourceId: null, posts: [], comments: [{ ...c, text: `${c.text} (diedit)`, publishedAt: new Date("2026-11-20T05:00:00Z") }] });
    const result = await deleteAuthorComments(db, admin, v.id, row.authorPseudonym);

    expect(result.deleted).toBe(1);
    expect(await db.prisma.comment.count({ where: { villageId: v.id } })).toBe(1);
    const star = await db.prisma.dailyRollup.aggregate({ where: { villageId: v.id, topic: "*" }, _sum: { count: true } });
    expect(star._sum.count, "only the other resident's comment is counted").toBe(1);
    await expectRollupsExact(db, v.id);
  });

  it("an official's correction is one write with its rollup difference: nothing else has to run for exact statistics", async () => {
    const db = temp.db;
    const v = await createVillage(db);
    const c = incomingComment({ externalId: "label-1", text: "Jalan di RT 03 rusak parah, mohon segera diperbaiki", publishedAt: new Date("2026-11-12T05:00:00Z") });
    await storeBatch(db, { villageId: v.id, sourceId: null, posts: [], comments: [c] });
    const row = await db.prisma.comment.findFirstOrThrow({ where: { villageId: v.id, externalId: "label-1" } });
    const topics = await db.prisma.topic.findMany({ where: { villageId: null }, select: { id: true }, take: 2 });
    // What correctLabels writes (a process killed right after it runs nothing else).
    await applyHumanLabels(db, v.id, row.id, { sentiment: row.sentimentLabel === "positif" ? "negatif" : "positif", intent: "pertanyaan", urgent: true, topicIds: topics.map((t) => t.id) }, "kades");
    await expectRollupsExact(db, v.id);
    // Another village's comment id is not touched.
    const other = await createVillage(db);
    await applyHumanLabels(db, other.id, row.id, { sentiment: "netral", topicIds: [] }, "kades");
    expect((await db.prisma.comment.findUniqueOrThrow({ where: { id: row.id } })).humanSentiment).not.toBe("netral");
    expect(await db.prisma.commentTopic.count({ where: { commentId: row.id, origin: "human" } })).toBe(topics.length);
  });

  it("an author's erasure stopped after its first chunk leaves exact statistics for what it deleted", async () => {
    const db = temp.db;
    const v = await createVillage(db);
    const comments = ["Lampu jalan di gang Melati mati sudah seminggu", "Posyandu bulan ini jadwalnya kapan ya bu?", "Terima kasih pak kades"]
      .map((text, i) => incomingComment({ externalId: `erase-${i}`, authorId: i < 2 ? "warga-77" : "warga-78", text, publishedAt: new Date("2026-11-12T05:00:00Z") }));
    await storeBatch(db, { villageId: v.id, sourceId: null, posts: [], comments });
    const first = await db.prisma.comment.findFirstOrThrow({ where: { villageId: v.id, externalId: "erase-0" } });
    // The erasure's first transaction (what a process killed after it leaves behind).
    expect((await deleteComments(db, v.id, [first.id], { keepCounts: false })).deleted).toBe(1);
    expect(await expectRollupsExact(db, v.id)).toBe(2);
  });
});

