// An NLP worker thread of nlpPool.ts: analyses whole batches with the village's pipeline (built once
// per taxonomy and corrections signature) and answers with the stored columns, so the main thread only writes.
import { parentPort } from "node:worker_threads";
import { createPipeline } from "../nlp/pipeline";
import type { Pipeline } from "../nlp/types";
import { toStoredAnalysis } from "./storedAnalysis";
import type { NlpTask, NlpTaskResult } from "./nlpPool";

const pipelines = new Map<string, { pipeline: Pipeline; topicIds: Map<string, number> }>();
// Each change of a village's corrections is a new key: the least recently used pipelines are let go, so a
// long-running worker does not grow without bound (a village's next batch rebuilds its own when needed).
const MAX_PIPELINES = 32;

parentPort!.on("message", (task: NlpTask & { id: number }) => {
  let reply: NlpTaskResult & { id: number };
  try {
    let p = pipelines.get(task.signature);
    if (p) pipelines.delete(task.signature);
    else p = { pipeline: createPipeline({ topics: task.topics, corrections: task.corrections }), topicIds: new Map(task.topics.map((t) => [t.key, t.id])) };
    // Most recently used last.
    pipelines.set(task.signature, p);
    if (pipelines.size > MAX_PIPELINES) pipelines.delete(pipelines.keys().next().value!);
    const { pipeline, topicIds } = p;
    reply = { id: task.id, analyses: pipeline.analyzeBatch(task.texts).map((a) => toStoredAnalysis(a, topicIds)), modelVersion: pipeline.model.version };
  } catch (e) {
    reply = { id: task.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
