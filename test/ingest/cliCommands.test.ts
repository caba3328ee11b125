// `npm run source` and `npm run village` as an operator runs them: child processes against a
// database, checked by their exit code, their output and what they stored (sources, sealed
// tokens, villages, audit entries attributed to the command line).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSecret } from "@suara-desa/core/services/secretBox";
import { listAudit } from "@suara-desa/core/services/auditService";
import type { AuthContext } from "@suara-desa/shared/auth";
import { createTempDatabase } from "../helpers/tempDb";
import { CLI_TOKEN_KEY, runCli } from "./helpers/runCli";
import { createVillage } from "./helpers/sourceFactory";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage as createFactoryVillage, incomingComment } from "../factories/village";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let villageCode: string;
let villageId: number;
const admin: AuthContext = { userId: 1, username: "admin", role: "admin", villageIds: [] };

beforeAll(async () => {
  temp = await createTempDatabase();
  villageId = await createVillage(temp.db);
  villageCode = (await temp.db.prisma.village.findUniqueOrThrow({ where: { id: villageId } })).code;
});
afterAll(async () => temp?.cleanup());

const source = (argv: string[], stdin?: string) => runCli("jobs/src/cli/source.ts", argv, { databaseUrl: temp.db.url, stdin });
const village = (argv: string[]) => runCli("jobs/src/cli/village.ts", argv, { databaseUrl: temp.db.url });

async function auditOf(target: string) {
  return temp.db.prisma.auditLog.findMany({ where: { target }, orderBy: { id: "asc" } });
}

describe("npm run source", () => {
  let sourceId: number;

  it("add: stores the source with the token from stdin, prints it, exits 0, audits as the command line", async () => {
    const r = await source(["add", "--village", villageCode, "--platform", "facebook", "--account", "104512345678901", "--name", "Halaman Desa"], "EAAB-page-token-123\n");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^added source #\d+ facebook 104512345678901 — active, never run, 0 comments\n$/);
    const row = await temp.db.prisma.source.findFirstOrThrow({ where: { villageId, accountId: "104512345678901" } });
    sourceId = row.id;
    expect(openSecret(row.tokenEnc!, CLI_TOKEN_KEY)).toBe("EAAB-page-token-123");
    const [entry] = await auditOf(`source:${row.id}`);
    expect(entry).toMatchObject({ userId: null, username: "cli", action: "source.change", villageId });
    expect(JSON.parse(entry.details!)).toEqual({ op: "add", platform: "facebook", via: "cli" });
    // The admin's audit page names the command line, not "system" or a user.
    const page = await listAudit(temp.db, admin, { limit: 10 });
    expect(page.data.find((e) => e.target === `source:${row.id}`)).toMatchObject({ actor: "cli", userId: null, username: "cli" });
  });

  it("add: refuses a token written on the command line and an empty stdin, naming the problem", async () => {
    const inArgv = await source(["add", "--village", villageCode, "--platform", "x", "--account", "1400000000000000001", "--token", "AAAA-bearer-in-argv"]);
    expect(inArgv.code).toBe(2);
    expect(inArgv.stderr).toContain("--token: do not put the token on the command line");
    const empty = await source(["add", "--village", villageCode, "--platform", "x", "--account", "1400000000000000001"], "");
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("token: empty");
    const spaced = await source(["add", "--village", villageCode, "--platform", "x", "--account", "1400000000000000001"], "two words token\n");
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toContain("token: must be a single line");
    expect(await temp.db.prisma.source.count({ where: { villageId, platform: "x" } })).toBe(0);
  });

  it("token <id>: replaces the sealed token from stdin, clears 'perlu login ulang', never prints or audits the value", async () => {
    await temp.db.prisma.source.update({ where: { id: sourceId }, data: { status: "needs_login" } });
    const r = await source(["token", String(sourceId)], "EAAB-renewed-token-456\n");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`token of source #${sourceId} replaced (status needs_login -> active)\n`);
    const row = await temp.db.prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(openSecret(row.tokenEnc!, CLI_TOKEN_KEY)).toBe("EAAB-renewed-token-456");
    expect(row.status).toBe("active");
    const entries = await auditOf(`source:${sourceId}`);
    const last = entries[entries.length - 1];
    expect(last).toMatchObject({ userId: null, username: "cli" });
    expect(JSON.parse(last.details!)).toEqual({ op: "edit", fields: ["token"], via: "cli" });
    expect(entries.map((e) => e.details).join(" ")).not.toContain("renewed");
  });

  it("token <id>: bad id, unknown source, token in argv and empty stdin exit 2 and keep the stored token", async () => {
    const sealedBefore = (await temp.db.prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).tokenEnc;
    const cases: Array<[string[], string | undefined, string]> = [
      [["token"], "tok-12345678", "token <id>: id must be a positive number"],
      [["token", "abc"], "tok-12345678", "token <id>: id must be a positive number"],
      [["token", "99999"], "tok-12345678", "no source #99999"],
      [["token", String(sourceId), "--token", "EAAB-in-argv-789"], undefined, "--token: do not put the token on the command line"],
      [["token", String(sourceId)], "", "token: empty"],
      [["token", String(sourceId)], "short", "token: too short"],
    ];
    for (const [argv, stdin, message] of cases) {
      const r = await source(argv, stdin);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr, argv.join(" ")).toContain(message);
    }
    expect((await temp.db.prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).tokenEnc).toBe(sealedBefore);
  });

  it("list and remove: prints the sources, removes one keeping its comments, exits 0, audits as the command line", async () => {
    const list = await source(["list", "--village", villageCode, "--json"]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: sourceId, platform: "facebook", status: "active" })]);
    const r = await source(["remove", String(sourceId)]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`removed source #${sourceId} (its comments are kept)\n`);
    expect(await temp.db.prisma.source.count({ where: { id: sourceId } })).toBe(0);
    const entries = await auditOf(`source:${sourceId}`);
    expect(entries[entries.length - 1]).toMatchObject({ userId: null, username: "cli", action: "source.change" });
    const again = await source(["remove", String(sourceId)]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("tidak ditemukan");
  });
});

