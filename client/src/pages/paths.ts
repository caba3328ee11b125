// URL builders shared by pages, so a link and the page reading it agree on parameter names.
import { filtersToParams, type ExplorerFilters } from "./explorerFilters";

/** Adds ?desa=<id> only when the village is not the default one (keeps demo URLs short). */
export function villageHref(path: string, villageId: number | null, defaultVillageId: number | null, params: Record<string, string> = {}): string {
  const all = new URLSearchParams(params);
  if (villageId !== null && villageId !== defaultVillageId) all.set("desa", String(villageId));
  const s = all.toString();
  return s ? `${path}?${s}` : path;
}

/** The explorer URL for a filter state. */
export function explorerHref(filters: ExplorerFilters, villageId: number | null, defaultVillageId: number | null): string {
  return villageHref("/jelajahi", villageId, defaultVillageId, filtersToParams(filters));
}

/** The weekly review URL for a week (undefined: latest). */
export function weeklyHref(week: string | undefined, villageId: number | null, defaultVillageId: number | null): string {
  return villageHref("/", villageId, defaultVillageId, week ? { week } : {});
}

/** The topic page URL for a week (undefined: latest). */
export function topicHref(key: string, week: string | undefined, villageId: number | null, defaultVillageId: number | null): string {
  return villageHref(`/topik/${key}`, villageId, defaultVillageId, week ? { week } : {});
}
