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

/**
 * What audit targets point at, for people to read: sources, comments (text and stored personal
 * data spans), users, topics, cases (their representative comment) and villages. Ids of rows
 * deleted since are simply missing.
 */
export async function findAuditTargets(
  db: Database,
  ids: { sources: number[]; comments: number[]; usernames: string[]; topics: Array<{ villageId: number; key: string }>; cases: number[]; villages: string[] },
) {
  const [sources, comments, users, topics, cases, villages] = await Promise.all([
    ids.sources.length ? db.prisma.source.findMany({ where: { id: { in: ids.sources } }, select: { id: true, platform: true, name: true, handle: true, accountId: true } }) : [],
    ids.comments.length ? db.prisma.comment.findMany({ where: { id: { in: ids.comments } }, select: { id: true, text: true, piiSpans: true } }) : [],
    ids.usernames.length ? db.prisma.user.findMany({ where: { username: { in: ids.usernames } }, select: { username: true, displayName: true } }) : [],
    ids.topics.length
      ? db.prisma.topic.findMany({ where: { key: { in: ids.topics.map((t) => t.key) }, OR: [{ villageId: null }, { villageId: { in: ids.topics.map((t) => t.villageId) } }] }, select: { key: true, villageId: true, nameId: true } })
      : [],
    ids.cases.length ? db.prisma.followUpCase.findMany({ where: { id: { in: ids.cases } }, select: { id: true, representativeId: true } }) : [],
    ids.villages.length
      ? db.prisma.village.findMany({ where: { OR: [{ code: { in: ids.villages } }, { id: { in: ids.villages.filter((v) => /^\d+$/.test(v)).map(Number) } }] }, select: { id: true, code: true, name: true } })
      : [],
  ]);
  const caseComments = cases.length
    ? await db.prisma.comment.findMany({ where: { id: { in: cases.map((c) => c.representativeId) } }, select: { id: true, text: true, piiSpans: true } })
    : [];
  return { sources, comments, users, topics, cases, caseComments, villages };
}
