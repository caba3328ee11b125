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
import { validate } from "../middleware/validate";

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

  router.get("/villages/:villageId/alerts", requireAuth, validate(VillageParamsSchema), async (req, res) => {
    const q = req.input as z.infer<typeof VillageParamsSchema>;
    const channels = await listAlertChannels(db, req.auth, q.villageId);
    const log = await alertLog(db, req.auth, q.villageId);
    res.json({
      data: {
        channels: channels.map((c) => ({ id: c.id, kind: c.kind, target: c.target, events: eventsOf(c), quietStart: c.quietStart, quietEnd: c.quietEnd, enabled: c.enabled, createdAt: c.createdAt.toISOString() })),
        log: log.map((m) => ({ ...m, sentAt: m.sentAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString(), nextAttemptAt: m.nextAttemptAt.toISOString() })),
      },
    });
  });

  router.post("/villages/:villageId/alerts", requireAuth, validate(AlertChannelCreateSchema), async (req, res) => {
    const q = req.input as z.infer<typeof AlertChannelCreateSchema>;
    const { channel, webhookKey } = await addAlertChannel(db, req.auth, q.villageId, {
      kind: q.kind, target: q.target, events: q.events, quiet: q.quiet,
      whatsapp: q.kind === "whatsapp" ? { phoneNumberId: q.phoneNumberId ?? "", token: q.token ?? "" } : undefined,
    });
    res.status(201).json({ data: { id: channel.id, kind: channel.kind, target: channel.target, events: eventsOf(channel), webhookKey } });
  });

  router.patch("/villages/:villageId/alerts/:channelId", requireAuth, validate(AlertChannelUpdateSchema), async (req, res) => {
    const q = req.input as z.infer<typeof AlertChannelUpdateSchema>;
    await switchAlertChannel(db, req.auth, q.villageId, q.channelId, q.enabled);
    res.json({ data: { id: q.channelId, enabled: q.enabled } });
  });

  router.delete("/villages/:villageId/alerts/:channelId", requireAuth, validate(AlertChannelParamsSchema), async (req, res) => {
    const q = req.input as z.infer<typeof AlertChannelParamsSchema>;
    await removeAlertChannel(db, req.auth, q.villageId, q.channelId);
    res.status(204).end();
  });

  router.post("/villages/:villageId/alerts/:channelId/test", requireAuth, validate(AlertChannelParamsSchema), async (req, res) => {
    const q = req.input as z.infer<typeof AlertChannelParamsSchema>;
    await queueTestAlert(db, req.auth, q.villageId, q.channelId);
    res.status(202).json({ data: { queued: true } });
  });

  return router;
}
