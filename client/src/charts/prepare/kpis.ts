// KPI cards with change vs the previous week. Counts change by a number of comments; shares
// change by percentage points (a share going from 20 % to 25 % is +5 points, not +25 %).
import type { IntentCounts, SentimentCounts } from "@suara-desa/shared/contracts";
import { isSmallSample } from "@suara-desa/shared/samples";
import { sentimentShares } from "./sentimentTrend";

export type KpiKey = "comments" | "negativeShare" | "positiveShare" | "spam" | "needsReply" | "urgent";

/** A week's totals; `intents` is absent where only sentiment is counted (a topic's page). */
export type KpiTotals = SentimentCounts & { comments: number; spam: number; intents?: IntentCounts };

export interface Kpi {
  key: KpiKey;
  kind: "count" | "share";
  /** null: not computable (a share of zero comments). */
  value: number | null;
  /** value − previous value; null when there is no previous week or either side is null. */
  change: number | null;
  /** Which direction is good news, so the card can colour the change honestly. */
  better: "up" | "down" | "neither";
  /** A share over too few comments (this week or last) to compare in points: the card shows counts. */
  smallSample?: { now: number; before: number };
}

/** The headline figures of a week (needs-reply and urgent where intents are counted). */
export function buildKpis(totals: KpiTotals, previous: KpiTotals | null): Kpi[] {
  const now = sentimentShares(totals);
  const before = previous ? sentimentShares(previous) : null;
  const diff = (a: number | null, b: number | null | undefined) => (a === null || b === null || b === undefined ? null : a - b);
  // A change in points needs enough comments in both weeks.
  const small = previous !== null && (isSmallSample(totals.comments) || isSmallSample(previous.comments));
  const share = (key: "negativeShare" | "positiveShare", v: number | null, b: number | null | undefined, better: "up" | "down", nowCount: number, beforeCount: number | undefined): Kpi =>
    small
      ? { key, kind: "share", value: v, change: null, better, smallSample: { now: nowCount, before: beforeCount ?? 0 } }
      : { key, kind: "share", value: v, change: diff(v, b), better };
  const counts = (key: "needsReply" | "urgent"): Kpi[] => {
    if (!totals.intents) return [];
    const before = previous?.intents?.[key];
    return [{ key, kind: "count", value: totals.intents[key], change: before === undefined ? null : totals.intents[key] - before, better: key === "urgent" ? "down" : "neither" }];
  };
  return [
    { key: "comments", kind: "count", value: totals.comments, change: previous ? totals.comments - previous.comments : null, better: "neither" },
    share("negativeShare", now.negatif, before?.negatif, "down", totals.negatif, previous?.negatif),
    share("positiveShare", now.positif, before?.positif, "up", totals.positif, previous?.positif),
    ...counts("needsReply"),
    ...counts("urgent"),
    { key: "spam", kind: "count", value: totals.spam, change: previous ? totals.spam - previous.spam : null, better: "neither" },
  ];
}
