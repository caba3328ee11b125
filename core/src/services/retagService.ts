// "Analisis ulang komentar": after a topic edit or a new model, stored comments carry labels from
// the older version; after officials' corrections, stored comments do not follow them yet (corrections
// do not change the model version, see villagePipeline.ts) until a re-analysis of all comments. The Admin page shows how many, starts one re-analysis of the village as a
// background job and polls its progress. The job itself is a port handed in by the composition
// root (in-process on SQLite, a pg-boss queue on PostgreSQL), so the server never imports jobs/.
import type { RetagStatusDTO } from "@suara-desa/shared/contracts";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { countStaleComments } from "../db/ingestRepository";
import { countCorrectedComments } from "../db/labelRepository";
import { findLastVillageRun } from "../db/jobRunRepository";
import type { JobRunDetails } from "../db/jsonColumns";
import { villageExists } from "../db/villageRepository";
import { HttpError, notFound } from "../errors";
import { getVillagePipeline } from "../ingest/villagePipeline";
import { assertCanEditTopics } from "../policies/access";
import { recordAudit } from "./auditService";

/** What the API needs from the background side to re-analyse a village. */
export interface RetagPort {
  /** Starts (or queues) one re-analysis of the village (`all`: every comment); "running" when one is already going. */
  start(villageId: number, opts: { all: boolean }): Promise<"started" | "queued" | "running">;
  /** Is a re-analysis of the village waiting or running? */
  isPending(villageId: number): Promise<boolean>;
}

type Auth = AuthContext | null | undefined;

const RUN_STATUSES = new Set(["running", "ok", "partial", "failed", "abandoned"]);

/** The run's total as recorded with its progress (never below what is done). */
function totalOf(details: JobRunDetails | null, done: number): number {
  return details && "total" in details ? Math.max(details.total, done) : done;
}

/** How many comments wait for a re-analysis and how the latest one went (admins and pimpinan). */
export async function getRetagStatus(db: Database, auth: Auth, port: RetagPort | null, villageId: number): Promise<RetagStatusDTO> {
  assertCanEditTopics(auth, villageId);
  if (!(await villageExists(db, villageId))) throw notFound("Desa");
  const { model } = await getVillagePipeline(db, villageId);
  const [staleComments, totalComments, correctedComments, run, pending] = await Promise.all([
    countStaleComments(db, villageId, model.version, false),
    countStaleComments(db, villageId, model.version, true),
    countCorrectedComments(db, villageId),
    findLastVillageRun(db, villageId, "retag"),
    port ? port.isPending(villageId) : Promise.resolve(false),
  ]);
  return {
    staleComments,
    correctedComments,
    totalComments,
    pending: pending || run?.status === "running",
    lastRun: run
      ? {
          status: (RUN_STATUSES.has(run.status) ? run.status : "failed") as NonNullable<RetagStatusDTO["lastRun"]>["status"],
          done: run.updated, total: totalOf(run.details, run.updated),
          startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null, error: run.error,
        }
      : null,
  };
}

/** Starts a re-analysis of the village's comments (stale ones, or `all`) as a background job; audited. */
export async function startRetag(db: Database, auth: Auth, port: RetagPort | null, villageId: number, opts: { all: boolean } = { all: false }): Promise<RetagStatusDTO> {
  assertCanEditTopics(auth, villageId);
  if (!(await villageExists(db, villageId))) throw notFound("Desa");
  if (!port) throw new HttpError(503, "unavailable", "Analisis ulang tidak aktif di server ini");
  const outcome = await port.start(villageId, opts);
  if (outcome !== "running") await recordAudit(db, auth, { action: "retag", villageId, target: `village:${villageId}`, details: { outcome, all: opts.all } });
  return getRetagStatus(db, auth, port, villageId);
}
