// KPI cards with change vs the previous week. Counts change by a number of comments; shares
// change by percentage points (a share going from 20 % to 25 % is +5 points, not +25 %).
import type { OverviewDTO } from "@suara-desa/shared/contracts";
import { sentimentShares } from "./sentimentTrend";

export type KpiKey = "comments" | "negativeShare" | "positiveShare" | "spam";

export interface Kpi {
  key: KpiKey;
  kind: "count" | "share";
  /** null: not computable (a share of zero comments). */
  value: number | null;
  /** value − previous value; null when there is no previous week or either side is null. */
  change: number | null;
  /** Which direction is good news, so the card can colour the change honestly. */
  better: "up" | "down" | "neither";
}

/** The four headline figures of a week. */
export function buildKpis(totals: OverviewDTO["totals"], previous: OverviewDTO["previous"]): Kpi[] {
  const now = sentimentShares(totals);
  const before = previous ? sentimentShares(previous) : null;
  const diff = (a: number | null, b: number | null | undefined) => (a === null || b === null || b === undefined ? null : a - b);
  return [
    { key: "comments", kind: "count", value: totals.comments, change: previous ? totals.comments - previous.comments : null, better: "neither" },
    { key: "negativeShare", kind: "share", value: now.negatif, change: diff(now.negatif, before?.negatif), better: "down" },
    { key: "positiveShare", kind: "share", value: now.positif, change: diff(now.positif, before?.positif), better: "up" },
    { key: "spam", kind: "count", value: totals.spam, change: previous ? totals.spam - previous.spam : null, better: "neither" },
  ];
}
