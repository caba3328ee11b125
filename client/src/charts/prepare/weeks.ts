// ISO-week arithmetic for labelling and for listing the 12 weeks a trend should cover. The server
// buckets comments into weeks (in the village's time zone); the client only names and orders them.

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/** Splits "2026-W47" into year and week; throws naming the value when malformed. */
export function parseIsoWeek(week: string): { year: number; week: number } {
  const m = WEEK_RE.exec(week);
  if (!m) throw new Error(`week must look like 2026-W47, got "${week}"`);
  const year = Number(m[1]);
  const w = Number(m[2]);
  if (w < 1 || w > weeksInYear(year)) throw new Error(`week ${w} does not exist in ${year}`);
  return { year, week: w };
}

function mondayOfWeek1(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY_MS;
}

/** True for a well-formed week that exists ("2026-W53" yes, "2025-W53" no). */
export function isIsoWeek(value: string): boolean {
  try {
    parseIsoWeek(value);
    return true;
  } catch {
    return false;
  }
}

/** 52 or 53: a year has 53 ISO weeks when Dec 28 falls in week 53. */
export function weeksInYear(year: number): number {
  return Math.round((mondayOfWeek1(year + 1) - mondayOfWeek1(year)) / (7 * DAY_MS));
}

/** The Monday of an ISO week as "YYYY-MM-DD". */
export function weekStart(week: string): string {
  const { year, week: w } = parseIsoWeek(week);
  return new Date(mondayOfWeek1(year) + (w - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** The Sunday of an ISO week as "YYYY-MM-DD". */
export function weekEnd(week: string): string {
  return addDays(weekStart(week), 6);
}

/** A calendar date plus n days. */
export function addDays(isoDate: string, n: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO week containing a calendar date "YYYY-MM-DD". */
export function weekOfDate(isoDate: string): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  const thursday = t + (3 - dow) * DAY_MS; // the week belongs to the year of its Thursday
  const year = new Date(thursday).getUTCFullYear();
  const w = Math.floor((thursday - mondayOfWeek1(year)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(w).padStart(2, "0")}`;
}

/** The ISO week n weeks after (negative: before) the given one. */
export function shiftWeek(week: string, n: number): string {
  return weekOfDate(addDays(weekStart(week), n * 7));
}

/** The n consecutive weeks ending with `last`, oldest first. */
export function weeksEndingAt(last: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => shiftWeek(last, i - (n - 1)));
}

/** The week number part ("47") for compact labels. */
export function weekNumber(week: string): number {
  return parseIsoWeek(week).week;
}
