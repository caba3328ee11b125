// Topics: the global taxonomy (villageId null) plus each village's own additions.
import type { TopicRule } from "../nlp/types";
import type { Database } from "./client";
import { topicKeywordsColumn } from "./jsonColumns";

export interface StoredTopic extends TopicRule { id: number; villageId: number | null }

/** Inserts or updates the global taxonomy (names, descriptions, keywords) from the data file. */
export async function upsertGlobalTopics(db: Database, topics: TopicRule[]): Promise<void> {
  for (const t of topics) {
    const data = {
      nameId: t.nameId,
      nameEn: t.nameEn,
      descriptionId: t.descriptionId ?? "",
      descriptionEn: t.descriptionEn ?? "",
      keywords: topicKeywordsColumn.serialise(t.keywords),
    };
    const existing = await db.prisma.topic.findFirst({ where: { villageId: null, key: t.key } });
    if (existing) await db.prisma.topic.update({ where: { id: existing.id }, data });
    else await db.prisma.topic.create({ data: { key: t.key, villageId: null, ...data } });
  }
}

/** Creates or updates one of a village's own topics (it overrides a global topic with its key). */
export async function upsertVillageTopic(
  db: Database,
  villageId: number,
  t: { key: string; nameId: string; nameEn: string; descriptionId?: string; descriptionEn?: string; keywords: string[] },
): Promise<void> {
  const data = {
    nameId: t.nameId, nameEn: t.nameEn, descriptionId: t.descriptionId ?? "", descriptionEn: t.descriptionEn ?? "",
    keywords: topicKeywordsColumn.serialise(t.keywords), active: true,
  };
  await db.prisma.topic.upsert({
    where: { villageId_key: { villageId, key: t.key } },
    create: { villageId, key: t.key, ...data },
    update: data,
  });
}

/** Active topics that apply to a village; a village topic overrides a global one with its key. */
export async function findTopicsForVillage(db: Database, villageId: number): Promise<StoredTopic[]> {
  const rows = await db.prisma.topic.findMany({
    where: { active: true, OR: [{ villageId: null }, { villageId }] },
    orderBy: [{ id: "asc" }],
  });
  const byKey = new Map<string, StoredTopic>();
  for (const r of rows) {
    if (byKey.has(r.key) && r.villageId === null) continue;
    byKey.set(r.key, {
      id: r.id,
      villageId: r.villageId,
      key: r.key,
      nameId: r.nameId,
      nameEn: r.nameEn,
      descriptionId: r.descriptionId,
      descriptionEn: r.descriptionEn,
      keywords: topicKeywordsColumn.parse(r.keywords),
    });
  }
  return [...byKey.values()];
}
