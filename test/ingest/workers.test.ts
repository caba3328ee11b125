// PostgreSQL deployments: two `npm run worker` processes (real child processes, real pg-boss)
// share the ingestion of one database without ever running a source twice at once, the queue
// keeps one waiting run per source however often it is asked, and a job that keeps failing ends
// up listed for admins. Runs only against PostgreSQL (`npm run test:pg`); SQLite has no workers.
process.env.JOB_RETRY_LIMIT = "1";
process.env.JOB_RETRY_DELAY_SECONDS = "1";

import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { enqueueDueSources, enqueueRetagVillage, enqueueSource, enqueueStaleBatches, openBoss, QUEUES } from "@suara-desa/jobs/queue/queues";
import { hasPendingVillageJob } from "@suara-desa/core/db/jobQueueRepository";
import { findLastVillageRun } from "@suara-desa/core/db/jobRunRepository";
import { getVillagePipeline } from "@suara-desa/core/ingest/villagePipeline";
import { countStaleComments } from "@suara-desa/core/db/ingestRepository";
import { upsertVillageTopic } from "@suara-desa/core/db/topicRepository";
import { generateDataset, type GeneratedDataset } from "../fake/datasets";
import { startFakeApiServer, type FakeServer } from "../fake/fakeApiServer";
import { as, loginAs } from "../helpers/session";
import { createTempDatabase, testPostgresUrl, type TempDatabase } from "../helpers/tempDb";
import { createApiSource, createVillage, storedIds } from "./helpers/sourceFactory";

const ROOT = path.resolve(__dirname, "../..");
const PLATFORMS = ["x", "facebook", "instagram"] as const;

interface Worker { child: ChildProcess; pid: number; output: string[] }

