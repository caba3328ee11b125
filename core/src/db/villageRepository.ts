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
