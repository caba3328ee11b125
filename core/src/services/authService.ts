// Logging in and out, the first-run setup and account creation. Never sees req/res: the route
// turns the returned token into a cookie.
import type { UserDTO } from "@suara-desa/shared/contracts";
import { randomInt } from "node:crypto";
import { hashPassword, verifyDummyPassword, verifyPassword } from "../auth/password";
import { accountThrottleWait, clearAccountFailures, recordAccountFailure, tooManyFailures } from "../auth/rateLimit";
import { closeSession, openSession } from "../auth/session";
import { ROLES, type AuthContext, type Role } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { deleteExpiredSessions } from "../db/sessionRepository";
import {
  countUsers, deleteUserRow, findUserByUsername, getUser, insertUser, updateUserRow,
} from "../db/userRepository";
import { findAllVillageIds, findVillagesByCodes, findVillagesByIds } from "../db/villageRepository";
import { badRequest, conflict, HttpError, unauthorized } from "../errors";
import { recordAudit } from "./auditService";

export type { UserDTO };

type UserRow = NonNullable<Awaited<ReturnType<typeof getUser>>>;

/** Row -> DTO (never the hash). */
export function presentUser(u: UserRow): UserDTO {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    villages: u.villages.map((v) => v.village).sort((a, b) => a.id - b.id),
  };
}

export interface LoginResult { user: UserDTO; token: string; expiresAt: Date }

const BAD_CREDENTIALS = "Nama pengguna atau kata sandi salah";

/**
 * Checks a username and password and opens a NEW session. The session of `previousToken` (the
 * cookie the browser came with) is destroyed first, so a planted session id is never upgraded
 * (session fixation). Failures are throttled per username and client address (auth/rateLimit.ts):
 * an unknown username is answered exactly like an existing one — same status, same message, one
 * bcrypt comparison either way — so neither the answer nor its timing says which names exist.
 */
export async function login(
  db: Database,
  input: { username: string; password: string; clientIp?: string | null; userAgent?: string | null; previousToken?: string | null },
  now = new Date(),
): Promise<LoginResult> {
  await closeSession(db, input.previousToken ?? null);
  const ip = input.clientIp ?? "unknown";
  const username = normalizeUsername(input.username);
  // While throttled even the right password is refused, before any lookup: the same for all names.
  const wait = await accountThrottleWait(db, ip, username, now);
  if (wait > 0) throw tooManyFailures(Math.ceil(wait / 1000));
  const user = await findUserByUsername(db, username);
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : await verifyDummyPassword(input.password);
  if (!user || !ok) {
    const blocked = await recordAccountFailure(db, ip, username, now);
    if (blocked > 0) throw tooManyFailures(Math.ceil(blocked / 1000));
    throw unauthorized(BAD_CREDENTIALS);
  }
  // Only now, with the right password, may we say the account exists but is disabled.
  if (user.disabled) throw new HttpError(403, "disabled", "Akun ini dinonaktifkan. Hubungi admin.");
  await clearAccountFailures(db, ip, username);
  // Logins are rare; a good moment to sweep expired sessions.
  await deleteExpiredSessions(db, now);
  const session = await openSession(db, user.id, { now, userAgent: input.userAgent });
  return { user: presentUser(user), ...session };
}

/** Ends the session of a token. */
export async function logout(db: Database, token: string | null): Promise<void> {
  await closeSession(db, token);
}

/** The logged-in user. */
export async function me(db: Database, auth: AuthContext | undefined): Promise<UserDTO> {
  if (!auth) throw unauthorized();
  const user = await getUser(db, auth.userId);
  if (!user || user.disabled) throw unauthorized();
  return presentUser(user);
}

/**
 * The logged-in user replaces their own password (after an admin's reset the temporary one must
 * go). The current password is asked again so a borrowed session cannot take the account.
 */
