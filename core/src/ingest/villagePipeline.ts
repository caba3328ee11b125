// One NLP pipeline per village taxonomy and set of corrections, rebuilt only when the
// village's topics or corrections change. The stored model version carries a short hash of the
// taxonomy, so editing a village's topics (or bumping the model) marks its comments for re-tagging.
// Corrections adapt the sentiment, intent and urgency of new comments (sentimentAdaptation.ts) without changing the
// version: re-applying them to stored comments is a request (`npm run retag -- --village <code> --all`, or
// "Terapkan koreksi" on the Admin page),
// not a re-tag of the whole village after every correction. Other processes (workers, the server) see
// a new correction within CORRECTIONS_CHECK_MS; the process that stored it at once (forgetVillagePipeline).
// The NLP worker threads of a large import (nlpPool.ts) build the same pipeline from `topics` and
// `correctionList`, keyed by `signature` and `corrections`; this thread then never builds its own
// (the pipeline is built on first use, and the stamp is known without it).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { findTopicsForVillage, type StoredTopic } from "../db/topicRepository";
import { findCorrections, getCorrectionStamp } from "../db/labelRepository";
import { MAX_CORRECTIONS } from "../nlp/sentimentAdaptation";
import type { Database } from "../db/client";
import { createPipeline, LEXICON_FALLBACK_MODEL, MODEL, type CorrectionInput } from "../nlp/pipeline";
import { SENTIMENT_MODEL_FILE } from "../nlp/resources";
import type { ModelInfo, Pipeline } from "../nlp/types";


export interface VillagePipeline {
  /** Built on first use: a process whose NLP runs on worker threads never loads the models. */
  readonly pipeline: Pipeline;
  model: ModelInfo;
  /** The model stamp of the pipeline itself (without the taxonomy hash), known without building it. */
  baseModel: ModelInfo;
  topics: StoredTopic[];
  topicIds: Map<string, number>;
  signature: string;
  /** Change marker of the corrections the pipeline was built with, and when it was last compared. */
  corrections: string;
  /** The corrections themselves (oldest first), for worker threads that build the same pipeline. */
  correctionList: CorrectionInput[];
  checkedAt: number;
}

/** How often a cached pipeline compares its corrections with the database (one aggregate query). */
export const CORRECTIONS_CHECK_MS = 60_000;

const cache = new Map<number, VillagePipeline>();

/**
 * The name and version createPipeline() stamps, read without loading the models: the trained
 * sentiment model's stamp when its file ships (the one getResources() then loads), else the lexicon
 * fallback's. A pipeline built later is checked against it.
 */
export function pipelineModel(): ModelInfo {
  return existsSync(SENTIMENT_MODEL_FILE) ? MODEL : LEXICON_FALLBACK_MODEL;
}

/** Drops a village's cached pipeline (after a correction in this process), so the next batch uses it. */
export function forgetVillagePipeline(villageId: number): void {
  cache.delete(villageId);
}

/** The pipeline for a village's current taxonomy and corrections (cached by their content). */
export async function getVillagePipeline(db: Database, villageId: number, now: number = Date.now()): Promise<VillagePipeline> {
  const topics = await findTopicsForVillage(db, villageId);
  const signature = JSON.stringify(topics.map((t) => [t.id, t.key, t.keywords]));
  const hit = cache.get(villageId);
  const fresh = hit !== undefined && now - hit.checkedAt < CORRECTIONS_CHECK_MS;
  const corrections = fresh ? hit.corrections : await getCorrectionStamp(db, villageId);
  if (hit && hit.signature === signature && hit.corrections === corrections) {
    hit.checkedAt = fresh ? hit.checkedAt : now;
    return hit;
  }
  const correctionList = corrections.startsWith("0:") ? [] : await findCorrections(db, villageId, MAX_CORRECTIONS);
  const taxonomyHash = createHash("sha256").update(signature).digest("hex").slice(0, 8);
  const base = pipelineModel();
  let built: Pipeline | null = null;
  const entry: VillagePipeline = {
    get pipeline() {
      if (!built) {
        built = createPipeline({ topics, corrections: correctionList });
        if (built.model.name !== base.name || built.model.version !== base.version) {
          throw new Error(`NLP pipeline stamps ${built.model.name} ${built.model.version}, expected ${base.name} ${base.version}`);
        }
      }
      return built;
    },
    model: { name: base.name, version: `${base.version}+tx.${taxonomyHash}` },
    baseModel: base,
    topics,
    topicIds: new Map(topics.map((t) => [t.key, t.id])),
    signature,
    corrections,
    correctionList: correctionList.map((c) => ({ text: c.text, label: c.label, intent: c.intent ?? null, urgent: c.urgent ?? null })),
    checkedAt: now,
  };
  cache.set(villageId, entry);
  return entry;
}
