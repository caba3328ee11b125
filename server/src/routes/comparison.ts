// The comparison page: every village the caller may read, side by side for one week.
import { Router } from "express";
import { VillageComparisonQuerySchema } from "@suara-desa/shared/contracts";
import type { Database } from "@suara-desa/core/db/client";
import { compareVillages } from "@suara-desa/core/services/comparisonService";
import { requireAuth } from "../auth/middleware";
import { validated } from "../middleware/validate";

/** GET /api/comparison?week=… */
export function comparisonRouter(db: Database): Router {
  const router = Router();
  router.get("/comparison", requireAuth, validated(VillageComparisonQuerySchema, async (req, res) => {
    res.json({ data: await compareVillages(db, req.auth, req.input.week) });
  }));
  return router;
}
