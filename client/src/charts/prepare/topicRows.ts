// Topic table rows for the weekly review: the concerns residents raised, biggest first.
import type { OverviewDTO } from "@suara-desa/shared/contracts";

export interface TopicRow {
  key: string;
  name: string;
  count: number;
  negatif: number;
  /** negatif / count, or null when the topic had no comments this week. */
  negativeShare: number | null;
  previous: number;
  /** count − previous (computed here so it always matches the two figures shown). */
  delta: number;
  /** Mentioned this week but not last week. */
  isNew: boolean;
  /** count relative to the largest topic, for the inline bar (0..1). */
  barRatio: number;
}

/** Sorts by count (then by growth, then name) and derives shares; names come from `nameOf` if given. */
export function buildTopicRows(topics: OverviewDTO["topics"], nameOf?: (key: string) => string | undefined): TopicRow[] {
  const max = topics.reduce((m, t) => Math.max(m, t.count), 0);
  return topics
    .map((t) => ({
      key: t.key,
      name: nameOf?.(t.key) ?? t.name,
      count: t.count,
      negatif: t.negatif,
      negativeShare: t.count > 0 ? t.negatif / t.count : null,
      previous: t.previous,
      delta: t.count - t.previous,
      isNew: t.previous === 0 && t.count > 0,
      barRatio: max > 0 ? t.count / max : 0,
    }))
    .sort((a, b) => b.count - a.count || b.delta - a.delta || a.name.localeCompare(b.name));
}

export interface TopicHeadline {
  /** The chair's first question: the topics with the most negative comments (by count, not share). */
  mostComplained: TopicRow[];
  top: TopicRow[];
  /** The topic that grew most vs last week (positive change only), or null. */
  grewMost: TopicRow | null;
}

/** The two facts a BPD chair asks first: the top concerns and which one grew most. */
export function buildTopicHeadline(rows: TopicRow[], topN = 3): TopicHeadline {
  const top = rows.filter((r) => r.count > 0).slice(0, topN);
  let grewMost: TopicRow | null = null;
  for (const r of rows) {
    if (r.delta > 0 && (!grewMost || r.delta > grewMost.delta || (r.delta === grewMost.delta && r.count > grewMost.count))) grewMost = r;
  }
  const mostComplained = rows.filter((r) => r.negatif > 0).sort((a, b) => b.negatif - a.negatif || b.count - a.count || a.name.localeCompare(b.name)).slice(0, topN);
  return { mostComplained, top, grewMost };
}

export type TopicSortKey = "negatif" | "count" | "negativeShare" | "delta" | "name";

/** The topic table in the order the reader chose (default: most negative comments first). */
export function sortTopicRows(rows: TopicRow[], key: TopicSortKey, direction: "asc" | "desc"): TopicRow[] {
  const sign = direction === "asc" ? 1 : -1;
  const value = (r: TopicRow): number | string => (key === "name" ? r.name : key === "negativeShare" ? (r.negativeShare ?? -1) : r[key]);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = typeof va === "string" ? va.localeCompare(vb as string) : va - (vb as number);
    return c * sign || b.count - a.count || a.name.localeCompare(b.name);
  });
}