export async function changeOwnPassword(db: Database, auth: AuthContext | undefined, input: { currentPassword: string; password: string }): Promise<UserDTO> {
  if (!auth) throw unauthorized();
  const user = await getUser(db, auth.userId);
  if (!user || user.disabled) throw unauthorized();
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw badRequest("currentPassword: kata sandi sekarang salah");
  if (input.currentPassword === input.password) throw badRequest("password: harus berbeda dari kata sandi sekarang");
  const row = await updateUserRow(db, user.id, { passwordHash: await hashPassword(input.password), mustChangePassword: false });
  await recordAudit(db, auth, { action: "user.change", target: `user:${user.username}`, details: { op: "ownPassword" } });
  return presentUser(row);
}

/** True when no account exists yet (the first-run setup page is shown). */
export async function setupNeeded(db: Database): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

export interface NewUserInput {
  username: string;
  password: string;
  displayName?: string;
  role: Role;
  /** Village ids, or Kemendagri codes (the CLI): exactly one of the two. */
  villageIds?: number[];
  villageCodes?: string[];
}

/** Normalises a username the same way everywhere: trimmed, lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Creates an account (no policy check: callers are the CLI, setup, or userService after its check). */
export async function createUser(db: Database, input: NewUserInput): Promise<UserDTO> {
  if (!ROLES.includes(input.role)) throw badRequest(`role: must be one of ${ROLES.join(", ")}`);
  const username = normalizeUsername(input.username);
  let villageIds: number[] = [];
  if (input.villageCodes?.length) {
    const found = await findVillagesByCodes(db, input.villageCodes);
    const missing = input.villageCodes.filter((c) => !found.some((f) => f.code === c));
    if (missing.length) throw badRequest(`village: no village with code ${missing.join(", ")} (add it from the registry first)`);
    villageIds = found.map((f) => f.id);
  } else if (input.villageIds?.length) {
    const found = await findVillagesByIds(db, input.villageIds);
    const missing = input.villageIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw badRequest(`villageIds: no village with id ${missing.join(", ")}`);
    villageIds = [...new Set(input.villageIds)];
  }
  // Admins reach every village anyway; everyone else must belong to at least one.
  if (input.role !== "admin" && villageIds.length === 0) throw badRequest("village: a non-admin user needs at least one village");
  if (await findUserByUsername(db, username)) throw conflict(`Nama pengguna "${username}" sudah dipakai`);
  const row = await insertUser(db, {
    username,
    displayName: input.displayName?.trim() || username,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    villageIds,
  });
  return presentUser(row);
}

/**
 * First-run setup: creates the first admin and logs them in. Refused (409) once any account
 * exists, so the open setup endpoint cannot be used to add an admin later.
 */
export async function setup(
  db: Database,
  input: { username: string; password: string; displayName: string; userAgent?: string | null },
  now = new Date(),
): Promise<LoginResult> {
  if (!(await setupNeeded(db))) throw conflict("Penyiapan awal sudah dilakukan; silakan masuk");
  const user = await createUser(db, { username: input.username, password: input.password, displayName: input.displayName, role: "admin" });
  // Two simultaneous setups: the unique username stops identical ones; for different names, the
  // later one notices another account and steps back.
  if ((await countUsers(db)) > 1) {
    await deleteUserRow(db, user.id);
    throw conflict("Penyiapan awal sudah dilakukan; silakan masuk");
  }
  const session = await openSession(db, user.id, { now, userAgent: input.userAgent });
  return { user, ...session };
}

const PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random password without look-alike characters (printed in a terminal, typed by hand). */
export function randomPassword(length = 12): string {
  let s = "";
  for (let i = 0; i < length; i++) s += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return s;
}

/**
 * On an empty user table, creates the demo admin `demo` in every village, with `password` (from
 * DEMO_PASSWORD) or a random 12-character one, returned so the boot can print it.
 */
export async function ensureDemoAccount(db: Database, opts: { password?: string } = {}): Promise<{ created: boolean; password: string | null }> {
  if (!(await setupNeeded(db))) return { created: false, password: null };
  const password = opts.password || randomPassword(12);
  const villageIds = (await findAllVillageIds(db)).map((v) => v.id);
  await createUser(db, { username: "demo", password, displayName: "Akun Demo", role: "admin", villageIds });
  return { created: true, password };
}
