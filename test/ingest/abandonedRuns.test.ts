// A run whose process is killed (SIGKILL) must not stay "running" forever: the next process to
// start (server, worker, CLI) marks it "abandoned" — but never a run that is still going in another
// process or on another machine.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ABANDONED_RUN_ERROR, finishJobRun, markAbandonedRuns, startJobRun } from "@suara-desa/core/db/jobRunRepository";
import { findFailedRuns } from "@suara-desa/core/db/jobQueueRepository";
import { generateDataset } from "../fake/datasets";
import { startFakeApiServer } from "../fake/fakeApiServer";
import { createTempDatabase } from "../helpers/tempDb";
import { runCli } from "./helpers/runCli";
import { createApiSource, createVillage } from "./helpers/sourceFactory";

const ROOT = path.resolve(__dirname, "../..");
let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => temp?.cleanup());

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((r) => child.on("exit", r));
  return child.pid!;
}

describe("runs left behind by a killed process", () => {
  it("an ingest run killed with SIGKILL is marked abandoned at the next CLI start, with a message for the UI", async () => {
    const { db } = temp;
    const { dataset } = generateDataset(777, Date.now());
    const fake = await startFakeApiServer({ dataset, token: "tok-abandon", pageSize: 2, delayMs: 150 });
    try {
      const villageId = await createVillage(db);
      const sourceId = await createApiSource(db, villageId, "facebook", dataset, "tok-abandon");
      // Node with tsx's loader (not the tsx CLI, which runs the script in a grandchild that a
      // SIGKILL of the CLI would not reach).
      const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test/ingest/helpers/killableRun.ts"), db.url, String(sourceId), fake.xBaseUrl, fake.graphBaseUrl], { cwd: ROOT, stdio: "ignore" });
      const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
      // Kill it while a run is recorded as running (it is waiting on the slow fake API).
      const deadline = Date.now() + 60_000;
      let running = null;
      while (Date.now() < deadline && !running) {
        running = await db.prisma.jobRun.findFirst({ where: { sourceId, status: "running" } });
        if (!running) await new Promise((r) => setTimeout(r, 25));
      }
      expect(running, "the child never started a run").not.toBeNull();
      child.kill("SIGKILL");
      await exited;
      expect(running).toMatchObject({ host: os.hostname(), pid: child.pid });
      expect((await db.prisma.jobRun.findUniqueOrThrow({ where: { id: running!.id } })).status).toBe("running");

      // Any CLI command starting up closes it.
      const next = await runCli("jobs/src/cli/village.ts", ["list"], { databaseUrl: db.url });
      expect(next.code, next.stderr).toBe(0);
      const after = await db.prisma.jobRun.findUniqueOrThrow({ where: { id: running!.id } });
      expect(after).toMatchObject({ status: "abandoned", error: ABANDONED_RUN_ERROR });
      expect(after.finishedAt).not.toBeNull();
      expect(await db.prisma.jobRun.count({ where: { sourceId, status: "running" } })).toBe(0);
      // The Admin page's list of failed runs shows it.
      expect((await findFailedRuns(db, new Date(0), 50)).map((r) => [r.id, r.status])).toContainEqual([running!.id, "abandoned"]);
    } finally {
      await fake.close();
    }
  });

  it("an import killed with SIGKILL is marked abandoned at the next CLI start", async () => {
    const { db } = temp;
    const villageId = await createVillage(db);
    const code = (await db.prisma.village.findUniqueOrThrow({ where: { id: villageId } })).code;
    // Big enough to still be importing when it is killed (NLP runs on every row).
    const file = path.join(temp.dir, "besar.csv");
    const lines = ["id,text,published_at"];
    for (let i = 0; i < 40_000; i++) lines.push(`k${i},jalan rusak di rt ${i % 17} mohon diperbaiki pak kades nomor ${i},2026-11-${String(1 + (i % 28)).padStart(2, "0")}T08:00:00+07:00`);
    fs.writeFileSync(file, lines.join("\n"));
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "jobs/src/cli/ingest.ts"), "import", file, "--village", code], {
      cwd: ROOT, stdio: "ignore", env: { ...process.env, DATABASE_URL: db.url },
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (c, sig) => resolve(sig ? -1 : c)));
    let running = null;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && !running) {
      running = await db.prisma.jobRun.findFirst({ where: { villageId, kind: "import", status: "running" } });
      if (!running) await new Promise((r) => setTimeout(r, 25));
    }
    expect(running, "the import never started").not.toBeNull();
    child.kill("SIGKILL");
    expect(await exited).toBe(-1);
    expect((await db.prisma.jobRun.findUniqueOrThrow({ where: { id: running!.id } })).status).toBe("running");
    const next = await runCli("jobs/src/cli/source.ts", ["list", "--village", code], { databaseUrl: db.url });
    expect(next.code, next.stderr).toBe(0);
    expect(await db.prisma.jobRun.findUniqueOrThrow({ where: { id: running!.id } })).toMatchObject({ status: "abandoned", error: ABANDONED_RUN_ERROR });
  });

  it("only runs whose process is gone: live ones here, elsewhere or on this machine stay running", async () => {
    const { db } = temp;
    const now = new Date();
    const ago = (min: number) => new Date(now.getTime() - min * 60_000);
    const host = os.hostname();
    const make = (data: { host: string | null; pid: number | null; heartbeatAt: Date | null; startedAt?: Date }) =>
      db.prisma.jobRun.create({ data: { kind: "import", status: "running", startedAt: data.startedAt ?? ago(1), host: data.host, pid: data.pid, heartbeatAt: data.heartbeatAt } }).then((r) => r.id);
    const ours = await startJobRun(db, { kind: "ingest" });
    const aliveHere = await make({ host, pid: process.ppid, heartbeatAt: ago(1) });
    const otherMachineFresh = await make({ host: "worker-2.internal", pid: 4242, heartbeatAt: ago(1) });
    const otherMachineSilent = await make({ host: "worker-2.internal", pid: 4242, heartbeatAt: ago(10) });
    const legacy = await make({ host: null, pid: null, heartbeatAt: null, startedAt: ago(60) });
    const legacyRecent = await make({ host: null, pid: null, heartbeatAt: null, startedAt: ago(1) });
    const deadHere = await make({ host, pid: await deadPid(), heartbeatAt: now });
    const samePidEarlierProcess = await make({ host, pid: process.pid, heartbeatAt: now });
    const finished = await db.prisma.jobRun.create({ data: { kind: "import", status: "ok", host, pid: await deadPid(), finishedAt: now } });

    const marked = await markAbandonedRuns(db);
    expect(marked.sort((a, b) => a - b)).toEqual([otherMachineSilent, legacy, deadHere, samePidEarlierProcess].sort((a, b) => a - b));
    const status = async (id: number) => (await db.prisma.jobRun.findUniqueOrThrow({ where: { id } })).status;
    for (const id of [ours, aliveHere, otherMachineFresh, legacyRecent]) expect(await status(id), String(id)).toBe("running");
    expect(await status(finished.id)).toBe("ok");
    // A second start finds nothing more to do.
    expect(await markAbandonedRuns(db)).toEqual([]);
    await finishJobRun(db, ours, { status: "ok", read: 0, new: 0, updated: 0, rejected: 0 });
    expect(await status(ours)).toBe("ok");
    await db.prisma.jobRun.updateMany({ where: { status: "running" }, data: { status: "failed" } });
  });

  it("a run records its machine, process and heartbeat", async () => {
    const { db } = temp;
    const id = await startJobRun(db, { kind: "retag" });
    const row = await db.prisma.jobRun.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ host: os.hostname(), pid: process.pid, status: "running" });
    expect(row.heartbeatAt).not.toBeNull();
    await finishJobRun(db, id, { status: "ok", read: 1, new: 1, updated: 0, rejected: 0 });
  });
});
