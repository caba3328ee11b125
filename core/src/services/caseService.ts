// Tindak lanjut: every resident comment that asks for an answer (intent keluhan, pertanyaan or usulan;
// not spam) belongs to one case — alone, or grouped with the village's other comments about the same
// problem in the same days (issue grouping). Cases open by themselves after each ingest and label
// correction, become `dijawab` when the village's own account replies in a thread (written in Suara
// Desa or on the platform), carry due times from the village's service level, and keep a history.
import {
  CASE_STATUSES, type CaseDTO, type CaseDetailDTO, type CaseListDTO, type CaseListQuery, type CaseStatus, type CaseUpdateInput,
  type FollowUpDTO, type FollowUpFiguresDTO, type Intent, type Platform, type ServiceLevelDTO,
} from "@suara-desa/shared/contracts";
import { addDays, isoWeekRange, localTimeToUtc } from "@suara-desa/shared/time";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import {
  applyCaseOps, countCaseRequests, countCasesByTopic, countCases, countInboxCases, findAssignees, findCase, findCaseCandidates, findCaseCommentIds, findCaseCommentStats,
  findCaseEvents, findCaseOfComment, findCases, findCaseSummaries, findCaseFiguresOpenedIn, findFirstVillageReplies, findInboxPage, findServiceLevel,
  markAnswered, mergeCases, saveServiceLevel, splitCase, statusesOf, updateCase, type CaseCandidate, type CaseFilter, type CaseOp, type CaseRow,
  type CaseSummaryRow, type InboxCountRows, type NewCase, type ServiceLevelRow, OPEN_STATUSES,
} from "../db/caseRepository";
import { findCommentsByIds, findListedComments, getCommentThread } from "../db/commentRepository";
import { bumpVillageVersion, cachedForVillage } from "../db/dataVersion";
import { caseEventDetailsColumn } from "../db/jsonColumns";
import { findTopicsForVillage } from "../db/topicRepository";
import { getVillage } from "../db/villageRepository";
import { badRequest, forbidden, notFound } from "../errors";
import { groupIssues, type GroupItem } from "../nlp/grouping";
import { extractPlaces } from "../nlp/places";
import { findPii, findPiiInOfficialText } from "../nlp/pii";
import { groupingVocabulary } from "../nlp/resources";
import { assertCanCorrectLabels, assertCanReadVillage, canViewRawPersonalData } from "../policies/access";
import { presentComment, presentOfficialText } from "../presenters/commentPresenter";
import { recordAudit } from "./auditService";
import { replyableComments } from "./replyTargets";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How far apart (days) comments of one isu may be; the grouping window. */
const GROUP_WINDOW_DAYS = 3;
/** Resolution target when the village set none for the topic. */
const DEFAULT_RESOLUTION_DAYS = 14;
const BATCH = 2000;

const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY);

function dueTimes(level: ServiceLevelRow, openedAt: Date, urgent: boolean, topicKey: string | null): { firstReplyDueAt: Date; resolveDueAt: Date } {
  const hours = urgent ? level.urgentReplyHours : level.firstReplyHours;
  const days = (topicKey && level.resolutionDays[topicKey]) || DEFAULT_RESOLUTION_DAYS;
  return { firstReplyDueAt: new Date(openedAt.getTime() + hours * HOUR), resolveDueAt: new Date(openedAt.getTime() + days * DAY) };
}

/** The case fields for a group of comments (oldest first): the representative is the first comment. */
function caseFor(villageId: number, level: ServiceLevelRow, members: CaseCandidate[]): NewCase {
  const first = members[0];
  const urgent = members.some((m) => m.urgent);
  // The intent the residents share most; a complaint wins a tie (it asks for action, not only words).
  const order: Intent[] = ["keluhan", "pertanyaan", "usulan"];
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.intent, (counts.get(m.intent) ?? 0) + 1);
  const intent = [...counts.entries()].sort((a, b) => b[1] - a[1] || order.indexOf(a[0] as Intent) - order.indexOf(b[0] as Intent))[0][0];
  const topicKey = members.flatMap((m) => m.topics.slice(0, 1))[0] ?? null;
  const due = dueTimes(level, first.publishedAt, urgent, topicKey);
  // An urgent comment joining later is due from when it was written, not from the first comment.
  const urgentDue = urgent ? Math.min(...members.filter((m) => m.urgent).map((m) => m.publishedAt.getTime() + level.urgentReplyHours * HOUR)) : null;
  return {
    villageId, topicKey, intent, urgent, representativeId: first.id, openedAt: first.publishedAt,
    firstReplyDueAt: urgentDue !== null ? new Date(Math.min(urgentDue, due.firstReplyDueAt.getTime())) : due.firstReplyDueAt,
    resolveDueAt: due.resolveDueAt,
  };
}

