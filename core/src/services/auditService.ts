// The audit log: who exported, changed a label, viewed raw personal data, changed a source, a user
// or a privacy setting. Other services call recordAudit() after the action succeeded.
import type { AuditEntryDTO } from "@suara-desa/shared/contracts";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { findAudits, insertAudit } from "../db/auditRepository";
import { auditDetailsColumn } from "../db/jsonColumns";
import { badRequest } from "../errors";
import { assertCanReadAudit } from "../policies/access";

export const AUDIT_ACTIONS = [
  "export",
  "label.change",
  "pii.view",
  "source.change",
  "user.change",
  "privacy.delete",
  "settings.change",
  "village.add",
  "case.change",
  "case.serviceLevel",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
  action: AuditAction;
  villageId?: number | null;
  /** What was acted on, e.g. "comment:123", "source:4", "user:budi". */
  target?: string | null;
  /** Small JSON-serialisable context (never raw personal data). */
  details?: Record<string, unknown> | null;
}

export type { AuditEntryDTO };

/**
 * The command line (`npm run source`, `npm run village`): whoever has a shell on the server can
 * read the database anyway, so it acts with admin rights, but it is no account. Its entries carry
 * no userId (there is no User row to point at) and the username "cli", shown as "baris perintah".
 */
export const CLI_ACTOR: Readonly<AuthContext> = Object.freeze({ userId: 0, username: "cli", role: "admin", villageIds: [], system: "cli" });

/** Who an audit entry names: a user, the command line, or the system (scheduled jobs). */
export function auditActor(row: { userId: number | null; username: string | null; details: string | null }): AuditEntryDTO["actor"] {
  if (row.userId !== null) return "user";
  // A deleted user also leaves userId null with its username: only the CLI marks its details.
  if (row.username === CLI_ACTOR.username && auditDetailsColumn.parse(row.details)?.via === "cli") return "cli";
  return row.username === null ? "system" : "user";
}

/** Appends an audit entry for `auth` (null: the system, e.g. the retention job). */
export async function recordAudit(db: Database, auth: AuthContext | null | undefined, input: AuditInput, now = new Date()): Promise<void> {
  const system = auth?.system;
  const details = system ? { ...input.details, via: system } : input.details;
  await insertAudit(db, {
    userId: system ? null : (auth?.userId ?? null),
    username: auth?.username ?? null,
    action: input.action,
    villageId: input.villageId ?? null,
    target: input.target ?? null,
    details: details ? auditDetailsColumn.serialise(details) : null,
    createdAt: now,
  });
}

/** A page of the audit log, newest first (admins only). `cursor` is the last id of the previous page. */
export async function listAudit(
  db: Database,
  auth: AuthContext | undefined,
  q: { cursor?: string; limit: number; villageId?: number; action?: string },
): Promise<{ data: AuditEntryDTO[]; nextCursor: string | null }> {
  assertCanReadAudit(auth);
  let beforeId: number | undefined;
  if (q.cursor !== undefined) {
    if (!/^\d{1,12}$/.test(q.cursor)) throw badRequest("cursor: must be a cursor from a previous page");
    beforeId = Number(q.cursor);
  }
  const rows = await findAudits(db, { beforeId, limit: q.limit + 1, villageId: q.villageId, action: q.action });
  const page = rows.slice(0, q.limit);
  return {
    data: page.map((r) => ({
      id: r.id, at: r.createdAt.toISOString(), userId: r.userId, username: r.username, actor: auditActor(r), action: r.action,
      villageId: r.villageId, target: r.target, details: auditDetailsColumn.parse(r.details),
    })),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1].id) : null,
  };
}
