// Brute-force protection, in two layers:
// - per client IP: at most `max` login attempts per window (in memory: one process serves a
//   deployment; a restart forgets, which only helps the legitimate user);
// - per account: after LOCKOUT_THRESHOLD consecutive failures the account is locked for
//   LOCKOUT_MS (stored on the user, so it survives restarts and applies across IPs). The rule
//   itself lives in authService; the numbers and the message live here.
import type { NextFunction, Request, Response } from "express";
import { HttpError } from "../errors";

export const LOGIN_MAX_PER_WINDOW = 10;
export const LOGIN_WINDOW_MS = 60 * 1000;
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface RateLimitOptions {
  max?: number;
  windowMs?: number;
  now?: () => Date;
}

/** 429 for too many attempts from one IP. */
export const tooManyAttempts = (seconds: number) =>
  new HttpError(429, "rate_limited", `Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam ${seconds} detik.`);

/** 423 while an account is locked. */
export const accountLocked = (until: Date, now: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new HttpError(
    423,
    "locked",
    `Akun dikunci sementara karena ${LOCKOUT_THRESHOLD} kali gagal masuk berturut-turut. Coba lagi dalam ${minutes} menit atau minta admin mengatur ulang kata sandi.`,
  );
};

/** Fixed-window counter per key (client IP), as Express middleware; sets Retry-After on 429. */
export function loginRateLimit(opts: RateLimitOptions = {}) {
  const max = opts.max ?? LOGIN_MAX_PER_WINDOW;
  const windowMs = opts.windowMs ?? LOGIN_WINDOW_MS;
  const now = opts.now ?? (() => new Date());
  const windows = new Map<string, { count: number; resetAt: number }>();
  return (req: Request, res: Response, next: NextFunction) => {
    const t = now().getTime();
    // Expired windows are dropped as we go so the map cannot grow without bound.
    if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
    const key = req.ip ?? "unknown";
    let w = windows.get(key);
    if (!w || w.resetAt <= t) {
      w = { count: 0, resetAt: t + windowMs };
      windows.set(key, w);
    }
    w.count++;
    if (w.count > max) {
      const seconds = Math.max(1, Math.ceil((w.resetAt - t) / 1000));
      res.setHeader("Retry-After", String(seconds));
      return next(tooManyAttempts(seconds));
    }
    next();
  };
}
