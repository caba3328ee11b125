// One comment: its detail (post, thread, labels) and human label corrections.
import { Router } from "express";
import { z } from "zod";
import { CommentLabelsSchema } from "../../../shared/src/contracts";
import type { Database } from "../db/client";
import { validate } from "../middleware/validate";
import { correctLabels, getCommentDetail } from "../services/labelService";

export const CommentParamsSchema = z.object({ commentId: z.coerce.number().int().positive() });
export const CommentLabelUpdateSchema = z.intersection(CommentParamsSchema, CommentLabelsSchema);

/** Routes under /api/comments. */
export function commentsRouter(db: Database): Router {
  const router = Router();

  router.get("/:commentId", validate(CommentParamsSchema), async (req, res) => {
    const q = req.input as z.infer<typeof CommentParamsSchema>;
    res.json({ data: (await getCommentDetail(db, q.commentId)).detail });
  });

  router.patch("/:commentId/labels", validate(CommentLabelUpdateSchema), async (req, res) => {
    const q = req.input as z.infer<typeof CommentLabelUpdateSchema>;
    res.json({ data: await correctLabels(db, q.commentId, q, "anonim") });
  });

  return router;
}
