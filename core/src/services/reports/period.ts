// Report periods: an ISO week (2026-W47) or a calendar month (2026-11), both as local calendar
// days of the village's time zone, so they match the daily rollups exactly.
import { addWeeks, isoWeekRange } from "@suara-desa/shared/time";

export type ReportKind = "weekly" | "monthly";

export interface ReportPeriod {
  kind: ReportKind;
  /** 2026-W47 or 2026-11 */
  key: string;
  /** First and last local day, inclusive. */
  start: string;
  end: string;
}

// Structure only: trends shift a period back past the supported years' edge (2000-01 minus five
// months), so the range check lives in the input schemas (shared/src/contracts IsoWeek, YearMonth).
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

const pad = (n: number) => String(n).padStart(2, "0");

/** The weekly period of an ISO week. */
export function weeklyPeriod(week: string): ReportPeriod {
  const r = isoWeekRange(week);
  return { kind: "weekly", key: week, start: r.start, end: r.end };
}

/** The monthly period of "YYYY-MM". */
export function monthlyPeriod(month: string): ReportPeriod {
  if (!MONTH_RE.test(month)) throw new Error(`not a month: ${month}`);
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { kind: "monthly", key: month, start: `${month}-01`, end: `${month}-${pad(last)}` };
}

/** The period `n` periods after `p` (negative for before). */
export function shiftPeriod(p: ReportPeriod, n: number): ReportPeriod {
  if (p.kind === "weekly") return weeklyPeriod(addWeeks(p.key, n));
  const [y, m] = p.key.split("-").map(Number);
  const idx = y * 12 + (m - 1) + n;
  return monthlyPeriod(`${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`);
}

/** The month ("YYYY-MM") of a local day. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}
