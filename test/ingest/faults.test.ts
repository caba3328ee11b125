// Fault tolerance of ingestion end to end: the fake API injects seeded random faults (429 with
// short and long resets, 500/503, no answer, truncated JSON, items repeated across pages, token
// expiry); bounded runs are repeated until a full pass succeeds; the database must then hold
// exactly the source's items — none lost, none duplicated. A second test kills the ingest process
// with SIGKILL mid-run and checks the same after a restart.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateSource, getSource } from "@suara-desa/core/db/sourceRepository";
import { sealSecret } from "@suara-desa/core/services/secretBox";
import { runSource, type RunSourceResult } from "@suara-desa/jobs/ingest/runSource";
import { generateDataset, rng } from "../fake/datasets";
import { startFakeApiServer, type Fault } from "../fake/fakeApiServer";
import { createTempDatabase } from "../helpers/tempDb";
import { createApiSource, createVillage, storedIds } from "./helpers/sourceFactory";

const ROOT = path.resolve(__dirname, "../..");
const PLATFORMS = ["x", "facebook", "instagram"] as const;
const SCHEDULES = 24;
const faultKindsSeen = new Set<string>();
const quickSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 5)));

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => temp?.cleanup());

/** A seeded fault schedule: faults on about a third of the first `horizon` requests. */
function faultSchedule(seed: number, horizon: number): (n: number) => Fault | null {
  const r = rng(seed * 7919 + 17);
  const plan = new Map<number, Fault>();
  let expiries = 0;
  for (let n = 1; n <= horizon; n++) {
    if (r() > 0.35) continue;
    const k = Math.floor(r() * 8);
    const fault: Fault =
      k === 0 ? { kind: "rate_limit", resetInSec: 1 }
      : k === 1 ? { kind: "rate_limit", resetInSec: 900 }
      : k === 2 ? { kind: "server_error", status: 500 }
      : k === 3 ? { kind: "server_error", status: 503 }
      : k === 4 ? { kind: "timeout" }
      : k === 5 ? { kind: "truncated" }
      : k === 6 && expiries++ < 1 ? { kind: "expire_token" }
      : { kind: "repeat" };
    plan.set(n, fault);
  }
  return (n) => plan.get(n) ?? null;
}

describe("ingestion under faults", () => {
  for (let seed = 1; seed <= SCHEDULES; seed++) {
    const platform = PLATFORMS[seed % 3];
    it(`schedule ${seed} (${platform}): after recovery the database holds exactly the source's items`, async () => {
      const { db } = temp;
      const now = Date.now();
      const { dataset, expected } = generateDataset(seed, now);
      const fake = await startFakeApiServer({ dataset, token: `tok-${seed}`, pageSize: 3, nestedReplies: 2, faults: faultSchedule(seed, 40) });
      try {
        const villageId = await createVillage(db);
        const sourceId = await createApiSource(db, villageId, platform, dataset, `tok-${seed}`);
        const results: RunSourceResult[] = [];
        let finished = false;
        for (let run = 0; run < 100 && !finished; run++) {
          const r = await runSource(db, sourceId, {
            maxPages: 4,
            xApiUrl: fake.xBaseUrl,
            graphUrl: fake.graphBaseUrl,
            // Generous enough for a loaded 2-core machine; the "timeout" fault never answers anyway.
            timeoutMs: 600,
            retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5, maxRateWaitMs: 2_000, sleep: quickSleep },
          });
          results.push(r);
          const src = (await getSource(db, sourceId))!;
          if (src.status === "needs_login") {
            // An official logs in again: the new token is stored sealed, the status cleared.
            expect(src.lastError).toMatch(/perlu login ulang/);
            await updateSource(db, sourceId, { tokenEnc: sealSecret(fake.currentToken()), status: "active" });
          }
          finished = r.status === "ok" && r.done;
        }
        expect(finished, `last runs: ${JSON.stringify(results.slice(-3).map((x) => [x.status, x.errorKind, x.error]))}`).toBe(true);
        const ids = await storedIds(db, villageId, platform);
        expect(ids).toEqual(expected[platform]);
        expect(new Set(ids).size).toBe(ids.length);
        // The schedule really hurt: some requests failed and some runs did not end "ok".
        expect(fake.requests.some((q) => q.fault !== null)).toBe(true);
        for (const q of fake.requests) if (q.fault) faultKindsSeen.add(q.fault.kind === "rate_limit" ? `rate_limit_${q.fault.resetInSec > 60 ? "long" : "short"}` : q.fault.kind === "server_error" ? `http_${q.fault.status}` : q.fault.kind);
        const runs = await db.prisma.jobRun.findMany({ where: { sourceId } });
        expect(runs).toHaveLength(results.length);
        expect(runs.every((j) => j.status !== "running")).toBe(true);
        expect(runs.reduce((n, j) => n + j.new, 0)).toBe(expected[platform].length);
      } finally {
        await fake.close();
      }
    });
  }

  it("the schedules together injected every kind of fault", () => {
    expect([...faultKindsSeen].sort()).toEqual(["expire_token", "http_500", "http_503", "rate_limit_long", "rate_limit_short", "repeat", "timeout", "truncated"]);
  });
});

describe("ingest process killed mid-run", () => {
  it("SIGKILL during a run, then a restart: exact set, nothing lost or duplicated", async () => {
    const { db } = temp;
    const { dataset, expected } = generateDataset(4242, Date.now());
    const fake = await startFakeApiServer({ dataset, token: "tok-kill", pageSize: 2, delayMs: 120 });
    try {
      const villageId = await createVillage(db);
      const sourceId = await createApiSource(db, villageId, "facebook", dataset, "tok-kill");
      // Node with tsx's loader: the tsx CLI would run the script in a grandchild that SIGKILL misses.
      const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test/ingest/helpers/killableRun.ts"), db.url, String(sourceId), fake.xBaseUrl, fake.graphBaseUrl], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (d) => (output += String(d)));
      child.stderr.on("data", (d) => (output += String(d)));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ? -1 : code)));
      // Kill once a few pages have been stored, in the middle of a request.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && fake.requests.length < 5) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 60));
      child.kill("SIGKILL");
      expect(await exited, output).toBe(-1);
      const partial = await storedIds(db, villageId, "facebook");
      expect(partial.length).toBeLessThan(expected.facebook.length);

      let done = false;
      for (let i = 0; i < 30 && !done; i++) {
        const r = await runSource(db, sourceId, { maxPages: 3, xApiUrl: fake.xBaseUrl, graphUrl: fake.graphBaseUrl, timeoutMs: 2_000 });
        if (r.status === "skipped") {
          // PostgreSQL: the killed process's session (and its lock on the source) ends a moment
          // after the kill, when the server reads the closed socket.
          await new Promise((res) => setTimeout(res, 200));
          continue;
        }
        expect(r.error).toBeNull();
        done = r.done;
      }
      expect(done).toBe(true);
      expect(await storedIds(db, villageId, "facebook")).toEqual(expected.facebook);
    } finally {
      await fake.close();
    }
  });
});
