// Background jobs for admins (checked in jobService).
import { Router } from "express";
import { requireAuth } from "../auth/middleware";
import type { Database } from "@suara-desa/core/db/client";
import { getBackgroundJobs } from "@suara-desa/core/services/jobService";

/** GET /api/admin/jobs (full path; mount with app.use(jobsRouter(db))). */
export function jobsRouter(db: Database): Router {
  const router = Router();
  router.get("/api/admin/jobs", requireAuth, async (req, res) => {
    res.json({ data: await getBackgroundJobs(db, req.auth) });
  });
  return router;
}
