// Account administration (admins only): list, create, change role/name/villages, disable, reset
// password. Every change is audited as "user.change".
import { hashPassword } from "../auth/password";
import type { AuthContext, Role } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { deleteUserSessions } from "../db/sessionRepository";
import { countActiveAdmins, findUsers, getUser, updateUserRow } from "../db/userRepository";
import { findVillagesByIds } from "../db/villageRepository";
import { badRequest, conflict, notFound } from "../errors";
import { assertCanManageUsers } from "../policies/access";
import { recordAudit } from "./auditService";
import { createUser, presentUser, type NewUserInput, type UserDTO } from "./authService";

/** Every account. */
export async function listUsers(db: Database, auth: AuthContext | undefined): Promise<UserDTO[]> {
  assertCanManageUsers(auth);
  return (await findUsers(db)).map(presentUser);
}

/** Creates an account. */
export async function createUserAsAdmin(db: Database, auth: AuthContext | undefined, input: NewUserInput): Promise<UserDTO> {
  assertCanManageUsers(auth);
  const user = await createUser(db, input);
  await recordAudit(db, auth, { action: "user.change", target: `user:${user.username}`, details: { op: "create", role: user.role, villageIds: user.villages.map((v) => v.id) } });
  return user;
}

export interface UserUpdate {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
  villageIds?: number[];
}

export const LAST_ADMIN_MESSAGE = "Minimal harus ada satu admin aktif";

/**
 * 409 when the change would leave no enabled admin (demoting or disabling the last one): nobody
 * could manage accounts again. One rule for the API and `npm run user`.
 */
export async function assertKeepsActiveAdmin(
  db: Database,
  user: { role: string; disabled: boolean },
  patch: { role?: string; disabled?: boolean },
): Promise<void> {
  const losesAdmin = user.role === "admin" && !user.disabled && ((patch.role !== undefined && patch.role !== "admin") || patch.disabled === true);
  if (losesAdmin && (await countActiveAdmins(db)) <= 1) throw conflict(LAST_ADMIN_MESSAGE);
}

/** Changes role, name, villages or the disabled flag; disabling ends the user's sessions. */
export async function updateUser(db: Database, auth: AuthContext | undefined, userId: number, patch: UserUpdate): Promise<UserDTO> {
  assertCanManageUsers(auth);
  const user = await getUser(db, userId);
  if (!user) throw notFound("Pengguna");
  await assertKeepsActiveAdmin(db, user, patch);
  if (patch.villageIds) {
    const ids = [...new Set(patch.villageIds)];
    const found = await findVillagesByIds(db, ids);
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw badRequest(`villageIds: no village with id ${missing.join(", ")}`);
    patch = { ...patch, villageIds: ids };
  }
  const role = patch.role ?? user.role;
  const villages = patch.villageIds ?? user.villages.map((v) => v.villageId);
  if (role !== "admin" && villages.length === 0) throw badRequest("villageIds: a non-admin user needs at least one village");
  const row = await updateUserRow(db, userId, patch);
  if (patch.disabled) await deleteUserSessions(db, userId);
  await recordAudit(db, auth, { action: "user.change", target: `user:${user.username}`, details: { op: "update", ...patch } });
  return presentUser(row);
}

/**
 * Sets a temporary password (the user must replace it at the next login), clears the lockout and
 * ends every session of the user.
 */
export async function resetPassword(db: Database, auth: AuthContext | undefined, userId: number, password: string): Promise<UserDTO> {
  assertCanManageUsers(auth);
  const user = await getUser(db, userId);
  if (!user) throw notFound("Pengguna");
  const row = await updateUserRow(db, userId, { passwordHash: await hashPassword(password), mustChangePassword: true });
  await deleteUserSessions(db, userId);
  await recordAudit(db, auth, { action: "user.change", target: `user:${user.username}`, details: { op: "password" } });
  return presentUser(row);
}
