// Source management: list with health, add, edit, "tes koneksi", "jalankan sekarang", delete.
// Full paths; mount with app.use(sourcesRouter({ db, ingest })). Policies are checked in
// sourceService: members of a village see its sources, admins manage them.
import { Router } from "express";
import { z } from "zod";
import { requireAuth } from "../auth/middleware";
import type { Database } from "@suara-desa/core/db/client";
import { HttpError } from "@suara-desa/core/errors";
import { validated } from "../middleware/validate";
import {
  addSource, API_SOURCE_PLATFORMS, editSource, listVillageSources, removeSource, runSourceNow, testSourceConnection, type IngestPort,
} from "@suara-desa/core/services/sourceService";

const SourceIdSchema = z.object({ id: z.coerce.number().int().positive() });
const VillageIdSchema = z.object({ villageId: z.coerce.number().int().positive() });
const AccountId = z.string().trim().min(1, "wajib diisi").max(100).regex(/^[A-Za-z0-9_.:-]+$/, "hanya huruf, angka, titik, garis bawah atau tanda hubung");
const Token = z.string().trim().min(8, "token terlalu pendek").max(4096);
const Handle = z.string().trim().max(100).nullable();
const Interval = z.coerce.number().int().min(1, "minimal 1 menit").max(1440, "maksimal 1440 menit").nullable();

export const SourceListSchema = VillageIdSchema;
export const SourceCreateSchema = VillageIdSchema.extend({
  platform: z.enum(API_SOURCE_PLATFORMS, { message: "harus x, facebook atau instagram" }),
  accountId: AccountId,
  token: Token,
  handle: Handle.optional(),
  name: z.string().trim().max(200).nullable().optional(),
  intervalMinutes: Interval.optional(),
});
export const SourceUpdateSchema = SourceIdSchema.extend({
  accountId: AccountId.optional(),
  token: Token.optional(),
  handle: Handle.optional(),
  name: z.string().trim().max(200).nullable().optional(),
  intervalMinutes: Interval.optional(),
  status: z.enum(["active", "paused"], { message: "harus active atau paused" }).optional(),
});
export const SourceActionSchema = SourceIdSchema;

export interface SourcesRouterDeps {
  db: Database;
  /** Ingestion port; without it "tes koneksi" and "jalankan sekarang" answer 503. */
  ingest?: IngestPort | null;
}

/** Routes for sources (full /api/... paths). */
export function sourcesRouter(deps: SourcesRouterDeps): Router {
  const { db } = deps;
  const router = Router();
  const ingest = (): IngestPort => {
    if (!deps.ingest) throw new HttpError(503, "unavailable", "Pengambilan data tidak aktif di server ini");
    return deps.ingest;
  };

  router.get("/api/villages/:villageId/sources", requireAuth, validated(SourceListSchema, async (req, res) => {
    res.json({ data: await listVillageSources(db, req.auth, req.input.villageId) });
  }));

  router.post("/api/villages/:villageId/sources", requireAuth, validated(SourceCreateSchema, async (req, res) => {
    res.status(201).json({ data: await addSource(db, req.auth, req.input) });
  }));

  router.patch("/api/sources/:id", requireAuth, validated(SourceUpdateSchema, async (req, res) => {
    const { id, ...changes } = req.input;
    res.json({ data: await editSource(db, req.auth, id, changes) });
  }));

  router.post("/api/sources/:id/test", requireAuth, validated(SourceActionSchema, async (req, res) => {
    res.json({ data: await testSourceConnection(db, req.auth, ingest(), req.input.id) });
  }));

  router.post("/api/sources/:id/run", requireAuth, validated(SourceActionSchema, async (req, res) => {
    res.json({ data: await runSourceNow(db, req.auth, ingest(), req.input.id) });
  }));

  router.delete("/api/sources/:id", requireAuth, validated(SourceActionSchema, async (req, res) => {
    await removeSource(db, req.auth, req.input.id);
    res.status(204).end();
  }));

  return router;
}
