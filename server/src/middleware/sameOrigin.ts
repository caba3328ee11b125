// Downloads that generate something (a report stored in the database, an audited export, seconds
// of CPU) are GETs so that a plain click saves the file; a GET is exactly what another website can
// make a logged-in browser send (a link, a redirect, a top-level navigation carries SameSite=Lax
// cookies). So these routes accept only requests the browser says come from our own pages:
// - Sec-Fetch-Site (sent by every current browser): "same-origin", or "none" (the user typed the
//   address, used a bookmark or opened the link in a new tab — a person's own action); "same-site"
//   (another app on a sibling subdomain) and "cross-site" are refused;
// - without it (older browsers), an Origin or Referer that is present must name this host;
// - with none of them the client is not a browser acting for someone else (curl, scripts holding
//   their own session), and is let through like the CSRF check lets JSON through.
import type { NextFunction, Request, Response } from "express";
import { csrfRejected } from "../auth/csrf";

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Express middleware refusing (403, code "csrf") downloads requested from another site. */
export function sameOriginOnly() {
  return (req: Request, _res: Response, next: NextFunction) => {
    const site = req.get("sec-fetch-site");
    if (site !== undefined) return next(site === "same-origin" || site === "none" ? undefined : csrfRejected());
    const host = (req.host ?? "").toLowerCase();
    const origin = req.get("origin");
    if (origin !== undefined) return next(host && hostOf(origin) === host ? undefined : csrfRejected());
    const referer = req.get("referer");
    if (referer !== undefined) return next(host && hostOf(referer) === host ? undefined : csrfRejected());
    next();
  };
}
