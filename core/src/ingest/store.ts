// Stores what a source produced: analyses new or changed comments with the village's pipeline and
// writes them idempotently, together with the source cursor and the rollup rows they change, in one
// transaction per batch. Everything is keyed inside the village: an id from a file or a platform
// never names, links to or overwrites another village's row.
import { localDay } from "@suara-desa/shared/time";
import type { Database } from "../db/client";
import {
  commentKey, findExistingComments, linkOrphans, recomputeRollups, writeIngestBatch, type CommentRow,
} from "../db/ingestRepository";
import { piiSpansColumn, urgentTermsColumn } from "../db/jsonColumns";
import { getSource } from "../db/sourceRepository";
import { getVillage } from "../db/villageRepository";
import { authorPseudonym } from "./pseudonym";
import { getVillagePipeline } from "./villagePipeline";
import { syncCases } from "../services/caseService";
import { formatUrgent, isRecentForAlert, queueUrgentAlerts } from "../services/alertService";
import type { Analysis } from "../nlp/types";
import type { IncomingComment, IncomingPost } from "./types";

/** The stored columns of one analysis; topics the village does not have are dropped. */
export function toStoredAnalysis(a: Analysis, topicIds: Map<string, number>): CommentRow["analysis"] {
  return {
    normalized: a.normalized,
    language: a.language,
    sentimentLabel: a.sentiment.label,
    sentimentScore: a.sentiment.score,
    isSpam: a.spam.isSpam,
    spamScore: a.spam.score,
    piiSpans: piiSpansColumn.serialise(a.pii),
    intent: a.intent,
    intentScore: a.intentScore,
    urgent: a.urgent,
    urgentTerms: urgentTermsColumn.serialise(a.urgentTerms),
    topics: a.topics.flatMap((t) => {
      const topicId = topicIds.get(t.key);
      return topicId === undefined ? [] : [{ topicId, score: t.score }];
    }),
  };
}

export interface StoreResult { read: number; new: number; updated: number; unchanged: number; days: string[] }

/** Ids and handles of a source's own account: comments by it are the village's replies. */
async function ownAccountKeys(db: Database, sourceId: number | null): Promise<Set<string>> {
  if (sourceId === null) return new Set();
  const s = await getSource(db, sourceId);
  if (!s) return new Set();
  return new Set([s.accountId, s.handle ?? ""].map((k) => k.replace(/^@/, "").toLowerCase()).filter(Boolean));
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

/**
 * Upserts a batch on (villageId, platform, externalId). A comment is analysed when it is new, its
 * text changed, or it was tagged by another model version; a changed like count alone is an update
 * without re-analysis. When `cursor` is given it is saved in the same transaction. The touched
 * days' rollups are current when this returns. `new` counts the rows this batch really inserted:
 * two imports of one file at once never both report the same rows as new.
 */
export async function storeBatch(
  db: Database,
  input: { villageId: number; sourceId: number | null; posts: IncomingPost[]; comments: IncomingComment[]; cursor?: string | null },
): Promise<StoreResult> {
  const village = await villageOf(db, input.villageId);
  const { timeZone } = village;
  const now = Date.now();
  const { pipeline, model, topicIds } = await getVillagePipeline(db, input.villageId);
  const own = await ownAccountKeys(db, input.sourceId);

  // The last occurrence of a key in a batch wins (pages can repeat items).
  const unique = new Map<string, IncomingComment>();
  for (const c of input.comments) unique.set(commentKey(c), c);
  // A first look decides what to analyse (the costly part, done outside the transaction); the
  // write re-reads inside its transaction and counts what it really created or changed.
  const existing = await findExistingComments(db, input.villageId, [...unique.values()]);

  const toAnalyze: IncomingComment[] = [];
  const likeUpdates: Array<{ id: number; likeCount: number }> = [];
  const days = new Set<string>();
  let updated = 0;
  let unchanged = 0;
  for (const [key, c] of unique) {
    const old = existing.get(key);
    const likes = c.likeCount ?? 0;
    if (!old || old.text !== c.text || old.modelVersion !== model.version) {
      toAnalyze.push(c);
    } else if (old.likeCount !== likes) {
      updated++;
      likeUpdates.push({ id: old.id, likeCount: likes });
    } else {
      unchanged++;
    }
  }

  const analyses = pipeline.analyzeBatch(toAnalyze.map((c) => c.text));
  const rows: CommentRow[] = toAnalyze.map((c, i) => {
    const a = analyses[i];
    const day = localDay(c.publishedAt, timeZone);
    const fromVillage = own.size > 0 && [c.authorId, c.authorName].some((k) => k != null && own.has(k.replace(/^@/, "").toLowerCase()));
    const stored = toStoredAnalysis(a, topicIds);
    // An urgent resident comment gets its outbox rows in the transaction that stores it (if new).
    const urgentAlert = a.urgent && !fromVillage && isRecentForAlert(c.publishedAt, now)
      ? JSON.stringify(formatUrgent(village, { text: c.text, piiSpans: stored.piiSpans, platform: c.platform, publishedAt: c.publishedAt, urgentTerms: stored.urgentTerms }, null))
      : null;
    return {
      platform: c.platform,
      externalId: c.externalId,
      postExternalId: c.postExternalId ?? null,
      parentExternalId: c.parentExternalId ?? null,
      authorPseudonym: authorPseudonym(c.platform, c.authorId ?? c.authorName ?? "anonim"),
      authorName: c.authorName ?? null,
      text: c.text,
      url: c.url ?? null,
      publishedAt: c.publishedAt,
      day,
      likeCount: c.likeCount ?? 0,
      fromVillage,
      urgentAlert,
      analysis: stored,
    };
  });

  const written = await writeIngestBatch(db, {
    villageId: input.villageId,
    sourceId: input.sourceId,
    model,
    posts: input.posts.map((p) => ({ platform: p.platform, externalId: p.externalId, text: p.text, url: p.url ?? null, publishedAt: p.publishedAt })),
    comments: rows,
    likeUpdates,
    cursor: input.cursor,
  });
  for (const d of written.days) days.add(d);
  return {
    read: input.comments.length,
    new: written.created,
    updated: updated + written.updated,
    unchanged: unchanged + written.unchanged,
    days: [...days].sort(),
  };
}

/**
 * Finishes a run: links late-arriving parents/posts (of the same village) and recomputes the
 * touched days' rollups from the comments. The batches already kept the rollups current (a run
 * killed midway leaves them exact); this pass re-derives the days once more, so anything that
 * changed them meanwhile outside a batch (a correction, a retag) is settled too.
 */
export async function refreshRollups(db: Database, villageId: number, days: string[]): Promise<void> {
  await linkOrphans(db, villageId);
  await recomputeRollups(db, villageId, days);
  // After linking: a village reply that arrived before its parent now answers the parent's case.
  await syncCases(db, villageId, days);
  // Urgent comments this run did not queue as it stored them (re-tagged or corrected ones) reach the outbox now.
  await queueUrgentAlerts(db, villageId);
}
