// Follow-up cases (tindak lanjut): the resident requests of a village, grouped as isu, with their
// status, assignee, due times and history. Every statement names the village: a case, a comment or
// a user of another village is never read, linked or counted.
import type { Prisma } from "./generated/client";
import type { Database } from "./client";
import { INTENT_SQL, NEEDS_REPLY_SQL, URGENT_SQL } from "./effectiveLabels";
import { caseEventDetailsColumn, resolutionDaysColumn } from "./jsonColumns";
import { addDays } from "@suara-desa/shared/time";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { toDbDate } from "./client";
import { pgQuery, pgTransaction, sqlAll } from "./sql";

const DAY_MS = 86_400_000;

export const OPEN_STATUSES = ["perlu_jawaban", "dijawab", "ditindaklanjuti"] as const;

/** A resident comment that asks for an answer, as case grouping needs it. */
export interface CaseCandidate {
  id: number;
  caseId: number | null;
  text: string;
  normalizedText: string;
  publishedAt: Date;
  day: string;
  platform: string;
  intent: string;
  urgent: boolean;
  topics: string[];
}

/**
 * Needs-reply comments of a village on the given days (all days when none are given) that have no
 * case yet, and the comments of its open cases within `[fromDay, toDay]` (what a new one may join).
 */
export async function findCaseCandidates(
  db: Database,
  villageId: number,
  opts: { days?: string[]; limit: number; windowDays: number; after?: { publishedAt: Date; id: number } },
): Promise<{ free: CaseCandidate[]; inOpenCases: CaseCandidate[] }> {
  const dayCond = opts.days ? `AND c.day IN (${opts.days.map((_, i) => `@d${i}`).join(", ") || "''"})` : "";
  const dayParams: Record<string, unknown> = Object.fromEntries((opts.days ?? []).map((d, i) => [`d${i}`, d]));
  // Keyset paging: a pass continues after the chunk it grouped instead of sorting every remaining
  // candidate again (quadratic in a first import of a million comments).
  // The bare `>=` bound is what lets the (villageId, publishedAt) index start there (an OR alone
  // made SQLite walk the village's comments from the oldest for every chunk). Without a cursor, the
  // given days bound it too (a local day lies within a day of its UTC date).
  const asParam = (d: Date) => (db.provider === "postgres" ? d.toISOString() : toDbDate(d));
  const at = db.provider === "postgres" ? "@afterAt::timestamp(3)" : "@afterAt";
  let afterCond = "";
  if (opts.after) {
    afterCond = `AND c."publishedAt" >= ${at} AND (c."publishedAt" > ${at} OR c.id > @afterId)`;
    dayParams.afterAt = asParam(opts.after.publishedAt);
    dayParams.afterId = opts.after.id;
  } else if (opts.days && opts.days.length > 0) {
    afterCond = `AND c."publishedAt" >= ${at}`;
    dayParams.afterAt = asParam(new Date(Date.parse(`${[...opts.days].sort()[0]}T00:00:00Z`) - DAY_MS));
  }
  const columns = `c.id, c."caseId", c.text, COALESCE(c."normalizedText", c.text) AS "normalizedText", c."publishedAt", c.day,
    c.platform, ${INTENT_SQL} AS intent, CASE WHEN ${URGENT_SQL} THEN 1 ELSE 0 END AS urgent,
    CASE WHEN c."humanTopicsAt" IS NULL THEN 0 ELSE 1 END AS "humanTopics"`;
  const free = await sqlAll<RawCandidate>(db, `SELECT ${columns} FROM "Comment" c
    WHERE c."villageId" = @villageId AND c."caseId" IS NULL AND c."analyzedAt" IS NOT NULL AND ${NEEDS_REPLY_SQL} ${dayCond} ${afterCond}
    ORDER BY c."publishedAt", c.id LIMIT ${Math.floor(opts.limit)}`, { villageId, ...dayParams });
  if (free.length === 0) return { free: [], inOpenCases: [] };
  // Only the open cases this chunk's comments could join: within the grouping window of its days.
  const days = free.map((r) => r.day).sort();
  const fromDay = addDays(days[0], -opts.windowDays);
  const toDay = addDays(days[days.length - 1], opts.windowDays);
  const inOpenCases = await sqlAll<RawCandidate>(db, `SELECT ${columns} FROM "Comment" c
    JOIN "FollowUpCase" k ON k.id = c."caseId" AND k."villageId" = @villageId
    WHERE c."villageId" = @villageId AND k.status IN ('perlu_jawaban', 'dijawab', 'ditindaklanjuti') AND c.day >= @fromDay AND c.day <= @toDay
    ORDER BY c."publishedAt", c.id`, { villageId, fromDay, toDay });
  const topics = await effectiveTopicKeys(db, [...free, ...inOpenCases]);
  const toCandidate = (r: RawCandidate): CaseCandidate => ({
    id: Number(r.id), caseId: r.caseId === null ? null : Number(r.caseId), text: r.text, normalizedText: r.normalizedText,
    publishedAt: new Date(r.publishedAt), day: r.day, platform: r.platform, intent: r.intent, urgent: Boolean(Number(r.urgent)),
    topics: topics.get(Number(r.id)) ?? [],
  });
  return { free: free.map(toCandidate), inOpenCases: inOpenCases.map(toCandidate) };
}
interface RawCandidate {
  id: number; caseId: number | null; text: string; normalizedText: string; publishedAt: string | Date; day: string; platform: string;
  intent: string; urgent: number | boolean; humanTopics: number;
}