const villageLocks = new Map<number, Promise<unknown>>();
/** Runs `fn` after any earlier sync of the same village in this process (claims keep processes apart). */
function serialised<T>(villageId: number, fn: () => Promise<T>): Promise<T> {
  const before = villageLocks.get(villageId) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(fn);
  villageLocks.set(villageId, next);
  void next.finally(() => { if (villageLocks.get(villageId) === next) villageLocks.delete(villageId); }).catch(() => undefined);
  return next;
}

export interface SyncResult { opened: number; joined: number; answered: number }

/**
 * Brings a village's cases up to date: needs-reply comments without a case (on `days`, or all) are
 * grouped with each other and with the open cases of the same days; then unanswered cases with a
 * reply by the village's account become `dijawab`. Idempotent; safe to run from several processes.
 */
export async function syncCases(db: Database, villageId: number, days?: string[]): Promise<SyncResult> {
  return serialised(villageId, async () => {
    const result: SyncResult = { opened: 0, joined: 0, answered: 0 };
    const level = await findServiceLevel(db, villageId);
    const vocab = groupingVocabulary();
    const dayList = days ? [...new Set(days)].sort() : undefined;
    if (!dayList || dayList.length > 0) {
      let after: { publishedAt: Date; id: number } | undefined;
      // The open cases a chunk reads back are mostly the previous chunk's comments: their words and
      // places are kept from one chunk to the next instead of being extracted again.
      type Prepared = { text: string; normalizedText: string; tokens: string[]; places: string[] };
      let prepared = new Map<number, Prepared>();
      for (;;) {
        const { free, inOpenCases } = await findCaseCandidates(db, villageId, { days: dayList, limit: BATCH, windowDays: GROUP_WINDOW_DAYS, after });
        if (free.length === 0) break;
        const all = [...inOpenCases, ...free];
        const next = new Map<number, Prepared>();
        const items: Array<GroupItem & { id: number }> = all.map((c, i) => {
          const known = prepared.get(c.id);
          const p = known && known.text === c.text && known.normalizedText === c.normalizedText ? known
            : { text: c.text, normalizedText: c.normalizedText, tokens: c.normalizedText.split(/\s+/), places: extractPlaces(c.text) };
          next.set(c.id, p);
          return { id: i, tokens: p.tokens, topics: c.topics, places: p.places, day: dayNumber(c.day) };
        });
        prepared = next;
        // One isu shares its main topic and its urgency: template-like village speech ("tolong jangan
        // diam saja min") otherwise links a flooded house to a clogged ditch, and one urgent comment
        // would make a whole chronic complaint look like an emergency.
        const partitions = new Map<string, Array<GroupItem & { id: number }>>();
        for (const it of items) {
          const c = all[it.id];
          const key = `${c.topics[0] ?? ""}|${c.urgent}`;
          const part = partitions.get(key);
          if (part) part.push(it);
          else partitions.set(key, [it]);
        }
        const groupOf = new Map<number, number[]>();
        for (const part of partitions.values()) for (const g of groupIssues(part, vocab)) for (const m of g.members) groupOf.set(m, g.members);
        const done = new Set<number>();
        // A chunk's groups are disjoint and decided from what was read: their writes go in one transaction.
        const ops: CaseOp[] = [];
        for (let i = inOpenCases.length; i < all.length; i++) {
          if (done.has(i)) continue;
          const members = (groupOf.get(i) ?? [i]).slice().sort((a, b) => a - b);
          for (const m of members) done.add(m);
          const existing = members.map((m) => all[m].caseId).find((id): id is number => id !== null);
          const fresh = members.map((m) => all[m]).filter((c) => c.caseId === null).sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.id - b.id);
          if (fresh.length === 0) continue;
          if (existing !== undefined) {
            const urgent = fresh.filter((c) => c.urgent);
            const dueAt = urgent.length ? new Date(Math.min(...urgent.map((c) => c.publishedAt.getTime())) + level.urgentReplyHours * HOUR) : null;
            ops.push({ kind: "attach", caseId: existing, commentIds: fresh.map((c) => c.id), urgent: dueAt ? { dueAt } : null });
          } else {
            ops.push({ kind: "open", input: caseFor(villageId, level, fresh), commentIds: fresh.map((c) => c.id) });
          }
        }
        const applied = await applyCaseOps(db, villageId, ops);
        result.opened += applied.opened;
        result.joined += applied.joined;
        // Every comment of the chunk now has a case (here or from another process): go on after it.
        const last = free[free.length - 1];
        after = { publishedAt: last.publishedAt, id: last.id };
        if (free.length < BATCH) break;
      }
    }
    for (const r of await findFirstVillageReplies(db, villageId)) {
      if (await markAnswered(db, villageId, r.caseId, r.at, { replyId: r.replyId })) result.answered++;
    }
    // The weekly review's response figures are cached under the village's data version.
    if (result.opened + result.joined + result.answered > 0) await bumpVillageVersion(db, villageId);
    return result;
  });
}

