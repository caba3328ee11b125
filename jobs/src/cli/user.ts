// `npm run user -- <command>`: manage accounts from the terminal (the server's first admin, or
// recovery when no admin can log in any more).
//   create --username <u> --password <p> --role <admin|pimpinan|perangkat|viewer> --village <code>[,<code>…] [--name <display name>]
//   list [--json]
//   passwd --username <u> --password <p>     (also ends the user's sessions)
//   disable --username <u> | enable --username <u>
// Bad input prints a message naming the option and exits with status 2.
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { PasswordSchema, UsernameSchema, hashPassword } from "@suara-desa/core/auth/password";
import { ROLES } from "@suara-desa/shared/auth";
import type { Database } from "@suara-desa/core/db/client";
import { deleteUserSessions } from "@suara-desa/core/db/sessionRepository";
import { findUserByUsername, findUsers, updateUserRow } from "@suara-desa/core/db/userRepository";
import { HttpError } from "@suara-desa/core/errors";
import { recordAudit } from "@suara-desa/core/services/auditService";
import { createUser, presentUser } from "@suara-desa/core/services/authService";
import { assertKeepsActiveAdmin } from "@suara-desa/core/services/userService";
import { type CliIo, parseArgs, runDatabaseCommand, runMain, UsageError, usageExitCode } from "./progress";

const VillageCodes = z
  .string()
  .transform((s) => s.split(",").map((c) => c.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "must be Kemendagri codes like 32.15.04.2006, comma-separated")));

export const UserCreateArgsSchema = z.object({
  username: UsernameSchema,
  password: PasswordSchema,
  role: z.enum(ROLES, `must be one of ${ROLES.join(", ")}`),
  village: VillageCodes.optional(),
  name: z.string().trim().max(80).optional(),
});
export const UserPasswdArgsSchema = z.object({ username: z.string().trim().toLowerCase().min(1, "required"), password: PasswordSchema });
export const UserNameArgsSchema = z.object({ username: z.string().trim().toLowerCase().min(1, "required") });


const USAGE = `usage: npm run user -- <command>
  create --username <u> --password <p> --role <${ROLES.join("|")}> --village <code>[,<code>…] [--name <display name>]
  list [--json]
  passwd --username <u> --password <p>
  disable --username <u>
  enable --username <u>`;


function parse<T>(schema: z.ZodType<T>, flags: Record<string, string | true>): T {
  // A flag given without a value (`--password` at the end) arrives as `true`: report it as missing.
  const values = Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, v === true ? undefined : v]));
  const r = schema.safeParse(values);
  if (!r.success) {
    throw new UsageError(r.error.issues.map((i) => `--${String(i.path[0] ?? "(input)")}: ${i.path.length && values[String(i.path[0])] === undefined ? "required" : i.message}`).join("; "));
  }
  return r.data;
}

/** Runs one command against `db`; returns the exit status (0 ok, 1 failure, 2 bad input). */
export async function runUserCommand(db: Database, argv: string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json"]);
  const [command] = positional;
  try {
    switch (command) {
      case "create": {
        const a = parse(UserCreateArgsSchema, flags);
        if (a.role !== "admin" && !a.village?.length) throw new UsageError("--village: required for role " + a.role);
        const user = await createUser(db, { username: a.username, password: a.password, role: a.role, displayName: a.name, villageCodes: a.village });
        await recordAudit(db, null, { action: "user.change", target: `user:${user.username}`, details: { op: "create", via: "cli", role: user.role } });
        io.out(`user: created ${user.username} (${user.role}) in ${user.villages.length ? user.villages.map((v) => `${v.name} ${v.code}`).join(", ") : "every village (admin)"}`);
        return 0;
      }
      case "list": {
        const users = (await findUsers(db)).map(presentUser);
        if (flags.json) io.out(JSON.stringify(users));
        else {
          for (const u of users) {
            io.out(`${u.username.padEnd(20)} ${u.role.padEnd(10)} ${u.disabled ? "nonaktif" : "aktif   "} ${u.villages.map((v) => v.code).join(",") || "-"}`);
          }
          io.out(`user: ${users.length} account(s)`);
        }
        return 0;
      }
      case "passwd": {
        const a = parse(UserPasswdArgsSchema, flags);
        const user = await findUserByUsername(db, a.username);
        if (!user) throw new UsageError(`--username: no user "${a.username}"`);
        await updateUserRow(db, user.id, { passwordHash: await hashPassword(a.password) });
        const ended = await deleteUserSessions(db, user.id);
        await recordAudit(db, null, { action: "user.change", target: `user:${user.username}`, details: { op: "password", via: "cli" } });
        io.out(`user: password of ${user.username} changed, ${ended.count} session(s) ended`);
        return 0;
      }
      case "disable":
      case "enable": {
        const a = parse(UserNameArgsSchema, flags);
        const user = await findUserByUsername(db, a.username);
        if (!user) throw new UsageError(`--username: no user "${a.username}"`);
        if (command === "disable") {
          // The API's rule: the deployment keeps one enabled admin, or nobody could manage accounts.
          await assertKeepsActiveAdmin(db, user, { disabled: true }).catch((e: unknown) => {
            throw e instanceof HttpError
              ? new UsageError(`--username: ${user.username} is the last active admin and cannot be disabled; create or enable another admin first`)
              : e;
          });
        }
        await updateUserRow(db, user.id, { disabled: command === "disable" });
        const ended = command === "disable" ? (await deleteUserSessions(db, user.id)).count : 0;
        await recordAudit(db, null, { action: "user.change", target: `user:${user.username}`, details: { op: command, via: "cli" } });
        io.out(`user: ${user.username} ${command}d${command === "disable" ? `, ${ended} session(s) ended` : ""}`);
        return 0;
      }
      default:
        io.err(command ? `error: unknown command "${command}"\n${USAGE}` : USAGE);
        return 2;
    }
  } catch (e) {
    // Unknown code, duplicate name (4xx from the services) and usage errors are bad input: exit 2.
    return usageExitCode(e, io);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runMain(() => runDatabaseCommand(runUserCommand));
}
