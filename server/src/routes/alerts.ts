// Peringatan (admins): a village's alert channels, adding and removing one, a test message, and the
// delivery log.
import { Router } from "express";
import { z } from "zod";
import { VillageParamsSchema } from "@suara-desa/shared/contracts";
import type { Database } from "@suara-desa/core/db/client";
import {
  ALERT_EVENTS, ALERT_KINDS, addAlertChannel, alertLog, eventsOf, listAlertChannels, queueTestAlert, removeAlertChannel, switchAlertChannel,
} from "@suara-desa/core/services/alertService";
import { requireAuth } from "../auth/middleware";
import { validated } from "../middleware/validate";

export const AlertChannelParamsSchema = VillageParamsSchema.extend({ channelId: z.coerce.number().int().positive() });
export const AlertChannelCreateSchema = VillageParamsSchema.extend({
  kind: z.enum(ALERT_KINDS),
  target: z.string().trim().min(1).max(300),
  events: z.array(z.enum(ALERT_EVENTS)).min(1).max(4).optional(),
  quiet: z.string().trim().max(20).optional(),
  phoneNumberId: z.string().trim().max(40).optional(),
  token: z.string().trim().max(1000).optional(),
});

export const AlertChannelUpdateSchema = AlertChannelParamsSchema.extend({ enabled: z.boolean() });

/** Routes under /api/villages/:villageId/alerts. */
export function alertsRouter(db: Database): Router {
  const router = Router();

  router.get("/villages/:villageId/alerts", requireAuth, validated(VillageParamsSchema, async (req, res) => {
    const channels = await listAlertChannels(db, req.auth, req.input.villageId);
    const log = await alertLog(db, req.auth, req.input.villageId);
    res.json({
      data: {
        channels: channels.map((c) => ({ id: c.id, kind: c.kind, target: c.target, events: eventsOf(c), quietStart: c.quietStart, quietEnd: c.quietEnd, enabled: c.enabled, createdAt: c.createdAt.toISOString() })),
        log: log.map((m) => ({ ...m, sentAt: m.sentAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString(), nextAttemptAt: m.nextAttemptAt.toISOString() })),
      },
    });
  }));

  router.post("/villages/:villageId/alerts", requireAuth, validated(AlertChannelCreateSchema, async (req, res) => {
    const { channel, webhookKey } = await addAlertChannel(db, req.auth, req.input.villageId, {
      kind: req.input.kind, target: req.input.target, events: req.input.events, quiet: req.input.quiet,
      whatsapp: req.input.kind === "whatsapp" ? { phoneNumberId: req.input.phoneNumberId ?? "", token: req.input.token ?? "" } : undefined,
    });
    res.status(201).json({ data: { id: channel.id, kind: channel.kind, target: channel.target, events: eventsOf(channel), webhookKey } });
  }));

  router.patch("/villages/:villageId/alerts/:channelId", requireAuth, validated(AlertChannelUpdateSchema, async (req, res) => {
    await switchAlertChannel(db, req.auth, req.input.villageId, req.input.channelId, req.input.enabled);
    res.json({ data: { id: req.input.channelId, enabled: req.input.enabled } });
  }));

  router.delete("/villages/:villageId/alerts/:channelId", requireAuth, validated(AlertChannelParamsSchema, async (req, res) => {
    await removeAlertChannel(db, req.auth, req.input.villageId, req.input.channelId);
    res.status(204).end();
  }));

  router.post("/villages/:villageId/alerts/:channelId/test", requireAuth, validated(AlertChannelParamsSchema, async (req, res) => {
    await queueTestAlert(db, req.auth, req.input.villageId, req.input.channelId);
    res.status(202).json({ data: { queued: true } });
  }));

  return router;
}
