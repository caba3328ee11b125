// Sessions: the table holds sha256(token), never the token itself.
import type { Database } from "./client";

/** Stores a new session row. */
export function createSessionRow(db: Database, row: { id: string; userId: number; expiresAt: Date; now: Date; userAgent: string | null }) {
  return db.prisma.session.create({
    data: { id: row.id, userId: row.userId, expiresAt: row.expiresAt, createdAt: row.now, lastSeenAt: row.now, userAgent: row.userAgent },
  });
}

/** A session with its user and the user's village ids, or null. */
export function findSessionWithUser(db: Database, id: string) {
  return db.prisma.session.findUnique({
    where: { id },
    include: { user: { include: { villages: { select: { villageId: true } } } } },
  });
}

/** Extends a session (sliding expiry). */
export function touchSession(db: Database, id: string, lastSeenAt: Date, expiresAt: Date) {
  return db.prisma.session.updateMany({ where: { id }, data: { lastSeenAt, expiresAt } });
}

/** Deletes one session; missing is fine (logout twice). */
export function deleteSession(db: Database, id: string) {
  return db.prisma.session.deleteMany({ where: { id } });
}

/** Deletes every session of a user (password reset, disable). */
export function deleteUserSessions(db: Database, userId: number) {
  return db.prisma.session.deleteMany({ where: { userId } });
}

/** Deletes sessions that expired before `now`. */
export function deleteExpiredSessions(db: Database, now: Date) {
  return db.prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
}
