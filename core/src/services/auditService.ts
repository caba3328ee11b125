// The audit log: who exported, changed a label, viewed raw personal data, changed a source, a user
// or a privacy setting. Other services call recordAudit() after the action succeeded.
import type { AuditEntryDTO } from "@suara-desa/shared/contracts";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { findAuditTargets, findAudits, insertAudit } from "../db/auditRepository";
import { auditDetailsColumn, piiSpansColumn } from "../db/jsonColumns";
import { sourceDisplayName } from "../db/sourceRepository";
import { redactPersonalData } from "../nlp/pii";
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
  "retag",
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

/** A comment as the audit log quotes it: personal data masked, at most 60 characters. */
function excerpt(c: { text: string; piiSpans: string | null }): string {
  const text = redactPersonalData(c.text, piiSpansColumn.parse(c.piiSpans)).text.replace(/\s+/g, " ").trim();
  return text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
}

/** What each entry's target is called for people ("Facebook · Pemdes", a comment's words, a topic's name). */
async function targetLabels(
  db: Database,
  rows: Array<{ id: number; target: string | null; villageId: number | null; username: string | null }>,
): Promise<{ labels: Map<number, string>; names: Map<string, string> }> {
  const parsed = rows.map((r) => {
    const m = /^([a-z]+):(.+)$/.exec(r.target ?? "");
    return { id: r.id, villageId: r.villageId, kind: m?.[1] ?? "", ref: m?.[2] ?? "" };
  });
  const num = (kind: string) => [...new Set(parsed.filter((p) => p.kind === kind && /^\d{1,12}$/.test(p.ref)).map((p) => Number(p.ref)))];
  const found = await findAuditTargets(db, {
    sources: num("source"),
    comments: num("comment"),
    usernames: [...new Set([...parsed.filter((p) => p.kind === "user").map((p) => p.ref), ...rows.map((r) => r.username).filter((u): u is string => u !== null)])],
    topics: parsed.filter((p) => p.kind === "topic" && p.villageId !== null).map((p) => ({ villageId: p.villageId!, key: p.ref })),
    cases: num("case"),
    villages: [...new Set(parsed.filter((p) => p.kind === "village").map((p) => p.ref))],
  });
  const labels = new Map<number, string>();
  for (const p of parsed) {
    let label: string | undefined;
    if (p.kind === "source") {
      const src = found.sources.find((x) => String(x.id) === p.ref);
      label = src && sourceDisplayName(src);
    } else if (p.kind === "comment") {
      const c = found.comments.find((x) => String(x.id) === p.ref);
      label = c && excerpt(c);
    } else if (p.kind === "user") {
      const u = found.users.find((x) => x.username === p.ref);
      label = u?.displayName || p.ref;
    } else if (p.kind === "topic") {
      const t = found.topics.find((x) => x.key === p.ref && x.villageId === p.villageId) ?? found.topics.find((x) => x.key === p.ref && x.villageId === null);
      label = t?.nameId;
    } else if (p.kind === "case") {
      const k = found.cases.find((x) => String(x.id) === p.ref);
      const c = k && found.caseComments.find((x) => x.id === k.representativeId);
      label = c && excerpt(c);
    } else if (p.kind === "village") label = found.villages.find((v) => v.code === p.ref || String(v.id) === p.ref)?.name;
    if (label) labels.set(p.id, label);
  }
  return { labels, names: new Map(found.users.filter((u) => u.displayName).map((u) => [u.username, u.displayName])) };
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
  const { labels, names } = await targetLabels(db, page);
  return {
    data: page.map((r) => ({
      id: r.id, at: r.createdAt.toISOString(), userId: r.userId, username: r.username, actorName: (r.userId !== null && r.username ? names.get(r.username) : null) ?? null, actor: auditActor(r), action: r.action,
      villageId: r.villageId, target: r.target, targetLabel: labels.get(r.id) ?? null, details: auditDetailsColumn.parse(r.details),
    })),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1].id) : null,
  };
}
