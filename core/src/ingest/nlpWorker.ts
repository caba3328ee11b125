// An NLP worker thread of nlpPool.ts: analyses whole batches with the village's pipeline (built once
// per taxonomy and corrections signature) and answers with the stored columns, so the main thread only writes.
import { parentPort } from "node:worker_threads";
import { createPipeline } from "../nlp/pipeline";
import type { Pipeline } from "../nlp/types";
import { toStoredAnalysis } from "./storedAnalysis";
import type { NlpTask, NlpTaskResult } from "./nlpPool";

const pipelines = new Map<string, { pipeline: Pipeline; topicIds: Map<string, number> }>();

parentPort!.on("message", (task: NlpTask & { id: number }) => {
  let reply: NlpTaskResult & { id: number };
  try {
    let p = pipelines.get(task.signature);
    if (!p) {
      p = { pipeline: createPipeline({ topics: task.topics, corrections: task.corrections }), topicIds: new Map(task.topics.map((t) => [t.key, t.id])) };
      pipelines.set(task.signature, p);
    }
    const { pipeline, topicIds } = p;
    reply = { id: task.id, analyses: pipeline.analyzeBatch(task.texts).map((a) => toStoredAnalysis(a, topicIds)), modelVersion: pipeline.model.version };
  } catch (e) {
    reply = { id: task.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
