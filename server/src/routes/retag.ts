// "Analisis ulang komentar": status with progress, and start (admins and pimpinan of the village;
// checked in retagService). Full paths; mount with app.use(retagRouter({ db, retag })).
import { Router } from "express";
import { requireAuth } from "../auth/middleware";
import type { Database } from "@suara-desa/core/db/client";
import { getRetagStatus, startRetag, type RetagPort } from "@suara-desa/core/services/retagService";
import { RetagStartBodySchema, VillageParamsSchema } from "@suara-desa/shared/contracts";
import { validated } from "../middleware/validate";

export const RetagStatusSchema = VillageParamsSchema;
export const RetagStartSchema = VillageParamsSchema.extend(RetagStartBodySchema.shape);

/** Routes for re-analysing a village's comments; without a port, starting answers 503. */
export function retagRouter(deps: { db: Database; retag?: RetagPort | null }): Router {
  const { db } = deps;
  const router = Router();

  router.get("/api/villages/:villageId/retag", requireAuth, validated(RetagStatusSchema, async (req, res) => {
    res.json({ data: await getRetagStatus(db, req.auth, deps.retag ?? null, req.input.villageId) });
  }));

  router.post("/api/villages/:villageId/retag", requireAuth, validated(RetagStartSchema, async (req, res) => {
    res.status(202).json({ data: await startRetag(db, req.auth, deps.retag ?? null, req.input.villageId, { all: req.input.all ?? false }) });
  }));

  return router;
}
