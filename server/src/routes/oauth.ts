// "Hubungkan akun": start an X or Facebook login (answers the platform page to open), the
// platforms' callbacks (browser navigations: they answer with a redirect to the sources page,
// carrying the outcome), and the Facebook page picker. Rules live in oauthService.
import { Router, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { Database } from "@suara-desa/core/db/client";
import type { Env } from "@suara-desa/core/env";
import {
  chooseMetaPage, ConnectError, finishMetaConnect, finishXConnect, listMetaPages, oauthProviders, startMetaConnect, startXConnect,
} from "@suara-desa/core/services/oauthService";
import { requireAuth } from "../auth/middleware";
import { validated } from "../middleware/validate";

const VillageIdSchema = z.object({ villageId: z.coerce.number().int().positive() });
export const OAuthProvidersSchema = VillageIdSchema;
export const OAuthStartSchema = VillageIdSchema.extend({ sourceId: z.coerce.number().int().positive().nullable().optional() });
const Param = z.string().max(2048).optional();
export const OAuthCallbackSchema = z.object({ state: Param, code: Param, error: Param, error_reason: Param, error_description: Param });
const Pick = z.string().trim().min(16, "pick: tidak dikenal").max(100).regex(/^[A-Za-z0-9_-]+$/, "pick: tidak dikenal");
export const MetaPagesListSchema = VillageIdSchema.extend({ pick: Pick });
export const MetaPageChooseSchema = VillageIdSchema.extend({ pick: Pick, pageId: z.string().trim().min(1, "wajib diisi").max(100).regex(/^\d+$/, "harus ID Halaman (angka)") });

export interface OAuthRouterDeps {
  db: Database;
  config: Env;
  now?: () => Date;
}

/** Routes of "Hubungkan akun" (full /api/... paths). */
export function oauthRouter(deps: OAuthRouterDeps): Router {
  const { db, config } = deps;
  const svc = { config, now: deps.now };
  const router = Router();
  // The address the platform sends the browser back to; it must be registered in the app.
  const callbackUrl = (req: Request, platform: "x" | "meta") =>
    `${(config.PUBLIC_URL ?? `${req.protocol}://${req.host}`).replace(/\/+$/, "")}/api/oauth/${platform}/callback`;
  const back = (res: Response, villageId: number | null, outcome: Record<string, string>) => {
    const q = new URLSearchParams({ ...(villageId !== null ? { desa: String(villageId) } : {}), ...outcome });
    res.redirect(303, `/sumber?${q.toString()}`);
  };
  // The platform sends the browser back here; a session that ended meanwhile (or a login finished
  // in another browser) gets the sources page with a message, not a bare 401 JSON body.
  const sessionOrBack = (req: Request, res: Response, next: NextFunction) => (req.auth ? next() : back(res, null, { hubungkanGagal: "session" }));
  const failed = (res: Response, err: unknown) => {
    if (!(err instanceof ConnectError)) throw err;
    back(res, err.villageId, { hubungkanGagal: err.reason });
  };

  router.get("/api/villages/:villageId/oauth/providers", requireAuth, validated(OAuthProvidersSchema, (req, res) => {
    res.json({ data: oauthProviders(req.auth, req.input.villageId, svc) });
  }));

  router.post("/api/villages/:villageId/oauth/x/start", requireAuth, validated(OAuthStartSchema, async (req, res) => {
    res.json({ data: await startXConnect(db, req.auth, { villageId: req.input.villageId, sourceId: req.input.sourceId ?? null, redirectUri: callbackUrl(req, "x") }, svc) });
  }));

  router.post("/api/villages/:villageId/oauth/meta/start", requireAuth, validated(OAuthStartSchema, async (req, res) => {
    res.json({ data: await startMetaConnect(db, req.auth, { villageId: req.input.villageId, sourceId: req.input.sourceId ?? null, redirectUri: callbackUrl(req, "meta") }, svc) });
  }));

  router.get("/api/oauth/x/callback", sessionOrBack, requireAuth, validated(OAuthCallbackSchema, async (req, res) => {
    try {
      const r = await finishXConnect(db, req.auth, req.input, svc);
      back(res, r.villageId, { terhubung: "x" });
    } catch (err) {
      failed(res, err);
    }
  }));

  router.get("/api/oauth/meta/callback", sessionOrBack, requireAuth, validated(OAuthCallbackSchema, async (req, res) => {
    try {
      const r = await finishMetaConnect(db, req.auth, req.input, svc);
      back(res, r.villageId, r.pick ? { pilihHalaman: r.pick } : { terhubung: "meta" });
    } catch (err) {
      failed(res, err);
    }
  }));

  router.get("/api/villages/:villageId/oauth/meta/pages/:pick", requireAuth, validated(MetaPagesListSchema, async (req, res) => {
    res.json({ data: await listMetaPages(db, req.auth, req.input.villageId, req.input.pick, svc) });
  }));

  router.post("/api/villages/:villageId/oauth/meta/pages/:pick", requireAuth, validated(MetaPageChooseSchema, async (req, res) => {
    res.status(201).json({ data: await chooseMetaPage(db, req.auth, req.input, svc) });
  }));

  return router;
}
