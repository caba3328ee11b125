// The BPD chair's weekly review: totals, the previous week, a 12-week trend, topics with their
// change, and the split by platform — all from the daily rollups.
import type { IntentCounts, OverviewDTO, Platform, SentimentCounts } from "@suara-desa/shared/contracts";
import { addDays, addWeeks, isoWeekOfDay, isoWeekRange, localDay, localTimeToUtc } from "@suara-desa/shared/time";
import type { FreshnessDTO } from "@suara-desa/shared/contracts";
import { findLastFetch } from "../db/jobRunRepository";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { cachedForVillage } from "../db/dataVersion";
import { assertCanReadVillage } from "../policies/access";
import { findDaysWithData, findRollups, type RollupCount } from "../db/rollupRepository";
import { findTopicsForVillage } from "../db/topicRepository";
import { getVillage } from "../db/villageRepository";
import { notFound } from "../errors";
import { followUpFigures } from "./caseService";

export const TREND_WEEKS = 12;

type Totals = SentimentCounts & { comments: number; spam: number; intents: IntentCounts };
const emptyIntents = (): IntentCounts => ({ keluhan: 0, pertanyaan: 0, usulan: 0, apresiasi: 0, lainnya: 0, needsReply: 0, urgent: 0 });
const emptyTotals = (): Totals => ({ comments: 0, positif: 0, netral: 0, negatif: 0, spam: 0, intents: emptyIntents() });

/** Adds one rollup row; spam counts only as spam (its intents are not residents' requests). */
function add(t: Totals, r: RollupCount): void {
  if (r.sentiment === "spam") {
    t.spam += r.count;
    return;
  }
  if (r.sentiment !== "positif" && r.sentiment !== "netral" && r.sentiment !== "negatif") return;
  t[r.sentiment] += r.count;
  t.comments += r.count;
  const i = t.intents;
  i.keluhan += Number(r.keluhan);
  i.pertanyaan += Number(r.pertanyaan);
  i.usulan += Number(r.usulan);
  i.apresiasi += Number(r.apresiasi);
  i.lainnya += Number(r.lainnya);
  i.needsReply += Number(r.keluhan) + Number(r.pertanyaan) + Number(r.usulan);
  i.urgent += Number(r.urgent);
}

const DAY_MS = 86_400_000;

/** The ISO week that is "this week" in the village's own time zone. */
export function currentWeek(timeZone: string, now = new Date()): string {
  return isoWeekOfDay(localDay(now, timeZone));
}

/** How fresh the village's data is (one definition for the review, the explorer and the PDF). */
export async function getFreshness(db: Database, villageId: number, timeZone: string, latestDataDay: string | null, now = new Date()): Promise<FreshnessDTO> {
  const f = await findLastFetch(db, villageId);
  const thisWeek = currentWeek(timeZone, now);
  return {
    lastFetchAt: f.lastFetchAt?.toISOString() ?? null,
    latestDataDay,
    needsLogin: f.needsLogin,
    stale: !f.lastFetchAt || now.getTime() - f.lastFetchAt.getTime() > DAY_MS,
    currentWeekEmpty: latestDataDay && isoWeekOfDay(latestDataDay) === thisWeek ? null : thisWeek,
  };
}

/**
 * The week an overview shows when none is asked for. The review opens on the current week (and says
 * when it has no comments yet: `freshness.currentWeekEmpty`, with `weeks[0]` the latest week that has);
 * the comparison and the public page show the latest week with data.
 */
export type DefaultWeek = "current" | "latest";

/** Weekly overview of a village for `week`, or for the week `fallback` names. */
export async function getWeeklyOverview(db: Database, auth: AuthContext | undefined, villageId: number, week?: string, fallback: DefaultWeek = "current"): Promise<OverviewDTO> {
  assertCanReadVillage(auth, villageId);
  let resolved = week;
  if (!resolved && fallback === "current") {
    const village = await getVillage(db, villageId);
    if (!village) throw notFound("Desa");
    // Resolved before the cache: "this week" changes with the clock, the data version does not.
    resolved = currentWeek(village.timeZone);
  }
  return cachedForVillage(db, villageId, `overview:${resolved ?? "latest"}`, () => computeWeeklyOverview(db, villageId, resolved));
}

