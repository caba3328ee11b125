// Village-scoped read routes: list, weekly overview, comments, topics.
import { Router } from "express";
import { z } from "zod";
import {
  CommentListQuerySchema, OverviewQuerySchema, TopicDetailQuerySchema, VillageParamsSchema, VillageTopicSaveSchema, type VillageDTO,
} from "@suara-desa/shared/contracts";
import { requireAuth } from "../auth/middleware";
import type { Database } from "@suara-desa/core/db/client";
import { validated } from "../middleware/validate";
import { listComments } from "@suara-desa/core/services/commentService";
import { getTopicDetail, getWeeklyInsights } from "@suara-desa/core/services/insightService";
import { getWeeklyOverview } from "@suara-desa/core/services/overviewService";
import { listVillages, listVillageTopics, saveVillageTopic } from "@suara-desa/core/services/villageService";

export const VillageOverviewSchema = VillageParamsSchema.extend(OverviewQuerySchema.shape);
export const VillageCommentListSchema = VillageParamsSchema.extend(CommentListQuerySchema.shape);
export const VillageTopicListSchema = VillageParamsSchema;
export const VillageTopicCreateSchema = VillageParamsSchema.extend(VillageTopicSaveSchema.shape);
export const VillageInsightsSchema = VillageParamsSchema.extend(OverviewQuerySchema.shape);
export const VillageTopicDetailSchema = VillageParamsSchema.extend(TopicDetailQuerySchema.shape).extend({
  key: z.string().regex(/^[a-z0-9_]+$/, "must be a topic key"),
});

/** Routes under /api/villages. */
export function villagesRouter(db: Database): Router {
  const router = Router();

  router.get("/", requireAuth, validated(z.object({}), async (req, res) => {
    const villages: VillageDTO[] = await listVillages(db, req.auth);
    res.json({ data: villages });
  }));

  router.get("/:villageId/overview", requireAuth, validated(VillageOverviewSchema, async (req, res) => {
    res.json({ data: await getWeeklyOverview(db, req.auth, req.input.villageId, req.input.week) });
  }));

  router.get("/:villageId/comments", requireAuth, validated(VillageCommentListSchema, async (req, res) => {
    res.json(await listComments(db, req.auth, req.input.villageId, req.input));
  }));

  router.get("/:villageId/topics", requireAuth, validated(VillageTopicListSchema, async (req, res) => {
    res.json({ data: await listVillageTopics(db, req.auth, req.input.villageId) });
  }));

  router.post("/:villageId/topics", requireAuth, validated(VillageTopicCreateSchema, async (req, res) => {
    const { villageId, ...topic } = req.input;
    res.status(201).json({ data: await saveVillageTopic(db, req.auth, villageId, topic) });
  }));

  router.get("/:villageId/insights", requireAuth, validated(VillageInsightsSchema, async (req, res) => {
    res.json({ data: await getWeeklyInsights(db, req.auth, req.input.villageId, req.input.week) });
  }));

  router.get("/:villageId/topics/:key", requireAuth, validated(VillageTopicDetailSchema, async (req, res) => {
    res.json({ data: await getTopicDetail(db, req.auth, req.input.villageId, req.input.key, req.input.week) });
  }));

  return router;
}
