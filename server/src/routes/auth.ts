// Login, logout, the current user and the first-run setup. Login and setup are the only routes
// reachable without a session; the login is rate limited per IP.
import { Router, type Request } from "express";
import { z } from "zod";
import { requireAuth } from "../auth/middleware";
import { PasswordSchema, UsernameSchema } from "@suara-desa/core/auth/password";
import { loginRateLimit, type RateLimitOptions } from "@suara-desa/core/auth/rateLimit";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "@suara-desa/core/auth/session";
import type { Database } from "@suara-desa/core/db/client";
import { validated } from "../middleware/validate";
import { changeOwnPassword, login, logout, me, setup, setupNeeded } from "@suara-desa/core/services/authService";

// Login does not enforce the username format: a wrong username is "wrong credentials" (401), not
// a hint about which names are valid.
export const AuthLoginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, "required").max(100),
  password: z.string().min(1, "required").max(200),
});
export const AuthSetupSchema = z.object({
  username: UsernameSchema,
  password: PasswordSchema,
  displayName: z.string().trim().min(1, "required").max(80),
});
export const AuthEmptySchema = z.object({});
export const AuthPasswordChangeSchema = z.object({
  currentPassword: z.string().min(1, "wajib diisi").max(200),
  password: PasswordSchema,
});

export interface AuthRouterOptions {
  /** Clock for sessions and the login throttle (tests inject one). */
  now?: () => Date;
  /** Per-IP login limit; defaults 10 attempts per minute. */
  rateLimit?: RateLimitOptions;
}

const userAgent = (req: Request) => req.get("user-agent") ?? null;

/** Routes under /api/auth (full paths; mount with app.use(authRouter(db))). */
export function authRouter(db: Database, opts: AuthRouterOptions = {}): Router {
  const now = opts.now ?? (() => new Date());
  const router = Router();

  router.post("/api/auth/login", loginRateLimit(db, { now, ...opts.rateLimit }), validated(AuthLoginSchema, async (req, res) => {
    const result = await login(db, { ...req.input, clientIp: req.ip, userAgent: userAgent(req), previousToken: readSessionCookie(req) }, now());
    setSessionCookie(req, res, result.token, result.expiresAt);
    res.json({ data: { user: result.user } });
  }));

  router.post("/api/auth/logout", requireAuth, validated(AuthEmptySchema, async (req, res) => {
    await logout(db, readSessionCookie(req));
    clearSessionCookie(req, res);
    res.json({ data: { ok: true } });
  }));

  router.get("/api/auth/me", requireAuth, validated(AuthEmptySchema, async (req, res) => {
    res.json({ data: { user: await me(db, req.auth) } });
  }));

  router.post("/api/auth/password", requireAuth, loginRateLimit(db, { now, ...opts.rateLimit }), validated(AuthPasswordChangeSchema, async (req, res) => {
    res.json({ data: { user: await changeOwnPassword(db, req.auth, req.input) } });
  }));

  router.get("/api/auth/setup", validated(AuthEmptySchema, async (_req, res) => {
    res.json({ data: { needed: await setupNeeded(db) } });
  }));

  router.post("/api/auth/setup", loginRateLimit(db, { now, ...opts.rateLimit }), validated(AuthSetupSchema, async (req, res) => {
    const result = await setup(db, { ...req.input, userAgent: userAgent(req) }, now());
    setSessionCookie(req, res, result.token, result.expiresAt);
    res.status(201).json({ data: { user: result.user } });
  }));

  return router;
}
