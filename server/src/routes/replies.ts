// Replying on the platform from the dashboard, the replies of a comment, "coba lagi", and hiding a
// comment on Facebook or Instagram. Perangkat and up of the comment's village.
import { Router } from "express";
import { z } from "zod";
import type { Database } from "@suara-desa/core/db/client";
import { HttpError } from "@suara-desa/core/errors";
import { listReplies, listReplyTemplates, retryReply, saveReplyTemplates, sendReply, setCommentHidden, type ReplyPort } from "@suara-desa/core/services/replyService";
import { VillageParamsSchema } from "@suara-desa/shared/contracts";
import { requireAuth } from "../auth/middleware";
import { validated } from "../middleware/validate";

export const ReplyCommentParamsSchema = z.object({ commentId: z.coerce.number().int().positive() });
export const ReplyCreateSchema = ReplyCommentParamsSchema.extend({ text: z.string().max(10_000) });
export const ReplyParamsSchema = z.object({ replyId: z.coerce.number().int().positive() });
export const ReplyTemplatesSchema = VillageParamsSchema.extend({
  templates: z.array(z.object({ name: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(1000) })).min(1).max(30),
});

/** Routes under /api/comments/:commentId/replies, /api/replies and /api/comments/:commentId/hide. */
export function repliesRouter(db: Database, port: ReplyPort | null): Router {
  const router = Router();
  // Authorisation comes first: the port is needed only once the caller may reply.
  const needPort = (): ReplyPort => {
    if (!port) throw new HttpError(503, "unavailable", "Balasan ke platform belum tersedia di server ini");
    return port;
  };
  const lazy: ReplyPort = {
    post: (t, text) => needPort().post(t, text),
    findPosted: (t, text) => needPort().findPosted(t, text),
    setHidden: (t, h) => needPort().setHidden(t, h),
  };

  router.get("/comments/:commentId/replies", requireAuth, validated(ReplyCommentParamsSchema, async (req, res) => {
    res.json({ data: await listReplies(db, req.auth, req.input.commentId) });
  }));

  router.post("/comments/:commentId/replies", requireAuth, validated(ReplyCreateSchema, async (req, res) => {
    const { reply, created } = await sendReply(db, lazy, req.auth, req.input.commentId, req.input.text);
    res.status(created ? 201 : 200).json({ data: reply });
  }));

  router.post("/replies/:replyId/retry", requireAuth, validated(ReplyParamsSchema, async (req, res) => {
    res.json({ data: await retryReply(db, lazy, req.auth, req.input.replyId) });
  }));

  router.post("/comments/:commentId/hide", requireAuth, validated(ReplyCommentParamsSchema, async (req, res) => {
    res.json({ data: await setCommentHidden(db, lazy, req.auth, req.input.commentId, true) });
  }));

  router.post("/comments/:commentId/unhide", requireAuth, validated(ReplyCommentParamsSchema, async (req, res) => {
    res.json({ data: await setCommentHidden(db, lazy, req.auth, req.input.commentId, false) });
  }));

  router.get("/villages/:villageId/reply-templates", requireAuth, validated(VillageParamsSchema, async (req, res) => {
    res.json({ data: await listReplyTemplates(db, req.auth, req.input.villageId) });
  }));

  router.put("/villages/:villageId/reply-templates", requireAuth, validated(ReplyTemplatesSchema, async (req, res) => {
    res.json({ data: await saveReplyTemplates(db, req.auth, req.input.villageId, req.input.templates) });
  }));

  return router;
}
