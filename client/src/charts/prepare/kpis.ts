// KPI cards with change vs the previous week. Counts change by a number of comments; shares
// change by percentage points (a share going from 20 % to 25 % is +5 points, not +25 %).
import type { IntentCounts, SentimentCounts } from "@suara-desa/shared/contracts";
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
}

/** The headline figures of a week (needs-reply and urgent where intents are counted). */
export function buildKpis(totals: KpiTotals, previous: KpiTotals | null): Kpi[] {
  const now = sentimentShares(totals);
  const before = previous ? sentimentShares(previous) : null;
  const diff = (a: number | null, b: number | null | undefined) => (a === null || b === null || b === undefined ? null : a - b);
  const counts = (key: "needsReply" | "urgent"): Kpi[] => {
    if (!totals.intents) return [];
    const before = previous?.intents?.[key];
    return [{ key, kind: "count", value: totals.intents[key], change: before === undefined ? null : totals.intents[key] - before, better: key === "urgent" ? "down" : "neither" }];
  };
  return [
    { key: "comments", kind: "count", value: totals.comments, change: previous ? totals.comments - previous.comments : null, better: "neither" },
    { key: "negativeShare", kind: "share", value: now.negatif, change: diff(now.negatif, before?.negatif), better: "down" },
    { key: "positiveShare", kind: "share", value: now.positif, change: diff(now.positif, before?.positif), better: "up" },
    ...counts("needsReply"),
    ...counts("urgent"),
    { key: "spam", kind: "count", value: totals.spam, change: previous ? totals.spam - previous.spam : null, better: "neither" },
  ];
}