/** The reason a case gets when an official's corrections leave it with nothing to answer (see followCorrection). */
export const CORRECTED_AWAY_REASON = "Dikoreksi petugas: tidak ada lagi komentar yang meminta jawaban";

/**
 * Follows an official's intent or urgency correction of a comment through to its case. A case nobody has acted on
 * yet (still waiting for a first answer; unassigned, unpublished, no note) whose comments no longer ask for anything
 * closes as "tidak perlu tindak lanjut" with CORRECTED_AWAY_REASON, recorded as the official's action: it no longer counts as waiting or
 * overdue. A case closed that way reopens when one of its comments is corrected back to a request. A case someone
 * has answered, assigned or handled is left to the officials.
 */
export async function followCorrection(db: Database, auth: AuthContext, villageId: number, commentId: number, now = new Date()): Promise<void> {
  const row = await findCaseOfComment(db, villageId, commentId);
  if (!row) return;
  const requests = await countCaseRequests(db, villageId, row.id);
  let input: CaseUpdateInput | null = null;
  // Nobody acted: no answer, no assignee, not published, no official's note.
  const untouched = !row.firstReplyAt && row.assigneeId === null && row.publicTitle === null
    && !(await findCaseEvents(db, villageId, row.id)).some((e) => e.kind === "note");
  if (requests === 0 && row.status === "perlu_jawaban" && untouched) {
    input = { status: "tidak_perlu", reason: CORRECTED_AWAY_REASON };
  } else if (requests > 0 && row.status === "tidak_perlu" && row.reason === CORRECTED_AWAY_REASON) {
    input = { status: "perlu_jawaban" };
  }
  if (!input) return;
  const { data, events } = changeOf(row, input, auth.username, now);
  await updateCase(db, villageId, row.id, data, events);
  await bumpVillageVersion(db, villageId);
  await recordAudit(db, auth, { action: "case.change", villageId, target: `case:${row.id}`, details: { ...input, via: `comment:${commentId}` } });
}

/** Called when the village's reply to a resident's comment reached the platform (replies from the dashboard). */
export async function recordVillageReply(db: Database, villageId: number, parentCommentId: number, at: Date, actor: string): Promise<boolean> {
  const c = await findCaseOfComment(db, villageId, parentCommentId);
  if (!c) return false;
  const changed = await markAnswered(db, villageId, c.id, at, { commentId: parentCommentId, via: "dasbor" }, actor);
  if (changed) await bumpVillageVersion(db, villageId);
  return changed;
}

function isOverdue(c: { status: string; firstReplyDueAt: Date; resolveDueAt: Date | null }, now: Date): boolean {
  if (c.status === "perlu_jawaban") return c.firstReplyDueAt < now;
  if (c.status === "dijawab" || c.status === "ditindaklanjuti") return c.resolveDueAt !== null && c.resolveDueAt < now;
  return false;
}

/** Cases as listed; officials' free text is masked unless `raw` (roles allowed raw personal data). */
async function presentCases(db: Database, villageId: number, rows: CaseSummaryRow[], now: Date, raw: boolean): Promise<CaseDTO[]> {
  const [reps, topicRows, stats] = await Promise.all([
    findListedComments(db, villageId, rows.map((r) => r.representativeId)),
    findTopicsForVillage(db, villageId),
    findCaseCommentStats(db, villageId, rows.map((r) => r.id)),
  ]);
  const byId = new Map(reps.map((r) => [r.id, r]));
  const topics = new Map(topicRows.map((t) => [t.key, t.nameId]));
  return rows.flatMap((r) => {
    const rep = byId.get(r.representativeId);
    if (!rep) return [];
    const representative = presentComment(rep);
    const s = stats.get(r.id);
    return [{
      id: r.id, status: r.status as CaseStatus, title: representative.text,
      topic: r.topicKey ? { key: r.topicKey, name: topics.get(r.topicKey) ?? r.topicKey } : null,
      intent: r.intent as Intent, urgent: r.urgent, commentCount: s?.comments ?? 0, platforms: (s?.platforms as Platform[] | undefined) ?? [representative.platform],
      representative, assignee: r.assignee ? { id: r.assignee.id, displayName: r.assignee.displayName || r.assignee.username } : null,
      openedAt: r.openedAt.toISOString(), firstReplyAt: r.firstReplyAt?.toISOString() ?? null, firstReplyDueAt: r.firstReplyDueAt.toISOString(),
      resolveDueAt: r.resolveDueAt?.toISOString() ?? null, resolvedAt: r.resolvedAt?.toISOString() ?? null, overdue: isOverdue(r, now),
      forwardedTo: presentOfficialText(r.forwardedTo, raw), forwardRef: presentOfficialText(r.forwardRef, raw),
      reason: presentOfficialText(r.reason, raw), publicTitle: presentOfficialText(r.publicTitle, raw), publicQuote: presentOfficialText(r.publicQuote, raw),
    }];
  });
}

