// Privacy operations (admins; checked in privacyService): erasure of one author's comments and the
// village's retention setting.
import { Router } from "express";
import { z } from "zod";
import { requireAuth } from "../auth/middleware";
import type { Database } from "@suara-desa/core/db/client";
import { validated } from "../middleware/validate";
import { deleteAuthorComments, updateVillageSettings } from "@suara-desa/core/services/privacyService";

const VillageParams = z.object({ villageId: z.coerce.number().int().positive() });

export const PrivacyAuthorDeleteSchema = VillageParams.extend({
  pseudonym: z.string().regex(/^[0-9a-f]{8,64}$/, "must be an author pseudonym (hex)"),
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

  router.patch("/api/villages/:villageId/settings", requireAuth, validated(PrivacySettingsUpdateSchema, async (req, res) => {
    res.json({ data: await updateVillageSettings(db, req.auth, req.input.villageId, { retentionMonths: req.input.retentionMonths }) });
  }));

  return router;
}
