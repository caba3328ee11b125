// Brute-force protection for the login, in two layers, both kept in the database (LoginThrottle)
// so that every server process of a PostgreSQL deployment counts the same attempts:
// - per client address: at most `max` login (and setup) attempts per minute, failed or not;
// - per username from one address: after ACCOUNT_FAILURE_LIMIT failures within ACCOUNT_WINDOW_MS,
//   that address must wait ACCOUNT_BLOCK_MS before trying that username again.
// The second layer replaces a lock on the account itself, which let anyone lock any admin out and,
// answering 423 for existing accounts only, told an attacker which usernames exist. Keyed on the
// username as typed (whether or not it exists), the throttle answers an unknown name exactly like
// a known one, and the owner logging in from their own address is never blocked by someone else's
// guesses. Keys are SHA-256 hashes: neither addresses nor a password typed into the username field
// end up stored.
import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Database } from "../db/client";
import { deleteStaleThrottles, deleteThrottle, findThrottleBlock, hitThrottle } from "../db/loginThrottleRepository";
import { HttpError } from "../errors";

export const LOGIN_MAX_PER_WINDOW = 10;
export const LOGIN_WINDOW_MS = 60 * 1000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ACCOUNT_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_BLOCK_MS = 15 * 60 * 1000;

export interface RateLimitOptions {
  max?: number;
  windowMs?: number;
  now?: () => Date;
}

/** 429 for too many attempts from one address. */
export const tooManyAttempts = (seconds: number) =>
  new HttpError(429, "rate_limited", `Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam ${seconds} detik.`, seconds);

/** 429 while one address is throttled for one username: the same for existing and unknown names. */
export const tooManyFailures = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new HttpError(
    429,
    "rate_limited",
    `Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini dari alamat ini. Coba lagi dalam ${minutes} menit.`,
    seconds,
  );
};

function throttleKey(kind: "ip" | "account", ip: string, username = ""): string {
  return createHash("sha256").update(`${kind}\n${ip}\n${username}`).digest("hex");
}

/** Milliseconds this address must still wait before trying this username again, or 0. */
export async function accountThrottleWait(db: Database, ip: string, username: string, now: Date): Promise<number> {
  const until = (await findThrottleBlock(db, throttleKey("account", ip, username))) ?? 0;
  return Math.max(0, until - now.getTime());
}

/** Records a failed login of `username` from `ip`; returns the wait it now imposes (0 if none). */
export async function recordAccountFailure(db: Database, ip: string, username: string, now: Date): Promise<number> {
  const t = now.getTime();
  const r = await hitThrottle(db, throttleKey("account", ip, username), t, ACCOUNT_WINDOW_MS, ACCOUNT_FAILURE_LIMIT, ACCOUNT_BLOCK_MS);
  return r.blockedUntil !== null && r.blockedUntil > t ? r.blockedUntil - t : 0;
}

/** Forgets the failures of `username` from `ip` (after a successful login). */
export async function clearAccountFailures(db: Database, ip: string, username: string): Promise<void> {
  await deleteThrottle(db, throttleKey("account", ip, username));
}

// Rows whose window and block are both over carry no information; removed at most once a minute
// per process so the table stays as small as the attempts of the last quarter hour.
let lastSweep = 0;
async function sweep(db: Database, now: number): Promise<void> {
  if (now - lastSweep < 60_000 && now >= lastSweep) return;
  lastSweep = now;
  const horizon = now - Math.max(ACCOUNT_WINDOW_MS, LOGIN_WINDOW_MS);
  await deleteStaleThrottles(db, horizon, now);
}

// A limit the per-address count never reaches (an int4 on PostgreSQL): that layer refuses but never blocks.
const NEVER = 2_147_483_647;

/** Per-address limit on login attempts as Express middleware; 429 with Retry-After when exceeded. */
export function loginRateLimit(db: Database, opts: RateLimitOptions = {}) {
  const max = opts.max ?? LOGIN_MAX_PER_WINDOW;
  const windowMs = opts.windowMs ?? LOGIN_WINDOW_MS;
  const now = opts.now ?? (() => new Date());
  return async (req: Request, res: Response, next: NextFunction) => {
    const t = now().getTime();
    await sweep(db, t);
    // The attempt that crosses the limit is refused, never blocked for longer than the window.
    const r = await hitThrottle(db, throttleKey("ip", req.ip ?? "unknown"), t, windowMs, NEVER, 0);
    if (r.count > max) {
      return next(tooManyAttempts(Math.max(1, Math.ceil((r.windowStart + windowMs - t) / 1000))));
    }
    next();
  };
}
