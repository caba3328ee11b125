// A migrated, empty database with the global topics, per test file. SQLite by default (a file in a
// temporary folder); PostgreSQL when TEST_DATABASE_URL is set (`npm run test:pg`): a fresh database
// created on that server for the file and dropped after it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";

export interface TempDatabase { db: Database; dir: string; cleanup(): Promise<void> }

/** The PostgreSQL server tests run against, or null for SQLite. */
export function testPostgresUrl(): string | null {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

/**
 * Creates a fresh database; call cleanup() in afterAll. `prepare: false` leaves it empty (no
 * migration applied), for tests that migrate it themselves.
 */
export async function createTempDatabase(opts: { prepare?: boolean } = {}): Promise<TempDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-test-"));
  const server = testPostgresUrl();
  if (server) return createPostgresDatabase(server, dir, opts.prepare ?? true);
  const db = await openDatabase(`file:${path.join(dir, "test.db")}`);
  if (opts.prepare ?? true) await prepareDatabase(db);
  return {
    db,
    dir,
    async cleanup() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresDatabase(server: string, dir: string, prepare: boolean): Promise<TempDatabase> {
  const name = `suara_desa_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString(), { poolSize: 5 });
  if (prepare) await prepareDatabase(db);
  return {
    db,
    dir,
    async cleanup() {
      await db.close();
      const drop = new pg.Client({ connectionString: server });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await drop.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
