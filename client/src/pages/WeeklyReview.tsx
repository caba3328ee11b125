// Ringkasan Mingguan: what residents talked about in one week, for a BPD chair with ten minutes.
// Order follows the questions they ask: how much and how negative (KPIs), is it getting worse
// (trend), about what (topics), where (platforms), and what needs an answer now (attention).
import { useMemo, useRef, useState, type ReactNode } from "react";
import type { VillageDTO } from "@suara-desa/shared/contracts";
import { useOverview, type Overview } from "../api/hooks";
import { buildKpis, type KpiKey } from "../charts/prepare/kpis";
import { buildPlatformRows } from "../charts/prepare/platformSplit";
import { buildSentimentTrend } from "../charts/prepare/sentimentTrend";
import { buildTopicHeadline, buildTopicRows, sortTopicRows, type TopicRow, type TopicSortKey } from "../charts/prepare/topicRows";
import { isIsoWeek, weekEnd, weekNumber, weekStart } from "../charts/prepare/weeks";
import { SENTIMENT_COLORS, SENTIMENT_ORDER, type ChartSpec } from "../charts/spec";
import { useI18n, type MessageKey } from "../i18n";
import { ExportPanel } from "../widgets/ExportPanel";
import { navigate } from "../router";
import { ChartFigure } from "../widgets/ChartFigure";
import { DataTable } from "../widgets/DataTable";
import { KpiCard } from "../widgets/KpiCard";
import { NeedsReplyCard } from "./NeedsReplyCard";
import { FreshnessLine } from "../widgets/FreshnessBanner";
import { Link } from "../widgets/Link";
import { EmptyState, ErrorState, LoadingState } from "../widgets/StatusViews";
import { WeekPicker } from "../widgets/WeekPicker";
import { DEFAULT_FILTERS } from "./explorerFilters";
import { explorerHref, topicHref, villageHref, weeklyHref } from "./paths";
import { useTopicNames } from "./useTopicNames";
import { WeeklyInsights } from "./WeeklyInsights";

const KPI_LABELS: Record<KpiKey, MessageKey> = {
  comments: "kpi.comments",
  negativeShare: "kpi.negativeShare",
  positiveShare: "kpi.positiveShare",
  spam: "kpi.spam",
  needsReply: "kpi.needsReply",
  urgent: "kpi.urgent",
};

interface PageProps {
  village: VillageDTO;
  search: string;
  defaultVillageId: number | null;
}

/** The weekly review page (route "/", state ?week=2026-W47). */
export function WeeklyReview({ village, search, defaultVillageId }: PageProps) {
  const { t } = useI18n();
  const weekParam = new URLSearchParams(search).get("week") ?? undefined;
  const requestedWeek = weekParam && isIsoWeek(weekParam) ? weekParam : undefined;
  const overview = useOverview(village.id, requestedWeek);

  // While another week loads, keep the last one on screen (dimmed) instead of flashing a spinner.
  const lastShown = useRef<Overview | undefined>(undefined);
  if (overview.status === "success") lastShown.current = overview.data;
  const data = overview.status === "success" ? overview.data : overview.status === "loading" ? lastShown.current : undefined;

  const goToWeek = (week: string) => navigate(weeklyHref(week, village.id, defaultVillageId));

  return (
    <div className="page weekly" aria-busy={overview.fetching}>
      <div className="page-head">
        <h1>{t("weekly.title")}</h1>
        {data?.week && <WeekPicker week={data.week} weeks={pickerWeeks(data)} onChange={goToWeek} />}
      </div>
      {overview.status === "error" && <ErrorState error={overview.error} onRetry={overview.refetch} />}
      {!data && overview.status === "loading" && <LoadingState />}
      {data && (!data.week || data.weeks.length === 0) && <EmptyState message={t("weekly.noData")} />}
      {data?.week && data.weeks.length > 0 && (
        <div className={overview.status === "loading" ? "is-stale" : undefined}>
          {data.week === data.freshness.currentWeekEmpty ? (
            <CurrentWeekEmpty overview={data} week={data.week} village={village} defaultVillageId={defaultVillageId} />
          ) : (
            <WeekContent overview={data} week={data.week} village={village} defaultVillageId={defaultVillageId} />
          )}
        </div>
      )}
    </div>
  );
}

/** The weeks with data, and this week (the server's) while it has none yet, so the picker can always return to it. */
function pickerWeeks(o: Overview): string[] {
  const current = o.freshness.currentWeekEmpty;
  return current && !o.weeks.includes(current) ? [current, ...o.weeks].sort().reverse() : o.weeks;
}

