// The database handle. The only module that constructs the Prisma client; repositories receive a
// Database and never open their own. SQLite is embedded (better-sqlite3 through Prisma's driver
// adapter) and also exposes the raw driver for bulk paths, where Prisma's per-row cost
// (~0.2 ms/row) would dominate a million-comment import.
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

export interface Database {
  prisma: PrismaClient;
  /** Raw better-sqlite3 connection (SQLite only) for bulk writes; null on PostgreSQL. */
  raw: BetterSqlite3.Database | null;
  url: string;
  provider: "sqlite" | "postgres";
  close(): Promise<void>;
}

const BUSY_TIMEOUT_MS = 15_000;

/** Resolves `file:` URLs relative to the working directory, as Prisma does for absolute paths. */
export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

/** Opens (creating the folder if needed) the database at `url`. */
export async function openDatabase(url: string): Promise<Database> {
  if (!url.startsWith("file:")) {
    throw new Error("DATABASE_URL: only SQLite (file:…) is supported in this version");
  }
  const file = sqlitePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  // WAL lets the dashboard read while an import writes; NORMAL sync is durable across app crashes.
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("foreign_keys = ON");
  // 64 MB page cache (the default is 2 MB): a large import otherwise re-reads index pages from disk
  // for every row once the comment indexes outgrow the cache.
  raw.pragma("cache_size = -65536");
  raw.pragma("temp_store = MEMORY");
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS }) });
  return {
    prisma,
    raw,
    url: `file:${file}`,
    provider: "sqlite",
    async close() {
      await prisma.$disconnect();
      raw.close();
    },
  };
}

let shared: Promise<Database> | null = null;
/** The process-wide database from DATABASE_URL. */
export function getDatabase(): Promise<Database> {
  shared ??= openDatabase(env().DATABASE_URL);
  return shared;
}

/** SQLite stores DateTime the way Prisma's adapter writes it: ISO 8601 with an explicit offset. */
export function toDbDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
