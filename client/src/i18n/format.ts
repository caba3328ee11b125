// Pure formatting helpers (Intl) so every number and date on screen goes through one place.
import type { MessageKey, Messages } from "./id";

export type Params = Record<string, string | number>;

// {name} is a parameter; {name|singular|plural} picks a word by it (English "1 comment", "2 comments"):
// the singular when the parameter reads "1", whether given as a number or already formatted.
const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/** Fills {placeholders} in a catalogue message; a missing parameter stays visible as {name}. */
export function translate(messages: Messages, key: MessageKey, params?: Params): string {
  const template = messages[key];
  return template.replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string) => {
    if (!params || !(name in params)) return one === undefined ? whole : `{${name}}`;
    const value = String(params[name]);
    if (one === undefined) return value;
    return value === "1" ? one : other!;
  });
}

/** The parameter names used by a message template, once each, sorted (for catalogue consistency checks). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

export interface Formatters {
  number(n: number): string;
  /** A share in [0,1] as a percentage with one decimal; null (no data) becomes an em dash. */
  percent(share: number | null): string;
  /** A share as a whole percentage, for chart axes ("40 %"). */
  percentWhole(share: number): string;
  /** Percentage points (a difference of shares), unsigned. */
  points(diff: number): string;
  /** A local calendar date "YYYY-MM-DD" (no time zone conversion). */
  date(isoDate: string): string;
  /** A short local calendar date without year, e.g. "17 Nov". */
  shortDate(isoDate: string): string;
  /** A compact range of calendar dates, e.g. "16–22 Nov 2026". */
  dateRange(fromIso: string, toIso: string): string;
  /** The same without the year, for a column of recent weeks: "16–22 Nov", "26 Okt – 1 Nov". */
  shortDateRange(fromIso: string, toIso: string): string;
  /** An instant shown in the village's time zone. */
  dateTime(iso: string, timeZone: string): string;
}

/** Builds Intl formatters for a locale (id-ID by default). */
export function makeFormatters(locale: string): Formatters {
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pctWhole = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const pts = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // Calendar dates from the server are already local; format them as UTC so nothing shifts a day.
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const shortDay = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const dateTimeCache = new Map<string, Intl.DateTimeFormat>();
  return {
    number: (n) => num.format(n),
    percent: (share) => (share === null || !Number.isFinite(share) ? "—" : pct.format(share)),
    percentWhole: (share) => pctWhole.format(share),
    points: (diff) => pts.format(Math.abs(diff) * 100),
    date: (isoDate) => day.format(new Date(`${isoDate}T00:00:00Z`)),
    shortDate: (isoDate) => shortDay.format(new Date(`${isoDate}T00:00:00Z`)),
    dateRange: (fromIso, toIso) => day.formatRange(new Date(`${fromIso}T00:00:00Z`), new Date(`${toIso}T00:00:00Z`)),
    shortDateRange: (fromIso, toIso) => shortDay.formatRange(new Date(`${fromIso}T00:00:00Z`), new Date(`${toIso}T00:00:00Z`)),
    dateTime: (iso, timeZone) => {
      let f = dateTimeCache.get(timeZone);
      if (!f) {
        f = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
        dateTimeCache.set(timeZone, f);
      }
      return f.format(new Date(iso));
    },
  };
}
