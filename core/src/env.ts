// The ONLY reader of process.env. Parsed once with zod; bad configuration fails at boot with the
// name of the setting.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The demo values earlier versions used by default (public: they are in the repository's history). */
export const LEGACY_PSEUDONYM_SECRET = "suara-desa-demo-pseudonym-secret";
export const LEGACY_TOKEN_ENCRYPTION_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .default(`file:${path.join(ROOT_DIR, "data", "suara-desa.db")}`)
    .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), "must start with file: (SQLite) or postgresql://"),
  // Keyed hash for author pseudonyms and AES-256-GCM key for source tokens. Unset (the normal case):
  // generated at first start and kept beside the database or in it (core/src/secrets.ts).
  PSEUDONYM_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  TOKEN_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (32 bytes)")
    .transform((v) => v.toLowerCase())
    .optional(),
  // PostgreSQL connections per process (server or worker), shared by Prisma and the raw paths.
  PG_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  // Workers (PostgreSQL): jobs of each kind one `npm run worker` process runs at once, and how
  // failed jobs are retried (the delay doubles on each attempt).
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  // NLP worker threads of a large file import (unset: one per core; 0: analyse on the main thread).
  NLP_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  JOB_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(3),
  JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  INGEST_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  X_API_URL: z.string().url().default("https://api.x.com/2"),
  META_GRAPH_URL: z.string().url().default("https://graph.facebook.com/v23.0"),
  // "Hubungkan akun": the app credentials of the village install's X app (OAuth 2.0, confidential
  // client) and Meta app (Facebook Login). Unset: the buttons say why they are off; pasting a token
  // still works. The login and token addresses are overridable (tests point them at an imitation).
  X_CLIENT_ID: z.string().min(1).optional(),
  X_CLIENT_SECRET: z.string().min(1).optional(),
  X_AUTHORIZE_URL: z.string().url().default("https://x.com/i/oauth2/authorize"),
  X_TOKEN_URL: z.string().url().default("https://api.x.com/2/oauth2/token"),
  META_APP_ID: z.string().regex(/^\d+$/, "must be the numeric app id").optional(),
  META_APP_SECRET: z.string().min(1).optional(),
  /** Facebook Login dialog; the code is exchanged at META_GRAPH_URL/oauth/access_token. */
  META_DIALOG_URL: z.string().url().default("https://www.facebook.com/v23.0/dialog/oauth"),
  HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** Alerts over Telegram: the bot's token and the Bot API base (overridable for tests). */
  TELEGRAM_BOT_TOKEN: z.string().min(10, "must be a bot token from @BotFather").optional(),
  TELEGRAM_API_URL: z.string().url().default("https://api.telegram.org"),
  /** Alerts over e-mail: smtp://user:pass@host:587 (smtps:// for TLS on connect) and the sender. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().default("Suara Desa <suara-desa@localhost>"),
  /** WhatsApp Cloud API alerts: the approved template with one body parameter, and its language. */
  WHATSAPP_TEMPLATE: z.string().default("suara_desa_peringatan"),
  WHATSAPP_TEMPLATE_LANG: z.string().default("id"),
  // Password of the demo account `demo` created with the demo village; random (printed) when unset.
  DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  // Which proxies to trust for the client address and TLS (Express "trust proxy").
  TRUST_PROXY: z
    .enum(["false", "loopback", "uniquelocal", "true"])
    .default("loopback")
    .transform((v) => (v === "true" ? true : v === "false" ? false : v)),
  // Public address; https:// turns on HSTS and upgrade-insecure-requests.
  PUBLIC_URL: z.string().url().optional(),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  // Exports and report generations running at once (CSV, XLSX, PDF): per user, and per server process.
  EXPORTS_PER_USER: z.coerce.number().int().min(1).max(20).default(2),
  EXPORTS_PER_SERVER: z.coerce.number().int().min(1).max(100).default(4),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
}).superRefine((v, ctx) => {
  // The demo values of earlier versions are public (they were committed): never in production.
  if (v.NODE_ENV !== "production") return;
  const publicValue = "is the public demo value of earlier versions; remove the setting (a random one is generated and kept) or set your own";
  if (v.PSEUDONYM_SECRET === LEGACY_PSEUDONYM_SECRET) ctx.addIssue({ code: "custom", path: ["PSEUDONYM_SECRET"], message: publicValue });
  if (v.TOKEN_ENCRYPTION_KEY === LEGACY_TOKEN_ENCRYPTION_KEY) ctx.addIssue({ code: "custom", path: ["TOKEN_ENCRYPTION_KEY"], message: publicValue });
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses an environment (process.env by default); throws naming every bad setting. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | null = null;
/** The process configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
