// Authentication middleware: loadSession() turns the cookie into req.auth (or leaves it unset);
// requireAuth answers 401 when there is none. Authorization is the policies' job, in services.
import type { NextFunction, Request, Response } from "express";
import type { Database } from "@suara-desa/core/db/client";
import { forbidden, unauthorized } from "@suara-desa/core/errors";
import { readSessionCookie, resolveSession, setSessionCookie } from "@suara-desa/core/auth/session";

export interface LoadSessionOptions {
  /** Clock, injectable for expiry tests. */
  now?: () => Date;
}

/** Sets req.auth from a valid session cookie; never rejects (routes decide with requireAuth). */
export function loadSession(db: Database, opts: LoadSessionOptions = {}) {
  const now = opts.now ?? (() => new Date());
  return async (req: Request, res: Response, next: NextFunction) => {
    req.auth = undefined;
    const token = readSessionCookie(req);
    if (!token) return next();
    const session = await resolveSession(db, token, now());
    if (session) {
      req.auth = session.auth;
      if (session.refreshed) setSessionCookie(req, res, token, session.refreshed);
    }
    next();
  };
}

// What a session with a temporary password may still do: learn who it is, change it, log out.
const WHILE_TEMPORARY = new Set(["/api/auth/me", "/api/auth/password", "/api/auth/logout"]);

/**
 * 401 unless loadSession found a session; 403 for anything but changing the password while the
 * user still has the temporary one an admin set (enforced here, not only by the login screen).
 */
export function requireAuth(req: Request, _res: Response, next: NextFunction): void {
  if (!req.auth) return next(unauthorized());
  if (req.auth.mustChangePassword && !WHILE_TEMPORARY.has(req.originalUrl.split("?")[0])) {
    return next(forbidden("Ganti dulu kata sandi sementara dari admin sebelum memakai Suara Desa"));
  }
  next();
}
