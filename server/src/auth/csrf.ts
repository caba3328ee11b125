// CSRF protection without tokens. Session cookies are SameSite=Lax, and on top of that every
// state-changing request must prove it is same-origin:
// - a browser always sends Origin on cross-origin POST/PUT/PATCH/DELETE (and Referer in most
//   cases), so when either is present it must name this host;
// - when neither is present (curl, scripts), the request must be Content-Type: application/json
//   or carry X-Requested-With: a browser cannot send either cross-site without a CORS preflight,
//   which this server never answers. So `POST /api/auth/login` with JSON keeps working for scripts.
import type { NextFunction, Request, Response } from "express";
import { HttpError } from "@suara-desa/core/errors";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The 403 every rejected request gets. */
export const csrfRejected = () =>
  new HttpError(403, "csrf", "Permintaan ditolak: asal permintaan tidak dikenali (perlindungan CSRF)");

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.host.toLowerCase() : null;
  } catch {
    return null; // includes Origin: null (sandboxed frames, file://) — never same-origin
  }
}

function isJson(req: Request): boolean {
  const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json";
}

/** Express middleware rejecting cross-site state-changing requests with 403 code "csrf". */
export function csrfProtection() {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!UNSAFE.has(req.method)) return next();
    // req.host honours "trust proxy" (X-Forwarded-Host) and keeps the port, like Origin does.
    const host = (req.host ?? "").toLowerCase();
    const origin = req.get("origin");
    const referer = req.get("referer");
    if (origin !== undefined) return next(host && hostOf(origin) === host ? undefined : csrfRejected());
    if (referer !== undefined) return next(host && hostOf(referer) === host ? undefined : csrfRejected());
    if (isJson(req) || req.get("x-requested-with")) return next();
    next(csrfRejected());
  };
}