/**
 * The inbox's counts for a filter, grouped by status and urgency with how many are overdue, the
 * filter's status and overdue parts left out (the tabs show every status). One grouped statement,
 * cached per village data version (every case write bumps it) and held until the next due time
 * passes (a case becomes overdue without any write).
 */
function inboxCountRows(db: Database, villageId: number, filter: CaseFilter, now: Date): Promise<InboxCountRows> {
  const universe = { ...filter, status: undefined, overdue: undefined };
  return cachedForVillage(db, villageId, `caseCounts:${JSON.stringify(universe)}`, () => countInboxCases(db, villageId, universe, now),
    { now, validUntil: (c) => c.nextDueAt });
}

/** Counts per status, overdue and urgent-and-open (of the overdue cases only, with "terlambat"). */
function inboxCounts(counted: InboxCountRows, overdueOnly: boolean): CaseListDTO["counts"] {
  const counts = { ...Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])), overdue: 0, urgent: 0 } as CaseListDTO["counts"];
  for (const r of counted.rows) {
    const n = overdueOnly ? r.overdue : r.n;
    counts[r.status as CaseStatus] = (counts[r.status as CaseStatus] ?? 0) + n;
    counts.overdue += r.overdue;
    if (r.urgent && (OPEN_STATUSES as readonly string[]).includes(r.status)) counts.urgent += n;
  }
  return counts;
}

/**
 * The inbox: a village's cases matching the filters, open before closed, urgent first, then the
 * earliest due (overdue first), with counts per status. A page is cached like the explorer's
 * (per village data version) and, since "overdue" follows the clock, only until the next due time.
 */
export async function listCases(db: Database, auth: AuthContext | undefined, villageId: number, q: CaseListQuery, now = new Date()): Promise<CaseListDTO> {
  assertCanReadVillage(auth, villageId);
  let openedFrom: Date | undefined;
  let openedTo: Date | undefined;
  if (q.week) {
    const village = await getVillage(db, villageId);
    if (!village) throw notFound("Desa");
    const range = isoWeekRange(q.week);
    openedFrom = localTimeToUtc(range.start, 0, village.timeZone);
    openedTo = localTimeToUtc(addDays(range.end, 1), 0, village.timeZone);
  }
  const filter: CaseFilter = {
    status: q.status, assigneeId: q.assigneeId, topic: q.topic, intent: q.intent, urgent: q.urgent === "1", overdue: q.overdue === "1",
    platform: q.platform, openedFrom, openedTo,
  };
  const offset = q.cursor ?? 0;
  const raw = canViewRawPersonalData(auth, villageId);
  const key = `cases:${JSON.stringify([filter, offset, q.limit, raw])}`;
  const page = await cachedForVillage(db, villageId, key, async () => {
    const [counted, ids] = await Promise.all([
      inboxCountRows(db, villageId, filter, now),
      findInboxPage(db, villageId, filter, now, offset, q.limit + 1),
    ]);
    const counts = inboxCounts(counted, filter.overdue === true);
    const total = statusesOf(filter.status).reduce((sum, s) => sum + (counts[s as CaseStatus] ?? 0), 0);
    const data = await presentCases(db, villageId, await findCaseSummaries(db, villageId, ids.slice(0, q.limit)), now, raw);
    return { list: { data, counts, total, nextCursor: ids.length > q.limit ? String(offset + q.limit) : null }, nextDueAt: counted.nextDueAt };
  }, { now, validUntil: (p) => p.nextDueAt });
  return page.list;
}

async function loadCase(db: Database, auth: AuthContext | undefined, caseId: number): Promise<CaseRow> {
  const row = await findCase(db, caseId);
  // A case of another village answers 404: its existence is not the caller's business.
  if (!row || !auth || !(auth.role === "admin" || auth.villageIds.includes(row.villageId))) throw notFound("Isu");
  return row;
}