/**
 * Effective topic keys of the candidates (an official's topics replace the model's), best score first.
 * Whose topics an official set was read with the candidates, so the topic rows are found by id and
 * origin alone (joining Comment again to decide the origin cost a row fetch per comment: on
 * PostgreSQL the largest share of case grouping's reads).
 */
async function effectiveTopicKeys(db: Database, rows: Array<{ id: number; humanTopics: number }>): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  // The ids as one parameter (an array, or JSON on SQLite): 500 named parameters per statement cost
  // more to bind than the look-up itself (105,000 look-ups of a 5-village first import: 0.60 -> 0.35 s).
  const idSet = (p: string) => (db.pg ? `ct."commentId" = ANY(@${p}::int[])` : `ct."commentId" IN (SELECT value FROM json_each(@${p}))`);
  // PostgreSQL probes the index for 500 ids (4 ms) but scans the whole table for 5,000 (67 ms at 100,000 rows).
  const size = db.pg ? 500 : 5000;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const ids = (human: boolean) => {
      const list = chunk.filter((r) => Boolean(Number(r.humanTopics)) === human).map((r) => Number(r.id));
      return db.pg ? list : JSON.stringify(list);
    };
    // Equal scores keep the topics' order (the (commentId, topicId) index's), as the one-query form did.
    const found = await sqlAll<{ commentId: number; key: string }>(db, `SELECT ct."commentId", t.key, ct.score, ct."topicId" FROM "CommentTopic" ct
      JOIN "Topic" t ON t.id = ct."topicId" WHERE ${idSet("modelIds")} AND ct.origin = 'model'
      UNION ALL SELECT ct."commentId", t.key, ct.score, ct."topicId" FROM "CommentTopic" ct
      JOIN "Topic" t ON t.id = ct."topicId" WHERE ${idSet("humanIds")} AND ct.origin = 'human'
      ORDER BY 1, 3 DESC, 4`, { modelIds: ids(false), humanIds: ids(true) });
    for (const r of found) {
      const list = out.get(Number(r.commentId)) ?? [];
      list.push(r.key);
      out.set(Number(r.commentId), list);
    }
  }
  return out;
}

export interface ServiceLevelRow { firstReplyHours: number; urgentReplyHours: number; resolutionDays: Record<string, number> }

export const DEFAULT_SERVICE_LEVEL: ServiceLevelRow = { firstReplyHours: 48, urgentReplyHours: 2, resolutionDays: {} };

/** The village's service level (defaults until an admin or the chair sets one). */
export async function findServiceLevel(db: Database, villageId: number): Promise<ServiceLevelRow> {
  const row = await db.prisma.serviceLevel.findUnique({ where: { villageId } });
  if (!row) return { ...DEFAULT_SERVICE_LEVEL, resolutionDays: {} };
  const days = resolutionDaysColumn.parse(row.resolutionDays, `village ${villageId}`);
  return { firstReplyHours: row.firstReplyHours, urgentReplyHours: row.urgentReplyHours, resolutionDays: days };
}

export async function saveServiceLevel(db: Database, villageId: number, s: ServiceLevelRow): Promise<void> {
  const data = { firstReplyHours: s.firstReplyHours, urgentReplyHours: s.urgentReplyHours, resolutionDays: resolutionDaysColumn.serialise(s.resolutionDays) };
  await db.prisma.serviceLevel.upsert({ where: { villageId }, create: { villageId, ...data }, update: data });
}

export interface NewCase {
  villageId: number;
  topicKey: string | null;
  intent: string;
  urgent: boolean;
  representativeId: number;
  openedAt: Date;
  firstReplyDueAt: Date;
  resolveDueAt: Date | null;
}

/** The earliest reply by the village's own account in a thread of each unanswered case of a village. */
export async function findFirstVillageReplies(db: Database, villageId: number): Promise<Array<{ caseId: number; at: Date; replyId: number }>> {
  const rows = await sqlAll<{ caseId: number; at: string | Date; replyId: number }>(db, `SELECT q."caseId", r."publishedAt" AS at, r.id AS "replyId"
    FROM "Comment" r
    JOIN "Comment" q ON q.id = r."parentId" AND q."villageId" = @villageId
    JOIN "FollowUpCase" k ON k.id = q."caseId" AND k."villageId" = @villageId
    WHERE r."villageId" = @villageId AND r."fromVillage" = true AND k."firstReplyAt" IS NULL
    ORDER BY q."caseId", r."publishedAt", r.id`, { villageId });
  const first = new Map<number, { caseId: number; at: Date; replyId: number }>();
  for (const r of rows) {
    const caseId = Number(r.caseId);
    if (!first.has(caseId)) first.set(caseId, { caseId, at: new Date(r.at), replyId: Number(r.replyId) });
  }
  return [...first.values()];
}

/** Records the village's first public reply; a case still waiting for one becomes `dijawab`. */
export async function markAnswered(db: Database, villageId: number, caseId: number, at: Date, details: Record<string, unknown>, actor = "sistem"): Promise<boolean> {
  return db.prisma.$transaction(async (tx) => {
    const c = await tx.followUpCase.findFirst({ where: { id: caseId, villageId } });
    if (!c || c.firstReplyAt) return false;
    const data: Prisma.FollowUpCaseUpdateInput = { firstReplyAt: at };
    if (c.status === "perlu_jawaban") data.status = "dijawab";
    await tx.followUpCase.update({ where: { id: caseId }, data });
    await tx.followUpEvent.create({ data: { caseId, villageId, actor, kind: "answered", details: caseEventDetailsColumn.serialise({ ...details, at: at.toISOString() }) } });
    return true;
  });
}

export const caseInclude = {
  assignee: { select: { id: true, displayName: true, username: true } },
  _count: { select: { comments: true } },
} satisfies Prisma.FollowUpCaseInclude;
export type CaseRow = Prisma.FollowUpCaseGetPayload<{ include: typeof caseInclude }>;

