// GET /api/admin/jobs: what admins see of background work. The queue half (pg-boss on PostgreSQL)
// is tested with real worker processes in test/ingest/workers.test.ts; this covers the runs every
// deployment records, on whichever engine the suite runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishJobRun, startJobRun } from "@suara-desa/core/db/jobRunRepository";
import { createVillage } from "../factories/village";
import { as, loginAs } from "../helpers/session";
import { createTempDatabase, type TempDatabase } from "../helpers/tempDb";

let env: TempDatabase;
let app: ReturnType<typeof createApp>;
let villageId: number;

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  villageId = (await createVillage(env.db, { name: "Desa Jobs" })).id;
});
afterAll(() => env.cleanup());

describe("GET /api/admin/jobs", () => {
  it("lists the runs that failed or stopped part-way this week, newest first, to admins only", async () => {
    const ok = await startJobRun(env.db, { kind: "ingest", villageId });
    await finishJobRun(env.db, ok, { status: "ok", read: 5, new: 5, updated: 0, rejected: 0 });
    const failed = await startJobRun(env.db, { kind: "ingest", villageId });
    await finishJobRun(env.db, failed, { status: "failed", read: 0, new: 0, updated: 0, rejected: 0, error: "ServerError: HTTP 503" });
    const partial = await startJobRun(env.db, { kind: "retag", villageId });
    await finishJobRun(env.db, partial, { status: "partial", read: 10, new: 0, updated: 10, rejected: 0, error: "stopped" });
    // A failure older than a week is no longer news.
    const old = await startJobRun(env.db, { kind: "ingest", villageId });
    await finishJobRun(env.db, old, { status: "failed", read: 0, new: 0, updated: 0, rejected: 0, error: "old" });
    await env.db.prisma.jobRun.update({ where: { id: old }, data: { startedAt: new Date(Date.now() - 8 * 86_400_000) } });

    const admin = as(app, await loginAs(app, env.db, "admin", []));
    const { body } = await admin.get("/api/admin/jobs").expect(200);
    expect(body.data.engine).toBe(env.db.provider === "postgres" ? "queue" : "in-process");
    expect(body.data.failedRuns.map((r: { id: number }) => r.id)).toEqual([partial, failed]);
    expect(body.data.failedRuns[1]).toMatchObject({ kind: "ingest", status: "failed", villageId, error: "ServerError: HTTP 503" });

    const chair = as(app, await loginAs(app, env.db, "pimpinan", [villageId]));
    await chair.get("/api/admin/jobs").expect(403);
  });
});
