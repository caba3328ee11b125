// Stores what a source produced: analyses new or changed comments with the village's pipeline and
// writes them idempotently, together with the source cursor and the rollup rows they change, in one
// transaction per batch. Everything is keyed inside the village: an id from a file or a platform
// never names, links to or overwrites another village's row.
import { localDay } from "@suara-desa/shared/time";
import type { Database } from "../db/client";
import {
  commentKey, findExistingComments, linkOrphans, recomputeRollups, storableFrom, writeIngestBatch, type CommentRow,
} from "../db/ingestRepository";
import { getSource } from "../db/sourceRepository";
import { getVillage } from "../db/villageRepository";
import { ANONYMOUS_AUTHOR_KEY, authorPseudonym } from "./pseudonym";
import type { NlpPool } from "./nlpPool";
import { toStoredAnalysis, type StoredAnalysis } from "./storedAnalysis";
import { getVillagePipeline, type VillagePipeline } from "./villagePipeline";
import { syncCases } from "../services/caseService";
import { formatUrgent, isRecentForAlert, queueUrgentAlerts } from "../services/alertService";
import { timedAsync, type IngestTimings } from "./timings";
import type { IncomingComment, IncomingPost } from "./types";
import type { SourceCursor } from "./cursors";

export { toStoredAnalysis } from "./storedAnalysis";

/** `expired`: comments not stored because they are older than the village's retention. */
export interface StoreResult { read: number; new: number; updated: number; unchanged: number; expired: number; days: string[] }

/**
 * How the village's own account is recognised in a source's comments: comments by it are the
 * village's replies (left out of statistics, answering cases). A platform connector (X, Facebook,
 * Instagram) gives author ids, so only an id matches the account id or handle: a display name is
 * free text a resident can set to the village's handle. A file import has no author ids, and its
 * account id is this system's own key ("import", "whatsapp:<chat>"), never an author: only a
 * handle an admin set on the source matches, by the author's name.
 */
export interface OwnAccount { keys: Set<string>; byName: boolean }

const ownKey = (k: string) => k.replace(/^@/, "").toLowerCase();

async function ownAccountOf(db: Database, sourceId: number | null): Promise<OwnAccount> {
  const none = { keys: new Set<string>(), byName: false };
  if (sourceId === null) return none;
  const s = await getSource(db, sourceId);
  if (!s) return none;
  const file = s.platform === "file";
  const keys = (file ? [s.handle ?? ""] : [s.accountId, s.handle ?? ""]).map(ownKey).filter(Boolean);
  return { keys: new Set(keys), byName: file };
}

/** Whether comment `c` was written by the village's own account `own`. */
function isOwnComment(own: OwnAccount, c: Pick<IncomingComment, "authorId" | "authorName">): boolean {
  if (own.keys.size === 0) return false;
  const candidates = own.byName ? [c.authorId, c.authorName] : [c.authorId];
  return candidates.some((k) => k != null && own.keys.has(ownKey(k)));
}

const villages = new Map<number, { name: string; timeZone: string }>();
async function villageOf(db: Database, villageId: number): Promise<{ name: string; timeZone: string }> {
  let v = villages.get(villageId);
  if (!v) {
    const row = await getVillage(db, villageId);
    if (!row) throw new Error(`village ${villageId} does not exist`);
    v = { name: row.name, timeZone: row.timeZone };
    villages.set(villageId, v);
  }
  return v;
}

/** A batch looked up and split into what needs NLP and what does not (prepareBatch()). */
export interface PreparedBatch {
  input: BatchInput;
  villageInfo: { name: string; timeZone: string };
  own: OwnAccount;
  village: VillagePipeline;
  toAnalyze: IncomingComment[];
  likeUpdates: Array<{ id: number; likeCount: number }>;
  updated: number;
  unchanged: number;
}

export interface BatchInput { villageId: number; sourceId: number | null; posts: IncomingPost[]; comments: IncomingComment[]; cursor?: SourceCursor | null }

/**
 * The first half of storeBatch(): a look-up decides what to analyse (the costly part, done outside
 * the transaction). A comment is analysed when it is new, its text changed, or it was tagged by
 * another model version; a changed like count alone is an update without re-analysis.
 */
export async function prepareBatch(db: Database, input: BatchInput, opts: { timings?: IngestTimings } = {}): Promise<PreparedBatch> {
  const villageInfo = await villageOf(db, input.villageId);
  const village = await getVillagePipeline(db, input.villageId);
  const own = await ownAccountOf(db, input.sourceId);

  // The last occurrence of a key in a batch wins (pages can repeat items).
  const unique = new Map<string, IncomingComment>();
  for (const c of input.comments) unique.set(commentKey(c), c);
  const existing = await timedAsync(opts.timings, "lookup", () => findExistingComments(db, input.villageId, [...unique.values()]));

  const prepared: PreparedBatch = { input, villageInfo, own, village, toAnalyze: [], likeUpdates: [], updated: 0, unchanged: 0 };
  for (const [key, c] of unique) {
    const old = existing.get(key);
    const likes = c.likeCount ?? 0;
    if (!old || old.text !== c.text || old.modelVersion !== village.model.version) {
      prepared.toAnalyze.push(c);
    } else if (old.likeCount !== likes) {
      prepared.updated++;
      prepared.likeUpdates.push({ id: old.id, likeCount: likes });
    } else {
      prepared.unchanged++;
    }
  }
  return prepared;
}