/**
 * The current week before its first comment: say so plainly, say where the data ends (the server's
 * latest week with data and its freshness), and open that week in one click. Open issues still
 * need answers whatever the week, so "Perlu dijawab" stays.
 */
function CurrentWeekEmpty({ overview, week, village, defaultVillageId }: { overview: Overview; week: string; village: VillageDTO; defaultVillageId: number | null }) {
  const { t, fmt } = useI18n();
  const latest = overview.weeks[0];
  const latestNo = weekNumber(latest);
  return (
    <>
      <FreshnessLine freshness={overview.freshness} timeZone={village.timeZone} sourcesHref={villageHref("/sumber", village.id, defaultVillageId)} />
      <p className="week-heading">{t("weekly.weekHeading", { week: weekNumber(week), range: fmt.dateRange(weekStart(week), weekEnd(week)) })}</p>
      <section className="panel week-empty" aria-labelledby="week-empty-title">
        <h2 id="week-empty-title">{t("weekly.currentEmpty")}</h2>
        <p>{t("weekly.currentEmptyLatest", { week: latestNo, range: fmt.dateRange(weekStart(latest), weekEnd(latest)) })}</p>
        {/* A link styled as a button: it navigates (the week is in the URL), so it can also be opened in a new tab. */}
        <Link href={weeklyHref(latest, village.id, defaultVillageId)} className="button button-primary">
          {t("weekly.openLatestWeek", { week: latestNo })}
        </Link>
      </section>
      <NeedsReplyCard villageId={village.id} defaultVillageId={defaultVillageId} totals={overview.totals} />
    </>
  );
}

function WeekContent({ overview, week, village, defaultVillageId }: { overview: Overview; week: string; village: VillageDTO; defaultVillageId: number | null }) {
  const { t, fmt } = useI18n();
  const topicNames = useTopicNames(village.id);
  const from = overview.weekStart ?? undefined;
  const to = overview.weekEnd ?? undefined;
  const kpis = useMemo(() => buildKpis(overview.totals, overview.previous), [overview]);
  const topics = useMemo(() => buildTopicRows(overview.topics, (k) => topicNames.name(k, "") || undefined), [overview, topicNames]);
  const range = from && to ? fmt.dateRange(from, to) : "";
  const rated = overview.totals.positif + overview.totals.netral + overview.totals.negatif;

  return (
    <>
      <FreshnessLine freshness={overview.freshness} timeZone={village.timeZone} sourcesHref={villageHref("/sumber", village.id, defaultVillageId)} showWeekNote={week === overview.weeks[0]} />
      <p className="week-heading">
        {t("weekly.weekHeading", { week: weekNumber(week), range })}
        {" · "}
        <Link href={explorerHref({ ...DEFAULT_FILTERS, from, to }, village.id, defaultVillageId)}>{t("weekly.openExplorerWeek")}</Link>
      </p>

      <section aria-label={t("kpi.label")}>
        <dl className="kpis">
          {kpis.map((k) => (
            <KpiCard
              key={k.key}
              kpi={k}
              label={t(KPI_LABELS[k.key])}
              detail={k.kind === "share" && rated > 0 ? t("kpi.ofComments", { total: fmt.number(rated) }) : undefined}
            />
          ))}
        </dl>
      </section>

      {overview.totals.comments === 0 && <EmptyState message={t("weekly.emptyWeek")} />}

      <NeedsReplyCard villageId={village.id} defaultVillageId={defaultVillageId} totals={overview.totals} />

      <div className="review-grid">
        <TopicsSection rows={topics} week={week} from={from} to={to} villageId={village.id} defaultVillageId={defaultVillageId} />
        <TrendSection overview={overview} week={week} />
        <PlatformsSection overview={overview} />
      </div>

      <WeeklyInsights village={village} week={week} from={from} to={to} defaultVillageId={defaultVillageId} topicName={topicNames.name} topics={topicNames.topics} />

      <ExportPanel villageId={village.id} week={week} />
    </>
  );
}

