// Activity heat map (weekday × hour). The server counts comments per local weekday and hour; this
// only shapes it for display, treating a missing or short row as zeros (counts, never shares).

export interface ActivityCell {
  hour: number;
  count: number;
  /** count / busiest cell, 0..1, for the colour scale (0 when the week is empty). */
  intensity: number;
}

export interface ActivityGrid {
  /** Seven rows, Monday (0) first. */
  rows: Array<{ weekday: number; cells: ActivityCell[]; total: number }>;
  total: number;
  peak: { weekday: number; hour: number; count: number } | null;
}

/** Normalises activity[weekday][hour] into a 7×24 grid with intensities and the busiest hour. */
export function buildActivityGrid(activity: number[][] | undefined): ActivityGrid {
  const counts = Array.from({ length: 7 }, (_, d) =>
    Array.from({ length: 24 }, (_, h) => {
      const v = activity?.[d]?.[h];
      return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0;
    }),
  );
  let peak: ActivityGrid["peak"] = null;
  counts.forEach((row, weekday) =>
    row.forEach((count, hour) => {
      if (count > 0 && (!peak || count > peak.count)) peak = { weekday, hour, count };
    }),
  );
  const max = (peak as ActivityGrid["peak"])?.count ?? 0;
  const rows = counts.map((row, weekday) => ({
    weekday,
    cells: row.map((count, hour) => ({ hour, count, intensity: max > 0 ? count / max : 0 })),
    total: row.reduce((s, n) => s + n, 0),
  }));
  return { rows, total: rows.reduce((s, r) => s + r.total, 0), peak };
}
