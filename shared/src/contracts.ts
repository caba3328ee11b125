// Request and response contracts shared by server and client. One zod schema per endpoint input;
// response DTOs are plain types (the server builds them in presenters/).
import { z } from "zod";

export const PLATFORMS = ["x", "facebook", "instagram", "file"] as const;
export type Platform = (typeof PLATFORMS)[number];
export const SENTIMENTS = ["positif", "netral", "negatif"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
/** What a resident wants: reports a problem, asks, proposes, thanks, or anything else. */
export const INTENTS = ["keluhan", "pertanyaan", "usulan", "apresiasi", "lainnya"] as const;
export type Intent = (typeof INTENTS)[number];
/** Intents that ask the village office for an answer or an action. */
export const NEEDS_REPLY_INTENTS: readonly Intent[] = ["keluhan", "pertanyaan", "usulan"];
/** Follow-up case statuses: answer publicly, handle, finish; or forward elsewhere, or no follow-up needed. */
export const CASE_STATUSES = ["perlu_jawaban", "dijawab", "ditindaklanjuti", "selesai", "diteruskan", "tidak_perlu"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const LANGUAGES = ["id", "su", "jv", "en", "other"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Years a period or date filter may name. Social media started well after 2000, and a year like
 * 0000 or 9999 only makes the date arithmetic overflow (and used to store junk reports), so every
 * week, month and date a user or the CLI gives goes through the schemas below.
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const yearProblem = (year: string): string | null =>
  Number(year) < MIN_YEAR || Number(year) > MAX_YEAR ? `year must be between ${MIN_YEAR} and ${MAX_YEAR}, got ${year}` : null;

/** ISO weeks in a year: 53 when 1 January or (leap years) 31 December is a Thursday. */
export function isoWeeksInYear(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const dec31 = new Date(Date.UTC(year, 11, 31)).getUTCDay();
  return jan1 === 4 || dec31 === 4 ? 53 : 52;
}

/** Why `value` is not an ISO week of a supported year (null when it is one). */
export function isoWeekProblem(value: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!m) return `must be an ISO week like 2026-W47, got "${value}"`;
  const year = Number(m[1]);
  const week = Number(m[2]);
  const bad = yearProblem(m[1]);
  if (bad) return bad;
  if (week < 1 || week > isoWeeksInYear(year)) return `${year} has weeks 01 to ${isoWeeksInYear(year)}, got W${m[2]}`;
  return null;
}

/** Why `value` is not a month ("YYYY-MM") of a supported year (null when it is one). */
export function yearMonthProblem(value: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return `must be a month like 2026-11, got "${value}"`;
  return yearProblem(m[1]);
}

/** Why `value` is not a calendar date ("YYYY-MM-DD") of a supported year (null when it is one). */
export function isoDateProblem(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `must be a date like 2026-11-23, got "${value}"`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const bad = yearProblem(m[1]);
  if (bad) return bad;
  // Date.UTC rolls 2026-02-30 over to 2 March: a date is real only when it survives the round trip.
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return `${value} is not a calendar date`;
  return null;
}

const checked = (problem: (v: string) => string | null) =>
  z.string().superRefine((v, ctx) => {
    const message = problem(v);
    if (message) ctx.addIssue({ code: "custom", message });
  });

/** ISO week like 2026-W47 (weeks start Monday, bucketed in the village's time zone), years 2000–2100. */
export const IsoWeek = checked(isoWeekProblem);
/** Calendar month like 2026-11, years 2000–2100. */
export const YearMonth = checked(yearMonthProblem);
/** Calendar date like 2026-11-23 that exists (no 30 February), years 2000–2100. */
export const IsoDate = checked(isoDateProblem);

export const VillageParamsSchema = z.object({ villageId: z.coerce.number().int().positive() });

export const OverviewQuerySchema = z.object({ week: IsoWeek.optional() });
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;

export const CommentListQuerySchema = z.object({
  topic: z.string().regex(/^[a-z0-9_]+$/, "must be a topic key").optional(),
  sentiment: z.enum(SENTIMENTS).optional(),
  intent: z.enum(INTENTS).optional(),
  /** "1": only comments that ask for an answer (keluhan, pertanyaan, usulan; not spam). */
  needsReply: z.enum(["1"]).optional(),
  /** "1": only comments where a life, health or home is at risk now. */
  urgent: z.enum(["1"]).optional(),
  /** Comments whose follow-up case has this status. */
  caseStatus: z.enum(CASE_STATUSES).optional(),
  platform: z.enum(PLATFORMS).optional(),
  language: z.enum(LANGUAGES).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  spam: z.enum(["exclude", "include", "only"]).default("exclude"),
  /** Comments carrying personal data (NIK, phone, e-mail): any, only them, or none of them. */
  pii: z.enum(["any", "only", "exclude"]).default("any"),
  sort: z.enum(["time", "likes"]).default("time"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CommentListQuery = z.infer<typeof CommentListQuerySchema>;

export interface VillageDTO { id: number; code: string; name: string; kecamatan: string; kabupaten: string; timeZone: string; publicPage?: boolean }

/** How long a village keeps raw comments, as the admin page shows it (one computation for the page and the API). */
export interface VillageSettingsDTO {
  villageId: number;
  /** Months raw comments are kept (null: kept until deleted on request). */
  retentionMonths: number | null;
  /** First local day whose comments are kept and stored by imports now (null: every day); with a retention it moves on daily. */
  keptFrom: string | null;
  /** The latest automatic deletion removed comments published before this local day (null: none yet). */
  purgedBefore: string | null;
  /** When the next nightly deletion runs (ISO; null: the village keeps everything, none runs for it). */
  nextDeletionAt: string | null;
  /** Stored comments that deletion removes (daily statistics stay); its cut-off is computed at its own time. */
  dueForDeletion: number;
  /** Local day of the oldest stored comment (null: no comment). */
  oldestCommentDay: string | null;
}

/**
 * What erasing one comment's author (UU PDP right to erasure) would remove in that comment's village:
 * counts only, never their text or author id.
 */
export interface AuthorErasurePreviewDTO {
  villageId: number;
  /** The platform account the author is known by: their comments from other platforms are another author. */
  platform: Platform;
  /** The author is known by name only (imported without an account id): others of that name share it. */
  byNameOnly: boolean;
  /** The author's stored comments in the village, this one included. */
  comments: number;
  /** Local days they were published on: the days whose statistics are recomputed. */
  days: number;
  /** Publication time (ISO) of the author's first and last stored comment in the village. */
  firstAt: string;
  lastAt: string;
}

/** An erasure done: comments deleted and the local days ("YYYY-MM-DD") whose statistics were recomputed. */
export interface AuthorErasureDTO { deleted: number; days: string[] }

export interface SentimentCounts { positif: number; netral: number; negatif: number }

/** Comments per effective intent, needs-reply (keluhan + pertanyaan + usulan) and urgent; spam excluded. */
export interface IntentCounts { keluhan: number; pertanyaan: number; usulan: number; apresiasi: number; lainnya: number; needsReply: number; urgent: number }

/** How fresh a village's data is: shown on the review, the explorer and the PDF cover. */
export interface FreshnessDTO {
  /** Last successful fetch or import (null: never, e.g. the demo's sample data). */
  lastFetchAt: string | null;
  /** The newest local day that has comments. */
  latestDataDay: string | null;
  /** Sources that need a new login ("perlu login ulang"). */
  needsLogin: number;
  /** True when nothing arrived for more than a day (or ever) — statistics may lag behind. */
  stale: boolean;
  /** The current week (village time) when it has no data yet: the review, which opens on it, says so and offers the latest week with data. */
  currentWeekEmpty: string | null;
}

export interface OverviewDTO {
  /** The week shown: the one asked for, else the current week (review) or the latest with data (null: none). */
  week: string | null;
  freshness: FreshnessDTO;
  weekStart: string | null; // local date of the Monday
  weekEnd: string | null; // local date of the Sunday
  totals: SentimentCounts & { comments: number; spam: number; intents: IntentCounts } & FollowUpFiguresDTO;
  previous: (SentimentCounts & { comments: number; spam: number; intents: IntentCounts }) | null;
  trend: Array<SentimentCounts & { week: string; comments: number }>;
  /** `keluhan`: of `count`, comments whose effective intent is a complaint (spam excluded). */
  topics: Array<{ key: string; name: string; count: number; negatif: number; keluhan: number; previous: number; delta: number }>;
  platforms: Array<SentimentCounts & { platform: Platform; comments: number }>;
  weeks: string[]; // weeks that have data, newest first (for the week picker; [0] is the latest week with data)
}

export const VillageComparisonQuerySchema = z.object({ week: IsoWeek.optional() });
export type VillageComparisonQuery = z.infer<typeof VillageComparisonQuerySchema>;

/** One village's row of the comparison page: the weekly review's own figures for the same week. */
export interface VillageComparisonRowDTO {
  village: VillageDTO;
  /** The week's totals (spam apart) as the weekly review counts them. */
  totals: SentimentCounts & { comments: number } & FollowUpFiguresDTO;
  /** The topic with the most complaints this week (null: no complaint). */
  topComplaint: { key: string; name: string; nameEn: string; keluhan: number } | null;
  /** Too few rated comments for a percentage (the review's "sampel kecil" rule, shared/samples): show counts. */
  smallSample: boolean;
  freshness: FreshnessDTO;
}

/** Every village the user may read, side by side for one week. */
export interface VillageComparisonDTO {
  /** The week compared (default: the latest week any of the villages has data); null: no data at all. */
  week: string | null;
  /** Weeks with data in any of the villages, newest first (for the week picker). */
  weeks: string[];
  rows: VillageComparisonRowDTO[];
}

export interface RisingTermDTO { term: string; count: number; baselineAvg: number; score: number; examples: CommentDTO[] }

/** The parts of the weekly review that read comments (not rollups): bounded to one week. */
export interface WeeklyInsightsDTO {
  week: string;
  risingTerms: RisingTermDTO[];
  /** "Perlu perhatian": the most clearly negative and the most-liked negative comments. */
  attention: {
    mostNegative: CommentDTO[];
    mostLiked: CommentDTO[];
    /** Comment id -> how many other negative comments of the week are the same isu (one card stands for them). */
    similar: Record<number, number>;
  };
  /** Comments (non-spam) by local weekday (0 = Monday) and hour: activity[weekday][hour]. */
  activity: number[][];
}

export const TopicDetailQuerySchema = z.object({ week: IsoWeek.optional() });

export interface PlaceDTO { name: string; count: number; negatif: number }

export interface TopicDetailDTO {
  key: string;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  week: string | null;
  totals: SentimentCounts & { comments: number };
  trend: Array<SentimentCounts & { week: string; comments: number }>;
  terms: Array<{ term: string; count: number }>;
  places: PlaceDTO[];
  examples: CommentDTO[];
}

export const CommentLabelsSchema = z
  .object({
    sentiment: z.enum(SENTIMENTS).nullable().optional(),
    topics: z.array(z.string().regex(/^[a-z0-9_]+$/, "must be a topic key")).max(13).optional(),
    /** null: follow the model again. */
    intent: z.enum(INTENTS).nullable().optional(),
    urgent: z.boolean().nullable().optional(),
  })
  .refine((v) => v.sentiment !== undefined || v.topics !== undefined || v.intent !== undefined || v.urgent !== undefined,
    { message: "give sentiment, topics, intent or urgent", path: ["sentiment"] });
export type CommentLabelsInput = z.infer<typeof CommentLabelsSchema>;

export interface CommentDetailDTO {
  comment: CommentDTO;
  post: { platform: Platform; externalId: string; text: string; url: string | null; publishedAt: string } | null;
  parent: CommentDTO | null;
  replies: CommentDTO[];
  followUp: FollowUpDTO | null;
  corrections: {
    sentimentBy: string | null; sentimentAt: string | null; topicsBy: string | null; topicsAt: string | null;
    intentBy: string | null; intentAt: string | null; urgentBy: string | null; urgentAt: string | null;
  };
}

export interface PiiSpanDTO { type: string; start: number; end: number }

export interface CommentDTO {
  id: number;
  platform: Platform;
  // No platform/external id: for WhatsApp and CSV rows it is a hash of the author with what is on
  // screen, so it would confirm a guessed name or phone number. `id` identifies the comment.
  url: string | null;
  author: string; // display name or pseudonym, never a raw id
  text: string; // personal data redacted
  publishedAt: string;
  likeCount: number;
  language: string | null;
  sentiment: { label: Sentiment; score: number; origin: "model" | "human" } | null;
  topics: Array<{ key: string; name: string; score: number; origin: "model" | "human" }>;
  intent: { label: Intent; score: number; origin: "model" | "human" } | null;
  /** Life, health or home at risk now, with the words that made it so (empty when an official set it). */
  urgent: { value: boolean; terms: string[]; origin: "model" | "human" };
  /** Asks the village for an answer (needs-reply intent, not spam). */
  needsReply: boolean;
  spam: boolean;
  hasPersonalData: boolean;
  /**
   * The model that analysed the comment; `accuracy` is its sentiment accuracy on the test data of
   * the model card (lowest and highest over the test sets), null when that version was not measured.
   */
  model: { name: string; version: string; accuracy: { min: number; max: number } | null } | null;
}

/** A page of the explorer; `total` counts every comment matching the filters (all pages). */
export interface CommentListDTO { data: CommentDTO[]; nextCursor: string | null; total: number }

export const VillageTopicSaveSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "harus 2–40 huruf kecil, angka atau garis bawah, diawali huruf"),
  nameId: z.string().trim().min(1, "wajib diisi").max(80, "paling banyak 80 karakter"),
  nameEn: z.string().trim().min(1, "wajib diisi").max(80, "paling banyak 80 karakter"),
  descriptionId: z.string().trim().max(300).optional(),
  descriptionEn: z.string().trim().max(300).optional(),
  keywords: z.array(z.string().trim().toLowerCase().min(2, "setiap kata kunci minimal 2 huruf").max(60, "setiap kata kunci paling banyak 60 karakter")).min(1, "beri minimal satu kata kunci").max(200, "paling banyak 200 kata kunci"),
});
export type VillageTopicSaveInput = z.infer<typeof VillageTopicSaveSchema>;

export interface TopicDTO {
  key: string; nameId: string; nameEn: string; descriptionId: string; descriptionEn: string;
  /** The words that tag a comment with this topic (editable on the Admin page). */
  keywords: string[];
  /** The village's own topic, or its own edit of a shared one. */
  own: boolean;
}

export interface ApiErrorBody { error: { code: string; message: string } }

/** A source's health for the dashboard (tokens are never part of it). */
export interface SourceDTO {
  id: number;
  villageId: number;
  platform: string;
  accountId: string;
  handle: string | null;
  name: string | null;
  /** active | paused | error | needs_login ("perlu login ulang") */
  status: string;
  intervalMinutes: number | null;
  hasToken: boolean;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  /** Plain Indonesian, written by the ingest runner. */
  lastError: string | null;
  lastErrorAt: string | null;
  lastRun: { status: string; startedAt: string; finishedAt: string | null; read: number; new: number; updated: number; rejected: number } | null;
  comments: number;
  /** X bills per post read: posts read this calendar month (UTC), null for other platforms. */
  xPostsReadThisMonth: number | null;
  /** Connected through "Hubungkan akun" (X: refreshed by itself) rather than a pasted token. */
  connected: boolean;
  /** The stored settings text could not be read: the source runs with default settings. */
  settingsUnreadable: boolean;
}

/** Which "Hubungkan akun" logins this install offers (the app credentials are set). */
export interface OAuthProvidersDTO {
  x: { configured: boolean };
  meta: { configured: boolean };
}

/** A Facebook Page a finished Facebook Login offers (its token stays on the server). */
export interface MetaPageChoiceDTO {
  id: string;
  name: string;
  instagram: { id: string; username: string | null } | null;
}

export const ROLE_NAMES = ["admin", "pimpinan", "perangkat", "viewer"] as const;

/** An account as the API shows it (never the password hash or lockout counters). */
export interface UserDTO {
  id: number;
  username: string;
  displayName: string;
  role: (typeof ROLE_NAMES)[number];
  disabled: boolean;
  /** An admin reset the password: the user sets their own before using the app. */
  mustChangePassword: boolean;
  villages: Array<{ id: number; code: string; name: string }>;
}

/** One audit-log entry: who exported, changed a label or a source, viewed raw personal data. */
export interface AuditEntryDTO {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  /** The user's full name, when the account still exists and has one. */
  actorName: string | null;
  /** "cli": the command line on the server; "system": scheduled jobs. */
  actor: "user" | "cli" | "system";
  action: string;
  villageId: number | null;
  target: string | null;
  /** What the target is called for people: a source's name, a comment's first words (personal data masked), a topic's name. */
  targetLabel: string | null;
  details: Record<string, unknown> | null;
}

/** Background jobs for admins: queue sizes and what failed. */
export interface BackgroundJobsDTO {
  /** "queue": pg-boss workers (PostgreSQL); "in-process": the server's own scheduler (SQLite). */
  engine: "queue" | "in-process";
  queues: Array<{ name: string; queued: number; active: number; retrying: number; failed: number }>;
  /** Jobs that failed after their last retry (queue engine), newest first. */
  failedJobs: Array<{ id: string; queue: string; sourceId: number | null; sourceName: string | null; villageId: number | null; attempts: number; error: string; failedAt: string }>;
  /** Ingest, import, retag and report runs that failed or stopped part-way in the last 7 days. */
  failedRuns: Array<{ id: number; kind: string; status: string; villageId: number | null; sourceId: number | null; sourceName: string | null; startedAt: string; error: string | null }>;
}

/** A stored Laporan Aspirasi Warga (or export) listed for download. */
export interface StoredReportDTO {
  id: number;
  kind: "weekly" | "monthly";
  period: string;
  format: "pdf" | "xlsx" | "csv";
  language: "id" | "en";
  bytes: number;
  fileName: string;
  createdAt: string;
  createdBy: string | null;
  downloadUrl: string;
}

export interface CaseDTO {
  id: number;
  status: CaseStatus;
  /** The representative comment's text (personal data redacted). */
  title: string;
  topic: { key: string; name: string } | null;
  intent: Intent;
  urgent: boolean;
  commentCount: number;
  platforms: Platform[];
  representative: CommentDTO;
  assignee: { id: number; displayName: string } | null;
  openedAt: string;
  firstReplyAt: string | null;
  firstReplyDueAt: string;
  resolveDueAt: string | null;
  resolvedAt: string | null;
  overdue: boolean;
  forwardedTo: string | null;
  forwardRef: string | null;
  reason: string | null;
  publicTitle: string | null;
  /** Shown under the public title: a quote an official redacted and marked public. */
  publicQuote: string | null;
}

export interface CaseListDTO {
  data: CaseDTO[];
  counts: Record<CaseStatus, number> & { overdue: number; urgent: number };
  nextCursor: string | null;
  total: number;
}

export interface CaseEventDTO { id: number; at: string; actor: string; kind: string; details: Record<string, unknown> }

export interface CaseDetailDTO {
  case: CaseDTO;
  /**
   * Each comment of the case with its thread: replies in time order, the village's own marked.
   * `replyFromDashboard`: a reply to it can be posted from the dashboard (the village's account for
   * its platform is connected) — the reply route's own rule; otherwise the official answers on the platform.
   */
  comments: Array<{ comment: CommentDTO; thread: Array<CommentDTO & { fromVillage: boolean }>; replyFromDashboard: boolean }>;
  events: CaseEventDTO[];
  /**
   * The first comment with personal data and residents' names masked: a starting point for a public
   * quote. Empty for roles not allowed raw personal data (its masks would tell which words are names).
   */
  suggestedQuote: string;
}

export const CaseListQuerySchema = z.object({
  /** "open": perlu_jawaban, dijawab and ditindaklanjuti (the inbox's default). */
  status: z.enum([...CASE_STATUSES, "open"]).optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  topic: z.string().regex(/^[a-z0-9_]+$/, "must be a topic key").optional(),
  intent: z.enum(INTENTS).optional(),
  urgent: z.enum(["1"]).optional(),
  overdue: z.enum(["1"]).optional(),
  platform: z.enum(PLATFORMS).optional(),
  week: IsoWeek.optional(),
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const CaseUpdateSchema = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    assigneeId: z.number().int().positive().nullable().optional(),
    note: z.string().trim().min(1).max(2000).optional(),
    forwardedTo: z.string().trim().min(1).max(200).optional(),
    forwardRef: z.string().trim().max(200).optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    /** A title for residents: the case is listed on the public page (null: taken off it). */
    publicTitle: z.string().trim().min(3).max(140).nullable().optional(),
    /** A quote residents read under the title, redacted by the official (null: no quote). */
    publicQuote: z.string().trim().min(3).max(400).nullable().optional(),
  })
  .refine((v) => v.status !== undefined || v.assigneeId !== undefined || v.note !== undefined || v.publicTitle !== undefined || v.publicQuote !== undefined, { message: "give status, assigneeId, note, publicTitle or publicQuote", path: ["status"] })
  .refine((v) => v.status !== "diteruskan" || v.forwardedTo !== undefined, { message: "say where it was forwarded (kecamatan, dinas, SP4N-LAPOR!)", path: ["forwardedTo"] })
  .refine((v) => v.status !== "tidak_perlu" || v.reason !== undefined, { message: "give the reason no follow-up is needed", path: ["reason"] });
export type CaseUpdateInput = z.infer<typeof CaseUpdateSchema>;

export const CaseBulkSchema = z
  .object({
    caseIds: z.array(z.number().int().positive()).min(1).max(200),
    status: z.enum(["perlu_jawaban", "dijawab", "ditindaklanjuti", "selesai"]).optional(),
    assigneeId: z.number().int().positive().nullable().optional(),
  })
  .refine((v) => v.status !== undefined || v.assigneeId !== undefined, { message: "give status or assigneeId", path: ["status"] });
export const CaseMergeSchema = z.object({ caseIds: z.array(z.number().int().positive()).min(2).max(50) });
export const CaseSplitSchema = z.object({ commentIds: z.array(z.number().int().positive()).min(1).max(200) });

export const ServiceLevelSchema = z.object({
  firstReplyHours: z.number().int().min(1).max(24 * 30),
  urgentReplyHours: z.number().int().min(1).max(72),
  resolutionDays: z.record(z.string().regex(/^[a-z0-9_]+$/, "must be a topic key"), z.number().int().min(1).max(365)),
});
export type ServiceLevelDTO = z.infer<typeof ServiceLevelSchema>;

/** The follow-up state of one comment (comment detail). */
export interface FollowUpDTO { caseId: number; status: CaseStatus; overdue: boolean; firstReplyDueAt: string; urgent: boolean }

/** Response figures of a week: cases opened that week, how many the village answered publicly, how fast; overdue now. */
export interface FollowUpFiguresDTO { needsReply: number; answered: number; overdue: number; medianFirstReplyHours: number | null }

/** The public page (/publik/<kode-desa>): aggregates and published cases only — no comments, authors or ids. */
export interface PublicPageDTO {
  village: { name: string; kecamatan: string; kabupaten: string };
  week: string | null;
  latestDataDay: string | null;
  /**
   * `negativeShare` is null when there are no comments or too few to stand behind a percentage
   * (shared/samples); `negatif` is the count the page shows then ("3 dari 7").
   */
  weeks: Array<{ week: string; comments: number; negatif: number; negativeShare: number | null; needsReply: number; answered: number }>;
  topics: Array<{ name: string; comments: number; negatif: number; negativeShare: number | null }>;
  followUp: { needsReply: number; answered: number; resolved: number; medianFirstReplyHours: number | null };
  cases: Array<{ title: string; quote: string | null; topic: string | null; status: CaseStatus; opened: string; resolved: string | null }>;
}

export const PublicPageToggleSchema = z.object({ enabled: z.boolean() });

/** Start a re-analysis; `all`: every stored comment, so the officials' latest corrections reach them too. */
export const RetagStartBodySchema = z.object({ all: z.boolean().optional() });

/**
 * "Analisis ulang komentar": how many stored comments were tagged by an older model or topic list,
 * and the village's latest re-analysis with its progress (done of total).
 */
export interface RetagStatusDTO {
  staleComments: number;
  /** Comments of the village an official corrected (sentiment, intent or urgency): what "apply corrections" re-applies. */
  correctedComments: number;
  /** Comments of the village (the re-analysis with corrections goes over all of them). */
  totalComments: number;
  /** A re-analysis is waiting or running for this village. */
  pending: boolean;
  lastRun: { status: "running" | "ok" | "partial" | "failed" | "abandoned"; done: number; total: number; startedAt: string; finishedAt: string | null; error: string | null } | null;
}
