// Villages and their topic taxonomy.
import type { TopicDTO, VillageDTO, VillageTopicSaveInput } from "@suara-desa/shared/contracts";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { assertCanEditTopics, assertCanReadVillage } from "../policies/access";
import { recordAudit } from "./auditService";
import { findTopicsForVillage, upsertVillageTopic } from "../db/topicRepository";
import { findVillages, getVillage } from "../db/villageRepository";
import { notFound } from "../errors";

/** The villages the user may read (admins: every village the deployment serves). */
export async function listVillages(db: Database, auth: AuthContext | undefined): Promise<VillageDTO[]> {
  const rows = (await findVillages(db)).filter((v) => auth && (auth.role === "admin" || auth.villageIds.includes(v.id)));
  return rows.map((v) => ({ id: v.id, code: v.code, name: v.name, kecamatan: v.kecamatan, kabupaten: v.kabupaten, timeZone: v.timeZone, publicPage: v.publicPage }));
}

/** The topics that apply to a village. */
export async function listVillageTopics(db: Database, auth: AuthContext | undefined, villageId: number): Promise<TopicDTO[]> {
  assertCanReadVillage(auth, villageId);
  if (!(await getVillage(db, villageId))) throw notFound("Desa");
  const topics = await findTopicsForVillage(db, villageId);
  return topics.map((t) => ({
    key: t.key, nameId: t.nameId, nameEn: t.nameEn, descriptionId: t.descriptionId ?? "", descriptionEn: t.descriptionEn ?? "",
    keywords: t.keywords, own: t.villageId === villageId,
  }));
}

/**
 * Adds or edits a topic of the village (editing a shared topic gives the village its own version
 * under the same key). Its keywords tag comments from the next ingestion on; "Analisis ulang
 * komentar" (retagService) applies them to stored comments: the taxonomy hash in the stored model
 * version marks them stale.
 */
export async function saveVillageTopic(db: Database, auth: AuthContext | undefined, villageId: number, input: VillageTopicSaveInput): Promise<TopicDTO[]> {
  assertCanEditTopics(auth, villageId);
  if (!(await getVillage(db, villageId))) throw notFound("Desa");
  const before = (await findTopicsForVillage(db, villageId)).find((t) => t.key === input.key);
  await upsertVillageTopic(db, villageId, input);
  await recordAudit(db, auth, {
    action: "settings.change", villageId, target: `topic:${input.key}`,
    details: { op: before ? "edit" : "add", name: input.nameId, ...(before && before.nameId !== input.nameId ? { from: before.nameId } : {}), keywords: input.keywords.length },
  });
  return listVillageTopics(db, auth, villageId);
}
