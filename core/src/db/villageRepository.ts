// Villages.
import type { Database } from "./client";
import type { Prisma } from "./generated/client";

/** All villages, by name (or in id order, for batch commands). */
export function findVillages(db: Database, order: "name" | "id" = "name") {
  return db.prisma.village.findMany({ orderBy: order === "name" ? { name: "asc" } : { id: "asc" } });
}

/** One village or null. */
export function getVillage(db: Database, id: number) {
  return db.prisma.village.findUnique({ where: { id } });
}

/** A village by its Kemendagri code (the public page's address, the CLI's --village), or null. */
export function findVillageByCode(db: Database, code: string) {
  return db.prisma.village.findUnique({ where: { code } });
}

/** Ids and codes of the villages with these Kemendagri codes (missing codes are simply absent). */
export function findVillagesByCodes(db: Database, codes: string[]) {
  return db.prisma.village.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
}

/** Ids of the villages with these ids. */
export function findVillagesByIds(db: Database, ids: number[]) {
  return db.prisma.village.findMany({ where: { id: { in: ids } }, select: { id: true } });
}

/** Ids of every village, in id order. */
export function findAllVillageIds(db: Database) {
  return db.prisma.village.findMany({ select: { id: true }, orderBy: { id: "asc" } });
}

/** Does a village with this id exist? */
export async function villageExists(db: Database, id: number): Promise<boolean> {
  return (await db.prisma.village.count({ where: { id } })) > 0;
}

/** Number of villages served. */
export function countVillages(db: Database): Promise<number> {
  return db.prisma.village.count();
}

/** Inserts a village. */
export function createVillage(db: Database, data: Prisma.VillageCreateInput) {
  return db.prisma.village.create({ data });
}

/** The village with this code, created from `data` when missing (an existing one is left as it is). */
export function ensureVillage(db: Database, data: Prisma.VillageCreateInput) {
  return db.prisma.village.upsert({ where: { code: data.code }, create: data, update: {} });
}

/** Villages with a retention period (months), for the nightly purge. */
export async function findVillagesWithRetention(db: Database): Promise<Array<{ id: number; retentionMonths: number; timeZone: string }>> {
  const rows = await db.prisma.village.findMany({ where: { retentionMonths: { not: null } }, select: { id: true, retentionMonths: true, timeZone: true } });
  return rows.map((r) => ({ id: r.id, retentionMonths: r.retentionMonths!, timeZone: r.timeZone }));
}

/** Sets a village's retention (months; null keeps raw comments forever). */
export async function setVillageRetention(db: Database, id: number, retentionMonths: number | null): Promise<void> {
  await db.prisma.village.update({ where: { id }, data: { retentionMonths } });
}

/** Turns a village's public page on or off. */
export async function setVillagePublicPage(db: Database, id: number, enabled: boolean): Promise<void> {
  await db.prisma.village.update({ where: { id }, data: { publicPage: enabled } });
}
