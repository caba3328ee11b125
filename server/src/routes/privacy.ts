// Privacy operations (admins; checked in privacyService): erasure of one author's comments and the
// village's retention setting.
import { Router } from "express";
import { z } from "zod";
import { requireAuth } from "../auth/middleware";
import type { Database } from "@suara-desa/core/db/client";
import { validated } from "../middleware/validate";
import { deleteAuthorComments, getVillageSettings, updateVillageSettings } from "@suara-desa/core/services/privacyService";

const VillageParams = z.object({ villageId: z.coerce.number().int().positive() });

export const PrivacyAuthorDeleteSchema = VillageParams.extend({
  pseudonym: z.string().regex(/^[0-9a-f]{8,64}$/, "must be an author pseudonym (hex)"),
});
export const PrivacySettingsSchema = VillageParams.extend({
  /** Preview: the settings as they would be with this retention (months; "none": kept until deleted). */
  retentionMonths: z.union([z.literal("none"), z.coerce.number().int().min(1).max(240)]).optional(),
});
export const PrivacySettingsUpdateSchema = VillageParams.extend({
  retentionMonths: z.number().int().min(1).max(240).nullable(),
});

/** Privacy routes under /api/villages/:villageId (full paths; mount with app.use(privacyRouter(db))). */
export function privacyRouter(db: Database): Router {
  const router = Router();

  router.delete("/api/villages/:villageId/authors/:pseudonym/comments", requireAuth, validated(PrivacyAuthorDeleteSchema, async (req, res) => {
    res.json({ data: await deleteAuthorComments(db, req.auth, req.input.villageId, req.input.pseudonym) });
  }));

  router.get("/api/villages/:villageId/settings", requireAuth, validated(PrivacySettingsSchema, async (req, res) => {
    const proposed = req.input.retentionMonths === "none" ? null : req.input.retentionMonths;
    res.json({ data: await getVillageSettings(db, req.auth, req.input.villageId, proposed) });
  }));

  router.patch("/api/villages/:villageId/settings", requireAuth, validated(PrivacySettingsUpdateSchema, async (req, res) => {
    res.json({ data: await updateVillageSettings(db, req.auth, req.input.villageId, { retentionMonths: req.input.retentionMonths }) });
  }));

  return router;
}
