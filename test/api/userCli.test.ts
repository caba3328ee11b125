// `npm run user` as a subprocess, as an operator runs it: disabling the last active admin is refused
// (the API's rule), with exit status 2 and a message naming the option; with a second admin it works.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase, type TempDatabase } from "../helpers/tempDb";

const ROOT = path.resolve(__dirname, "../..");
let t: TempDatabase;

function user(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "jobs/src/cli/user.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: t.db.url, SCHEDULER: "off" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

beforeAll(async () => {
  t = await createTempDatabase();
});
afterAll(() => t.cleanup());

describe("npm run user -- disable", () => {
  it("refuses to disable the last active admin and leaves it enabled", async () => {
    expect(user("create", "--username", "kades", "--password", "sandi-kades-1", "--role", "admin").status).toBe(0);
    const r = user("disable", "--username", "kades");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("error: --username: kades is the last active admin and cannot be disabled");
    expect(r.stdout).toBe("");
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { username: "kades" } })).disabled).toBe(false);
  });

  it("disables an admin while another one stays active", async () => {
    expect(user("create", "--username", "sekdes", "--password", "sandi-sekdes-1", "--role", "admin").status).toBe(0);
    const r = user("disable", "--username", "kades");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("user: kades disabled, 0 session(s) ended");
    // Now sekdes is the last one.
    expect(user("disable", "--username", "sekdes").status).toBe(2);
  });
});