function startWorker(temp: TempDatabase, fake: FakeServer): Promise<Worker> {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "jobs/src/worker.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env, DATABASE_URL: temp.db.url, X_API_URL: fake.xBaseUrl, META_GRAPH_URL: fake.graphBaseUrl,
      // One job at a time per worker: three sources cannot all land on one process.
      WORKER_CONCURRENCY: "1", LOG_LEVEL: "info", SEED_DEMO: "never",
    },
  });
  const worker: Worker = { child, pid: child.pid!, output: [] };
  const onData = (d: Buffer) => worker.output.push(...String(d).split("\n").filter(Boolean));
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (worker.output.some((l) => l.includes("ready:"))) {
        clearInterval(timer);
        resolve(worker);
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`worker exited with ${code}: ${worker.output.join("\n")}`));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!testPostgresUrl())("workers on PostgreSQL (pg-boss)", () => {
  let temp: TempDatabase;
  let fake: FakeServer;
  let generated: GeneratedDataset;
  let boss: PgBoss;
  let villageId: number;
  const sources = new Map<(typeof PLATFORMS)[number], number>();
  const workers: Worker[] = [];

  beforeAll(async () => {
    temp = await createTempDatabase();
    generated = generateDataset(8080, Date.now());
    // Slow, small pages: a run takes a few seconds, long enough to overlap if the guards failed.
    fake = await startFakeApiServer({ dataset: generated.dataset, token: "tok-workers", pageSize: 3, delayMs: 60 });
    villageId = await createVillage(temp.db);
    for (const p of PLATFORMS) sources.set(p, await createApiSource(temp.db, villageId, p, generated.dataset, "tok-workers"));
    workers.push(...(await Promise.all([startWorker(temp, fake), startWorker(temp, fake)])));
    boss = await openBoss(temp.db, "client");
  }, 120_000);

  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
    await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
      if (w.child.exitCode !== null) return resolve();
      w.child.once("exit", () => resolve());
      w.child.kill("SIGTERM");
    })));
    await fake?.close();
    await temp?.cleanup();
  }, 60_000);

  const runsOf = (sourceId: number) => temp.db.prisma.jobRun.findMany({ where: { sourceId, kind: "ingest" }, orderBy: { startedAt: "asc" } });
  const allFinished = async (perSource: number) => {
    for (const id of sources.values()) {
      const runs = await runsOf(id);
      if (runs.length < perSource || runs.some((r) => r.status === "running")) return false;
    }
    return true;
  };

  /** A source's runs follow one another (none starts before the previous one finished). */
  const expectSequential = (runs: Awaited<ReturnType<typeof runsOf>>) => {
    for (let i = 1; i < runs.length; i++) expect(runs[i].startedAt.getTime()).toBeGreaterThanOrEqual(runs[i - 1].finishedAt!.getTime());
  };

  it("a tick's jobs are shared by both workers; each source's first run stores exactly its items", async () => {
    // The workers' own every-minute tick may enqueue the same due sources at the same moment; the
    // queue keeps one waiting job per source, so the test's tick sends those not already waiting.
    const sent = await enqueueDueSources(temp.db, boss);
    expect(sent.every((id) => [...sources.values()].includes(id))).toBe(true);
    await waitFor("every source's first run", () => allFinished(1));
    await waitFor("an empty queue", async () => (await boss.getQueueSize(QUEUES.source)) === 0);
    for (const [platform, id] of sources) {
      const runs = await runsOf(id);
      expect(runs[0].status, `${platform}: ${runs[0].error}`).toBe("ok");
      expect(runs[0].new, platform).toBe(generated.expected[platform].length);
      // A second run (a tick that came while the first was running) finds nothing new.
      expect(runs.slice(1).every((r) => r.new === 0), platform).toBe(true);
      expectSequential(runs);
      expect(await storedIds(temp.db, villageId, platform)).toEqual(generated.expected[platform]);
    }
    // Both processes took part.
    const ran = workers.map((w) => w.output.filter((l) => /ingest source \d+: ok/.test(l)).length);
    expect(ran.every((n) => n >= 1), JSON.stringify(workers.map((w) => w.output))).toBe(true);
  }, 120_000);

  it("asking again and again keeps one waiting run per source, and runs of a source never overlap", async () => {
    const before = new Map(await Promise.all([...sources.values()].map(async (id) => [id, (await runsOf(id)).length] as const)));
    const asks = await Promise.all([...sources.values()].flatMap((id) => [enqueueSource(boss, id), enqueueSource(boss, id), enqueueSource(boss, id)]));
    // Three asks per source: at most one waits in the queue (a second may wait behind an active one).
    expect(asks.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(asks.filter(Boolean).length).toBeLessThanOrEqual(6);
    await waitFor("another round of runs", async () => {
      for (const id of sources.values()) if ((await runsOf(id)).length <= before.get(id)!) return false;
      return allFinished(1);
    });
    await waitFor("an empty queue", async () => (await boss.getQueueSize(QUEUES.source)) === 0);
    await new Promise((r) => setTimeout(r, 1500));
    for (const [platform, id] of sources) {
      const runs = await runsOf(id);
      // Three asks made at most two runs: one waiting, perhaps one behind an active one.
      expect(runs.length - before.get(id)!, platform).toBeLessThanOrEqual(2);
      expectSequential(runs);
      // Incremental and idempotent: nothing new, nothing duplicated.
      expect(await storedIds(temp.db, villageId, platform)).toEqual(generated.expected[platform]);
    }
  }, 120_000);

  it("after a taxonomy edit, an NLP scan sends re-tag batches that the workers carry out", async () => {
    await upsertVillageTopic(temp.db, villageId, { key: "gotong-royong", nameId: "Gotong royong", nameEn: "Mutual aid", keywords: ["gotong royong"] });
    const { model } = await getVillagePipeline(temp.db, villageId);
    const stale = await countStaleComments(temp.db, villageId, model.version, false);
    expect(stale).toBeGreaterThan(0);
    expect(await enqueueStaleBatches(temp.db, boss)).toBeGreaterThanOrEqual(1);
    await waitFor("every comment re-tagged", async () => (await countStaleComments(temp.db, villageId, model.version, false)) === 0);
    // A batch re-rolls its days after tagging: wait until no batch is waiting or running.
    await waitFor("the batches to finish", async () => (await boss.getQueueSize(QUEUES.nlpBatch, { before: "completed" })) === 0);
    const tagged = await temp.db.prisma.comment.count({ where: { villageId, topics: { some: { topic: { key: "gotong-royong" } } } } });
    const mentioning = await temp.db.prisma.comment.count({ where: { villageId, text: { contains: "gotong royong" } } });
    expect(mentioning).toBeGreaterThan(0);
    expect(tagged).toBe(mentioning);
    // The rollups carry the new topic too (the dashboard reads only those).
    const rolled = await temp.db.prisma.dailyRollup.aggregate({ where: { villageId, topic: "gotong-royong" }, _sum: { count: true } });
    expect(rolled._sum.count).toBe(await temp.db.prisma.comment.count({
      where: { villageId, isSpam: false, fromVillage: false, topics: { some: { topic: { key: "gotong-royong" } } } },
    }));
  }, 120_000);

  it("\"Analisis ulang komentar\" runs on a worker through the retag-village queue, with its progress on the run", async () => {
    await upsertVillageTopic(temp.db, villageId, { key: "ronda", nameId: "Ronda malam", nameEn: "Night watch", keywords: ["ronda", "siskamling"] });
    const { model } = await getVillagePipeline(temp.db, villageId);
    const stale = await countStaleComments(temp.db, villageId, model.version, false);
    expect(stale).toBeGreaterThan(0);
    expect(await enqueueRetagVillage(boss, villageId)).not.toBeNull();
    expect(await hasPendingVillageJob(temp.db, QUEUES.retagVillage, villageId)).toBe(true);
    await waitFor("the re-analysis to end", async () => !(await hasPendingVillageJob(temp.db, QUEUES.retagVillage, villageId)));
    expect(await countStaleComments(temp.db, villageId, model.version, false)).toBe(0);
    const run = await findLastVillageRun(temp.db, villageId, "retag");
    expect(run?.status).toBe("ok");
    const details = run!.details;
    const total = details && "total" in details ? details.total : NaN;
    // Every stale comment was counted in; the workers' own NLP scan may have taken some first.
    expect(total).toBeLessThanOrEqual(stale);
    expect(run!.updated).toBe(total);
  }, 120_000);

  it("a job that keeps failing is retried, then listed for admins", async () => {
    // A source deleted after its job was queued: the run throws on every attempt.
    const jobId = await enqueueSource(boss, 999_999);
    expect(jobId).toBeTruthy();
    await waitFor("the job to fail for good", async () => (await boss.getJobById(QUEUES.source, jobId!))?.state === "failed", 60_000);
    const job = await boss.getJobById(QUEUES.source, jobId!);
    expect(job!.retryCount).toBe(1);

    const app = createApp({ db: temp.db, clientDir: null, log: () => {} });
    const admin = as(app, await loginAs(app, temp.db, "admin", []));
    const { body } = await admin.get("/api/admin/jobs").expect(200);
    expect(body.data.engine).toBe("queue");
    expect(body.data.failedJobs).toContainEqual(expect.objectContaining({
      id: jobId, queue: QUEUES.source, sourceId: 999_999, attempts: 2, error: expect.stringContaining("source 999999 does not exist"),
    }));
    expect(body.data.queues).toContainEqual(expect.objectContaining({ name: QUEUES.source, failed: 1 }));
    const member = as(app, await loginAs(app, temp.db, "pimpinan", [villageId]));
    await member.get("/api/admin/jobs").expect(403);
  }, 120_000);
});