/** One case with its comments, each with its thread (the village's replies included), and its history. */
export async function getCaseDetail(db: Database, auth: AuthContext | undefined, caseId: number, now = new Date()): Promise<CaseDetailDTO> {
  const row = await loadCase(db, auth, caseId);
  const villageId = row.villageId;
  assertCanReadVillage(auth, villageId);
  const raw = canViewRawPersonalData(auth, villageId);
  const [dto] = await presentCases(db, villageId, [row], now, raw);
  const ids = await findCaseCommentIds(db, villageId, caseId);
  const threads = [];
  for (const id of ids.slice(0, 50)) {
    const thread = await getCommentThread(db, id);
    if (thread && thread.comment.villageId === villageId) threads.push(thread);
  }
  const replyable = await replyableComments(db, threads.map((th) => th.comment));
  const comments = threads.map((th) => ({
    comment: presentComment(th.comment),
    thread: th.replies.map((r) => ({ ...presentComment(r), fromVillage: r.fromVillage })),
    replyFromDashboard: replyable.get(th.comment.id) ?? false,
  }));
  const events = (await findCaseEvents(db, villageId, caseId)).map((e) => ({
    id: e.id, at: e.at.toISOString(), actor: e.actor, kind: e.kind, details: presentEventDetails(caseEventDetailsColumn.parse(e.details), raw),
  }));
  // The draft masks the residents' names, so beside the text it would tell which words are a name:
  // only roles that see the names anyway get it.
  const suggestedQuote = raw ? await draftPublicQuote(db, villageId, caseId, row.representativeId) : "";
  return { case: dto, comments, events, suggestedQuote };
}

/** A history event's texts (a note, "diteruskan ke", a reason, a title) masked unless `raw`. */
function presentEventDetails(details: Record<string, unknown>, raw: boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, typeof v === "string" ? presentOfficialText(v, raw) : v]));
}

async function assertAssignee(db: Database, villageId: number, assigneeId: number | null | undefined): Promise<void> {
  if (assigneeId === null || assigneeId === undefined) return;
  const ok = (await findAssignees(db, villageId)).some((u) => u.id === assigneeId);
  if (!ok) throw badRequest("assigneeId: bukan perangkat desa ini");
}

/** The fields and history events of one change (status, assignee, note). */
function changeOf(row: CaseRow, input: CaseUpdateInput, actor: string, now: Date) {
  const data: Record<string, unknown> = {};
  const events: Array<{ actor: string; kind: string; details: Record<string, unknown> }> = [];
  if (input.status !== undefined && input.status !== row.status) {
    data.status = input.status;
    const closed = input.status === "selesai" || input.status === "diteruskan" || input.status === "tidak_perlu";
    data.resolvedAt = closed ? now : null;
    if (input.status === "diteruskan") Object.assign(data, { forwardedTo: input.forwardedTo, forwardRef: input.forwardRef ?? null });
    if (input.status === "tidak_perlu") data.reason = input.reason;
    // Marking it answered by hand (a reply made offline, by phone or at the office) counts as the first reply.
    if (input.status === "dijawab" && !row.firstReplyAt) data.firstReplyAt = now;
    events.push({ actor, kind: "status", details: { from: row.status, to: input.status, forwardedTo: input.forwardedTo, forwardRef: input.forwardRef, reason: input.reason } });
  }
  if (input.assigneeId !== undefined && input.assigneeId !== row.assigneeId) {
    data.assigneeId = input.assigneeId;
    // Assigning an answered case means someone is handling it now.
    if (input.assigneeId !== null && (data.status ?? row.status) === "dijawab" && input.status === undefined) {
      data.status = "ditindaklanjuti";
      events.push({ actor, kind: "status", details: { from: row.status, to: "ditindaklanjuti" } });
    }
    events.push({ actor, kind: "assign", details: { to: input.assigneeId } });
  }
  if (input.note) events.push({ actor, kind: "note", details: { text: input.note } });
  if (input.publicTitle !== undefined && input.publicTitle !== row.publicTitle) {
    data.publicTitle = input.publicTitle;
    events.push({ actor, kind: "publish", details: { title: input.publicTitle } });
  }
  // Taking a case off the public page takes its quote off too.
  const quote = input.publicTitle === null ? null : input.publicQuote;
  if (quote !== undefined && quote !== row.publicQuote) {
    data.publicQuote = quote;
    events.push({ actor, kind: "quote", details: { text: quote } });
  }
  return { data, events };
}

/** Residents' names of a case (as stored and as written in the texts' greetings are not knowable: names only). */
async function caseAuthorNames(db: Database, villageId: number, caseId: number): Promise<string[]> {
  const ids = await findCaseCommentIds(db, villageId, caseId);
  const comments = await findCommentsByIds(db, ids.slice(0, 500));
  return [...new Set(comments.filter((c) => c.villageId === villageId).map((c) => c.authorName?.trim() ?? "").filter((n) => n.length >= 3))];
}

