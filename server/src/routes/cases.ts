// Tindak lanjut: the inbox of a village's cases, one case with its threads and history, changes
// (status, assignee, note), bulk changes, merge and split, and the village's service level.
import { Router } from "express";
import { z } from "zod";
import {
  CaseBulkSchema, CaseListQuerySchema, CaseMergeSchema, CaseSplitSchema, CaseUpdateSchema, ServiceLevelSchema, VillageParamsSchema,
} from "@suara-desa/shared/contracts";
import type { Database } from "@suara-desa/core/db/client";
import {
  bulkChangeCases, changeCase, getCaseDetail, getServiceLevel, listAssignees, listCases, mergeVillageCases, setServiceLevel, splitVillageCase,
} from "@suara-desa/core/services/caseService";
import { requireAuth } from "../auth/middleware";
import { sendCachedJson } from "../middleware/sendCachedJson";
import { validated } from "../middleware/validate";

export const CaseParamsSchema = z.object({ caseId: z.coerce.number().int().positive() });
export const VillageCaseListSchema = VillageParamsSchema.extend(CaseListQuerySchema.shape);
export const CaseChangeSchema = z.intersection(CaseParamsSchema, CaseUpdateSchema);
export const VillageCaseBulkSchema = z.intersection(VillageParamsSchema, CaseBulkSchema);
export const VillageCaseMergeSchema = VillageParamsSchema.extend(CaseMergeSchema.shape);
export const CaseSplitRouteSchema = CaseParamsSchema.extend(CaseSplitSchema.shape);
export const VillageServiceLevelSchema = VillageParamsSchema.extend(ServiceLevelSchema.shape);

/** Routes under /api/villages/:villageId/… and /api/cases. */
export function casesRouter(db: Database): Router {
  const router = Router();

  router.get("/villages/:villageId/cases", requireAuth, validated(VillageCaseListSchema, async (req, res) => {
    const { villageId, ...q } = req.input;
    // The page is cached per village data version (listCases): its text too.
    sendCachedJson(res, await listCases(db, req.auth, villageId, q));
  }));

  router.post("/villages/:villageId/cases/bulk", requireAuth, validated(VillageCaseBulkSchema, async (req, res) => {
    const { villageId, ...input } = req.input;
    res.json({ data: await bulkChangeCases(db, req.auth, villageId, input) });
  }));

  router.post("/villages/:villageId/cases/merge", requireAuth, validated(VillageCaseMergeSchema, async (req, res) => {
    res.json({ data: await mergeVillageCases(db, req.auth, req.input.villageId, req.input.caseIds) });
  }));

  router.get("/villages/:villageId/assignees", requireAuth, validated(VillageParamsSchema, async (req, res) => {
    res.json({ data: await listAssignees(db, req.auth, req.input.villageId) });
  }));

  router.get("/villages/:villageId/service-level", requireAuth, validated(VillageParamsSchema, async (req, res) => {
    res.json({ data: await getServiceLevel(db, req.auth, req.input.villageId) });
  }));

  router.put("/villages/:villageId/service-level", requireAuth, validated(VillageServiceLevelSchema, async (req, res) => {
    const { villageId, ...input } = req.input;
    res.json({ data: await setServiceLevel(db, req.auth, villageId, input) });
  }));

  router.get("/cases/:caseId", requireAuth, validated(CaseParamsSchema, async (req, res) => {
    res.json({ data: await getCaseDetail(db, req.auth, req.input.caseId) });
  }));

  router.patch("/cases/:caseId", requireAuth, validated(CaseChangeSchema, async (req, res) => {
    const { caseId, ...input } = req.input;
    res.json({ data: await changeCase(db, req.auth, caseId, input) });
  }));

  router.post("/cases/:caseId/split", requireAuth, validated(CaseSplitRouteSchema, async (req, res) => {
    res.status(201).json({ data: await splitVillageCase(db, req.auth, req.input.caseId, req.input.commentIds) });
  }));

  return router;
}