/** The overview of `week`; without one, of the latest week with data (null when there is none). */
export async function computeWeeklyOverview(db: Database, villageId: number, week?: string): Promise<OverviewDTO> {
  const village = await getVillage(db, villageId);
  if (!village) throw notFound("Desa");
  const days = await findDaysWithData(db, villageId);
  const weeks = [...new Set(days.map(isoWeekOfDay))];
  const freshness = await getFreshness(db, villageId, village.timeZone, days[0] ?? null);
  const current = week ?? weeks[0] ?? null;
  if (!current) {
    const totals = { ...emptyTotals(), needsReply: 0, answered: 0, overdue: 0, medianFirstReplyHours: null };
    return { week: null, freshness, weekStart: null, weekEnd: null, totals, previous: null, trend: [], topics: [], platforms: [], weeks };
  }
  const range = isoWeekRange(current);
  const firstWeek = addWeeks(current, -(TREND_WEEKS - 1));
  const prevWeek = addWeeks(current, -1);
  const prevRange = isoWeekRange(prevWeek);

  const weekFrom = localTimeToUtc(range.start, 0, village.timeZone);
  const weekTo = localTimeToUtc(addDays(range.end, 1), 0, village.timeZone);
  const [allRows, topicRows, topics, followUp] = await Promise.all([
    findRollups(db, villageId, isoWeekRange(firstWeek).start, range.end, "all"),
    findRollups(db, villageId, prevRange.start, range.end, "topics"),
    findTopicsForVillage(db, villageId),
    followUpFigures(db, villageId, weekFrom, weekTo),
  ]);

  const byWeek = new Map<string, Totals>();
  for (let i = 0; i < TREND_WEEKS; i++) byWeek.set(addWeeks(firstWeek, i), emptyTotals());
  const platforms = new Map<Platform, Totals>();
  for (const r of allRows) {
    const w = isoWeekOfDay(r.day);
    const t = byWeek.get(w);
    if (t) add(t, r);
    if (w === current) {
      const p = platforms.get(r.platform as Platform) ?? emptyTotals();
      add(p, r);
      platforms.set(r.platform as Platform, p);
    }
  }

  const topicStats = new Map<string, { count: number; negatif: number; keluhan: number; previous: number }>();
  const inWeek = (r: RollupCount, from: string, to: string) => r.day >= from && r.day <= to;
  for (const r of topicRows) {
    if (r.sentiment === "spam") continue;
    const s = topicStats.get(r.topic) ?? { count: 0, negatif: 0, keluhan: 0, previous: 0 };
    if (inWeek(r, range.start, range.end)) {
      s.count += r.count;
      s.keluhan += Number(r.keluhan);
      if (r.sentiment === "negatif") s.negatif += r.count;
    } else if (inWeek(r, prevRange.start, prevRange.end)) {
      s.previous += r.count;
    }
    topicStats.set(r.topic, s);
  }
  const names = new Map(topics.map((t) => [t.key, t.nameId]));

  return {
    week: current,
    freshness,
    weekStart: range.start,
    weekEnd: range.end,
    totals: { ...(byWeek.get(current) ?? emptyTotals()), ...followUp },
    previous: weeks.includes(prevWeek) ? (byWeek.get(prevWeek) ?? null) : null,
    trend: [...byWeek.entries()].map(([w, t]) => ({ week: w, comments: t.comments, positif: t.positif, netral: t.netral, negatif: t.negatif })),
    topics: [...topicStats.entries()]
      .filter(([, s]) => s.count > 0 || s.previous > 0)
      .map(([key, s]) => ({ key, name: names.get(key) ?? key, count: s.count, negatif: s.negatif, keluhan: s.keluhan, previous: s.previous, delta: s.count - s.previous }))
      .sort((a, b) => b.count - a.count || b.delta - a.delta || a.key.localeCompare(b.key)),
    platforms: [...platforms.entries()]
      .map(([platform, t]) => ({ platform, comments: t.comments, positif: t.positif, netral: t.netral, negatif: t.negatif }))
      .sort((a, b) => b.comments - a.comments),
    weeks,
  };
}
