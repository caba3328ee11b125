// Builds the 12-week sentiment series. Weeks the server did not send are filled with zero counts
// (nobody commented) but their shares are null: a share of nothing is unknown, not 0 %.
import type { OverviewDTO, Sentiment, SentimentCounts } from "@suara-desa/shared/contracts";
import { weekEnd, weeksEndingAt, weekStart } from "./weeks";

export interface TrendWeek extends SentimentCounts {
  week: string;
  start: string;
  end: string;
  /** Sum of the three sentiment counts (the denominator of the shares). */
  rated: number;
  shares: Record<Sentiment, number | null>;
}

/** Shares of each sentiment among rated comments; all null when there are none. */
export function sentimentShares(c: SentimentCounts): Record<Sentiment, number | null> {
  const rated = c.positif + c.netral + c.negatif;
  if (rated === 0) return { positif: null, netral: null, negatif: null };
  return { positif: c.positif / rated, netral: c.netral / rated, negatif: c.negatif / rated };
}

/**
 * The `weeks` consecutive weeks ending at `lastWeek`, oldest first, each with counts and shares.
 * Points outside that window are ignored; duplicates (should not happen) are summed.
 */
export function buildSentimentTrend(trend: OverviewDTO["trend"], lastWeek: string, weeks = 12): TrendWeek[] {
  const byWeek = new Map<string, SentimentCounts>();
  for (const p of trend) {
    const prev = byWeek.get(p.week) ?? { positif: 0, netral: 0, negatif: 0 };
    byWeek.set(p.week, { positif: prev.positif + p.positif, netral: prev.netral + p.netral, negatif: prev.negatif + p.negatif });
  }
  return weeksEndingAt(lastWeek, weeks).map((week) => {
    const c = byWeek.get(week) ?? { positif: 0, netral: 0, negatif: 0 };
    return {
      week,
      start: weekStart(week),
      end: weekEnd(week),
      ...c,
      rated: c.positif + c.netral + c.negatif,
      shares: sentimentShares(c),
    };
  });
}
