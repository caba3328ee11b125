// `npm run backup` and `npm run restore` as an operator runs them: the real CLIs as subprocesses
// against a temporary database (SQLite, or PostgreSQL with TEST_DATABASE_URL). Backup while the
// database is open; damage; the refusals (no --yes; database still open) leave the data alone;
// restore brings back the exact rows. The backup is taken one migration behind, as from an older
// version, so the restore must also migrate it forward.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";

const ROOT = path.resolve(__dirname, "../..");
// The newest migration that a backup can lack and still be undone here (it adds one column).
const BEHIND = "20261128150000_report_content";
const TRICKY = 'Jalan "Cikampek" rusak\nparah 😡👍 tolong, pak — RT 03/RW 02';

let env: Awaited<ReturnType<typeof createTempDatabase>>;
/** The test's own connection: closed while the restore runs (as the server would be), then reopened. */
let db: Database;
let backupFile: string;
const keys = { tricky: "", deleted: [] as string[] };

function cli(script: "backup" | "restore", args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", `jobs/src/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: env.db.url, SCHEDULER: "off" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

async function counts() {
  return { comments: await db.prisma.comment.count(), villages: await db.prisma.village.count() };
}

beforeAll(async () => {
  env = await createTempDatabase();
  db = env.db;
  const village = await createVillage(db, { name: "Desa Sukamaju" });
  const comments = [
    incomingComment({ text: TRICKY, likeCount: 7 }),
    incomingComment({ text: "Air PDAM mati sudah tiga hari", platform: "instagram" }),
    incomingComment({ text: "Terima kasih pak kades, jalannya sudah diaspal", platform: "x" }),
    incomingComment({ text: "Posyandu bulan ini jadwalnya kapan ya?" }),
  ];
  await storeBatch(db, { villageId: village.id, sourceId: null, posts: [], comments });
  keys.tricky = comments[0].externalId;
  keys.deleted = [comments[0].externalId, comments[1].externalId];
  // As an older version left it: the newest migration not applied yet.
  await db.prisma.$executeRawUnsafe(`ALTER TABLE "Report" DROP COLUMN "content"`);
  await db.prisma.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE migration_name = '${BEHIND}'`);
  backupFile = path.join(env.dir, "backups", db.provider === "postgres" ? "suara-desa.dump" : "suara-desa.db");
});

afterAll(async () => {
  if (db !== env.db) await db.close();
  await env.cleanup();
});

describe("npm run backup / npm run restore", () => {
  it("backs up while the database is open and reports what it wrote", () => {
    const r = cli("backup", ["--out", backupFile]);
    expect(r.stderr).not.toContain("error");
    expect(r.status).toBe(0);
    const check = db.provider === "postgres" ? "pg_restore --list ok" : "integrity ok";
    expect(r.stdout).toMatch(new RegExp(`^backup: wrote .*suara-desa\\.(db|dump) \\(\\d+\\.\\d [KM]B, ${check}\\): 4 comments, 1 village in \\d`));
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
  });

  it("names the flag when the input is wrong, and changes nothing", async () => {
    const missing = cli("restore", ["--from", path.join(env.dir, "nope.db"), "--yes"]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/^error: --from: file not found: .*nope\.db$/m);

    const text = path.join(env.dir, "notes.txt");
    fs.writeFileSync(text, "bukan cadangan\n");
    const foreign = cli("restore", ["--from", text, "--yes"]);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toMatch(/error: --from: not a (SQLite database|pg_dump custom-format archive)/);

    expect(cli("restore", []).stderr).toMatch(/error: --from: required/);
    const exists = cli("backup", ["--out", backupFile]);
    expect(exists.status).toBe(2);
    expect(exists.stderr).toMatch(/error: --out: file exists: /);
    expect(await counts()).toEqual({ comments: 4, villages: 1 });
  });

  it("refuses without --yes, and while the database is open, leaving the data as it is", async () => {
    // An upgrade since the backup, then damage: comments lost, a stray village, a newer table.
    await prepareDatabase(db);
    await db.prisma.comment.deleteMany({ where: { externalId: { in: keys.deleted } } });
    await createVillage(db, { name: "Desa Palsu" });
    await db.prisma.$executeRawUnsafe(`CREATE TABLE "NewerVersionTable" (id INTEGER PRIMARY KEY)`);
    const damaged = { comments: 2, villages: 2 };
    expect(await counts()).toEqual(damaged);

    const noYes = cli("restore", ["--from", backupFile]);
    expect(noYes.status).toBe(2);
    expect(noYes.stderr).toMatch(/error: .* holds 2 comments, 2 villages; restoring replaces all of it .* again with --yes/);
    expect(await counts()).toEqual(damaged);

    // The server's connection pool stands in for a running server.
    const held = db.pg ? await db.pg.connect() : null;
    try {
      const open = cli("restore", ["--from", backupFile, "--yes"]);
      expect(open.status).toBe(1);
      expect(open.stderr).toMatch(/error: .*(stop the server first|stop the server and every worker first)/);
    } finally {
      held?.release();
    }
    expect(await counts()).toEqual(damaged);
  });

  it("restores with --yes: the exact rows back, migrated forward", async () => {
    await db.close();
    const r = cli("restore", ["--from", backupFile, "--yes"]);
    expect(r.stderr).not.toContain("error");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^restore: .* restored from .*: 4 comments, 1 village; migrations applied: ${BEHIND} in `));

    db = await openDatabase(env.db.url, { poolSize: 2 });
    expect(await counts()).toEqual({ comments: 4, villages: 1 });
    const tricky = await db.prisma.comment.findFirstOrThrow({ where: { externalId: keys.tricky } });
    expect(tricky.text).toBe(TRICKY);
    expect(tricky.likeCount).toBe(7);
    expect((await db.prisma.village.findMany()).map((v) => v.name)).toEqual(["Desa Sukamaju"]);
    // Migrated forward: the column the backup lacked exists again; what it never had is gone.
    await expect(db.prisma.$queryRawUnsafe(`SELECT "content" FROM "Report"`)).resolves.toEqual([]);
    await expect(db.prisma.$queryRawUnsafe(`SELECT * FROM "NewerVersionTable"`)).rejects.toThrow();
    if (db.provider === "sqlite") {
      // The replaced database is kept next to it.
      expect(fs.readdirSync(env.dir).some((f) => /^test\.before-restore-\d{8}T\d{6}Z\.db$/.test(f))).toBe(true);
    }
  });
});
