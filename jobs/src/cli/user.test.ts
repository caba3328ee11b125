import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@suara-desa/core/auth/password";
import { createVillage } from "../../../test/factories/village";
import { createTempDatabase } from "../../../test/helpers/tempDb";
import { runUserCommand } from "./user";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let code: string;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runUserCommand(env.db, argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  env = await createTempDatabase();
  code = (await createVillage(env.db)).code;
});
afterAll(() => env.cleanup());

describe("npm run user", () => {
  it("creates a user in a village by Kemendagri code", async () => {
    const r = await run("create", "--username", "Sekdes", "--password", "sandi-sekdes-1", "--role", "perangkat", "--village", code, "--name", "Bu Sekdes");
    expect(r).toMatchObject({ status: 0, err: "" });
    expect(r.out).toContain(`created sekdes (perangkat) in`);
    const u = await env.db.prisma.user.findUniqueOrThrow({ where: { username: "sekdes" }, include: { villages: { include: { village: true } } } });
    expect(u.villages.map((v) => v.village.code)).toEqual([code]);
    expect(u.displayName).toBe("Bu Sekdes");
    expect(await verifyPassword("sandi-sekdes-1", u.passwordHash)).toBe(true);
  });

  it("exits 2 with a message naming the option on bad input", async () => {
    const cases: Array<[string[], string]> = [
      [["create", "--username", "a1", "--password", "sandi-panjang", "--role", "viewer", "--village", code], "--username:"],
      [["create", "--username", "anto", "--password", "pendek", "--role", "viewer", "--village", code], "--password:"],
      [["create", "--username", "anto", "--password", "sandi-panjang", "--role", "lurah", "--village", code], "--role: must be one of admin, pimpinan, perangkat, viewer"],
      [["create", "--username", "anto", "--password", "sandi-panjang", "--role", "viewer"], "--village: required"],
      [["create", "--username", "anto", "--password", "sandi-panjang", "--role", "viewer", "--village", "3215"], "--village:"],
      [["create", "--username", "anto", "--password", "sandi-panjang", "--role", "viewer", "--village", "32.15.99.9999"], "no village with code 32.15.99.9999"],
      [["create", "--username", "anto", "--role", "viewer", "--village", code, "--password"], "--password: required"],
      [["create", "--username", "sekdes", "--password", "sandi-panjang", "--role", "viewer", "--village", code], "sudah dipakai"],
      [["passwd", "--username", "tidakada", "--password", "sandi-panjang"], '--username: no user "tidakada"'],
      [["hapus"], 'unknown command "hapus"'],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect(r.status, argv.join(" ")).toBe(2);
      expect(r.err, argv.join(" ")).toContain(message);
    }
    expect(await env.db.prisma.user.count({ where: { username: "anto" } })).toBe(0);
  });

  it("lists, changes passwords and disables", async () => {
    expect((await run("passwd", "--username", "sekdes", "--password", "sandi-baru-456")).status).toBe(0);
    const u = await env.db.prisma.user.findUniqueOrThrow({ where: { username: "sekdes" } });
    expect(await verifyPassword("sandi-baru-456", u.passwordHash)).toBe(true);

    expect((await run("disable", "--username", "sekdes")).status).toBe(0);
    const list = await run("list", "--json");
    expect(JSON.parse(list.out)).toEqual([expect.objectContaining({ username: "sekdes", role: "perangkat", disabled: true })]);
    expect((await run("list")).out).toContain("user: 1 account(s)");
  });
});
