// A re-tag analyses a batch of stored comments and writes the results back later. An import that
// changes a comment's text in between (a platform edit) stores its own, newer analysis: the re-tag must
// not overwrite it, nor its search words and topics, nor touch a comment of another village.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { findStaleComments, updateAnalyses } from "@suara-desa/core/db/ingestRepository";
import { sqlGet } from "@suara-desa/core/db/sql";
import { storeBatch, toStoredAnalysis } from "@suara-desa/core/ingest/store";
import { getVillagePipeline } from "@suara-desa/core/ingest/villagePipeline";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let villageId: number;
let otherVillageId: number;

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  villageId = (await createVillage(env.db, { name: "Desa Sukamaju" })).id;
  otherVillageId = (await createVillage(env.db, { name: "Desa Mekarsari" })).id;
  await storeBatch(env.db, {
    villageId, sourceId: null, posts: [], comments: [
      incomingComment({ externalId: "e1", text: "Jalan di RT 02 rusak parah, berlubang dan becek" }),
      incomingComment({ externalId: "e2", text: "Air Pamsimas di RT 05 tidak mengalir sejak Senin" }),
    ],
  });
});
afterAll(() => env.cleanup());

const stored = (id: number) => sqlGet<{ text: string; modelVersion: string; normalizedText: string }>(env.db,
  `SELECT text, "modelVersion", "normalizedText" FROM "Comment" WHERE id = @id`, { id });

describe("re-tagging stored comments", () => {
  it("keeps the newer analysis of a comment whose text changed after the re-tag read it", async () => {
    const { pipeline, model, topicIds } = await getVillagePipeline(env.db, villageId);
    const batch = await findStaleComments(env.db, villageId, model.version, { afterId: 0, limit: 100, all: true });
    expect(batch).toHaveLength(2);
    const analyses = pipeline.analyzeBatch(batch.map((c) => c.text));
    const rows = batch.map((c, i) => ({ id: c.id, text: c.text, analysis: toStoredAnalysis(analyses[i], topicIds) }));
    const edited = batch.find((c) => c.text.startsWith("Jalan"))!;
    const untouched = batch.find((c) => c.text.startsWith("Air"))!;

    // Meanwhile the platform brings the edited comment: the import analyses the new text.
    await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments: [incomingComment({ externalId: "e1", text: "Lampu PJU di gang mawar mati total, gelap sekali" })] });

    const stale = { name: model.name, version: "stale-retag" };
    // Another village's re-tag, with this village's ids, writes nothing.
    expect(await updateAnalyses(env.db, otherVillageId, stale, rows)).toEqual([]);
    expect((await stored(untouched.id))!.modelVersion).not.toBe("stale-retag");

    expect(await updateAnalyses(env.db, villageId, stale, rows)).toEqual([untouched.id]);
    const now = (await stored(edited.id))!;
    expect(now.text).toMatch(/^Lampu PJU/);
    expect(now.modelVersion).not.toBe("stale-retag");
    expect(now.normalizedText).toMatch(/lampu/);
    expect((await stored(untouched.id))!.modelVersion).toBe("stale-retag");

    // Search finds the edited comment by its new words only.
    const api = as(app, await loginAs(app, env.db, "pimpinan", [villageId]));
    const byOld = await api.get(`/api/villages/${villageId}/comments?q=berlubang`).expect(200);
    expect(byOld.body.data.map((c: { id: number }) => c.id)).not.toContain(edited.id);
    const byNew = await api.get(`/api/villages/${villageId}/comments?q=gelap`).expect(200);
    expect(byNew.body.data.map((c: { id: number }) => c.id)).toContain(edited.id);
  });
});
