// The comparison page's rows: one per village, with the shares the weekly review shows (negative
// share of rated comments, answered share of requests) and a sort the reader chooses.
import type { VillageComparisonRowDTO } from "@suara-desa/shared/contracts";
import { sentimentShares } from "./sentimentTrend";

export interface ComparisonRow {
  villageId: number;
  name: string;
  kecamatan: string;
  comments: number;
  negatif: number;
  /** null: no rated comment that week. */
  negativeShare: number | null;
  /** Too few rated comments for a percentage: the table shows counts and sorts the row with the missing ones. */
  smallSample: boolean;
  topComplaint: VillageComparisonRowDTO["topComplaint"];
  needsReply: number;
  answered: number;
  /** null: nothing needed a reply. */
  answeredShare: number | null;
  overdue: number;
  medianFirstReplyHours: number | null;
  freshness: VillageComparisonRowDTO["freshness"];
}

export type ComparisonSortKey = "name" | "comments" | "negativeShare" | "topComplaint" | "needsReply" | "answeredShare" | "medianFirstReplyHours" | "freshness";

/** Rows of the comparison table from the API rows (same shares as the weekly review). */
export function buildComparisonRows(rows: VillageComparisonRowDTO[]): ComparisonRow[] {
  return rows.map((r) => {
    const t = r.totals;
    return {
      villageId: r.village.id,
      name: r.village.name,
      kecamatan: r.village.kecamatan,
      comments: t.comments,
      negatif: t.negatif,
      negativeShare: sentimentShares(t).negatif,
      smallSample: r.smallSample,
      topComplaint: r.topComplaint,
      needsReply: t.needsReply,
      answered: t.answered,
      answeredShare: t.needsReply ? t.answered / t.needsReply : null,
      overdue: t.overdue,
      medianFirstReplyHours: t.medianFirstReplyHours,
      freshness: r.freshness,
    };
  });
}

function sortValue(r: ComparisonRow, key: ComparisonSortKey): number | string | null {
  switch (key) {
    case "name": return r.name;
    case "topComplaint": return r.topComplaint ? r.topComplaint.keluhan : null;
    case "freshness": return r.freshness.lastFetchAt ?? r.freshness.latestDataDay;
    // 2 of 3 comments negative is not "the worst village": a small sample's share is not ranked.
    case "negativeShare": return r.smallSample ? null : r.negativeShare;
    default: return r[key];
  }
}

/**
 * The table in the order the reader chose. A missing figure (no comments, nothing to answer, no
 * data, a share over a small sample) sorts last in either direction, so "worst first" never starts
 * with empty or nearly empty villages.
 */
export function sortComparisonRows(rows: ComparisonRow[], key: ComparisonSortKey, direction: "asc" | "desc"): ComparisonRow[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = typeof va === "string" ? va.localeCompare(vb as string) : va - (vb as number);
      if (c !== 0) return c * sign;
    }
    return a.name.localeCompare(b.name);
  });
}
