// Perbandingan Desa: every village the user may read, side by side for one week — what a camat or
// the kabupaten's PMD office looks at first. Figures are each village's weekly review (same API
// computation); a village's name opens its review for that week.
import { useMemo, useRef, useState, type ReactNode } from "react";
import type { VillageComparisonDTO } from "@suara-desa/shared/contracts";
import { MIN_SHARE_SAMPLE } from "@suara-desa/shared/samples";
import { useComparison } from "../api/hooks";
import { buildComparisonRows, sortComparisonRows, type ComparisonRow, type ComparisonSortKey } from "../charts/prepare/comparisonRows";
import { isIsoWeek, weekEnd, weekNumber, weekStart } from "../charts/prepare/weeks";
import { useI18n, type MessageKey } from "../i18n";
import { navigate } from "../router";
import { Link } from "../widgets/Link";
import { EmptyState, ErrorState, LoadingState } from "../widgets/StatusViews";
import { WeekPicker } from "../widgets/WeekPicker";
import { villageHref, weeklyHref } from "./paths";

const COLUMNS: ReadonlyArray<{ key: ComparisonSortKey; label: MessageKey; num: boolean }> = [
  { key: "name", label: "compare.village", num: false },
  { key: "comments", label: "kpi.comments", num: true },
  { key: "negativeShare", label: "kpi.negativeShare", num: true },
  { key: "topComplaint", label: "compare.topComplaint", num: false },
  { key: "needsReply", label: "compare.needsReply", num: true },
  { key: "answeredShare", label: "compare.answeredShare", num: true },
  { key: "medianFirstReplyHours", label: "kpi.medianReply", num: true },
  { key: "freshness", label: "compare.freshness", num: false },
];

/** The comparison page (route "/bandingkan", state ?week=2026-W47). */
export default function ComparisonPage({ search, defaultVillageId }: { search: string; defaultVillageId: number | null }) {
  const { t } = useI18n();
  const weekParam = new URLSearchParams(search).get("week") ?? undefined;
  const comparison = useComparison(weekParam && isIsoWeek(weekParam) ? weekParam : undefined);
  // While another week loads, keep the last one on screen (dimmed).
  const lastShown = useRef<VillageComparisonDTO | undefined>(undefined);
  if (comparison.status === "success") lastShown.current = comparison.data;
  const data = comparison.status === "success" ? comparison.data : comparison.status === "loading" ? lastShown.current : undefined;
  const goToWeek = (week: string) => navigate(villageHref("/bandingkan", null, defaultVillageId, { week }));

  return (
    <div className="page comparison" aria-busy={comparison.fetching}>
      <div className="page-head">
        <h1>{t("compare.title")}</h1>
        {data?.week && <WeekPicker week={data.week} weeks={data.weeks} onChange={goToWeek} />}
      </div>
      {comparison.status === "error" && <ErrorState error={comparison.error} onRetry={comparison.refetch} />}
      {!data && comparison.status === "loading" && <LoadingState />}
      {data && !data.week && <EmptyState message={t("weekly.noData")} />}
      {data?.week && (
        <div className={comparison.status === "loading" ? "is-stale" : undefined}>
          <ComparisonTable data={data} week={data.week} defaultVillageId={defaultVillageId} />
        </div>
      )}
    </div>
  );
}