export interface CaseFilter {
  status?: string;
  assigneeId?: number;
  topic?: string;
  intent?: string;
  urgent?: boolean;
  overdue?: boolean;
  platform?: string;
  openedFrom?: Date;
  openedTo?: Date;
}

/** Overdue now: no public reply after its first-reply due time, or open after its resolution due time. */
export function overdueWhere(now: Date): Prisma.FollowUpCaseWhereInput {
  return {
    OR: [
      { status: "perlu_jawaban", firstReplyDueAt: { lt: now } },
      { status: { in: ["dijawab", "ditindaklanjuti"] }, resolveDueAt: { lt: now } },
    ],
  };
}

/** Cases matching a filter: urgent first, then the earliest due; `offset` pages. */
export async function findCases(db: Database, where: Prisma.FollowUpCaseWhereInput, offset: number, limit: number): Promise<CaseRow[]> {
  return db.prisma.followUpCase.findMany({
    where, include: caseInclude, skip: offset, take: limit,
    orderBy: [{ urgent: "desc" }, { firstReplyDueAt: "asc" }, { id: "asc" }],
  });
}

// ---------------------------------------------------------------------------------------------
// The inbox (Tindak Lanjut): raw SQL served by the (villageId, status, urgent DESC, due, id)
// indexes. A case's due time is the one of its next step: the first public reply while it waits
// for one (perlu_jawaban), the resolution once answered (dijawab, ditindaklanjuti); it is overdue
// when that time has passed. Closed cases keep their first-reply due time as their order.

const CLOSED_STATUSES = ["selesai", "diteruskan", "tidak_perlu"] as const;
const dueColumn = (status: string) => (status === "dijawab" || status === "ditindaklanjuti" ? `k."resolveDueAt"` : `k."firstReplyDueAt"`);
/** The SQL of "overdue at @now", for a row of "FollowUpCase" k (the rule of overdueWhere()). */
const OVERDUE_SQL = (now: string) => `((k.status = 'perlu_jawaban' AND k."firstReplyDueAt" < ${now})
  OR (k.status IN ('dijawab', 'ditindaklanjuti') AND k."resolveDueAt" < ${now}))`;
/** The due time of an open case's next step (NULL for a closed case). */
const OPEN_DUE_SQL = `CASE WHEN k.status = 'perlu_jawaban' THEN k."firstReplyDueAt"
  WHEN k.status IN ('dijawab', 'ditindaklanjuti') THEN k."resolveDueAt" END`;

/** The filter's conditions on "FollowUpCase" k other than status and overdue. */
function inboxConditions(db: Database, villageId: number, f: CaseFilter): { conds: string[]; params: Record<string, unknown> } {
  const conds = [`k."villageId" = @villageId`];
  const params: Record<string, unknown> = { villageId };
  const ts = (name: string) => (db.provider === "postgres" ? `@${name}::timestamp(3)` : `@${name}`);
  if (f.assigneeId !== undefined) { conds.push(`k."assigneeId" = @assigneeId`); params.assigneeId = f.assigneeId; }
  if (f.topic) { conds.push(`k."topicKey" = @topic`); params.topic = f.topic; }
  if (f.intent) { conds.push(`k.intent = @intent`); params.intent = f.intent; }
  if (f.urgent) conds.push(`k.urgent = true`);
  if (f.platform) {
    conds.push(`EXISTS (SELECT 1 FROM "Comment" c WHERE c."caseId" = k.id AND c."villageId" = @villageId AND c.platform = @platform)`);
    params.platform = f.platform;
  }
  if (f.openedFrom) { conds.push(`k."openedAt" >= ${ts("openedFrom")}`); params.openedFrom = f.openedFrom; }
  if (f.openedTo) { conds.push(`k."openedAt" < ${ts("openedTo")}`); params.openedTo = f.openedTo; }
  return { conds, params };
}

/** The statuses a status filter selects ("open": the three open ones; none: all). */
export function statusesOf(status: string | undefined): string[] {
  const all: string[] = [...OPEN_STATUSES, ...CLOSED_STATUSES];
  if (status === "open") return [...OPEN_STATUSES];
  // Statuses are written into the statement: only known ones (the contract's enum) get there.
  return status === undefined ? all : all.filter((s) => s === status);
}

/**
 * The ids of one inbox page: open cases before closed ones, urgent first, then the earliest due
 * (so what is overdue comes first), then id. One index range per status, each read in order and
 * cut at offset + limit, merged: the cost follows the page, not the village's thousands of cases.
 */
export async function findInboxPage(db: Database, villageId: number, f: CaseFilter, now: Date, offset: number, limit: number): Promise<number[]> {
  const { conds, params } = inboxConditions(db, villageId, f);
  const at = db.provider === "postgres" ? "@now::timestamp(3)" : "@now";
  const take = Math.floor(offset) + Math.floor(limit);
  const parts: string[] = [];
  for (const status of statusesOf(f.status)) {
    const closed = (CLOSED_STATUSES as readonly string[]).includes(status);
    // A closed case is never overdue.
    if (f.overdue && closed) continue;
    const due = dueColumn(status);
    const where = [...conds, `k.status = '${status}'`, ...(f.overdue ? [`${due} < ${at}`] : [])].join(" AND ");
    parts.push(`SELECT * FROM (SELECT k.id, ${closed ? 1 : 0} AS closed, k.urgent, ${due} AS due FROM "FollowUpCase" k
      WHERE ${where} ORDER BY k.urgent DESC, ${due}, k.id LIMIT ${take}) s${parts.length}`);
  }
  if (parts.length === 0 || take === 0) return [];
  if (f.overdue) params.now = now;
  const rows = await sqlAll<{ id: number }>(db, `${parts.join(" UNION ALL ")}
    ORDER BY closed, urgent DESC, due, id LIMIT ${Math.floor(limit)} OFFSET ${Math.floor(offset)}`, params);
  return rows.map((r) => Number(r.id));
}

