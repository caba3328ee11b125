// The explorer's whole filter state lives in the URL query string, so a filtered view can be
// bookmarked, shared in a WhatsApp group and restored with the back button. Parsing is lenient:
// an unknown or malformed value is dropped rather than sent to the API to fail.
import type { CaseStatus, CommentListQuery, Intent, Language, Platform, Sentiment } from "@suara-desa/shared/contracts";

// Record<Union, true> makes the compiler flag a value added to the contract but not here.
const SENTIMENT_SET: Record<Sentiment, true> = { negatif: true, netral: true, positif: true };
const PLATFORM_SET: Record<Platform, true> = { x: true, facebook: true, instagram: true, file: true };
const LANGUAGE_SET: Record<Language, true> = { id: true, su: true, jv: true, en: true, other: true };
const INTENT_SET: Record<Intent, true> = { keluhan: true, pertanyaan: true, usulan: true, apresiasi: true, lainnya: true };
const CASE_STATUS_SET: Record<CaseStatus, true> = { perlu_jawaban: true, dijawab: true, ditindaklanjuti: true, selesai: true, diteruskan: true, tidak_perlu: true };
export const INTENT_OPTIONS = Object.keys(INTENT_SET) as Intent[];
export const CASE_STATUS_OPTIONS = Object.keys(CASE_STATUS_SET) as CaseStatus[];
export const SENTIMENT_OPTIONS = Object.keys(SENTIMENT_SET) as Sentiment[];
export const PLATFORM_OPTIONS = Object.keys(PLATFORM_SET) as Platform[];
export const LANGUAGE_OPTIONS = Object.keys(LANGUAGE_SET) as Language[];
export const SPAM_OPTIONS = ["exclude", "include", "only"] as const satisfies ReadonlyArray<CommentListQuery["spam"]>;
export const PII_OPTIONS = ["any", "only", "exclude"] as const satisfies ReadonlyArray<CommentListQuery["pii"]>;
export const SORT_OPTIONS = ["time", "likes"] as const satisfies ReadonlyArray<CommentListQuery["sort"]>;

export interface ExplorerFilters {
  topic?: string;
  sentiment?: Sentiment;
  intent?: Intent;
  /** Only comments that ask for an answer. */
  needsReply?: "1";
  /** Only comments where someone is in danger now. */
  urgent?: "1";
  caseStatus?: CaseStatus;
  platform?: Platform;
  language?: Language;
  q?: string;
  from?: string;
  to?: string;
  spam: CommentListQuery["spam"];
  /** Comments carrying personal data: any, only them, or none of them. */
  pii: CommentListQuery["pii"];
  sort: CommentListQuery["sort"];
}

export const DEFAULT_FILTERS: ExplorerFilters = { spam: "exclude", pii: "any", sort: "time" };

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TOPIC_RE = /^[a-z0-9_]+$/;

function oneOf<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : undefined;
}

function validDate(value: string | null): string | undefined {
  if (value === null || !DATE_RE.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
}

/** Reads explorer filters from a query string ("?topic=bansos&sentiment=negatif"). */
export function parseFilters(search: string | URLSearchParams): ExplorerFilters {
  const p = typeof search === "string" ? new URLSearchParams(search) : search;
  const topic = p.get("topic");
  const q = p.get("q")?.trim().slice(0, 200);
  return {
    topic: topic !== null && TOPIC_RE.test(topic) ? topic : undefined,
    sentiment: oneOf(p.get("sentiment"), SENTIMENT_OPTIONS),
    intent: oneOf(p.get("intent"), INTENT_OPTIONS),
    needsReply: oneOf(p.get("needsReply"), ["1"] as const),
    urgent: oneOf(p.get("urgent"), ["1"] as const),
    caseStatus: oneOf(p.get("caseStatus"), CASE_STATUS_OPTIONS),
    platform: oneOf(p.get("platform"), PLATFORM_OPTIONS),
    language: oneOf(p.get("language"), LANGUAGE_OPTIONS),
    q: q ? q : undefined,
    from: validDate(p.get("from")),
    to: validDate(p.get("to")),
    spam: oneOf(p.get("spam"), SPAM_OPTIONS) ?? DEFAULT_FILTERS.spam,
    pii: oneOf(p.get("pii"), PII_OPTIONS) ?? DEFAULT_FILTERS.pii,
    sort: oneOf(p.get("sort"), SORT_OPTIONS) ?? DEFAULT_FILTERS.sort,
  };
}

/** Writes filters as query parameters in a fixed order; defaults are left out to keep URLs short. */
export function filtersToParams(f: ExplorerFilters): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: string | undefined) => {
    if (v !== undefined && v !== "") out[k] = v;
  };
  put("topic", f.topic);
  put("sentiment", f.sentiment);
  put("intent", f.intent);
  put("needsReply", f.needsReply);
  put("urgent", f.urgent);
  put("caseStatus", f.caseStatus);
  put("platform", f.platform);
  put("language", f.language);
  put("q", f.q?.trim());
  put("from", f.from);
  put("to", f.to);
  if (f.spam !== DEFAULT_FILTERS.spam) out.spam = f.spam;
  if (f.pii !== DEFAULT_FILTERS.pii) out.pii = f.pii;
  if (f.sort !== DEFAULT_FILTERS.sort) out.sort = f.sort;
  return out;
}

/** Query string ("?a=b" or "") for a filter state. */
export function filtersToSearch(f: ExplorerFilters): string {
  const s = new URLSearchParams(filtersToParams(f)).toString();
  return s ? `?${s}` : "";
}

/** How many filters differ from the defaults (for the "clear all" affordance). */
export function activeFilterKeys(f: ExplorerFilters): Array<keyof ExplorerFilters> {
  return (Object.keys(filtersToParams(f)) as Array<keyof ExplorerFilters>).filter((k) => k !== "sort");
}

/** A date range is usable when either end is open or from <= to. */
export function isRangeValid(f: ExplorerFilters): boolean {
  return !f.from || !f.to || f.from <= f.to;
}
