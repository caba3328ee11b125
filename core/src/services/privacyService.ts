// UU PDP No. 27/2022 operations: the retention purge (raw comments older than the village's
// retentionMonths go, the daily aggregates stay) and erasure of one author's comments on request
// (their comments go everywhere, and the touched days' aggregates are recomputed without them).
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import type { AuthorErasureDTO, AuthorErasurePreviewDTO, Platform, VillageSettingsDTO } from "@suara-desa/shared/contracts";
import {
  countCommentsPublishedBefore, findAuthorComments, findCommentAuthor, findCommentIdsPublishedBefore, findOldestCommentDay, summarizeAuthorComments,
} from "../db/commentRepository";
import { deleteComments, raisePurgedBefore, storableFrom } from "../db/ingestRepository";
import { findVillagesWithRetention, getVillage, setVillageRetention } from "../db/villageRepository";
import { conflict, notFound } from "../errors";
import { ANONYMOUS_AUTHOR_KEY, authorPseudonym as pseudonymOf } from "../ingest/pseudonym";
import { assertCanManagePrivacy, canReadVillage } from "../policies/access";
import { recordAudit } from "./auditService";
import { addDays, localDay, localTimeToUtc, retentionStart } from "@suara-desa/shared/time";

export interface PurgeSummary { villages: number; deleted: number }

/** When the nightly purge runs (the scheduler's cron and the workers' pg-boss schedule): 02:30 WIB. */
export const RETENTION_PURGE_SCHEDULE = { cron: "30 2 * * *", timeZone: "Asia/Jakarta", minuteOfDay: 2 * 60 + 30 } as const;

/** The first purge run after `now`. */
export function nextRetentionPurge(now: Date): Date {
  const { timeZone, minuteOfDay } = RETENTION_PURGE_SCHEDULE;
  const today = localDay(now, timeZone);
  const at = localTimeToUtc(today, minuteOfDay, timeZone);
  return at.getTime() > now.getTime() ? at : localTimeToUtc(addDays(today, 1), minuteOfDay, timeZone);
}

/**
 * Deletes raw comments older than each village's retention, whole local days at a time; DailyRollup
 * rows are kept, and the cut-off is kept as `Village.purgedBefore` so the deleted comments are never
 * stored again.
 */
export async function purgeExpiredComments(db: Database, now: Date): Promise<PurgeSummary> {
  const villages = await findVillagesWithRetention(db);
  let deleted = 0;
  for (const v of villages) {
    const cutoff = retentionStart(now, v.retentionMonths, v.timeZone);
    // First: from here on no import stores a comment this purge deletes (their counts stay in the
    // aggregates; stored again, they would count twice), even after the retention is lengthened.
    await raisePurgedBefore(db, v.id, cutoff);
    // Re-checked as each row is deleted: an import may have given an edited comment a newer time.
    const { deleted: n } = await deleteComments(db, v.id, await findCommentIdsPublishedBefore(db, v.id, cutoff), { keepCounts: true, publishedBefore: cutoff });
    deleted += n;
    if (n > 0) await recordAudit(db, null, { action: "privacy.delete", villageId: v.id, target: "retention", details: { deleted: n, before: cutoff.toISOString() } }, now);
  }
  return { villages: villages.length, deleted };
}

/**
 * Removes every comment of one author in a village; each deleting transaction subtracts the rows'
 * counts from the rollups, so the statistics are exact even if the process stops part-way.
 */
export async function deleteAuthorComments(
  db: Database,
  auth: AuthContext | undefined,
  villageId: number,
  authorPseudonym: string,
): Promise<{ deleted: number; days: string[] }> {
  assertCanManagePrivacy(auth, villageId);
  if (!(await getVillage(db, villageId))) throw notFound("Desa");
  const rows = await findAuthorComments(db, villageId, authorPseudonym);
  const { deleted, days } = await deleteComments(db, villageId, rows.map((r) => r.id), { keepCounts: false });
  await recordAudit(db, auth, { action: "privacy.delete", villageId, target: `author:${authorPseudonym}`, details: { deleted, days: days.length } });
  return { deleted, days };
}

/**
 * The village and author of a comment an erasure request points at. Its own village decides: 404
 * for a comment that does not exist or whose village the caller may not read (as the comment
 * detail answers), 403 for a member who may not manage privacy.
 */