/**
 * What goes on the public page (the title and the quote) goes only redacted: no NIK, phone number
 * or e-mail address and without the name of any resident who wrote in the case; the quote only
 * under a public title.
 */
async function assertPublishable(db: Database, row: CaseRow, input: CaseUpdateInput): Promise<void> {
  if (input.publicTitle) await assertPublicText(db, row, "publicTitle", input.publicTitle);
  if (!input.publicQuote) return;
  const title = input.publicTitle !== undefined ? input.publicTitle : row.publicTitle;
  if (!title) throw badRequest("publicQuote: beri judul untuk halaman publik dulu; kutipan tampil di bawah judul itu");
  await assertPublicText(db, row, "publicQuote", input.publicQuote);
}

/** Refuses (400 naming `field`) a public text with personal data or a resident's name of the case. */
async function assertPublicText(db: Database, row: CaseRow, field: "publicTitle" | "publicQuote", text: string): Promise<void> {
  // A title is the officials' own words (the office's landline may stand in it); a quote is the resident's.
  const spans = field === "publicTitle" ? findPiiInOfficialText(text) : findPii(text);
  if (spans.length > 0) throw badRequest(`${field}: berisi data pribadi (NIK, nomor telepon atau e-mail); samarkan dulu`);
  // A number masked on screen (0812-••••-••90) still gives part of it away.
  if (/\d[\d\s.-]*•|•[•\s.-]*\d/.test(text)) throw badRequest(`${field}: berisi nomor yang baru disamarkan sebagian; hapus nomornya`);
  const lower = text.toLowerCase();
  for (const name of await caseAuthorNames(db, row.villageId, row.id)) {
    const parts = [name, ...name.split(/\s+/).filter((p) => p.length >= 4)];
    if (parts.some((p) => lower.includes(p.toLowerCase()))) throw badRequest(`${field}: menyebut nama warga yang menulis; samarkan dulu`);
  }
}

/** The representative comment with personal data and the residents' names masked: a draft quote. */
export async function draftPublicQuote(db: Database, villageId: number, caseId: number, representativeId: number): Promise<string> {
  const rep = (await findCommentsByIds(db, [representativeId]))[0];
  if (!rep || rep.villageId !== villageId) return "";
  const text = rep.text;
  // Whole spans go, not the partial masks of the screen (0812-••••-••90).
  let out = text;
  for (const span of findPii(text).sort((a, b) => b.start - a.start)) out = `${out.slice(0, span.start)}•••${out.slice(span.end)}`;
  for (const name of await caseAuthorNames(db, villageId, caseId)) {
    for (const p of [name, ...name.split(/\s+/).filter((w) => w.length >= 4)]) {
      out = out.replace(new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), "•••");
    }
  }
  return out;
}

/** Changes a case's status, assignee or adds a note (perangkat and up of its village); audited. */
export async function changeCase(db: Database, auth: AuthContext | undefined, caseId: number, input: CaseUpdateInput, now = new Date()): Promise<CaseDetailDTO> {
  const row = await loadCase(db, auth, caseId);
  assertCanCorrectLabels(auth, row.villageId);
  await assertAssignee(db, row.villageId, input.assigneeId);
  await assertPublishable(db, row, input);
  const { data, events } = changeOf(row, input, auth.username, now);
  if (events.length > 0) {
    await updateCase(db, row.villageId, caseId, data, events);
    await bumpVillageVersion(db, row.villageId);
    await recordAudit(db, auth, { action: "case.change", villageId: row.villageId, target: `case:${caseId}`, details: { ...input, note: input.note ? "(catatan)" : undefined } });
  }
  return getCaseDetail(db, auth, caseId, now);
}

/** The same status or assignee for several cases of one village. */
export async function bulkChangeCases(
  db: Database, auth: AuthContext | undefined, villageId: number,
  input: { caseIds: number[]; status?: CaseStatus; assigneeId?: number | null }, now = new Date(),
): Promise<{ updated: number }> {
  assertCanCorrectLabels(auth, villageId);
  await assertAssignee(db, villageId, input.assigneeId);
  let updated = 0;
  for (const id of [...new Set(input.caseIds)]) {
    const row = await findCase(db, id);
    if (!row || row.villageId !== villageId) throw notFound(`Isu ${id}`);
    const { data, events } = changeOf(row, { status: input.status, assigneeId: input.assigneeId }, auth.username, now);
    if (events.length === 0) continue;
    await updateCase(db, villageId, id, data, events);
    updated++;
  }
  if (updated > 0) await bumpVillageVersion(db, villageId);
  await recordAudit(db, auth, { action: "case.change", villageId, target: `cases:${input.caseIds.length}`, details: { caseIds: input.caseIds, status: input.status, assigneeId: input.assigneeId } });
  return { updated };
}