function TrendSection({ overview, week }: { overview: Overview; week: string }) {
  const { t, fmt } = useI18n();
  const [mode, setMode] = useState<"counts" | "shares">("counts");
  const weeks = useMemo(() => buildSentimentTrend(overview.trend, week), [overview.trend, week]);
  const labels = weeks.map((w) => fmt.shortDate(w.start));
  const spec: ChartSpec =
    mode === "counts"
      ? {
          kind: "stackedBar",
          labels,
          valueFormat: "count",
          series: SENTIMENT_ORDER.map((s) => ({ label: t(`sentiment.${s}`), color: SENTIMENT_COLORS[s], values: weeks.map((w) => w[s]) })),
        }
      : {
          kind: "line",
          labels,
          valueFormat: "percent",
          series: SENTIMENT_ORDER.map((s) => ({ label: t(`sentiment.${s}`), color: SENTIMENT_COLORS[s], values: weeks.map((w) => w.shares[s]) })),
        };
  const span = { from: fmt.date(weeks[0].start), to: fmt.date(weeks[weeks.length - 1].end) };
  return (
    <section className="panel area-trend" aria-labelledby="trend-title">
      <div className="panel-head">
        <h2 id="trend-title">{t("trend.title")}</h2>
        <div className="segmented" role="group" aria-label={t("trend.modeLabel")}>
          {(["counts", "shares"] as const).map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
              {t(m === "counts" ? "trend.modeCounts" : "trend.modeShares")}
            </button>
          ))}
        </div>
      </div>
      <p className="panel-desc">{t("trend.description")}</p>
      <ChartFigure
        spec={spec}
        ariaLabel={t(mode === "counts" ? "trend.chartLabel" : "trend.shareChartLabel", span)}
        formatValue={mode === "counts" ? fmt.number : (v) => fmt.percent(v)}
        formatTick={mode === "counts" ? fmt.number : fmt.percentWhole}
      />
      <DataTable
        title={t("trend.title")}
        columns={[t("trend.week"), ...SENTIMENT_ORDER.map((s) => t(`sentiment.${s}`)), t("trend.total"), t("kpi.negativeShare")]}
        rows={weeks.map((w) => [
          `${weekNumber(w.week)} (${fmt.dateRange(w.start, w.end)})`,
          ...SENTIMENT_ORDER.map((s) => fmt.number(w[s])),
          fmt.number(w.rated),
          fmt.percent(w.shares.negatif),
        ])}
      />
    </section>
  );
}

