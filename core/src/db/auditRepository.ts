// The audit log: append-only; read newest first with an id cursor.
import type { Database } from "./client";

/** Appends one audit entry. */
export function insertAudit(
  db: Database,
  row: { userId: number | null; username: string | null; action: string; villageId: number | null; target: string | null; details: string | null; createdAt: Date },
) {
  return db.prisma.auditLog.create({ data: row });
}

/** A page of entries, newest first, older than `beforeId` when given. */
export function findAudits(db: Database, opts: { beforeId?: number; limit: number; villageId?: number; action?: string }) {
  return db.prisma.auditLog.findMany({
    where: {
      ...(opts.beforeId ? { id: { lt: opts.beforeId } } : {}),
      ...(opts.villageId ? { villageId: opts.villageId } : {}),
      ...(opts.action ? { action: opts.action } : {}),
    },
    orderBy: { id: "desc" },
    take: opts.limit,
  });
}
