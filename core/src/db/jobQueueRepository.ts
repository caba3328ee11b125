// Reads of the background job state for admins: pg-boss's own tables (PostgreSQL) and JobRun.
import type { Database } from "./client";
import { sqlAll } from "./sql";

/** The schema pg-boss keeps its tables in (the workers create it; the server only reads it). */
export const PGBOSS_SCHEMA = "pgboss";

export interface QueueCount { name: string; state: string; n: number }
export interface FailedQueueJob { id: string; name: string; data: unknown; output: unknown; retry_count: number; completed_on: Date | null }

/** Whether pg-boss has created its schema in this database (a worker or server started on it). */
async function hasQueueTables(db: Database): Promise<boolean> {
  if (!db.pg) return false;
  const [row] = await sqlAll<{ t: string | null }>(db, `SELECT to_regclass(@table)::text AS t`, { table: `${PGBOSS_SCHEMA}.job` });
  return row?.t != null;
}

/** Jobs per queue and state (created, retry, active, failed…). */
export async function countQueueJobs(db: Database): Promise<QueueCount[]> {
  if (!(await hasQueueTables(db))) return [];
  return sqlAll<QueueCount>(db, `SELECT name, state::text AS state, COUNT(*)::int AS n FROM ${PGBOSS_SCHEMA}.job GROUP BY name, state`);
}

/** The latest jobs that failed for good. */
export async function findFailedQueueJobs(db: Database, limit: number): Promise<FailedQueueJob[]> {
  if (!(await hasQueueTables(db))) return [];
  return sqlAll<FailedQueueJob>(db, `SELECT id::text AS id, name, data, output, retry_count, completed_on FROM ${PGBOSS_SCHEMA}.job
    WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT ${Math.floor(limit)}`);
}

/** Runs that failed, stopped part-way or were abandoned by a killed process since `since`, newest first. */
export function findFailedRuns(db: Database, since: Date, limit: number) {
  return db.prisma.jobRun.findMany({
    where: { status: { in: ["failed", "partial", "abandoned"] }, startedAt: { gte: since } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, status: true, villageId: true, sourceId: true, startedAt: true, error: true },
  });
}

/** Whether a job of `queue` for the village is waiting, retrying or running (PostgreSQL queues). */
export async function hasPendingVillageJob(db: Database, queue: string, villageId: number): Promise<boolean> {
  if (!(await hasQueueTables(db))) return false;
  const [row] = await sqlAll<{ n: number }>(db, `SELECT COUNT(*)::int AS n FROM ${PGBOSS_SCHEMA}.job
    WHERE name = @queue AND state IN ('created', 'retry', 'active') AND data->>'villageId' = @villageId`, { queue, villageId: String(villageId) });
  return Number(row?.n ?? 0) > 0;
}
