// "Data terakhir diambil: …" and, when the data is old or a source needs a new login, a clear banner:
// the weekly review and the explorer never show weeks-old figures as if they were today's.
import type { FreshnessDTO } from "@suara-desa/shared/contracts";
import { useOverview } from "../api/hooks";
import { weekNumber } from "../charts/prepare/weeks";
import { useI18n } from "../i18n";
import { Link } from "./Link";

export function FreshnessLine({ freshness, timeZone, sourcesHref, showWeekNote = false }: { freshness: FreshnessDTO; timeZone: string; sourcesHref: string; showWeekNote?: boolean }) {
  const { t, fmt } = useI18n();
  const f = freshness;
  const warn = f.stale || f.needsLogin > 0;
  return (
    <div className={`freshness${warn ? " freshness-warn" : ""}`} role={warn ? "status" : undefined}>
      <span>{f.lastFetchAt ? t("fresh.lastFetch", { when: fmt.dateTime(f.lastFetchAt, timeZone) }) : t("fresh.never")}</span>
      {f.stale && f.lastFetchAt && <span> {t("fresh.stale")}</span>}
      {f.latestDataDay && <span> {t("fresh.latestDay", { day: fmt.date(f.latestDataDay) })}</span>}
      {f.needsLogin > 0 && <span> {t("fresh.needsLogin", { count: fmt.number(f.needsLogin) })}</span>}
      {showWeekNote && f.currentWeekEmpty && <span> {t("fresh.noDataThisWeek", { week: weekNumber(f.currentWeekEmpty) })}</span>}
      {warn && (
        <>
          {" "}
          <Link href={sourcesHref}>{t("fresh.openSources")}</Link>
        </>
      )}
    </div>
  );
}

/** The explorer's line: the same freshness, read from the (cached) weekly overview. */
export function FreshnessFromOverview({ villageId, timeZone, sourcesHref }: { villageId: number; timeZone: string; sourcesHref: string }) {
  const overview = useOverview(villageId, undefined);
  if (!overview.data) return null;
  return <FreshnessLine freshness={overview.data.freshness} timeZone={timeZone} sourcesHref={sourcesHref} />;
}
