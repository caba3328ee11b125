// JobRun rows: one per import, ingest run or retag, so the dashboard can show what ran and failed.
import type { Database } from "./client";

export type JobKind = "import" | "ingest" | "retag" | "rollup" | "report";
export type JobStatus = "ok" | "partial" | "failed";

/** Records the start of a job; returns its id. */
export async function startJobRun(db: Database, input: { kind: JobKind; villageId?: number | null; sourceId?: number | null }): Promise<number> {
  const row = await db.prisma.jobRun.create({
    data: { kind: input.kind, villageId: input.villageId ?? null, sourceId: input.sourceId ?? null, status: "running" },
  });
  return row.id;
}

/** Records the end of a job with its counts. */
export async function finishJobRun(
  db: Database,
  id: number,
  result: { status: JobStatus; read: number; new: number; updated: number; rejected: number; error?: string | null; details?: unknown },
): Promise<void> {
  await db.prisma.jobRun.update({
    where: { id },
    data: {
      status: result.status,
      finishedAt: new Date(),
      read: result.read,
      new: result.new,
      updated: result.updated,
      rejected: result.rejected,
      error: result.error ?? null,
      details: result.details === undefined ? null : JSON.stringify(result.details),
    },
  });
}
