// Accounts and their village memberships.
import type { Database } from "./client";

const withVillages = { villages: { select: { villageId: true, village: { select: { id: true, code: true, name: true } } } } } as const;

/** One user by username (with villages), or null. */
export function findUserByUsername(db: Database, username: string) {
  return db.prisma.user.findUnique({ where: { username }, include: withVillages });
}

/** One user by id (with villages), or null. */
export function getUser(db: Database, id: number) {
  return db.prisma.user.findUnique({ where: { id }, include: withVillages });
}

/** Every user (with villages), by username. */
export function findUsers(db: Database) {
  return db.prisma.user.findMany({ orderBy: { username: "asc" }, include: withVillages });
}

/** How many accounts exist. */
export function countUsers(db: Database) {
  return db.prisma.user.count();
}

/** How many enabled admins exist. */
export function countActiveAdmins(db: Database) {
  return db.prisma.user.count({ where: { role: "admin", disabled: false } });
}

/** Creates a user and its memberships. */
export function insertUser(
  db: Database,
  data: { username: string; displayName: string; passwordHash: string; role: string; villageIds: number[] },
) {
  return db.prisma.user.create({
    data: {
      username: data.username,
      displayName: data.displayName,
      passwordHash: data.passwordHash,
      role: data.role,
      villages: { create: data.villageIds.map((villageId) => ({ villageId })) },
    },
    include: withVillages,
  });
}

/** Updates account fields; `villageIds` (when given) replaces the memberships. */
export async function updateUserRow(
  db: Database,
  id: number,
  data: { displayName?: string; role?: string; disabled?: boolean; passwordHash?: string; mustChangePassword?: boolean; villageIds?: number[] },
) {
  const { villageIds, ...fields } = data;
  return db.prisma.user.update({
    where: { id },
    data: {
      ...fields,
      ...(villageIds ? { villages: { deleteMany: {}, create: villageIds.map((villageId) => ({ villageId })) } } : {}),
    },
    include: withVillages,
  });
}

/** Deletes a user (setup race rollback). */
export function deleteUserRow(db: Database, id: number) {
  return db.prisma.user.delete({ where: { id } });
}
