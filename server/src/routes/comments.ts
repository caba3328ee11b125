// One comment: its detail (post, thread, labels), human label corrections, and erasure of its
// author's comments in its village on a resident's request (UU PDP; admins, checked in privacyService).
import { Router } from "express";
import { z } from "zod";
import { CommentLabelsSchema } from "@suara-desa/shared/contracts";
import { requireAuth } from "../auth/middleware";
import type { Database } from "@suara-desa/core/db/client";
import { validated } from "../middleware/validate";
import { correctLabels, getCommentDetail } from "@suara-desa/core/services/labelService";
import { deleteCommentAuthorComments, previewCommentAuthorErasure } from "@suara-desa/core/services/privacyService";

export const CommentParamsSchema = z.object({ commentId: z.coerce.number().int().positive() });
/** `raw=1`: unredacted personal data, for roles allowed to see it (audited). */
export const CommentDetailSchema = CommentParamsSchema.extend({ raw: z.enum(["0", "1"]).default("0") });
export const CommentLabelUpdateSchema = z.intersection(CommentParamsSchema, CommentLabelsSchema);
/** What erasing this comment's author would remove in its village (counts only). */
export const CommentAuthorErasurePreviewSchema = CommentParamsSchema;
/** Erases every comment of this comment's author in its village. */
export const CommentAuthorDeleteSchema = CommentParamsSchema;

/** Routes under /api/comments. */
export function commentsRouter(db: Database): Router {
  const router = Router();

  router.get("/:commentId", requireAuth, validated(CommentDetailSchema, async (req, res) => {
    res.json({ data: await getCommentDetail(db, req.auth, req.input.commentId, { raw: req.input.raw === "1" }) });
  }));

  router.patch("/:commentId/labels", requireAuth, validated(CommentLabelUpdateSchema, async (req, res) => {
    res.json({ data: await correctLabels(db, req.auth, req.input.commentId, req.input) });
  }));

  router.get("/:commentId/author-erasure", requireAuth, validated(CommentAuthorErasurePreviewSchema, async (req, res) => {
    res.json({ data: await previewCommentAuthorErasure(db, req.auth, req.input.commentId) });
  }));

  router.delete("/:commentId/author-comments", requireAuth, validated(CommentAuthorDeleteSchema, async (req, res) => {
    res.json({ data: await deleteCommentAuthorComments(db, req.auth, req.input.commentId) });
  }));

  return router;
}
