// The comparison page of an official with several villages (a camat, the kabupaten's PMD office, an
// admin): one row per village the user may read, built from each village's own weekly overview, so a
// row and that village's review never disagree.
import type { AuthContext } from "@suara-desa/shared/auth";
import type { OverviewDTO, VillageComparisonDTO, VillageComparisonRowDTO, VillageDTO } from "@suara-desa/shared/contracts";
import { isSmallSample } from "@suara-desa/shared/samples";
import type { Database } from "../db/client";
import { findTopicsForVillage } from "../db/topicRepository";
import { getWeeklyOverview } from "./overviewService";
import { listVillages } from "./villageService";

/** Overviews computed at once: a kabupaten has hundreds of villages, the database a small pool. */
const PARALLEL = 4;

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The topic with the most complaints in the overview's week (ties: more comments, then key). */
export function topComplaint(overview: OverviewDTO): OverviewDTO["topics"][number] | null {
  return overview.topics
    .filter((t) => t.keluhan > 0)
    .sort((a, b) => b.keluhan - a.keluhan || b.count - a.count || a.key.localeCompare(b.key))[0] ?? null;
}

async function toRow(db: Database, village: VillageDTO, o: OverviewDTO): Promise<VillageComparisonRowDTO> {
  const top = topComplaint(o);
  // The overview names topics in Indonesian only; the table also needs the English name (village topics included).
  const nameEn = top ? (await findTopicsForVillage(db, village.id)).find((x) => x.key === top.key)?.nameEn || top.name : "";
  const t = o.totals;
  return {
    village,
    totals: {
      comments: t.comments, positif: t.positif, netral: t.netral, negatif: t.negatif,
      needsReply: t.needsReply, answered: t.answered, overdue: t.overdue, medianFirstReplyHours: t.medianFirstReplyHours,
    },
    topComplaint: top ? { key: top.key, name: top.name, nameEn, keluhan: top.keluhan } : null,
    smallSample: isSmallSample(t.comments),
    freshness: o.freshness,
  };
}

/**
 * Every village the user may read, side by side for one week (default: the latest week any of them
 * has data). Figures are the weekly overview's (rollups, followUpFigures, freshness), cached per village.
 */
export async function compareVillages(db: Database, auth: AuthContext | undefined, week?: string): Promise<VillageComparisonDTO> {
  const villages = await listVillages(db, auth);
  const latest = await mapLimited(villages, PARALLEL, (v) => getWeeklyOverview(db, auth, v.id, undefined, "latest"));
  const weeks = [...new Set(latest.flatMap((o) => o.weeks))].sort().reverse();
  const current = week ?? weeks[0] ?? null;
  const overviews = current === null
    ? latest
    : await mapLimited(villages.map((v, i) => [v, latest[i]] as const), PARALLEL, ([v, o]) => (o.week === current ? Promise.resolve(o) : getWeeklyOverview(db, auth, v.id, current)));
  const rows = await mapLimited(villages.map((v, i) => [v, overviews[i]] as const), PARALLEL, ([v, o]) => toRow(db, v, o));
  return { week: current, weeks, rows };
}
