// The install's secrets (core/src/secrets.ts), as production runs them: generated at first start
// and kept (SQLite: secrets.json, 0600; PostgreSQL: the InstallSecret row, the same for every
// process), the environment winning, a process with other secrets refused, and an install that ran
// on the old built-in values moved to new ones without losing its tokens or breaking erasure.
// Runs on SQLite, and on PostgreSQL with TEST_DATABASE_URL.
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { storeBatch } from "@suara-desa/core/ingest/store";
import { authorPseudonym } from "@suara-desa/core/ingest/pseudonym";
import { applyRestore, backupDatabase, planRestore } from "@suara-desa/jobs/ops/backup";
import { openDatabase, type Database } from "@suara-desa/core/db/client";
import { parseEnv } from "@suara-desa/core/env";
import {
  ensureSecrets, fingerprint, LEGACY_PSEUDONYM_SECRET, LEGACY_TOKEN_ENCRYPTION_KEY, resetSecretsForTests, secretsFileFor,
} from "@suara-desa/core/secrets";
import { openSecret, sealSecret } from "@suara-desa/core/services/secretBox";
import { createUser } from "@suara-desa/core/services/authService";
import { deleteAuthorComments } from "@suara-desa/core/services/privacyService";
import { createSource } from "@suara-desa/core/db/sourceRepository";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase, type TempDatabase } from "../helpers/tempDb";

const production = (extra: Record<string, string> = {}) => parseEnv({ NODE_ENV: "production", ...extra });

const temps: TempDatabase[] = [];
async function freshDatabase(): Promise<TempDatabase> {
  const t = await createTempDatabase();
  temps.push(t);
  return t;
}
afterEach(() => resetSecretsForTests());
afterAll(async () => {
  for (const t of temps) await t.cleanup();
});

