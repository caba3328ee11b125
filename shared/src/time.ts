// Date and ISO-week helpers. Timestamps are UTC; a village's days and weeks are taken in its time
// zone explicitly (Asia/Jakarta by default). Weeks are ISO weeks (Monday start), e.g. 2026-W47.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// Offsets are memoised per zone and UTC hour: Intl formatting costs microseconds, and a
// million-row import asks for the same few thousand hours.
const offsetCache = new Map<string, number>();
/** Minutes to add to UTC to get local wall time in `timeZone` at instant `d`. */
export function utcOffsetMinutes(d: Date, timeZone: string): number {
  const hourKey = `${timeZone}|${Math.floor(d.getTime() / 3_600_000)}`;
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(d).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offset = Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
  if (offsetCache.size > 200_000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return offset;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local calendar day (YYYY-MM-DD) of instant `d` in `timeZone`. */
export function localDay(d: Date, timeZone: string): string {
  const local = new Date(d.getTime() + utcOffsetMinutes(d, timeZone) * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

/** Local hour (0–23) and ISO weekday (1 = Monday) of instant `d` in `timeZone`. */
export function localHourAndWeekday(d: Date, timeZone: string): { hour: number; weekday: number } {
  const local = new Date(d.getTime() + utcOffsetMinutes(d, timeZone) * 60_000);
  return { hour: local.getUTCHours(), weekday: ((local.getUTCDay() + 6) % 7) + 1 };
}

/** The UTC instant at which local wall time `day` 00:00 (plus `minutes`) occurs in `timeZone`. */
export function localTimeToUtc(day: string, minutes: number, timeZone: string): Date {
  const [y, m, dd] = day.split("-").map(Number);
  const guess = new Date(Date.UTC(y, m - 1, dd) + minutes * 60_000);
  const first = new Date(guess.getTime() - utcOffsetMinutes(guess, timeZone) * 60_000);
  // Re-check with the offset at the resulting instant (matters only around DST changes).
  return new Date(guess.getTime() - utcOffsetMinutes(first, timeZone) * 60_000);
}

function dayToUtcMs(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}
function msToDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Adds `n` days to a calendar day. */
export function addDays(day: string, n: number): string {
  return msToDay(dayToUtcMs(day) + n * 86_400_000);
}

/** The ISO week (e.g. 2026-W47) containing calendar day `day`. */
export function isoWeekOfDay(day: string): string {
  const ms = dayToUtcMs(day);
  const weekday = ((new Date(ms).getUTCDay() + 6) % 7) + 1; // 1..7, Monday = 1
  const thursday = new Date(ms + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** Monday and Sunday (calendar days) of an ISO week. */
export function isoWeekRange(week: string): { start: string; end: string } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const year = Number(m[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = ((new Date(jan4).getUTCDay() + 6) % 7) + 1;
  const mondayWeek1 = jan4 - (jan4Weekday - 1) * 86_400_000;
  const start = mondayWeek1 + (Number(m[2]) - 1) * 7 * 86_400_000;
  return { start: msToDay(start), end: msToDay(start + 6 * 86_400_000) };
}

/** The ISO week `n` weeks after `week` (negative for before). */
export function addWeeks(week: string, n: number): string {
  return isoWeekOfDay(addDays(isoWeekRange(week).start, n * 7));
}

/** The cut-off instant: `now` minus `months` calendar months (UTC, clamped to the month's end). */
export function retentionCutoff(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const target = new Date(Date.UTC(y, m, 1, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target;
}

/**
 * The retention purge's cut-off for a village: the start (local midnight) of the local day that holds
 * retentionCutoff(). A purge removes whole local days, so no day keeps counts of deleted comments
 * beside stored ones (a later recompute of such a day would drop the kept counts).
 */
export function retentionStart(now: Date, months: number, timeZone: string): Date {
  return localTimeToUtc(localDay(retentionCutoff(now, months), timeZone), 0, timeZone);
}
