// The Kemendagri village registry: search (any logged-in user) and adding a village (admin;
// checked in registryService).
import { Router } from "express";
import { z } from "zod";
import { requireAuth } from "../auth/middleware";
import type { Database } from "@suara-desa/core/db/client";
import { validated } from "../middleware/validate";
import { addVillageFromRegistry, searchRegistryVillages } from "@suara-desa/core/services/registryService";

export const RegistryVillageSearchSchema = z.object({
  q: z.string().trim().min(2, "must be at least 2 characters").max(100),
  province: z.string().regex(/^\d{2}$/, "must be a two-digit province code like 32").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const VillageCreateSchema = z.object({
  code: z.string().trim().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "must be a Kemendagri village code like 32.15.04.2006"),
});

export interface RegistryRouterOptions {
  /** Folder of the idn-area-data CSVs (tests may point elsewhere). */
  dataDir?: string;
}

/** GET /api/registry/villages and POST /api/villages (full paths; mount with app.use(registryRouter(db))). */
export function registryRouter(db: Database, opts: RegistryRouterOptions = {}): Router {
  const router = Router();

  router.get("/api/registry/villages", requireAuth, validated(RegistryVillageSearchSchema, async (req, res) => {
    res.json({ data: await searchRegistryVillages(db, req.input, opts.dataDir) });
  }));

  router.post("/api/villages", requireAuth, validated(VillageCreateSchema, async (req, res) => {
    res.status(201).json({ data: await addVillageFromRegistry(db, req.auth, req.input.code, opts.dataDir) });
  }));

  return router;
}