async function commentAuthorFor(
  db: Database,
  auth: AuthContext | undefined,
  commentId: number,
): Promise<{ villageId: number; platform: string; authorPseudonym: string; authorName: string | null }> {
  const found = await findCommentAuthor(db, commentId);
  if (!found || !canReadVillage(auth, found.villageId)) throw notFound("Komentar");
  assertCanManagePrivacy(auth, found.villageId);
  // Not a resident's request: the village's own account (its public replies are the record of its answers).
  if (found.fromVillage) throw conflict("Komentar ini ditulis oleh akun desa sendiri, bukan oleh warga: komentarnya tidak dihapus per penulis");
  // No author recorded: every such comment shares one pseudonym, so "this author" would be everyone without a name.
  if (found.authorPseudonym === pseudonymOf(found.platform, ANONYMOUS_AUTHOR_KEY)) {
    throw conflict("Penulis komentar ini tidak tercatat (diimpor tanpa nama atau akun penulis): komentar tanpa penulis tidak bisa dihapus per penulis");
  }
  return found;
}

/**
 * What erasing a comment's author would remove in the comment's village (counts only), so the
 * office can confirm a resident's request without ever seeing the author's pseudonym.
 */
export async function previewCommentAuthorErasure(db: Database, auth: AuthContext | undefined, commentId: number): Promise<AuthorErasurePreviewDTO> {
  const { villageId, platform, authorPseudonym, authorName } = await commentAuthorFor(db, auth, commentId);
  const s = await summarizeAuthorComments(db, villageId, authorPseudonym);
  // Erased meanwhile (another admin, the nightly purge): nothing left to preview.
  if (s.comments === 0 || !s.firstAt || !s.lastAt) throw notFound("Komentar");
  return {
    villageId, platform: platform as Platform, comments: s.comments, days: s.days, firstAt: s.firstAt.toISOString(), lastAt: s.lastAt.toISOString(),
    // Imported with a name and no account id (a file, a WhatsApp contact without a number): everyone
    // of that name on the platform shares the pseudonym.
    byNameOnly: authorName !== null && authorPseudonym === pseudonymOf(platform, authorName),
  };
}

/** Erases every comment of a comment's author in the comment's village only (deleteAuthorComments, audited there). */
export async function deleteCommentAuthorComments(db: Database, auth: AuthContext | undefined, commentId: number): Promise<AuthorErasureDTO> {
  const { villageId, authorPseudonym } = await commentAuthorFor(db, auth, commentId);
  return deleteAuthorComments(db, auth, villageId, authorPseudonym);
}

/**
 * A village's retention as the admin page shows it: the first day kept now (what imports store), the
 * latest deletion's cut-off, and how many stored comments the next nightly deletion removes (its
 * cut-off is computed at its own time, a day later than now's after 02:30). `proposedMonths` previews
 * a change before it is saved (undefined: as stored).
 */
export async function getVillageSettings(
  db: Database,
  auth: AuthContext | undefined,
  villageId: number,
  proposedMonths?: number | null,
  now: Date = new Date(),
): Promise<VillageSettingsDTO> {
  assertCanManagePrivacy(auth, villageId);
  const village = await getVillage(db, villageId);
  if (!village) throw notFound("Desa");
  const retentionMonths = proposedMonths === undefined ? village.retentionMonths : proposedMonths;
  const from = storableFrom({ retentionMonths, purgedBefore: village.purgedBefore, timeZone: village.timeZone }, now);
  // The purge only visits villages with a retention.
  const nextDeletion = retentionMonths === null ? null : nextRetentionPurge(now);
  const [dueForDeletion, oldestCommentDay] = await Promise.all([
    nextDeletion && retentionMonths !== null
      ? countCommentsPublishedBefore(db, villageId, retentionStart(nextDeletion, retentionMonths, village.timeZone))
      : Promise.resolve(0),
    findOldestCommentDay(db, villageId),
  ]);
  return {
    villageId,
    retentionMonths,
    keptFrom: from ? localDay(from, village.timeZone) : null,
    purgedBefore: village.purgedBefore ? localDay(village.purgedBefore, village.timeZone) : null,
    nextDeletionAt: nextDeletion?.toISOString() ?? null,
    dueForDeletion,
    oldestCommentDay,
  };
}

/** Sets a village's retention (months; null keeps raw comments until deleted on request). */
export async function updateVillageSettings(
  db: Database,
  auth: AuthContext | undefined,
  villageId: number,
  input: { retentionMonths: number | null },
): Promise<VillageSettingsDTO> {
  assertCanManagePrivacy(auth, villageId);
  const village = await getVillage(db, villageId);
  if (!village) throw notFound("Desa");
  await setVillageRetention(db, villageId, input.retentionMonths);
  await recordAudit(db, auth, {
    action: "settings.change", villageId, target: `village:${village.code}`,
    details: { retentionMonths: { from: village.retentionMonths, to: input.retentionMonths } },
  });
  return getVillageSettings(db, auth, villageId);
}