/** Merges cases of one village into the oldest of them. */
export async function mergeVillageCases(db: Database, auth: AuthContext | undefined, villageId: number, caseIds: number[], now = new Date()): Promise<CaseDetailDTO> {
  assertCanCorrectLabels(auth, villageId);
  const rows = [];
  for (const id of [...new Set(caseIds)]) {
    const row = await findCase(db, id);
    if (!row || row.villageId !== villageId) throw notFound(`Isu ${id}`);
    rows.push(row);
  }
  if (rows.length < 2) throw badRequest("caseIds: pilih paling sedikit dua isu");
  rows.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id - b.id);
  await mergeCases(db, villageId, rows[0].id, rows.slice(1).map((r) => r.id), auth.username);
  await bumpVillageVersion(db, villageId);
  await recordAudit(db, auth, { action: "case.change", villageId, target: `case:${rows[0].id}`, details: { merged: rows.slice(1).map((r) => r.id) } });
  return getCaseDetail(db, auth, rows[0].id, now);
}

/** Moves some comments of a case into a new case. */
export async function splitVillageCase(db: Database, auth: AuthContext | undefined, caseId: number, commentIds: number[], now = new Date()): Promise<CaseDetailDTO> {
  const row = await loadCase(db, auth, caseId);
  assertCanCorrectLabels(auth, row.villageId);
  const inCase = new Set(await findCaseCommentIds(db, row.villageId, caseId));
  const moving = [...new Set(commentIds)];
  if (moving.some((id) => !inCase.has(id))) throw badRequest("commentIds: komentar itu bukan bagian dari isu ini");
  if (moving.length >= inCase.size) throw badRequest("commentIds: sisakan paling sedikit satu komentar di isu ini");
  const comments = (await findCommentsByIds(db, moving)).sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  const level = await findServiceLevel(db, row.villageId);
  const first = comments[0];
  const urgent = comments.some((c) => (c.humanUrgent ?? c.urgent) === true);
  const due = dueTimes(level, first.publishedAt, urgent, row.topicKey);
  const newId = await splitCase(db, row.villageId, caseId, moving, {
    villageId: row.villageId, topicKey: row.topicKey, intent: first.humanIntent ?? first.intent ?? row.intent, urgent,
    representativeId: first.id, openedAt: first.publishedAt, firstReplyDueAt: due.firstReplyDueAt, resolveDueAt: due.resolveDueAt,
  }, auth.username);
  await bumpVillageVersion(db, row.villageId);
  await recordAudit(db, auth, { action: "case.change", villageId: row.villageId, target: `case:${caseId}`, details: { splitInto: newId, comments: moving } });
  return getCaseDetail(db, auth, newId, now);
}

export async function listAssignees(db: Database, auth: AuthContext | undefined, villageId: number) {
  assertCanReadVillage(auth, villageId);
  return (await findAssignees(db, villageId)).map((u) => ({ id: u.id, displayName: u.displayName || u.username, role: u.role }));
}

export async function getServiceLevel(db: Database, auth: AuthContext | undefined, villageId: number): Promise<ServiceLevelDTO> {
  assertCanReadVillage(auth, villageId);
  return findServiceLevel(db, villageId);
}

/** Sets the village's service level (admin and the chair); applies to cases opened from now on. */
export async function setServiceLevel(db: Database, auth: AuthContext | undefined, villageId: number, input: ServiceLevelDTO): Promise<ServiceLevelDTO> {
  assertCanReadVillage(auth, villageId);
  if (auth.role !== "admin" && auth.role !== "pimpinan") throw forbidden("Hanya admin dan pimpinan yang dapat mengubah target waktu jawaban");
  await saveServiceLevel(db, villageId, input);
  await recordAudit(db, auth, { action: "case.serviceLevel", villageId, details: { ...input } });
  return findServiceLevel(db, villageId);
}

/** The follow-up state of a comment (its case), for the comment detail. */
export async function followUpOfComment(db: Database, villageId: number, commentId: number, now = new Date()): Promise<FollowUpDTO | null> {
  const c = await findCaseOfComment(db, villageId, commentId);
  if (!c) return null;
  return { caseId: c.id, status: c.status as CaseStatus, overdue: isOverdue(c, now), firstReplyDueAt: c.firstReplyDueAt.toISOString(), urgent: c.urgent };
}

