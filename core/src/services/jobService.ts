// What admins see of background work: on PostgreSQL the pg-boss queues (sizes, jobs that failed
// after their retries), on both engines the runs recorded in JobRun that failed.
import type { BackgroundJobsDTO } from "@suara-desa/shared/contracts";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { countQueueJobs, findFailedQueueJobs, findFailedRuns } from "../db/jobQueueRepository";
import { findSourceNames } from "../db/sourceRepository";
import { assertCanViewJobs } from "../policies/access";

function errorText(output: unknown): string {
  if (output && typeof output === "object") {
    const o = output as { message?: unknown; value?: unknown };
    if (typeof o.message === "string") return o.message;
    if (o.value !== undefined) return String(o.value);
  }
  return output == null ? "" : String(output);
}

function numberField(data: unknown, key: string): number | null {
  const v = data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
  return typeof v === "number" ? v : null;
}

export async function getBackgroundJobs(db: Database, auth: AuthContext | undefined, now = new Date()): Promise<BackgroundJobsDTO> {
  assertCanViewJobs(auth);
  const [counts, failedJobs, failedRuns] = await Promise.all([
    countQueueJobs(db),
    findFailedQueueJobs(db, 50),
    findFailedRuns(db, new Date(now.getTime() - 7 * 86_400_000), 50),
  ]);
  const names = await findSourceNames(db, [
    ...failedJobs.map((j) => numberField(j.data, "sourceId")), ...failedRuns.map((r) => r.sourceId),
  ].filter((id): id is number => id !== null));
  const sourceName = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  const queues = new Map<string, BackgroundJobsDTO["queues"][number]>();
  for (const c of counts) {
    if (c.name.startsWith("__pgboss")) continue;
    const q = queues.get(c.name) ?? { name: c.name, queued: 0, active: 0, retrying: 0, failed: 0 };
    if (c.state === "created") q.queued += c.n;
    else if (c.state === "active") q.active += c.n;
    else if (c.state === "retry") q.retrying += c.n;
    else if (c.state === "failed") q.failed += c.n;
    queues.set(c.name, q);
  }
  return {
    engine: db.provider === "postgres" ? "queue" : "in-process",
    queues: [...queues.values()].sort((a, b) => a.name.localeCompare(b.name)),
    failedJobs: failedJobs.map((j) => ({
      id: j.id, queue: j.name, sourceId: numberField(j.data, "sourceId"), sourceName: sourceName(numberField(j.data, "sourceId")), villageId: numberField(j.data, "villageId"),
      attempts: j.retry_count + 1, error: errorText(j.output), failedAt: (j.completed_on ?? now).toISOString(),
    })),
    failedRuns: failedRuns.map((r) => ({ ...r, sourceName: sourceName(r.sourceId), startedAt: r.startedAt.toISOString() })),
  };
}
