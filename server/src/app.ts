// createApp(): the Express application without listen(), so tests drive it with supertest.
import fs from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import { loadSession } from "./auth/middleware";
import { csrfProtection } from "./auth/csrf";
import { securityHeaders } from "./auth/security";
import { SECURE_COOKIES_LOCAL } from "@suara-desa/core/auth/session";
import { env, ROOT_DIR, type Env } from "@suara-desa/core/env";
import { pingDatabase, type Database } from "@suara-desa/core/db/client";
import { notFound } from "@suara-desa/core/errors";
import { compressResponses } from "./middleware/compress";
import { errorHandler } from "./middleware/errorHandler";
import { ExportLimiter } from "./middleware/exportLimit";
import { auditRouter } from "./routes/audit";
import { jobsRouter } from "./routes/jobs";
import { authRouter } from "./routes/auth";
import { commentsRouter } from "./routes/comments";
import { comparisonRouter } from "./routes/comparison";
import { casesRouter } from "./routes/cases";
import { alertsRouter } from "./routes/alerts";
import { repliesRouter } from "./routes/replies";
import { retagRouter } from "./routes/retag";
import { publicPageRouter } from "./routes/publicPage";
import { privacyRouter } from "./routes/privacy";
import { registryRouter } from "./routes/registry";
import { reportsRouter } from "./routes/reports";
import { sourcesRouter } from "./routes/sources";
import { oauthRouter } from "./routes/oauth";
import type { IngestPort } from "@suara-desa/core/services/sourceService";
import type { ReplyPort } from "@suara-desa/core/services/replyService";
import type { RetagPort } from "@suara-desa/core/services/retagService";
import { usersRouter } from "./routes/users";
import { villagesRouter } from "./routes/villages";

export interface AppOptions {
  db: Database;
  /** Folder of the built client; served with an SPA fallback when it exists. */
  clientDir?: string | null;
  log?: (msg: string) => void;
  /** Login attempts per IP per minute (tests raise it). */
  loginRateLimitPerMinute?: number;
  /** Runs and tests sources ("jalankan sekarang", "tes koneksi"); null answers 503. */
  ingest?: IngestPort | null;
  /** Replies and hiding on the platforms; without it those routes answer 503. */
  replies?: ReplyPort | null;
  /** Re-analyses a village's comments ("Analisis ulang komentar"); without it starting answers 503. */
  retag?: RetagPort | null;
  /** Configuration (default: env()); tests pass one to check settings such as PUBLIC_URL. */
  config?: Env;
  /** Running exports per user and per process (tests pass their own); from the environment by default. */
  exportLimiter?: ExportLimiter;
}

export const DEFAULT_CLIENT_DIR = path.join(ROOT_DIR, "dist", "client");

/** Builds the HTTP application. */
export function createApp(opts: AppOptions): Express {
  const { db } = opts;
  const log = opts.log ?? ((m: string) => console.error(m));
  const config = opts.config ?? env();
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  // Before anything that reads req.ip, req.secure or req.host (rate limit, cookies, CSRF).
  app.set("trust proxy", config.TRUST_PROXY);
  const https = config.PUBLIC_URL?.startsWith("https://") ?? false;
  app.locals[SECURE_COOKIES_LOCAL] = https;
  app.use(securityHeaders({ tls: https }));
  app.use(compressResponses());
  app.use(express.json({ limit: "1mb" }));

  // Every API answer is one user's view of residents' data at one moment: no browser, shared
  // computer or proxy may keep or replay it (routes never loosen this).
  app.use("/api", (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  app.get("/api/health", async (_req, res) => {
    await pingDatabase(db);
    res.json({ data: { status: "ok" } });
  });
  // Sessions and CSRF only for the API: static files need neither.
  app.use("/api", loadSession(db));
  app.use("/api", csrfProtection());
  app.use(authRouter(db, { rateLimit: { max: opts.loginRateLimitPerMinute ?? config.LOGIN_RATE_LIMIT_PER_MINUTE } }));
  app.use(usersRouter(db));
  app.use(auditRouter(db));
  app.use(jobsRouter(db));
  app.use(privacyRouter(db));
  app.use(registryRouter(db));
  app.use(sourcesRouter({ db, ingest: opts.ingest ?? null }));
  app.use(retagRouter({ db, retag: opts.retag ?? null }));
  app.use(oauthRouter({ db, config }));
  // Mounted at /api: it also serves /api/reports/:id/download.
  app.use("/api", reportsRouter(db, {
    log,
    limiter: opts.exportLimiter ?? new ExportLimiter({ perUser: config.EXPORTS_PER_USER, perServer: config.EXPORTS_PER_SERVER }),
  }));
  app.use("/api/villages", villagesRouter(db));
  app.use("/api/comments", commentsRouter(db));
  app.use("/api", comparisonRouter(db));
  app.use("/api", casesRouter(db));
  app.use("/api", alertsRouter(db));
  app.use("/api", repliesRouter(db, opts.replies ?? null));
  app.use("/api", publicPageRouter(db));
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
