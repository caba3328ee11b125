// Logins in progress ("Hubungkan akun"): OAuthSession rows, found by the hash of their state and
// deleted when used, so a state works once.
import type { Database } from "./client";
import type { OAuthSession } from "./generated/client";

export type OAuthSessionRow = OAuthSession;
export type OAuthSessionKind = "x" | "meta" | "meta_pages";

export interface OAuthSessionInput {
  stateHash: string;
  kind: OAuthSessionKind;
  userId: number;
  villageId: number;
  sourceId: number | null;
  redirectUri: string;
  secretEnc: string;
  expiresAt: Date;
}

/** Stores a login in progress; expired rows are removed on the way (they are useless). */
export async function createOAuthSession(db: Database, input: OAuthSessionInput, now: Date): Promise<void> {
  await db.prisma.oAuthSession.deleteMany({ where: { expiresAt: { lte: now } } });
  await db.prisma.oAuthSession.create({ data: input });
}

/**
 * Takes (reads and deletes) the row of this state hash and kind when it has not expired. Of two
 * requests with the same state only the one whose delete succeeds gets the row.
 */
export async function takeOAuthSession(db: Database, stateHash: string, kind: OAuthSessionKind, now: Date): Promise<OAuthSessionRow | null> {
  const row = await db.prisma.oAuthSession.findUnique({ where: { stateHash } });
  if (!row || row.kind !== kind) return null;
  const taken = await db.prisma.oAuthSession.deleteMany({ where: { id: row.id } });
  if (taken.count === 0 || row.expiresAt.getTime() <= now.getTime()) return null;
  return row;
}

/** Reads the row of this state hash and kind without using it up (the page picker lists it). */
export async function findOAuthSession(db: Database, stateHash: string, kind: OAuthSessionKind, now: Date): Promise<OAuthSessionRow | null> {
  const row = await db.prisma.oAuthSession.findUnique({ where: { stateHash } });
  return row && row.kind === kind && row.expiresAt.getTime() > now.getTime() ? row : null;
}
