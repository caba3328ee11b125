// Re-tags stored comments after a model or taxonomy change. Batched and resumable: it only picks
// comments whose stored model version differs from the current one, so an interrupted run simply
// continues where it stopped. Each batch applies its own rollup difference (updateAnalyses), so a run
// stopped midway leaves exact statistics; the days it touched are recomputed once more at its end.
import type { Database } from "@suara-desa/core/db/client";
import { countStaleComments, findStaleComments, updateAnalyses } from "@suara-desa/core/db/ingestRepository";
import { finishJobRun, recordJobProgress, startJobRun } from "@suara-desa/core/db/jobRunRepository";
import { refreshRollups, toStoredAnalysis } from "@suara-desa/core/ingest/store";
import { getVillagePipeline } from "@suara-desa/core/ingest/villagePipeline";

export interface RetagSummary { villageId: number; retagged: number; total: number; modelVersion: string }

/**
 * Re-tags the stale comments of a village with ids in (afterId, toId]: one NLP batch of the
 * queue (PostgreSQL workers). Comments re-tagged meanwhile by someone else are skipped, so a
 * batch run twice does the work once. Returns how many it re-tagged.
 */
export async function retagRange(db: Database, villageId: number, afterId: number, toId: number): Promise<number> {
  const { pipeline, model, topicIds } = await getVillagePipeline(db, villageId);
  const batch = await findStaleComments(db, villageId, model.version, { afterId, beforeId: toId, limit: toId - afterId, all: false });
  if (batch.length === 0) return 0;
  const analyses = pipeline.analyzeBatch(batch.map((c) => c.text));
  const written = await updateAnalyses(db, villageId, model, batch.map((c, i) => ({ id: c.id, text: c.text, analysis: toStoredAnalysis(analyses[i], topicIds) })));
  await refreshRollups(db, villageId, [...new Set(batch.map((c) => c.day))]);
  return written.length;
}

/** Re-tags one village; `all` re-tags even comments already on the current version. */
export async function retagVillage(
  db: Database,
  villageId: number,
  opts: { all?: boolean; batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<RetagSummary> {
  const { pipeline, model, topicIds } = await getVillagePipeline(db, villageId);
  const all = opts.all ?? false;
  const total = await countStaleComments(db, villageId, model.version, all);
  const runId = await startJobRun(db, { kind: "retag", villageId });
  // Progress lives on the run row, so the Admin page can poll it from any process.
  await recordJobProgress(db, runId, 0, total);
  let afterId = 0;
  let done = 0;
  let updated = 0;
  const days = new Set<string>();
  try {
    for (;;) {
      const batch = await findStaleComments(db, villageId, model.version, { afterId, limit: opts.batchSize ?? 2000, all });
      if (batch.length === 0) break;
      const analyses = pipeline.analyzeBatch(batch.map((c) => c.text));
      // A comment whose text an import changed meanwhile keeps the import's newer analysis (not counted).
      updated += (await updateAnalyses(db, villageId, model, batch.map((c, i) => ({ id: c.id, text: c.text, analysis: toStoredAnalysis(analyses[i], topicIds) })))).length;
      batch.forEach((c) => days.add(c.day));
      afterId = batch[batch.length - 1].id;
      done += batch.length;
      await recordJobProgress(db, runId, done, Math.max(total, done));
      opts.onProgress?.(done, total);
    }
    await refreshRollups(db, villageId, [...days]);
    await finishJobRun(db, runId, { status: "ok", read: done, new: 0, updated, rejected: 0, details: { total: Math.max(total, done), modelVersion: model.version } });
  } catch (e) {
    await refreshRollups(db, villageId, [...days]);
    await finishJobRun(db, runId, { status: "failed", read: done, new: 0, updated, rejected: 0, error: (e as Error).message, details: { total: Math.max(total, done) } });
    throw e;
  }
  return { villageId, retagged: updated, total, modelVersion: model.version };
}
