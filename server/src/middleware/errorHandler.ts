// The one error handler: known errors keep their status; anything else is a 500 with a generic
// message (details go to the log, never to the client).
import type { NextFunction, Request, Response } from "express";
import { HttpError } from "@suara-desa/core/errors";

/** Express error middleware emitting { error: { code, message } }. */
export function errorHandler(log: (msg: string) => void) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError) {
      if (err.retryAfter !== undefined) res.setHeader("Retry-After", String(err.retryAfter));
      res.status(err.status).json({ error: { code: err.code, message: err.message } });
      return;
    }
    // body-parser errors (malformed JSON, too large) carry a status and type.
    const e = err as { status?: number; type?: string; message?: string };
    if (typeof e?.status === "number" && e.status >= 400 && e.status < 500) {
      const message = e.type === "entity.parse.failed" ? "body: invalid JSON" : e.type === "entity.too.large" ? "body: too large" : (e.message ?? "bad request");
      res.status(e.status).json({ error: { code: "bad_request", message } });
      return;
    }
    log(`unhandled error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.status(500).json({ error: { code: "internal", message: "Terjadi kesalahan di server" } });
  };
}
