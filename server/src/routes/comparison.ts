// The comparison page: every village the caller may read, side by side for one week.
import { Router } from "express";
import type { z } from "zod";
import { VillageComparisonQuerySchema } from "@suara-desa/shared/contracts";
import type { Database } from "@suara-desa/core/db/client";
import { compareVillages } from "@suara-desa/core/services/comparisonService";
import { requireAuth } from "../auth/middleware";
import { validate } from "../middleware/validate";

/** GET /api/comparison?week=… */
export function comparisonRouter(db: Database): Router {
  const router = Router();
  router.get("/comparison", requireAuth, validate(VillageComparisonQuerySchema), async (req, res) => {
    const q = req.input as z.infer<typeof VillageComparisonQuerySchema>;
    res.json({ data: await compareVillages(db, req.auth, q.week) });
  });
  return router;
}
