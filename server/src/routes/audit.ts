// The audit log (admins; checked in auditService).
import { Router } from "express";
import { z } from "zod";
import { requireAuth } from "../auth/middleware";
import type { Database } from "@suara-desa/core/db/client";
import { validated } from "../middleware/validate";
import { AUDIT_ACTIONS, listAudit } from "@suara-desa/core/services/auditService";

export const AuditListSchema = z.object({
  cursor: z.string().regex(/^\d{1,12}$/, "must be a cursor from a previous page").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  villageId: z.coerce.number().int().positive().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
});

/** GET /api/audit (full path; mount with app.use(auditRouter(db))). */
export function auditRouter(db: Database): Router {
  const router = Router();
  router.get("/api/audit", requireAuth, validated(AuditListSchema, async (req, res) => {
    res.json(await listAudit(db, req.auth, req.input));
  }));
  return router;
}