function TopicsSection({
  rows,
  week,
  from,
  to,
  villageId,
  defaultVillageId,
}: {
  rows: TopicRow[];
  week: string;
  from?: string;
  to?: string;
  villageId: number;
  defaultVillageId: number | null;
}) {
  const { t, fmt } = useI18n();
  const [sort, setSort] = useState<{ key: TopicSortKey; dir: "asc" | "desc" }>({ key: "negatif", dir: "desc" });
  const sorted = useMemo(() => sortTopicRows(rows, sort.key, sort.dir), [rows, sort]);
  const sortButton = (key: TopicSortKey, label: ReactNode) => (
    <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === "desc" ? "asc" : "desc" }))}>
      {label}
      <span aria-hidden="true">{sort.key === key ? (sort.dir === "desc" ? " ▾" : " ▴") : ""}</span>
    </button>
  );
  const ariaSort = (key: TopicSortKey) => (sort.key === key ? (sort.dir === "desc" ? "descending" : "ascending") : undefined);
  return (
    <section className="panel area-topics" aria-labelledby="topics-title">
      <h2 id="topics-title">{t("topics.title")}</h2>
      <TopicHeadline rows={rows} />
      <p className="panel-desc">{t("topics.description")}</p>
      {rows.length === 0 ? (
        <EmptyState message={t("topics.empty")} />
      ) : (
        <div className="table-scroll">
          <table className="topic-table">
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort("name")}>{sortButton("name", t("topics.topic"))}</th>
                <th scope="col" className="num" aria-sort={ariaSort("count")}>
                  {sortButton("count", <ColumnLabel long={t("topics.count")} short={t("topics.countShort")} />)}
                </th>
                <th scope="col" className="num" aria-sort={ariaSort("negatif")}>
                  {sortButton("negatif", <ColumnLabel long={t("topics.negativeCount")} short={t("topics.negativeCountShort")} />)}
                </th>
                <th scope="col" className="num" aria-sort={ariaSort("negativeShare")}>
                  {sortButton("negativeShare", <ColumnLabel long={t("topics.negativeShare")} short={t("topics.negativeShareShort")} />)}
                </th>
                <th scope="col" className="num" aria-sort={ariaSort("delta")}>
                  {sortButton("delta", <ColumnLabel long={t("topics.change")} short={t("topics.changeShort")} />)}
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.key} data-topic={r.key}>
                  <th scope="row">
                    <Link href={topicHref(r.key, week, villageId, defaultVillageId)} className="topic-link" title={t("topic.openPage", { topic: r.name })}>
                      {r.name}
                    </Link>
                    <span className="topic-row-extra">
                      <span className="topic-bar" role="img" aria-label={t("topics.barLabel", { count: fmt.number(r.count), negatif: fmt.number(r.negatif) })}>
                        <span className="topic-bar-track" style={{ width: `${Math.max(r.barRatio * 100, r.count > 0 ? 2 : 0)}%` }}>
                          <span className="topic-bar-neg" style={{ width: `${r.count > 0 ? (r.negatif / r.count) * 100 : 0}%` }} />
                        </span>
                      </span>
                      <Link
                        href={explorerHref({ ...DEFAULT_FILTERS, topic: r.key, from, to }, villageId, defaultVillageId)}
                        className="topic-explore-link"
                        aria-label={t("topics.openExplorer", { topic: r.name })}
                      >
                        {t("topic.detail")}
                      </Link>
                    </span>
                  </th>
                  <td className="num">{fmt.number(r.count)}</td>
                  <td className="num">{fmt.number(r.negatif)}</td>
                  <td className="num">{fmt.percent(r.negativeShare)}</td>
                  <td className="num">
                    <Delta row={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TopicHeadline({ rows }: { rows: TopicRow[] }) {
  const { t, fmt } = useI18n();
  const { mostComplained, top, grewMost } = buildTopicHeadline(rows);
  if (top.length === 0) return null;
  return (
    <dl className="headline">
      {mostComplained.length > 0 && (
        <div>
          <dt>{t("topics.headlineComplained")}</dt>
          <dd>{mostComplained.map((r) => t("topics.complainedValue", { topic: r.name, n: fmt.number(r.negatif) })).join(t("topics.listJoin"))}</dd>
        </div>
      )}
      <div>
        <dt>{t("topics.headlineTop")}</dt>
        <dd>{top.map((r) => r.name).join(t("topics.listJoin"))}</dd>
      </div>
      {grewMost && (
        <div>
          <dt>{t("topics.headlineGrew")}</dt>
          <dd>{t("topics.headlineGrewValue", { topic: grewMost.name, delta: `+${fmt.number(grewMost.delta)}` })}</dd>
        </div>
      )}
    </dl>
  );
}

/** A column header that shortens on phones; screen readers always get the full label. */
function ColumnLabel({ long, short }: { long: string; short: string }) {
  return (
    <>
      <span className="label-long">{long}</span>
      <span className="label-short" aria-hidden="true">
        {short}
      </span>
    </>
  );
}

function Delta({ row }: { row: TopicRow }) {
  const { t, fmt } = useI18n();
  if (row.isNew) return <span className="delta delta-new">{t("topics.new")}</span>;
  if (row.delta === 0) return <span className="delta delta-flat">0</span>;
  const up = row.delta > 0;
  return (
    <span className={`delta ${up ? "delta-up" : "delta-down"}`} title={`${t("topics.previous")}: ${fmt.number(row.previous)}`}>
      <span aria-hidden="true">{up ? "▲" : "▼"} </span>
      {up ? "+" : "−"}
      {fmt.number(Math.abs(row.delta))}
    </span>
  );
}

function PlatformsSection({ overview }: { overview: Overview }) {
  const { t, fmt } = useI18n();
  const rows = useMemo(() => buildPlatformRows(overview.platforms), [overview.platforms]);
  const spec: ChartSpec = {
    kind: "stackedBarHorizontal",
    labels: rows.map((r) => t(`platform.${r.platform}`)),
    valueFormat: "count",
    series: SENTIMENT_ORDER.map((s) => ({ label: t(`sentiment.${s}`), color: SENTIMENT_COLORS[s], values: rows.map((r) => r[s]) })),
  };
  return (
    <section className="panel area-platforms" aria-labelledby="platforms-title">
      <h2 id="platforms-title">{t("platforms.title")}</h2>
      <p className="panel-desc">{t("platforms.description")}</p>
      {rows.length === 0 ? (
        <EmptyState message={t("platforms.empty")} />
      ) : (
        <>
          <ChartFigure spec={spec} ariaLabel={t("platforms.chartLabel")} formatValue={fmt.number} height={90 + rows.length * 44} />
          <DataTable
            title={t("platforms.title")}
            columns={[t("platforms.platform"), ...SENTIMENT_ORDER.map((s) => t(`sentiment.${s}`)), t("trend.total"), t("kpi.negativeShare")]}
            rows={rows.map((r) => [t(`platform.${r.platform}`), ...SENTIMENT_ORDER.map((s) => fmt.number(r[s])), fmt.number(r.comments), fmt.percent(r.negativeShare)])}
          />
        </>
      )}
    </section>
  );
}
