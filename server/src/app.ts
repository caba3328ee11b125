// createApp(): the Express application without listen(), so tests drive it with supertest.
import fs from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import { ROOT_DIR } from "./env";
import type { Database } from "./db/client";
import { notFound } from "./errors";
import { errorHandler } from "./middleware/errorHandler";
import { commentsRouter } from "./routes/comments";
import { villagesRouter } from "./routes/villages";

export interface AppOptions {
  db: Database;
  /** Folder of the built client; served with an SPA fallback when it exists. */
  clientDir?: string | null;
  log?: (msg: string) => void;
}

export const DEFAULT_CLIENT_DIR = path.join(ROOT_DIR, "dist", "client");

/** Builds the HTTP application. */
export function createApp(opts: AppOptions): Express {
  const { db } = opts;
  const log = opts.log ?? ((m: string) => console.error(m));
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(express.json({ limit: "1mb" }));

  app.get("/api/health", async (_req, res) => {
    await db.prisma.$queryRaw`SELECT 1`;
    res.json({ data: { status: "ok" } });
  });
  app.use("/api/villages", villagesRouter(db));
  app.use("/api/comments", commentsRouter(db));
  app.use("/api", (_req, _res, next) => next(notFound("Alamat API")));

  const clientDir = opts.clientDir === undefined ? DEFAULT_CLIENT_DIR : opts.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    // SPA fallback: every non-API GET gets the app shell; the client routes it.
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(path.join(clientDir, "index.html"));
    });
  }

  app.use(errorHandler(log));
  return app;
}