describe("a new install", () => {
  it("generates random secrets at first start, keeps them owner-only, and reads the same ones afterwards", async () => {
    const { db } = await freshDatabase();
    const first = await ensureSecrets(db, { config: production(), install: false });
    expect(first.generated).toEqual(["PSEUDONYM_SECRET", "TOKEN_ENCRYPTION_KEY"]);
    expect(first.secrets.tokenKey).toMatch(/^[0-9a-f]{64}$/);
    expect(first.secrets.tokenKey).not.toBe(LEGACY_TOKEN_ENCRYPTION_KEY);
    expect(first.secrets.pseudonymSecret).not.toBe(LEGACY_PSEUDONYM_SECRET);
    if (db.provider === "sqlite") {
      const file = secretsFileFor(db.url);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({
        pseudonymSecret: first.secrets.pseudonymSecret, tokenEncryptionKey: first.secrets.tokenKey,
      });
    }
    // Only fingerprints in the database on SQLite; the secrets themselves on PostgreSQL.
    const row = await db.prisma.installSecret.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.pseudonymCheck).toBe(fingerprint(first.secrets.pseudonymSecret));
    expect(row.tokenKey).toBe(db.provider === "postgres" ? first.secrets.tokenKey : null);

    const again = await ensureSecrets(db, { config: production(), install: false });
    expect(again.generated).toEqual([]);
    expect(again.secrets).toEqual(first.secrets);

    if (db.provider === "sqlite") {
      // secrets.json lost: the next start refuses (naming the file) instead of generating new ones.
      const file = secretsFileFor(db.url);
      fs.renameSync(file, `${file}.away`);
      await expect(ensureSecrets(db, { config: production(), install: false })).rejects.toThrow(/^PSEUDONYM_SECRET: not set.*restore it from .*secrets\.json/);
      expect(fs.existsSync(file)).toBe(false);
      fs.renameSync(`${file}.away`, file);
    }
  });

  it("gives every process of a PostgreSQL deployment the same secrets, even when they start together", async () => {
    const t = await freshDatabase();
    if (t.db.provider !== "postgres") return;
    const others = await Promise.all([openDatabase(t.db.url, { poolSize: 2 }), openDatabase(t.db.url, { poolSize: 2 })]);
    try {
      const results = await Promise.all([t.db, ...others].map((db) => ensureSecrets(db, { config: production(), install: false })));
      expect(new Set(results.map((r) => JSON.stringify(r.secrets))).size).toBe(1);
      expect(results.filter((r) => r.generated.length > 0)).toHaveLength(1);
    } finally {
      for (const o of others) await o.close();
    }
  });

  it("lets the environment override, and refuses a process whose secrets differ from the database's", async () => {
    const { db } = await freshDatabase();
    const own = { PSEUDONYM_SECRET: "our-own-pseudonym-secret-1234", TOKEN_ENCRYPTION_KEY: "ab".repeat(32) };
    const r = await ensureSecrets(db, { config: production(own), install: false });
    expect(r.generated).toEqual([]);
    expect(r.secrets).toMatchObject({ pseudonymSecret: own.PSEUDONYM_SECRET, tokenKey: own.TOKEN_ENCRYPTION_KEY });
    if (db.provider === "sqlite") expect(fs.existsSync(secretsFileFor(db.url))).toBe(false);

    await expect(ensureSecrets(db, { config: production({ ...own, PSEUDONYM_SECRET: "another-pseudonym-secret-99" }), install: false }))
      .rejects.toThrow(/^PSEUDONYM_SECRET: differs from the secret this database's author pseudonyms were made with/);
    await expect(ensureSecrets(db, { config: production({ ...own, TOKEN_ENCRYPTION_KEY: "cd".repeat(32) }), install: false }))
      .rejects.toThrow(/^TOKEN_ENCRYPTION_KEY: differs from the key/);
    // Unset, with nothing kept (they came from the environment): refused before anything is generated.
    await expect(ensureSecrets(db, { config: production(), install: false })).rejects.toThrow(/^PSEUDONYM_SECRET: not set, and this database's pseudonyms were made with a secret that is not kept here/);
    if (db.provider === "sqlite") expect(fs.existsSync(secretsFileFor(db.url))).toBe(false);
  });

  it("refuses the old built-in values in production, naming the setting; development may still use them", () => {
    expect(() => production({ PSEUDONYM_SECRET: LEGACY_PSEUDONYM_SECRET })).toThrow(/PSEUDONYM_SECRET: is the public demo value/);
    expect(() => production({ TOKEN_ENCRYPTION_KEY: LEGACY_TOKEN_ENCRYPTION_KEY.toUpperCase() })).toThrow(/TOKEN_ENCRYPTION_KEY: is the public demo value/);
    expect(parseEnv({ NODE_ENV: "development", PSEUDONYM_SECRET: LEGACY_PSEUDONYM_SECRET }).PSEUDONYM_SECRET).toBe(LEGACY_PSEUDONYM_SECRET);
  });
});

/** A database as an earlier version left it with the built-in values: tokens, comments, no InstallSecret. */
async function legacyInstall(db: Database) {
  const legacy = { pseudonymSecret: LEGACY_PSEUDONYM_SECRET, pseudonymChain: [] };
  const village = await createVillage(db);
  const source = await createSource(db, { villageId: village.id, platform: "facebook", accountId: "1001", handle: "desa", tokenEnc: sealSecret("EAAB-page-token", LEGACY_TOKEN_ENCRYPTION_KEY) });
  const comments = [
    incomingComment({ authorId: "fb-budi", text: "Jalan di RT 03 rusak parah" }),
    incomingComment({ authorId: "fb-budi", text: "Lampu jalan mati lagi" }),
    incomingComment({ authorId: "fb-siti", text: "Terima kasih posyandunya" }),
  ];
  await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments });
  for (const c of comments) {
    await db.prisma.comment.updateMany({ where: { externalId: c.externalId }, data: { authorPseudonym: authorPseudonym(c.platform, c.authorId!, legacy) } });
  }
  return { village, sourceId: source.id, comments };
}