/** A case with its assignee's name: what the inbox and the case detail present. */
export type CaseSummaryRow = Omit<CaseRow, "_count">;

interface RawCaseRow {
  id: number; villageId: number; status: string; topicKey: string | null; intent: string; urgent: number | boolean; representativeId: number;
  assigneeId: number | null; openedAt: string | Date; firstReplyAt: string | Date | null; firstReplyDueAt: string | Date;
  resolveDueAt: string | Date | null; resolvedAt: string | Date | null; forwardedTo: string | null; forwardRef: string | null;
  reason: string | null; publicTitle: string | null; publicQuote: string | null; createdAt: string | Date; updatedAt: string | Date;
  assigneeDisplayName: string | null; assigneeUsername: string | null;
}

/** Cases of one village by id, in the given order, with their assignee's name (one statement). */
export async function findCaseSummaries(db: Database, villageId: number, ids: number[]): Promise<CaseSummaryRow[]> {
  if (ids.length === 0) return [];
  const params = { villageId, ...Object.fromEntries(ids.map((id, i) => [`id${i}`, id])) };
  const rows = await sqlAll<RawCaseRow>(db, `SELECT k.*, u."displayName" AS "assigneeDisplayName", u.username AS "assigneeUsername"
    FROM "FollowUpCase" k LEFT JOIN "User" u ON u.id = k."assigneeId"
    WHERE ${db.provider === "sqlite" ? "+" : ""}k."villageId" = @villageId AND k.id IN (${ids.map((_, i) => `@id${i}`).join(", ")})`, params);
  const date = (v: string | Date) => new Date(v);
  const maybe = (v: string | Date | null) => (v === null ? null : new Date(v));
  const byId = new Map(rows.map((r): [number, CaseSummaryRow] => [Number(r.id), {
    id: Number(r.id), villageId: Number(r.villageId), status: r.status, topicKey: r.topicKey, intent: r.intent, urgent: Boolean(r.urgent),
    representativeId: Number(r.representativeId), assigneeId: r.assigneeId === null ? null : Number(r.assigneeId), openedAt: date(r.openedAt),
    firstReplyAt: maybe(r.firstReplyAt), firstReplyDueAt: date(r.firstReplyDueAt), resolveDueAt: maybe(r.resolveDueAt), resolvedAt: maybe(r.resolvedAt),
    forwardedTo: r.forwardedTo, forwardRef: r.forwardRef, reason: r.reason, publicTitle: r.publicTitle, publicQuote: r.publicQuote,
    createdAt: date(r.createdAt), updatedAt: date(r.updatedAt),
    assignee: r.assigneeId === null || r.assigneeUsername === null ? null
      : { id: Number(r.assigneeId), displayName: r.assigneeDisplayName ?? "", username: r.assigneeUsername },
  }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** How many comments each case has and the platforms they were written on (one grouped statement). */
export async function findCaseCommentStats(db: Database, villageId: number, caseIds: number[]): Promise<Map<number, { comments: number; platforms: string[] }>> {
  const out = new Map<number, { comments: number; platforms: string[] }>();
  if (caseIds.length === 0) return out;
  const params = { villageId, ...Object.fromEntries(caseIds.map((id, i) => [`k${i}`, id])) };
  // "+": SQLite otherwise walked the village's comments by (villageId, day) instead of probing the
  // case ids (13-26 ms instead of 0.3 ms for 50 cases of a 20,000-comment village).
  const rows = await sqlAll<{ caseId: number; platform: string; n: number }>(db, `SELECT c."caseId", c.platform, COUNT(*) AS n FROM "Comment" c
    WHERE ${db.provider === "sqlite" ? "+" : ""}c."villageId" = @villageId AND c."caseId" IN (${caseIds.map((_, i) => `@k${i}`).join(", ")})
    GROUP BY c."caseId", c.platform ORDER BY c."caseId", c.platform`, params);
  for (const r of rows) {
    const s = out.get(Number(r.caseId)) ?? { comments: 0, platforms: [] };
    s.comments += Number(r.n);
    s.platforms.push(r.platform);
    out.set(Number(r.caseId), s);
  }
  return out;
}

/** Cases of a filter (status and overdue aside) per status and urgency, how many are overdue now, and the next due time. */
export interface InboxCountRows {
  rows: Array<{ status: string; urgent: boolean; n: number; overdue: number }>;
  /** The earliest due time not yet passed at `now`: until then, what is overdue stays as counted. */
  nextDueAt: Date | null;
}

/** One grouped statement over the village's cases of a filter (its status and overdue parts ignored). */
export async function countInboxCases(db: Database, villageId: number, f: CaseFilter, now: Date): Promise<InboxCountRows> {
  const { conds, params } = inboxConditions(db, villageId, { ...f, status: undefined, overdue: undefined });
  const at = db.provider === "postgres" ? "@now::timestamp(3)" : "@now";
  const rows = await sqlAll<{ status: string; urgent: number | boolean; n: number; overdue: number; nextDueAt: string | Date | null }>(db,
    `SELECT k.status, k.urgent, COUNT(*) AS n, SUM(CASE WHEN ${OVERDUE_SQL(at)} THEN 1 ELSE 0 END) AS overdue,
        MIN(CASE WHEN ${OPEN_DUE_SQL} >= ${at} THEN ${OPEN_DUE_SQL} END) AS "nextDueAt"
      FROM "FollowUpCase" k WHERE ${conds.join(" AND ")} GROUP BY k.status, k.urgent`, { ...params, now });
  const next = rows.map((r) => r.nextDueAt).filter((d): d is string | Date => d !== null).map((d) => new Date(d).getTime());
  return {
    rows: rows.map((r) => ({ status: r.status, urgent: Boolean(r.urgent), n: Number(r.n), overdue: Number(r.overdue) })),
    nextDueAt: next.length ? new Date(Math.min(...next)) : null,
  };
}

export async function countCases(db: Database, where: Prisma.FollowUpCaseWhereInput): Promise<number> {
  return db.prisma.followUpCase.count({ where });
}

/** Cases per (topic, status), and how many of them are overdue now, for a filter. */
export async function countCasesByTopic(db: Database, where: Prisma.FollowUpCaseWhereInput, now: Date) {
  const [byStatus, late] = await Promise.all([
    db.prisma.followUpCase.groupBy({ by: ["topicKey", "status"], where, _count: { _all: true } }),
    db.prisma.followUpCase.groupBy({ by: ["topicKey"], where: { AND: [where, overdueWhere(now)] }, _count: { _all: true } }),
  ]);
  return {
    byStatus: byStatus.map((r) => ({ topicKey: r.topicKey, status: r.status, n: r._count._all })),
    overdue: new Map(late.map((r) => [r.topicKey, r._count._all])),
  };
}

export async function findCase(db: Database, caseId: number): Promise<CaseRow | null> {
  return db.prisma.followUpCase.findUnique({ where: { id: caseId }, include: caseInclude });
}

/** The comment ids of a case, oldest first. */
export async function findCaseCommentIds(db: Database, villageId: number, caseId: number): Promise<number[]> {
  const rows = await db.prisma.comment.findMany({ where: { caseId, villageId }, select: { id: true }, orderBy: [{ publishedAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => r.id);
}

/** How many comments of a case still ask for an answer or report a danger, by their effective labels. */
export async function countCaseRequests(db: Database, villageId: number, caseId: number): Promise<number> {
  const rows = await sqlAll<{ n: number | bigint }>(db, `SELECT COUNT(*) AS n FROM "Comment" c
    WHERE c."villageId" = @villageId AND c."caseId" = @caseId AND (${NEEDS_REPLY_SQL} OR (${URGENT_SQL} AND c."fromVillage" = false))`, { villageId, caseId });
  return Number(rows[0]?.n ?? 0);
}

/** Whether any person (not ingestion) has acted on a case of the village. */
export async function hasOfficialCaseEvents(db: Database, villageId: number): Promise<boolean> {
  return (await db.prisma.followUpEvent.count({ where: { villageId, NOT: { actor: "sistem" } } })) > 0;
}

/** Every case of a village, oldest first (demo and maintenance). */
export async function findVillageCases(db: Database, villageId: number) {
  return db.prisma.followUpCase.findMany({ where: { villageId }, orderBy: [{ openedAt: "asc" }, { id: "asc" }] });
}

export async function findCaseEvents(db: Database, villageId: number, caseId: number) {
  return db.prisma.followUpEvent.findMany({ where: { caseId, villageId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}

/** Changes a case and records the event in one transaction. */
export async function updateCase(
  db: Database,
  villageId: number,
  caseId: number,
  data: Prisma.FollowUpCaseUncheckedUpdateInput,
  events: Array<{ actor: string; kind: string; details: Record<string, unknown>; at?: Date }>,
): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await tx.followUpCase.updateMany({ where: { id: caseId, villageId }, data });
    for (const e of events) {
      await tx.followUpEvent.create({ data: { caseId, villageId, actor: e.actor, kind: e.kind, details: caseEventDetailsColumn.serialise(e.details), ...(e.at ? { at: e.at } : {}) } });
    }
  });
}

/** Moves every comment of `fromIds` into `intoId` and closes the merged cases (all of one village). */
export async function mergeCases(db: Database, villageId: number, intoId: number, fromIds: number[], actor: string): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const from = await tx.followUpCase.findMany({ where: { id: { in: fromIds }, villageId } });
    const into = await tx.followUpCase.findFirstOrThrow({ where: { id: intoId, villageId } });
    await tx.comment.updateMany({ where: { caseId: { in: from.map((c) => c.id) }, villageId }, data: { caseId: intoId } });
    const urgent = into.urgent || from.some((c) => c.urgent);
    const due = [into, ...from].map((c) => c.firstReplyDueAt).reduce((a, b) => (a < b ? a : b));
    const replied = [into, ...from].map((c) => c.firstReplyAt).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    await tx.followUpCase.update({ where: { id: intoId }, data: { urgent, firstReplyDueAt: due, firstReplyAt: replied } });
    await tx.followUpEvent.create({ data: { caseId: intoId, villageId, actor, kind: "merge", details: caseEventDetailsColumn.serialise({ merged: from.map((c) => c.id) }) } });
    for (const c of from) {
      // The emptied case keeps its history and says where its comments went.
      await tx.followUpCase.update({ where: { id: c.id }, data: { status: "tidak_perlu", reason: `digabung ke isu #${intoId}`, resolvedAt: new Date() } });
      await tx.followUpEvent.create({ data: { caseId: c.id, villageId, actor, kind: "merge", details: caseEventDetailsColumn.serialise({ into: intoId }) } });
    }
  });
}

/** Moves comments of a case into a new case of the same village (splitting an isu). */
export async function splitCase(db: Database, villageId: number, caseId: number, commentIds: number[], input: NewCase, actor: string): Promise<number> {
  return db.prisma.$transaction(async (tx) => {
    const created = await tx.followUpCase.create({ data: input });
    const moved = await tx.comment.updateMany({ where: { id: { in: commentIds }, caseId, villageId }, data: { caseId: created.id } });
    if (moved.count === 0) throw new Error("split: none of the comments belong to the case");
    await tx.followUpEvent.create({ data: { caseId, villageId, actor, kind: "split", details: caseEventDetailsColumn.serialise({ newCase: created.id, comments: moved.count }) } });
    await tx.followUpEvent.create({ data: { caseId: created.id, villageId, actor, kind: "opened", details: caseEventDetailsColumn.serialise({ splitFrom: caseId, comments: moved.count }) } });
    return created.id;
  });
}

/** Users who may take a case of the village: perangkat, pimpinan and admins who are members, not disabled. */
export async function findAssignees(db: Database, villageId: number) {
  return db.prisma.user.findMany({
    where: { disabled: false, role: { in: ["admin", "pimpinan", "perangkat"] }, villages: { some: { villageId } } },
    select: { id: true, displayName: true, username: true, role: true }, orderBy: { displayName: "asc" },
  });
}

/** The case of a comment, when it has one (of the comment's own village). */
export async function findCaseOfComment(db: Database, villageId: number, commentId: number): Promise<CaseRow | null> {
  const c = await db.prisma.comment.findFirst({ where: { id: commentId, villageId }, select: { caseId: true } });
  if (!c?.caseId) return null;
  return db.prisma.followUpCase.findFirst({ where: { id: c.caseId, villageId }, include: caseInclude });
}

/**
 * The response figures of the cases opened in [from, to): how many, how many answered, how many
 * overdue at `now` (the inbox's rule), and the (openedAt, firstReplyAt) pairs of the answered ones.
 * Counted by the database: a busy village opens ~1,700 cases a week, read on every uncached review.
 */
export async function findCaseFiguresOpenedIn(db: Database, villageId: number, from: Date, to: Date, now: Date) {
  // A case merged into another is counted there (NOT alone would also drop rows whose reason is NULL).
  const where = `k."villageId" = @villageId AND k."openedAt" >= @from AND k."openedAt" < @to AND (k.reason IS NULL OR k.reason NOT LIKE 'digabung ke isu%')`;
  const at = db.provider === "postgres" ? "@now::timestamp(3)" : "@now";
  const params = { villageId, from, to, now };
  const [counts, replies] = await Promise.all([
    sqlAll<{ n: number | string; overdue: number | string | null }>(db,
      `SELECT COUNT(*) AS n, SUM(CASE WHEN ${OVERDUE_SQL(at)} THEN 1 ELSE 0 END) AS overdue FROM "FollowUpCase" k WHERE ${where}`, params),
    sqlAll<{ openedAt: string | Date; firstReplyAt: string | Date }>(db,
      `SELECT k."openedAt", k."firstReplyAt" FROM "FollowUpCase" k WHERE ${where} AND k."firstReplyAt" IS NOT NULL`, params),
  ]);
  const c = counts[0];
  return {
    needsReply: Number(c?.n ?? 0),
    // From the rows the median is taken of (the two statements may run on two connections).
    answered: replies.length,
    overdue: Number(c?.overdue ?? 0),
    replies: replies.map((r) => ({ openedAt: new Date(r.openedAt), firstReplyAt: new Date(r.firstReplyAt) })),
  };
}

/** Cases an official published on the public page (with a title for residents), newest first. */
export async function findPublishedCases(db: Database, villageId: number, limit: number) {
  return db.prisma.followUpCase.findMany({
    where: { villageId, publicTitle: { not: null } }, orderBy: [{ openedAt: "desc" }, { id: "desc" }], take: limit,
    select: { publicTitle: true, publicQuote: true, topicKey: true, status: true, openedAt: true, resolvedAt: true },
  });
}

/** One step of a grouping pass: open a case for comments, or add comments to an existing case. */
export type CaseOp =
  | { kind: "open"; input: NewCase; commentIds: number[] }
  | { kind: "attach"; caseId: number; commentIds: number[]; urgent: { dueAt: Date } | null };

/**
 * Applies a grouping pass's steps in order in one transaction, with the rules of openCase() and
 * attachToCase() (comments are claimed only while still without a case, so two processes never
 * give one comment two cases; a case whose comments were all claimed elsewhere is not opened).
 * One transaction of plain statements instead of one Prisma transaction per case: a first import
 * of a million comments opens hundreds of thousands of cases. Returns cases opened and comments joined.
 */
export async function applyCaseOps(db: Database, villageId: number, ops: CaseOp[]): Promise<{ opened: number; joined: number }> {
  if (ops.length === 0) return { opened: 0, joined: 0 };
  const now = new Date();
  if (db.pg) return pgTransaction(db, (client) => applyCaseOpsPg(client, villageId, ops, now));
  const raw = db.raw!;
  const st = caseStatements(raw);
  const at = toDbDate(now);
  const opens = ops.flatMap((op) => (op.kind === "open" ? [op] : []));
  const attaches = ops.flatMap((op) => (op.kind === "attach" ? [op] : []));
  // Claims every listed comment still without a case for its op's case; returns comments claimed per op.
  const claim = (caseIds: number[], lists: number[][]): number[] => {
    const pairs: Array<[number, number]> = [];
    const opOf = new Map<number, number>();
    lists.forEach((ids, i) => { for (const id of ids) { pairs.push([caseIds[i], id]); opOf.set(id, i); } });
    const claimed = lists.map(() => 0);
    // RETURNING may not name the FROM rows: the claimed comment's id leads back to its op.
    for (const r of st.claim.all({ at, villageId, pairs: JSON.stringify(pairs) }) as Array<{ id: number }>) claimed[opOf.get(r.id)!]++;
    return claimed;
  };
  const events = (caseIds: number[], kind: string, counts: number[]) => {
    if (caseIds.length === 0) return;
    st.events.run({ villageId, at, kind, rows: JSON.stringify(caseIds.map((id, i) => [id, caseEventDetailsColumn.serialise({ comments: counts[i] })])) });
  };
  const run = raw.transaction(() => {
    let opened = 0;
    if (opens.length > 0) {
      const rows = st.insertCases.all({
        villageId, at,
        cases: JSON.stringify(opens.map(({ input: c }) => [c.topicKey, c.intent, c.urgent ? 1 : 0, c.representativeId, toDbDate(c.openedAt),
          toDbDate(c.firstReplyDueAt), c.resolveDueAt ? toDbDate(c.resolveDueAt) : null])),
      }) as Array<{ id: number; representativeId: number }>;
      // Each group's representative is its own comment, so it names the new row (RETURNING's order is not the insert's).
      const idOfRep = new Map(rows.map((r) => [r.representativeId, r.id]));
      const ids = opens.map((op) => idOfRep.get(op.input.representativeId)!);
      const claimed = claim(ids, opens.map((op) => op.commentIds));
      // Claimed elsewhere meanwhile: the case was never visible outside this transaction, drop it
      // (cheaper than counting the claimable comments before every insert).
      const empty = ids.filter((_, i) => claimed[i] === 0);
      if (empty.length > 0) st.deleteCases.run({ villageId, ids: JSON.stringify(empty) });
      const kept = ids.flatMap((id, i) => (claimed[i] > 0 ? [i] : []));
      events(kept.map((i) => ids[i]), "opened", kept.map((i) => claimed[i]));
      opened = kept.length;
    }
    let joined = 0;
    if (attaches.length > 0) {
      const caseIds = attaches.map((op) => op.caseId);
      const claimed = claim(caseIds, attaches.map((op) => op.commentIds));
      const kept = attaches.flatMap((_, i) => (claimed[i] > 0 ? [i] : []));
      for (const i of kept) {
        const u = attaches[i].urgent;
        if (!u) continue;
        const current = st.findCase.get(caseIds[i], villageId) as { urgent: number; firstReplyDueAt: string } | undefined;
        if (!current) throw new Error(`case ${caseIds[i]} of village ${villageId} does not exist`);
        // The first urgent join of a case decides (a later one finds it urgent already).
        if (!current.urgent) st.makeUrgent.run(u.dueAt < new Date(current.firstReplyDueAt) ? toDbDate(u.dueAt) : current.firstReplyDueAt, at, caseIds[i]);
      }
      events(kept.map((i) => caseIds[i]), "joined", kept.map((i) => claimed[i]));
      joined = kept.reduce((sum, i) => sum + claimed[i], 0);
    }
    return { opened, joined };
  });
  return run.immediate();
}

const caseStatementCache = new WeakMap<BetterSqlite3.Database, ReturnType<typeof prepareCaseStatements>>();
function caseStatements(raw: BetterSqlite3.Database) {
  let s = caseStatementCache.get(raw);
  if (!s) caseStatementCache.set(raw, (s = prepareCaseStatements(raw)));
  return s;
}
function prepareCaseStatements(raw: BetterSqlite3.Database) {
  // Set-based, like the PostgreSQL path: one statement per kind of write for a whole grouping chunk
  // instead of three per case. JSON arrays carry the rows ("->>" reads one element as an SQL value).
  return {
    insertCases: raw.prepare(`INSERT INTO "FollowUpCase" (villageId, status, topicKey, intent, urgent, representativeId, openedAt,
      firstReplyDueAt, resolveDueAt, createdAt, updatedAt)
      SELECT @villageId, 'perlu_jawaban', j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, @at, @at
      FROM json_each(@cases) j ORDER BY j.key RETURNING id, representativeId`),
    // "+column": no index on those terms, so SQLite probes the listed ids instead of walking every
    // comment of the village without a case (what it chose otherwise: 1 ms per case on 10,000 comments).
    claim: raw.prepare(`UPDATE "Comment" SET caseId = u.caseId, updatedAt = @at
      FROM (SELECT j.value ->> 0 AS caseId, j.value ->> 1 AS commentId FROM json_each(@pairs) j) u
      WHERE "Comment".id = u.commentId AND +"Comment".villageId = @villageId AND +"Comment".caseId IS NULL
      RETURNING "Comment".id AS id`),
    deleteCases: raw.prepare(`DELETE FROM "FollowUpCase" WHERE id IN (SELECT value FROM json_each(@ids)) AND villageId = @villageId`),
    findCase: raw.prepare(`SELECT urgent, firstReplyDueAt FROM "FollowUpCase" WHERE id = ? AND villageId = ?`),
    makeUrgent: raw.prepare(`UPDATE "FollowUpCase" SET urgent = 1, firstReplyDueAt = ?, updatedAt = ? WHERE id = ?`),
    events: raw.prepare(`INSERT INTO "FollowUpEvent" (caseId, villageId, at, actor, kind, details)
      SELECT j.value ->> 0, @villageId, @at, 'sistem', @kind, j.value ->> 1 FROM json_each(@rows) j ORDER BY j.key`),
  };
}

// Set-based: a first import opens hundreds of thousands of cases, and a round trip per case (four
// statements each) made the PostgreSQL workers wait on the network more than on the database.
// The same rules as the SQLite path, op by op: a case whose comments were all claimed elsewhere
// is not kept; an urgent join makes a case urgent once, with the earlier of the two due times.
async function applyCaseOpsPg(client: pg.PoolClient, villageId: number, ops: CaseOp[], now: Date): Promise<{ opened: number; joined: number }> {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const opens = ops.flatMap((op) => (op.kind === "open" ? [op] : []));
  const attaches = ops.flatMap((op) => (op.kind === "attach" ? [op] : []));
  // Claims every listed comment still without a case for its op's case; returns comments claimed per op.
  const claim = async (caseIds: number[], lists: number[][]): Promise<number[]> => {
    const opIdx: number[] = [];
    const commentIds: number[] = [];
    lists.forEach((ids, i) => ids.forEach((id) => { opIdx.push(i); commentIds.push(id); }));
    const { rows } = await pgQuery<{ op: number }>(client, `UPDATE "Comment" c SET "caseId" = (@caseIds::int[])[u.op + 1], "updatedAt" = @now::timestamp(3)
      FROM unnest(@opIdx::int[], @commentIds::int[]) AS u(op, "commentId")
      WHERE c.id = u."commentId" AND c."villageId" = @villageId::int AND c."caseId" IS NULL RETURNING u.op`, { caseIds, opIdx, commentIds, now, villageId });
    const claimed = lists.map(() => 0);
    for (const r of rows) claimed[r.op]++;
    return claimed;
  };
  const events = (caseIds: number[], kind: string, counts: number[]) => caseIds.length === 0 ? Promise.resolve() : pgQuery(client,
    `INSERT INTO "FollowUpEvent" ("caseId", "villageId", at, actor, kind, details)
     SELECT u.id, @villageId::int, @now::timestamp(3), 'sistem', @kind, u.details FROM unnest(@ids::int[], @details::text[]) WITH ORDINALITY AS u(id, details, n) ORDER BY u.n`,
    { ids: caseIds, details: counts.map((comments) => caseEventDetailsColumn.serialise({ comments })), villageId, now, kind }).then(() => undefined);

  let opened = 0;
  if (opens.length > 0) {
    const c = opens.map((op) => op.input);
    // Inserted in op order (ids ascend like the one-by-one path); each group's representative is its own comment, so it names the row.
    const { rows } = await pgQuery<{ id: number; representativeId: number }>(client, `INSERT INTO "FollowUpCase" ("villageId", status, "topicKey", intent, urgent,
        "representativeId", "openedAt", "firstReplyDueAt", "resolveDueAt", "createdAt", "updatedAt")
      SELECT @villageId::int, 'perlu_jawaban', u."topicKey", u.intent, u.urgent, u.rep, u."openedAt", u.due, u.resolve, @now::timestamp(3), @now::timestamp(3)
      FROM unnest(@topicKeys::text[], @intents::text[], @urgents::boolean[], @reps::int[], @openedAts::timestamp(3)[], @dues::timestamp(3)[], @resolves::timestamp(3)[])
        WITH ORDINALITY AS u("topicKey", intent, urgent, rep, "openedAt", due, resolve, n)
      ORDER BY u.n RETURNING id, "representativeId"`, {
      villageId, now, topicKeys: c.map((x) => x.topicKey), intents: c.map((x) => x.intent), urgents: c.map((x) => x.urgent),
      reps: c.map((x) => x.representativeId), openedAts: c.map((x) => iso(x.openedAt)), dues: c.map((x) => iso(x.firstReplyDueAt)),
      resolves: c.map((x) => iso(x.resolveDueAt)),
    });
    const idOfRep = new Map(rows.map((r) => [Number(r.representativeId), Number(r.id)]));
    const ids = c.map((x) => idOfRep.get(x.representativeId)!);
    const claimed = await claim(ids, opens.map((op) => op.commentIds));
    // Claimed by another process meanwhile: those cases were never visible outside this transaction.
    const empty = ids.filter((_, i) => claimed[i] === 0);
    if (empty.length > 0) await pgQuery(client, `DELETE FROM "FollowUpCase" WHERE id = ANY(@empty::int[]) AND "villageId" = @villageId::int`, { empty, villageId });
    const kept = ids.flatMap((id, i) => (claimed[i] > 0 ? [i] : []));
    await events(kept.map((i) => ids[i]), "opened", kept.map((i) => claimed[i]));
    opened = kept.length;
  }

  let joined = 0;
  if (attaches.length > 0) {
    const caseIds = attaches.map((op) => op.caseId);
    const claimed = await claim(caseIds, attaches.map((op) => op.commentIds));
    const kept = attaches.flatMap((_, i) => (claimed[i] > 0 ? [i] : []));
    // The first urgent join of a case decides (a later one finds it urgent already).
    const urgentDue = new Map<number, Date>();
    for (const i of kept) {
      const u = attaches[i].urgent;
      if (u && !urgentDue.has(caseIds[i])) urgentDue.set(caseIds[i], u.dueAt);
    }
    if (urgentDue.size > 0) {
      await pgQuery(client, `UPDATE "FollowUpCase" k SET urgent = true, "firstReplyDueAt" = LEAST(k."firstReplyDueAt", u.due), "updatedAt" = @now::timestamp(3)
        FROM unnest(@ids::int[], @dues::timestamp(3)[]) AS u(id, due) WHERE k.id = u.id AND k."villageId" = @villageId::int AND NOT k.urgent`,
      { ids: [...urgentDue.keys()], dues: [...urgentDue.values()].map(iso), now, villageId });
    }
    await events(kept.map((i) => caseIds[i]), "joined", kept.map((i) => claimed[i]));
    joined = kept.reduce((sum, i) => sum + claimed[i], 0);
  }
  return { opened, joined };
}