function ComparisonTable({ data, week, defaultVillageId }: { data: VillageComparisonDTO; week: string; defaultVillageId: number | null }) {
  const { t, fmt, lang } = useI18n();
  const [sort, setSort] = useState<{ key: ComparisonSortKey; dir: "asc" | "desc" }>({ key: "negativeShare", dir: "desc" });
  const rows = useMemo(() => sortComparisonRows(buildComparisonRows(data.rows), sort.key, sort.dir), [data, sort]);
  const sortButton = (key: ComparisonSortKey, label: ReactNode) => (
    <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === "desc" ? "asc" : "desc" }))}>
      {label}
      <span aria-hidden="true">{sort.key === key ? (sort.dir === "desc" ? " ▾" : " ▴") : ""}</span>
    </button>
  );
  /** A column's name, repeated beside each value where a phone shows a village as a card. */
  const label = (key: ComparisonSortKey) => t(COLUMNS.find((c) => c.key === key)!.label);
  const ariaSort = (key: ComparisonSortKey) => (sort.key === key ? (sort.dir === "desc" ? "descending" : "ascending") : undefined);
  return (
    <section className="panel" aria-labelledby="compare-table-title">
      <h2 id="compare-table-title">{t("compare.weekHeading", { week: weekNumber(week), range: fmt.dateRange(weekStart(week), weekEnd(week)), count: fmt.number(rows.length) })}</h2>
      <p className="panel-desc">{t("compare.description")}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="compare-table-title">
        <table className="compare-table stack-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={c.num ? "num" : undefined} aria-sort={ariaSort(c.key)}>
                  {sortButton(c.key, t(c.label))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.villageId} data-village={r.villageId}>
                <th scope="row">
                  <Link href={weeklyHref(week, r.villageId, defaultVillageId)} aria-label={t("compare.openReview", { name: r.name })}>
                    {t("village.name", { name: r.name })}
                  </Link>
                  <span className="compare-kecamatan">{t("compare.kecamatan", { kecamatan: r.kecamatan })}</span>
                </th>
                <td className="num" data-label={label("comments")}>{fmt.number(r.comments)}</td>
                <td className="num" data-label={label("negativeShare")}>
                  <NegativeShare row={r} />
                </td>
                <td data-label={label("topComplaint")}>{r.topComplaint ? t("compare.topComplaintValue", { topic: lang === "en" ? r.topComplaint.nameEn : r.topComplaint.name, count: fmt.number(r.topComplaint.keluhan) }) : "—"}</td>
                <td className="num" data-label={label("needsReply")}>{fmt.number(r.needsReply)}</td>
                <td className="num" data-label={label("answeredShare")}>
                  {fmt.percent(r.answeredShare)}
                  {r.needsReply > 0 && <span className="compare-sub"> {fmt.number(r.answered)}/{fmt.number(r.needsReply)}</span>}
                </td>
                <td className="num" data-label={label("medianFirstReplyHours")}>{r.medianFirstReplyHours === null ? "—" : t("kpi.hours", { n: fmt.number(r.medianFirstReplyHours) })}</td>
                <td data-label={label("freshness")}>
                  <Freshness row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.some((r) => r.smallSample && r.negativeShare !== null) && <p className="panel-desc compare-note">{t("compare.smallSampleHint", { min: fmt.number(MIN_SHARE_SAMPLE) })}</p>}
    </section>
  );
}

/** "% negatif", or for a handful of comments the counts it would be made of (the review's "sampel kecil" rule). */
function NegativeShare({ row }: { row: ComparisonRow }) {
  const { t, fmt } = useI18n();
  if (!row.smallSample || row.negativeShare === null) return <>{fmt.percent(row.negativeShare)}</>;
  return (
    <span className="compare-small">
      {t("compare.smallSample", { negatif: fmt.number(row.negatif), comments: fmt.number(row.comments) })}
      <span className="compare-sub"> · {t("compare.smallSampleNote")}</span>
    </span>
  );
}

function Freshness({ row }: { row: ComparisonRow }) {
  const { t, fmt } = useI18n();
  const f = row.freshness;
  const warn = f.stale || f.needsLogin > 0;
  return (
    <span className={warn ? "compare-fresh compare-fresh-warn" : "compare-fresh"}>
      {f.latestDataDay ? t("compare.latestDay", { day: fmt.date(f.latestDataDay) }) : t("compare.noData")}
      {f.needsLogin > 0 ? ` · ${t("compare.needsLogin", { count: fmt.number(f.needsLogin) })}` : f.stale ? ` · ${t(f.lastFetchAt ? "compare.stale" : "compare.neverFetched")}` : ""}
    </span>
  );
}
