// JSON kept in string columns (SQLite has no JSON type the two engines share). Each column has one
// codec here: a zod schema for what may be stored, one serialise and one parse, and what a value
// that does not parse reads as — so a malformed row never reaches a presenter as `any`.
import { z } from "zod";
import { sourceCursorSchemas, type SourceCursor } from "../ingest/cursors";
import type { PiiSpan } from "../nlp/types";

/** A stored value its column's schema refuses: the message names the column and the row. */
export class JsonColumnError extends Error {
  constructor(readonly column: string, readonly where: string | undefined, detail: string) {
    super(`${column}${where ? ` of ${where}` : ""} ${detail}`);
    this.name = "JsonColumnError";
  }
}

/** One JSON string column: the only place its text is parsed or written. */
export interface JsonColumn<T> {
  /** The stored text as a value; null (or empty) reads as the column's empty value. */
  parse(text: string | null, where?: string): T;
  serialise(value: T): string;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function jsonColumn<S extends z.ZodType>(
  schema: S,
  opts: {
    empty: () => z.output<S>;
    /** What text that is not JSON, or JSON the schema refuses, reads as (or throw). */
    invalid: (text: string, where?: string) => z.output<S>;
  },
): JsonColumn<z.output<S>> {
  return {
    parse(text, where) {
      if (!text) return opts.empty();
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return opts.invalid(text, where);
      }
      const r = schema.safeParse(value);
      return r.success ? r.data : opts.invalid(text, where);
    },
    serialise: (value) => JSON.stringify(value),
  };
}

/** Comment.urgentTerms: the words that made a comment urgent; anything else reads as none. */
export const urgentTermsColumn = jsonColumn(
  z.array(z.unknown()).transform((a) => a.filter((t): t is string => typeof t === "string")),
  { empty: () => [], invalid: () => [] },
);

/** Comment.piiSpans: where personal data sits in the text; anything malformed reads as none. */
export const piiSpansColumn = jsonColumn(z.array(z.custom<PiiSpan>()), { empty: () => [], invalid: () => [] });

/** FollowUpEvent.details: an object; a non-object reads as {}, text that is not JSON is an error. */
export const caseEventDetailsColumn = jsonColumn(z.custom<Record<string, unknown>>(isObject), {
  empty: () => ({}),
  // Valid JSON that is not an object reads as {}; text that is not JSON throws its SyntaxError.
  invalid: (text) => {
    JSON.parse(text);
    return {};
  },
});

/** ServiceLevel.resolutionDays: days per topic key; entries that are not positive numbers are dropped. */
export const resolutionDaysColumn = jsonColumn(
  z.unknown().transform((v): Record<string, number> =>
    isObject(v) ? (Object.fromEntries(Object.entries(v).filter(([, d]) => typeof d === "number" && d > 0)) as Record<string, number>) : {}),
  {
    empty: () => ({}),
    invalid: (_text, where) => {
      throw new JsonColumnError("ServiceLevel.resolutionDays", where, "is not JSON");
    },
  },
);

/** AlertChannel.events: the event names a channel receives (the service keeps the known ones). */
export const alertEventsColumn = jsonColumn(
  z.unknown().transform((v) => (Array.isArray(v) ? v.map(String) : [])),
  {
    empty: () => [],
    invalid: (text, where) => {
      throw new JsonColumnError("AlertChannel.events", where, `is not JSON: ${text}`);
    },
  },
);

/** AuditLog.details: an object, or null when there are none; text that is not JSON is shown as { raw }. */
export const auditDetailsColumn = jsonColumn(z.custom<Record<string, unknown> | null>(() => true), {
  empty: () => null,
  invalid: (text) => ({ raw: text }),
});

/** InstallSecret.pseudonymChain: the earlier pseudonym secrets, oldest first. */
export const pseudonymChainColumn = jsonColumn(z.array(z.string()), {
  empty: () => [],
  invalid: (_text, where) => {
    throw new JsonColumnError("InstallSecret.pseudonymChain", where, "is not a JSON string array");
  },
});

/** Topic.keywords: the keyword and stem rules of a topic. */
export const topicKeywordsColumn = jsonColumn(z.array(z.string()), {
  empty: () => [],
  invalid: (text, where) => {
    throw new JsonColumnError("Topic.keywords", where, `is not a JSON string array: ${text}`);
  },
});