describe("an install on the old built-in values", () => {
  it("moves to new secrets at first start: tokens re-sealed, pseudonyms re-keyed so an author keeps one pseudonym", async () => {
    const { db } = await freshDatabase();
    const { village, sourceId, comments } = await legacyInstall(db);
    const before = await db.prisma.comment.findMany({ orderBy: { id: "asc" }, select: { externalId: true, authorPseudonym: true } });

    const r = await ensureSecrets(db, { config: production() });
    expect(r.moved).toEqual({ tokens: 1, pseudonyms: 2 });
    expect(r.secrets.pseudonymChain).toEqual([LEGACY_PSEUDONYM_SECRET]);

    const source = await db.prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(openSecret(source.tokenEnc!, r.secrets.tokenKey)).toBe("EAAB-page-token");
    expect(() => openSecret(source.tokenEnc!, LEGACY_TOKEN_ENCRYPTION_KEY)).toThrow(/cannot decrypt/);

    const after = await db.prisma.comment.findMany({ orderBy: { id: "asc" }, select: { externalId: true, authorPseudonym: true } });
    // No stored pseudonym can be recomputed from the public salt any more…
    for (const [i, row] of after.entries()) expect(row.authorPseudonym).not.toBe(before[i].authorPseudonym);
    // …but what a new comment of the same author gets is exactly what the re-keyed rows hold.
    const budi = authorPseudonym("facebook", "fb-budi");
    expect(after.filter((c) => c.authorPseudonym === budi).map((c) => c.externalId)).toEqual([comments[0].externalId, comments[1].externalId]);

    // Erasure after the move: one request removes the author's old and new comments alike.
    const later = incomingComment({ authorId: "fb-budi", text: "Got royong hari Minggu?" });
    await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments: [later] });
    expect((await db.prisma.comment.findFirstOrThrow({ where: { externalId: later.externalId } })).authorPseudonym).toBe(budi);
    const user = await createUser(db, { username: "admin", password: "sandi-admin-1", role: "admin" });
    const erased = await deleteAuthorComments(db, { userId: user.id, username: user.username, role: "admin", villageIds: [] }, village.id, budi);
    expect(erased.deleted).toBe(3);
    expect(await db.prisma.comment.count({ where: { villageId: village.id } })).toBe(1);

    // The next start finds everything in order and moves nothing again.
    resetSecretsForTests();
    const next = await ensureSecrets(db, { config: production(), install: false });
    expect(next).toMatchObject({ moved: null, generated: [], secrets: r.secrets });
  });

  it("changes nothing when a token was sealed with another key than the built-in one, and says which setting to restore", async () => {
    const { db } = await freshDatabase();
    const { sourceId } = await legacyInstall(db);
    const own = sealSecret("EAAB-other", "ef".repeat(32));
    await db.prisma.source.update({ where: { id: sourceId }, data: { tokenEnc: own } });
    const pseudonyms = await db.prisma.comment.findMany({ orderBy: { id: "asc" }, select: { authorPseudonym: true } });

    await expect(ensureSecrets(db, { config: production(), install: false }))
      .rejects.toThrow(`TOKEN_ENCRYPTION_KEY: the token of source #${sourceId} was not sealed with the old built-in key`);
    expect((await db.prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).tokenEnc).toBe(own);
    expect(await db.prisma.comment.findMany({ orderBy: { id: "asc" }, select: { authorPseudonym: true } })).toEqual(pseudonyms);
    expect(await db.prisma.installSecret.count()).toBe(0);
  });
});

describe("backups", () => {
  let t: TempDatabase;
  beforeAll(async () => {
    t = await freshDatabase();
  });

  it("carry the secrets file, and restore puts it back beside the database (SQLite)", async () => {
    if (t.db.provider !== "sqlite") return; // PostgreSQL: InstallSecret is a table, pg_dump carries it
    const { sourceId } = await legacyInstall(t.db);
    const r = await ensureSecrets(t.db, { config: production(), install: false });
    const file = secretsFileFor(t.db.url);
    const kept = fs.readFileSync(file, "utf8");
    const backup = path.join(t.dir, "backups", "b.db");
    await backupDatabase(t.db.url, backup);
    await t.db.close();

    // The machine is lost: a new database folder with only the backup.
    const target = `file:${path.join(t.dir, "baru", "suara-desa.db")}`;
    const plan = await planRestore(target, backup);
    const restored = await applyRestore(target, plan);
    expect(restored.secrets).toBe(secretsFileFor(target));
    expect(fs.readFileSync(secretsFileFor(target), "utf8")).toBe(kept);
    expect(fs.statSync(secretsFileFor(target)).mode & 0o777).toBe(0o600);

    const db = await openDatabase(target);
    try {
      // The carrier table is gone, and the restored install opens its tokens with the restored key.
      expect(db.raw!.prepare(`SELECT name FROM sqlite_master WHERE name = '_suara_desa_secrets'`).get()).toBeUndefined();
      const again = await ensureSecrets(db, { config: production(), install: false });
      expect(again.secrets).toEqual(r.secrets);
      const source = await db.prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
      expect(openSecret(source.tokenEnc!, again.secrets.tokenKey)).toBe("EAAB-page-token");
    } finally {
      await db.close();
    }
    t.db = await openDatabase(t.db.url); // for cleanup
  });
});
