// One NLP pipeline per village taxonomy, rebuilt only when the village's topics change. The stored
// model version carries a short hash of the taxonomy, so editing a village's topics (or bumping the
// model) marks its comments for re-tagging.
import { createHash } from "node:crypto";
import { findTopicsForVillage, type StoredTopic } from "../db/topicRepository";
import type { Database } from "../db/client";
import { createPipeline } from "../nlp/pipeline";
import type { ModelInfo, Pipeline } from "../nlp/types";

export interface VillagePipeline { pipeline: Pipeline; model: ModelInfo; topics: StoredTopic[]; topicIds: Map<string, number>; signature: string }

const cache = new Map<number, VillagePipeline>();

/** The pipeline for a village's current taxonomy (cached by its content). */
export async function getVillagePipeline(db: Database, villageId: number): Promise<VillagePipeline> {
  const topics = await findTopicsForVillage(db, villageId);
  const signature = JSON.stringify(topics.map((t) => [t.id, t.key, t.keywords]));
  const hit = cache.get(villageId);
  if (hit && hit.signature === signature) return hit;
  const pipeline = createPipeline({ topics });
  const taxonomyHash = createHash("sha256").update(signature).digest("hex").slice(0, 8);
  const entry: VillagePipeline = {
    pipeline,
    model: { name: pipeline.model.name, version: `${pipeline.model.version}+tx.${taxonomyHash}` },
    topics,
    topicIds: new Map(topics.map((t) => [t.key, t.id])),
    signature,
  };
  cache.set(villageId, entry);
  return entry;
}