/** NLP of a prepared batch: on `pool`'s threads when given, else here; the same result either way. */
export async function analyzePrepared(p: PreparedBatch, pool: NlpPool | null, timings?: IngestTimings): Promise<StoredAnalysis[]> {
  if (p.toAnalyze.length === 0) return [];
  const texts = p.toAnalyze.map((c) => c.text);
  const t0 = performance.now();
  try {
    if (!pool) {
      const { pipeline, topicIds } = p.village;
      return pipeline.analyzeBatch(texts).map((a) => toStoredAnalysis(a, topicIds));
    }
    // A village's corrections make its pipeline its own: the stamp of two villages' corrections (counts and latest
    // times) could coincide, so the worker's cache key names the village then. Without corrections, villages on
    // one taxonomy share one pipeline.
    const own = p.village.correctionList.length > 0 ? `village:${p.input.villageId}|` : "";
    const r = await pool.analyze({ signature: `${own}${p.village.signature}|${p.village.corrections}`, topics: p.village.topics, corrections: p.village.correctionList, texts });
    if (r.modelVersion !== p.village.baseModel.version) {
      throw new Error(`NLP worker runs model ${r.modelVersion}, this process ${p.village.baseModel.version}`);
    }
    return r.analyses;
  } finally {
    if (timings) timings.nlp += performance.now() - t0;
  }
}

/**
 * The second half of storeBatch(): writes a prepared batch and its analyses in one transaction,
 * with the source cursor when given and the rollup rows it changes. `new` counts the rows this
 * write really inserted: two imports of one file at once never both report the same rows as new.
 */
export async function writePrepared(db: Database, p: PreparedBatch, analyses: StoredAnalysis[], timings?: IngestTimings): Promise<StoreResult> {
  const { input, villageInfo, own } = p;
  const now = Date.now();
  const rows: CommentRow[] = p.toAnalyze.map((c, i) => {
    const stored = analyses[i];
    const fromVillage = isOwnComment(own, c);
    // An urgent resident comment gets its outbox rows in the transaction that stores it (if new).
    const urgentAlert = stored.urgent && !fromVillage && isRecentForAlert(c.publishedAt, now)
      ? formatUrgent(villageInfo, { text: c.text, piiSpans: stored.piiSpans, platform: c.platform, publishedAt: c.publishedAt, urgentTerms: stored.urgentTerms }, null)
      : null;
    return {
      platform: c.platform,
      externalId: c.externalId,
      postExternalId: c.postExternalId ?? null,
      parentExternalId: c.parentExternalId ?? null,
      authorPseudonym: authorPseudonym(c.platform, c.authorId ?? c.authorName ?? ANONYMOUS_AUTHOR_KEY),
      authorName: c.authorName ?? null,
      text: c.text,
      url: c.url ?? null,
      publishedAt: c.publishedAt,
      day: localDay(c.publishedAt, villageInfo.timeZone),
      likeCount: c.likeCount ?? 0,
      fromVillage,
      urgentAlert,
      analysis: stored,
    };
  });
  const written = await writeIngestBatch(db, {
    villageId: input.villageId,
    sourceId: input.sourceId,
    model: p.village.model,
    posts: input.posts.map((x) => ({ platform: x.platform, externalId: x.externalId, text: x.text, url: x.url ?? null, publishedAt: x.publishedAt })),
    comments: rows,
    likeUpdates: p.likeUpdates,
    cursor: input.cursor,
  }, timings);
  return {
    read: input.comments.length,
    new: written.created,
    updated: p.updated + written.updated,
    unchanged: p.unchanged + written.unchanged,
    expired: written.expired,
    days: written.days,
  };
}

/**
 * Upserts a batch on (villageId, platform, externalId): prepareBatch(), NLP in this thread, then
 * writePrepared(). The touched days' rollups are current when this returns.
 */
export async function storeBatch(db: Database, input: BatchInput, timings?: IngestTimings): Promise<StoreResult> {
  const prepared = await prepareBatch(db, input, { timings });
  return writePrepared(db, prepared, await analyzePrepared(prepared, null, timings), timings);
}

/**
 * Finishes a run whose comments were written by storeBatch()/writePrepared(): each batch already
 * applied its own rollup difference in its transaction (a run killed midway leaves the rollups
 * exact; a correction, erasure or retag meanwhile keeps its own days exact under the same lock; and
 * nothing a retention purge deleted is stored again, see storableFrom()), so nothing is re-derived
 * here. Links late-arriving parents/posts (of the same village), groups the new needs-reply comments
 * into cases and queues the urgent alerts the batches did not.
 */
export async function finishImport(db: Database, villageId: number, days: string[], timings?: IngestTimings): Promise<void> {
  await timedAsync(timings, "finish", () => linkOrphans(db, villageId));
  await timedAsync(timings, "cases", async () => {
    // After linking: a village reply that arrived before its parent now answers the parent's case.
    await syncCases(db, villageId, days);
    // Urgent comments this run did not queue as it stored them (re-tagged or corrected ones) reach the outbox now.
    await queueUrgentAlerts(db, villageId);
  });
}

/**
 * Finishes a run that rewrote stored analyses (a retag: updateAnalyses() applies each batch's
 * difference too) or wrote comments outside a batch (benchmark seeds): recomputes the touched days'
 * rollups from the comments once more, then finishImport(). Imports call finishImport() only.
 */
export async function refreshRollups(db: Database, villageId: number, days: string[], timings?: IngestTimings): Promise<void> {
  await timedAsync(timings, "finish", () => recomputeRollups(db, villageId, days));
  await finishImport(db, villageId, days, timings);
}

/**
 * The first local day a village stores comments of (its retention cut-off, or its latest purge's when
 * later), for telling an official which rows were refused; undefined when it keeps everything.
 */
export async function retainedFromDay(db: Database, villageId: number): Promise<string | undefined> {
  const v = await getVillage(db, villageId);
  const from = v ? storableFrom(v, new Date()) : null;
  return from && v ? localDay(from, v.timeZone) : undefined;
}
