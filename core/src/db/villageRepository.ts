// Villages.
import type { Database } from "./client";

/** All villages, by name. */
export function findVillages(db: Database) {
  return db.prisma.village.findMany({ orderBy: { name: "asc" } });
}

/** One village or null. */
export function getVillage(db: Database, id: number) {
  return db.prisma.village.findUnique({ where: { id } });
}

/** A village by its Kemendagri code (the public page's address). */
export function findVillageByCodePublic(db: Database, code: string) {
  return db.prisma.village.findUnique({ where: { code } });
}

export async function setVillagePublicPage(db: Database, id: number, enabled: boolean): Promise<void> {
  await db.prisma.village.update({ where: { id }, data: { publicPage: enabled } });
}
