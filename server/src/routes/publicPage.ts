// Halaman publik: the read-only page residents may open without an account, and the switch that
// opens it (admins and the BPD chair). The page is the same for everyone: cacheable for 5 minutes.
import { Router } from "express";
import { z } from "zod";
import { PublicPageToggleSchema, VillageParamsSchema } from "@suara-desa/shared/contracts";
import type { Database } from "@suara-desa/core/db/client";
import { getPublicPage, setPublicPage } from "@suara-desa/core/services/publicService";
import { requireAuth } from "../auth/middleware";
import { validated } from "../middleware/validate";

export const PublicPageParamsSchema = z.object({ code: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "must be a Kemendagri village code like 32.15.04.2006") });
export const VillagePublicToggleSchema = VillageParamsSchema.extend(PublicPageToggleSchema.shape);

export function publicPageRouter(db: Database): Router {
  const router = Router();

  router.get("/public/villages/:code", validated(PublicPageParamsSchema, async (req, res) => {
    const data = await getPublicPage(db, req.input.code);
    // Aggregates only, identical for every visitor: shared caches may keep it briefly.
    res.setHeader("Cache-Control", "public, max-age=300");
    res.json({ data });
  }));

  router.put("/villages/:villageId/public", requireAuth, validated(VillagePublicToggleSchema, async (req, res) => {
    res.json({ data: await setPublicPage(db, req.auth, req.input.villageId, req.input.enabled) });
  }));

  return router;
}