describe("npm run village", () => {
  it("add <code>: adds the registry village with its time zone, exits 0, audits as the command line", async () => {
    const r = await village(["add", "32.15.04.2006"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^village: added Mulyasari \(32\.15\.04\.2006\), Kec\. Ciampel, Karawang, Jawa Barat — id \d+, time zone Asia\/Jakarta\n$/);
    const row = await temp.db.prisma.village.findUniqueOrThrow({ where: { code: "32.15.04.2006" } });
    expect(row).toMatchObject({ name: "Mulyasari", kecamatan: "Ciampel", kabupaten: "Karawang", timeZone: "Asia/Jakarta" });
    const [entry] = await auditOf("village:32.15.04.2006");
    expect(entry).toMatchObject({ userId: null, username: "cli", action: "village.add", villageId: row.id });
    // A village in Bali gets WITA.
    const bali = await village(["add", "51.71.01.1001", "--json"]);
    expect(bali.code).toBe(0);
    expect(JSON.parse(bali.stdout)).toMatchObject({ code: "51.71.01.1001", timeZone: "Asia/Makassar" });
  });

  it("list and search show what is served", async () => {
    const list = await village(["list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("32.15.04.2006 Mulyasari, Kec. Ciampel, Karawang (Asia/Jakarta)");
    expect(list.stdout).toContain("village: 3 village(s)");
    const search = await village(["search", "mulyasari", "--province", "32"]);
    expect(search.code).toBe(0);
    expect(search.stdout).toMatch(/32\.15\.04\.2006 Mulyasari \(desa\), Kec\. Ciampel, Karawang, Jawa Barat — already served, id \d+/);
  });

  it("bad input exits 2 with a message naming it and adds nothing", async () => {
    const before = await temp.db.prisma.village.count();
    const cases: Array<[string[], string]> = [
      [["add"], "add <code>: the Kemendagri village code is required"],
      [["add", "3215042006"], `"3215042006" is not a Kemendagri village code`],
      [["add", "32.15.04.9999"], "Desa dengan kode 32.15.04.9999 tidak ditemukan"],
      [["add", "32.15.04.2006"], "sudah ada"],
      [["search", "m", "--province", "32"], "at least 2 characters"],
      [["search", "mulya", "--province", "Jawa"], "--province: a two-digit province code"],
      [["hapus"], 'unknown command "hapus"'],
    ];
    for (const [argv, message] of cases) {
      const r = await village(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr, argv.join(" ")).toContain(message);
    }
    expect(await temp.db.prisma.village.count()).toBe(before);
  });
});


describe("npm run ingest -- run", () => {
  it("names stuck and rate-limited sources in every run; the exit status follows their state, not which run failed", async () => {
    const { startFakeApiServer } = await import("../fake/fakeApiServer");
    const { fixtureDataset } = await import("../fake/datasets");
    const { localTime } = await import("@suara-desa/jobs/ingest/errors");
    const { createApiSource } = await import("./helpers/sourceFactory");
    const dataset = fixtureDataset();
    const fake = await startFakeApiServer({ dataset, token: "tok-cli-run", pageSize: 50 });
    const db = temp.db;
    try {
      const vid = await createVillage(db);
      // Only this village's sources take part.
      await db.prisma.source.updateMany({ where: { NOT: { villageId: vid } }, data: { status: "paused" } });
      const { sealSecret } = await import("@suara-desa/core/services/secretBox");
      const fb = await createApiSource(db, vid, "facebook", dataset, "unused");
      const ig = await createApiSource(db, vid, "instagram", dataset, "unused");
      await db.prisma.source.update({ where: { id: fb }, data: { tokenEnc: sealSecret("tok-cli-run", CLI_TOKEN_KEY) } });
      await db.prisma.source.update({ where: { id: ig }, data: { tokenEnc: sealSecret("tok-wrong-123", CLI_TOKEN_KEY) } });
      const env = { META_GRAPH_URL: fake.graphBaseUrl, X_API_URL: fake.xBaseUrl };
      const ingest = (argv: string[]) => runCli("jobs/src/cli/ingest.ts", ["run", ...argv], { databaseUrl: db.url, env });

      const first = await ingest([]);
      expect(first.code, first.stderr).toBe(1);
      expect(first.stdout).toContain(`source #${fb}: ok`);
      expect(first.stdout).toMatch(new RegExp(`source #${ig}: failed, .* — Token akses kedaluwarsa`));
      expect(first.stdout).not.toContain("(more next run)");
      expect(first.stdout).toMatch(new RegExp(`source #${ig} \\(instagram 17841400000000001, Desa Uji \\d+\\): needs a new login since \\d{2}\\.\\d{2} WIB — .*npm run source -- token ${ig}`));

      // The next run does not try it again, but says so again, with the same exit status.
      const runsBefore = await db.prisma.jobRun.count({ where: { sourceId: ig } });
      const second = await ingest([]);
      expect(second.code, second.stderr).toBe(1);
      expect(second.stdout).toMatch(new RegExp(`source #${ig} \\(instagram .*\\): needs a new login since`));
      expect(second.stdout).toMatch(/stuck 1 \(#\d+ needs a new token\)/);
      expect(await db.prisma.jobRun.count({ where: { sourceId: ig } })).toBe(runsBefore);

      // A new token from stdin unsticks it.
      const fixed = await runCli("jobs/src/cli/source.ts", ["token", String(ig)], { databaseUrl: db.url, stdin: "tok-cli-run\n" });
      expect(fixed.code, fixed.stderr).toBe(0);

      // Facebook hits an app-level limit without a reset: one request, a pause, exit 0 (waiting is normal).
      fake.setFaults((_n, p) => (p.includes(dataset.facebook.pageId) ? { kind: "rate_limit", resetInSec: 0, usage: "app" } : null));
      const before = fake.requests.length;
      const third = await ingest([]);
      expect(third.code, third.stdout + third.stderr).toBe(0);
      expect(fake.requests.slice(before).filter((q) => q.path.includes(dataset.facebook.pageId))).toHaveLength(1);
      expect(third.stdout).toContain(`source #${ig}: ok`);
      const pause = JSON.parse((await db.prisma.source.findUniqueOrThrow({ where: { id: fb } })).settings).rateLimit as { until: string };
      const local = localTime(new Date(pause.until), "Asia/Jakarta");
      expect(third.stdout).toContain(`source #${fb} (facebook 104512345678901, `);
      expect(third.stdout).toContain(`rate limited until ${local}`);
      expect(third.stderr).toContain(`next try about ${local}`);

      // Until the pause ends a run leaves it alone and says why; still exit 0.
      const fourth = await ingest([]);
      expect(fourth.code).toBe(0);
      expect(fake.requests.slice(before).filter((q) => q.path.includes(dataset.facebook.pageId))).toHaveLength(1);
      expect(fourth.stdout).toContain(`rate limited 1 (#${fb} until ${local})`);
      const json = await ingest(["--json"]);
      expect(JSON.parse(json.stdout)).toMatchObject({ stuck: [], waiting: [expect.objectContaining({ sourceId: fb, state: "rate_limited", at: pause.until, localAt: local })] });
    } finally {
      await fake.close();
    }
  });
});

describe("npm run village -- purge", () => {
  it("runs the nightly retention purge now (for SCHEDULER=off): only comments past their village's retention go", async () => {
    const kept = await temp.db.prisma.comment.count();
    const v = (await createFactoryVillage(temp.db, { name: "Desa Purge" })).id;
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    const stored = await storeBatch(temp.db, { villageId: v, sourceId: null, posts: [], comments: [400, 10].map((n) => incomingComment({ externalId: `p${n}`, text: `Laporan ${n}`, publishedAt: daysAgo(n) })) });
    await finishImport(temp.db, v, stored.days);
    await temp.db.prisma.village.update({ where: { id: v }, data: { retentionMonths: 6 } });

    const r = await village(["purge", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ villages: 1, deleted: 1 });
    expect((await temp.db.prisma.comment.findMany({ where: { villageId: v } })).map((c) => c.externalId)).toEqual(["p10"]);
    // Other villages (no retention) keep everything.
    expect(await temp.db.prisma.comment.count({ where: { villageId: { not: v } } })).toBe(kept);
    const again = await village(["purge"]);
    expect(again.stdout).toBe("village: retention purge: 0 comment(s) past their village's retention deleted (1 village(s) with a retention)\n");
  });
});