/**
 * Response figures of a week (cases opened in [from, to)): how many need a reply, how many the village
 * answered publicly, the median hours to that first reply, and how many of them are overdue now.
 * The weekly review, the API and the PDF all read these.
 */
export async function followUpFigures(db: Database, villageId: number, from: Date, to: Date, now = new Date()): Promise<FollowUpFiguresDTO> {
  const f = await findCaseFiguresOpenedIn(db, villageId, from, to, now);
  const hours = f.replies.map((r) => (r.firstReplyAt.getTime() - r.openedAt.getTime()) / HOUR).sort((a, b) => a - b);
  const mid = hours.length / 2;
  const median = hours.length === 0 ? null : hours.length % 2 ? hours[Math.floor(mid)] : (hours[mid - 1] + hours[mid]) / 2;
  return { needsReply: f.needsReply, answered: f.answered, overdue: f.overdue, medianFirstReplyHours: median === null ? null : Math.round(median * 10) / 10 };
}

/** One open or period case as the report lists it (texts redacted like every report quote). */
export interface ReportCase {
  id: number;
  title: string;
  topicKey: string | null;
  intent: string;
  urgent: boolean;
  status: CaseStatus;
  openedAt: Date;
  firstReplyAt: Date | null;
  overdue: boolean;
  forwardedTo: string | null;
  comments: number;
}

export interface FollowUpReport {
  figures: FollowUpFiguresDTO;
  /** Open cases (opened up to the period's end) per topic: the list the BPD reads out at the musyawarah. */
  openByTopic: Array<{ topicKey: string | null; perlu_jawaban: number; dijawab: number; ditindaklanjuti: number; overdue: number }>;
  /** Open cases, urgent and overdue first, then oldest (at most 500; `openTotal` counts them all). */
  open: ReportCase[];
  openTotal: number;
  /** Every case opened in the period (the workbook's Kasus sheet). */
  opened: ReportCase[];
}

/**
 * The "Tindak lanjut" part of the PDF and the workbook for [from, to): the same response figures as the
 * weekly review (followUpFigures), the open cases by topic, and the case lists.
 */
export async function followUpReport(db: Database, villageId: number, from: Date, to: Date, now = new Date()): Promise<FollowUpReport> {
  const openWhere = { villageId, status: { in: ["perlu_jawaban", "dijawab", "ditindaklanjuti"] }, openedAt: { lt: to } };
  const [figures, open, openTotal, opened, perTopic] = await Promise.all([
    followUpFigures(db, villageId, from, to, now),
    findCases(db, openWhere, 0, 500),
    countCases(db, openWhere),
    findCases(db, { villageId, openedAt: { gte: from, lt: to } }, 0, 5000),
    countCasesByTopic(db, openWhere, now),
  ]);
  const reps = new Map((await findCommentsByIds(db, [...new Set([...open, ...opened].map((c) => c.representativeId))]))
    .filter((c) => c.villageId === villageId).map((c) => [c.id, c]));
  const toReport = (c: CaseRow): ReportCase => {
    const rep = reps.get(c.representativeId);
    return {
      id: c.id, title: rep ? presentComment(rep).text : "", topicKey: c.topicKey, intent: c.intent, urgent: c.urgent,
      status: c.status as CaseStatus, openedAt: c.openedAt, firstReplyAt: c.firstReplyAt, overdue: isOverdue(c, now),
      forwardedTo: presentOfficialText(c.forwardedTo, false), comments: c._count.comments,
    };
  };
  const openCases = open.map(toReport).sort((a, b) => Number(b.urgent) - Number(a.urgent) || Number(b.overdue) - Number(a.overdue) || a.openedAt.getTime() - b.openedAt.getTime());
  const byTopic = new Map<string | null, FollowUpReport["openByTopic"][number]>();
  for (const r of perTopic.byStatus) {
    const t = byTopic.get(r.topicKey) ?? { topicKey: r.topicKey, perlu_jawaban: 0, dijawab: 0, ditindaklanjuti: 0, overdue: perTopic.overdue.get(r.topicKey) ?? 0 };
    if (r.status === "perlu_jawaban" || r.status === "dijawab" || r.status === "ditindaklanjuti") t[r.status] += r.n;
    byTopic.set(r.topicKey, t);
  }
  const total = (t: FollowUpReport["openByTopic"][number]) => t.perlu_jawaban + t.dijawab + t.ditindaklanjuti;
  return {
    figures,
    openByTopic: [...byTopic.values()].sort((a, b) => total(b) - total(a) || b.overdue - a.overdue || String(a.topicKey).localeCompare(String(b.topicKey))),
    open: openCases,
    openTotal,
    opened: opened.map(toReport),
  };
}
