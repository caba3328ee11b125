// How many exports and report generations run at once, per user and per server process. A CSV or
// workbook of 100,000 rows takes seconds of database reads and CPU; without a limit one impatient
// user clicking five times, or five users on Monday morning, would starve everybody else. Over the
// limit the request is answered at once with 429 and a message in Indonesian, before any work.
import type { NextFunction, Request, Response } from "express";
import { HttpError } from "@suara-desa/core/errors";

export interface ExportLimits {
  /** Exports one user may have running at once. */
  perUser: number;
  /** Exports this server process runs at once, all users together. */
  perServer: number;
}

/** A taken slot; release() is idempotent. */
export interface ExportSlot {
  release(): void;
}

/** Counts running exports per user and in total. */
export class ExportLimiter {
  private readonly byUser = new Map<number, number>();
  private running = 0;

  constructor(readonly limits: ExportLimits) {}

  /** Takes a slot for `userId`, or says which limit is reached. */
  tryAcquire(userId: number): ExportSlot | { refused: "user" | "server" } {
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser) return { refused: "user" };
    if (this.running >= this.limits.perServer) return { refused: "server" };
    this.byUser.set(userId, mine + 1);
    this.running++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.running--;
        const left = (this.byUser.get(userId) ?? 1) - 1;
        if (left > 0) this.byUser.set(userId, left);
        else this.byUser.delete(userId);
      },
    };
  }

  /** Exports running now (for one user, or in total). */
  active(userId?: number): number {
    return userId === undefined ? this.running : (this.byUser.get(userId) ?? 0);
  }
}

/** Seconds a refused client is asked to wait before trying again. */
const RETRY_AFTER_SECONDS = 10;

/** The 429 of a refused export. */
export function tooManyExports(reason: "user" | "server", limits: ExportLimits): HttpError {
  const message =
    reason === "user"
      ? `Anda sudah menjalankan ${limits.perUser} unduhan sekaligus. Tunggu sampai unduhan sebelumnya selesai, lalu coba lagi.`
      : "Server sedang menyiapkan banyak unduhan sekaligus. Coba lagi dalam beberapa detik.";
  return new HttpError(429, "too_many_exports", message);
}

/**
 * Express middleware (after requireAuth): holds a slot from here until the response is closed —
 * sent completely, or abandoned by the client — so a slow download keeps counting while it runs.
 */
export function limitExports(limiter: ExportLimiter) {
  return (req: Request, res: Response, next: NextFunction) => {
    // requireAuth runs first; without a session there is nothing to count (it answers 401).
    if (!req.auth) return next();
    const slot = limiter.tryAcquire(req.auth.userId);
    if ("refused" in slot) {
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return next(tooManyExports(slot.refused, limiter.limits));
    }
    res.once("close", slot.release);
    next();
  };
}