/** Source.settings as stored: per-source options and the run bookkeeping kept beside them. */
const sourceSettingsSchema = z.looseObject({
  /** Days of history a pass covers (connector default when absent or outside 1–90). */
  windowDays: z.number().min(1).max(90).optional().catch(undefined),
  /** Connected through a login ("x" or "meta") rather than a pasted token. */
  oauth: z.enum(["x", "meta"]).optional().catch(undefined),
  /** Back-off after a rate-limited run: no scheduled run before `until`. */
  rateLimit: z.object({ until: z.string(), strikes: z.number().int().min(0), estimated: z.boolean() }).optional().catch(undefined),
  /** Posts read this calendar month (UTC), which X bills. */
  xUsage: z.object({ month: z.string(), postsRead: z.number().min(0) }).optional().catch(undefined),
  /** Text found in the column that was not a JSON object, kept so the next write does not lose it. */
  unreadable: z.string().optional(),
});
export type SourceSettings = z.output<typeof sourceSettingsSchema>;

/**
 * Source.settings. A bad row must not stop ingestion (the scheduler reads every village's sources
 * at once), so nothing here throws: an option that does not fit its schema reads as absent (the
 * default applies), and text that is not a JSON object reads as `{ unreadable: text }`, which the
 * next settings write carries along instead of losing it.
 */
export const sourceSettingsColumn = jsonColumn(sourceSettingsSchema, {
  empty: () => ({}),
  invalid: (text) => ({ unreadable: text }),
});

/**
 * Source.cursor, in the shape of the source's platform. A cursor that does not fit (hand-edited,
 * written by an older cursor version, another platform's) reads as null: the connector starts a
 * fresh pass. That is safe because every item is upserted on its key, so re-reading costs API
 * calls but never duplicates or loses a comment.
 */
export const sourceCursorColumn = {
  parse(text: string | null, platform: string): SourceCursor | null {
    return cursorColumns.get(platform)?.parse(text) ?? null;
  },
  serialise: (value: SourceCursor): string => JSON.stringify(value),
};
const cursorColumns = new Map(Object.entries(sourceCursorSchemas).map(([platform, schema]) =>
  [platform, jsonColumn(schema.nullable(), { empty: () => null, invalid: () => null })]));

const alertPayloadSchema = z.object({
  subject: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  /** Urgent alerts ignore quiet hours. */
  urgent: z.boolean(),
  /** A stored report to attach (the Monday digest). */
  reportId: z.number().int().nullable().optional(),
});
/** What a message carries; each sender renders it for its channel. */
export type AlertPayload = z.output<typeof alertPayloadSchema>;

/**
 * AlertMessage.payload. A payload that does not parse throws, naming the message: sending a guess
 * to a village official is worse than not sending (the dispatcher marks that message failed and
 * goes on with the others).
 */
export const alertPayloadColumn = jsonColumn(alertPayloadSchema, {
  empty: () => {
    throw new JsonColumnError("AlertMessage.payload", undefined, "is empty");
  },
  invalid: (text, where) => {
    throw new JsonColumnError("AlertMessage.payload", where, `is not an alert payload: ${text.slice(0, 200)}`);
  },
});

const count = z.number().int().min(0);
/** One wait of a run (rate limit or temporary error) before its next try. */
const retryWaitSchema = z.object({ reason: z.enum(["transient", "rate_limit"]), ms: z.number(), attempt: count, error: z.string() });
export type RetryWait = z.output<typeof retryWaitSchema>;
const jobRunDetailsSchema = z.union([
  // An API ingest run (runSource).
  z.strictObject({
    pages: count, postsRead: count, done: z.boolean(), unchanged: count, expired: count.optional(), waits: z.array(retryWaitSchema),
    rateLimitResetAt: z.string().nullable().optional(), retryAt: z.string().nullable().optional(), retryEstimated: z.boolean().optional(),
  }),
  // A file or WhatsApp import: what was refused, line by line (the first 100).
  z.strictObject({
    file: z.string().optional(), format: z.literal("whatsapp").optional(), chatName: z.string().optional(), skipped: count.optional(),
    expired: count.optional(), notices: z.array(z.string()), rejectedRows: z.array(z.object({ line: count, reason: z.string() })),
  }),
  // A re-analysis (also its progress while it runs).
  z.strictObject({ total: count, modelVersion: z.string().optional() }),
  // The Monday report of one village.
  z.strictObject({ week: z.string(), skipped: z.string().optional(), reportId: z.number().int().optional(), bytes: count.optional() }),
]);
/** What a finished (or progressing) job records beside its counts. */
export type JobRunDetails = z.output<typeof jobRunDetailsSchema>;

/**
 * JobRun.details: a run's diagnostics. The counts, status and error are columns of their own, so
 * details that do not parse read as null (none) rather than hiding the run or its progress screen.
 */
export const jobRunDetailsColumn = jsonColumn(jobRunDetailsSchema.nullable(), { empty: () => null, invalid: () => null });
