// JSON kept in string columns (SQLite has no JSON type the two engines share). Each column has one
// codec here: a zod schema for what may be stored, one serialise and one parse, and what a value
// that does not parse reads as — so a malformed row never reaches a presenter as `any`.
import { z } from "zod";
import type { PiiSpan } from "../nlp/types";

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
      throw new Error(`ServiceLevel.resolutionDays${where ? ` of ${where}` : ""} is not JSON`);
    },
  },
);

/** AlertChannel.events: the event names a channel receives (the service keeps the known ones). */
export const alertEventsColumn = jsonColumn(
  z.unknown().transform((v) => (Array.isArray(v) ? v.map(String) : [])),
  {
    empty: () => [],
    invalid: (text) => {
      throw new Error(`AlertChannel.events is not JSON: ${text}`);
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
  invalid: () => {
    throw new Error("InstallSecret.pseudonymChain is not a JSON string array");
  },
});

/** Topic.keywords: the keyword and stem rules of a topic. */
export const topicKeywordsColumn = jsonColumn(z.array(z.string()), {
  empty: () => [],
  invalid: (text) => {
    throw new Error(`Topic.keywords is not a JSON string array: ${text}`);
  },
});
