// UU PDP No. 27/2022 operations: the retention purge (raw comments older than the village's
// retentionMonths go, the daily aggregates stay) and erasure of one author's comments on request
// (their comments go everywhere, and the touched days' aggregates are recomputed without them).
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { findAuthorComments, findCommentIdsPublishedBefore } from "../db/commentRepository";
import { deleteComments, raisePurgedBefore } from "../db/ingestRepository";
import { findVillagesWithRetention, getVillage, setVillageRetention } from "../db/villageRepository";
import { notFound } from "../errors";
import { assertCanManagePrivacy } from "../policies/access";
import { recordAudit } from "./auditService";
import { retentionStart } from "@suara-desa/shared/time";

export interface PurgeSummary { villages: number; deleted: number }

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

/** Sets a village's retention (months; null keeps raw comments forever). */
export async function updateVillageSettings(
  db: Database,
  auth: AuthContext | undefined,
  villageId: number,
  input: { retentionMonths: number | null },
): Promise<{ villageId: number; retentionMonths: number | null }> {
  assertCanManagePrivacy(auth, villageId);
  const village = await getVillage(db, villageId);
  if (!village) throw notFound("Desa");
  await setVillageRetention(db, villageId, input.retentionMonths);
  await recordAudit(db, auth, {
    action: "settings.change", villageId, target: `village:${village.code}`,
    details: { retentionMonths: { from: village.retentionMonths, to: input.retentionMonths } },
  });
  return { villageId, retentionMonths: input.retentionMonths };
}
