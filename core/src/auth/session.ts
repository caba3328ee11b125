// Server-side sessions. The cookie carries a random 32-byte token; the database keeps only its
// SHA-256, so a leaked database (or backup) cannot be replayed as a login. Expiry slides: 12 hours
// after the last request.
import { createHash, randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import type { Database } from "../db/client";
import { createSessionRow, deleteSession, findSessionWithUser, touchSession } from "../db/sessionRepository";
import { ROLES, type AuthContext, type Role } from "@suara-desa/shared/auth";

export const SESSION_COOKIE = "sd_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
// Writing lastSeenAt on every request would turn every dashboard read into a write; a minute of
// slack on a 12-hour window is invisible.
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

/** A fresh random session token (base64url, 43 characters). */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored id of a token: sha256 hex. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The session token from the Cookie header, or null. */
export function readSessionCookie(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // Tokens are base64url; anything else is not ours and is ignored rather than looked up.
    return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
  }
  return null;
}

/** app.locals flag set by createApp when PUBLIC_URL is https://: every session cookie is Secure. */
export const SECURE_COOKIES_LOCAL = "secureCookies";

// req.secure honours the app's "trust proxy" setting, so behind a TLS-terminating proxy that sends
// X-Forwarded-Proto the cookie is Secure, and on plain http://localhost (the demo) it still works.
// A site declared https:// (PUBLIC_URL) gets Secure cookies whatever the proxy forwards: a proxy
// that forgets X-Forwarded-Proto must not make the session cookie travel over plain http.
function secureCookie(req: Request): boolean {
  return req.secure || req.app.locals[SECURE_COOKIES_LOCAL] === true;
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure over TLS or when PUBLIC_URL is https://. */
export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: secureCookie(req), path: "/", expires: expiresAt });
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure: secureCookie(req), path: "/" });
}

/** Opens a session for a user; returns the token for the cookie. */
export async function openSession(
  db: Database,
  userId: number,
  opts: { now: Date; userAgent?: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(opts.now.getTime() + SESSION_TTL_MS);
  await createSessionRow(db, { id: hashSessionToken(token), userId, expiresAt, now: opts.now, userAgent: opts.userAgent?.slice(0, 300) ?? null });
  return { token, expiresAt };
}

/** Destroys the session of a token (no-op when unknown). */
export async function closeSession(db: Database, token: string | null): Promise<void> {
  if (token) await deleteSession(db, hashSessionToken(token));
}

/**
 * The AuthContext of a token, or null when it is unknown, expired or its user is disabled.
 * Slides the expiry; `refreshed` carries the new expiry when the cookie should be re-sent.
 */
export async function resolveSession(
  db: Database,
  token: string,
  now: Date,
): Promise<{ auth: AuthContext; refreshed: Date | null } | null> {
  const id = hashSessionToken(token);
  const row = await findSessionWithUser(db, id);
  if (!row) return null;
  if (row.expiresAt.getTime() <= now.getTime() || row.user.disabled || !ROLES.includes(row.user.role as Role)) {
    await deleteSession(db, id);
    return null;
  }
  let refreshed: Date | null = null;
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    refreshed = new Date(now.getTime() + SESSION_TTL_MS);
    await touchSession(db, id, now, refreshed);
  }
  return {
    auth: {
      userId: row.user.id,
      username: row.user.username,
      role: row.user.role as Role,
      villageIds: row.user.villages.map((v) => v.villageId).sort((a, b) => a - b),
      ...(row.user.mustChangePassword ? { mustChangePassword: true } : {}),
    },
    refreshed,
  };
}
