// Topik: one topic for one week — how it moved over 12 weeks, how residents feel about it, the
// words they use and the places (RT/RW/dusun/kampung) they name, so the BPD sees where it hurts.
import { useMemo } from "react";
import type { TopicDetailDTO, VillageDTO } from "@suara-desa/shared/contracts";
import { useOverview, useTopicDetail } from "../api/hooks";
import { buildKpis } from "../charts/prepare/kpis";
import { buildSentimentTrend } from "../charts/prepare/sentimentTrend";
import { isIsoWeek, weekEnd, weekNumber, weekStart } from "../charts/prepare/weeks";
import { SENTIMENT_COLORS, SENTIMENT_ORDER, type ChartSpec } from "../charts/spec";
import { useI18n } from "../i18n";
import { ChartFigure } from "../widgets/ChartFigure";
import { CommentCard } from "../widgets/CommentCard";
import { DataTable } from "../widgets/DataTable";
import { KpiCard } from "../widgets/KpiCard";
import { Link } from "../widgets/Link";
import { EmptyState, ErrorState, LoadingState } from "../widgets/StatusViews";
import { DEFAULT_FILTERS } from "./explorerFilters";
import { explorerHref, topicHref, weeklyHref } from "./paths";
import { navigate } from "../router";
import { WeekPicker } from "../widgets/WeekPicker";
import { useTopicNames } from "./useTopicNames";


interface PageProps {
  village: VillageDTO;
  topicKey: string;
  search: string;
  defaultVillageId: number | null;
}

/** The topic page (route "/topik/<key>", state ?week=2026-W47). Default export for lazy loading. */
export default function TopicPage({ village, topicKey, search, defaultVillageId }: PageProps) {
  const { t } = useI18n();
  const weekParam = new URLSearchParams(search).get("week") ?? undefined;
  const detail = useTopicDetail(village.id, topicKey, weekParam && isIsoWeek(weekParam) ? weekParam : undefined);
  const back = (
    <p className="back-link">
      <Link href={weeklyHref(weekParam, village.id, defaultVillageId)}>← {t("topic.back")}</Link>
    </p>
  );
  if (detail.status === "loading") return <LoadingState />;
  if (detail.status === "error") {
    const notFound = (detail.error as { status?: number } | undefined)?.status === 404;
    return (
      <div className="page">
        {back}
        {notFound ? <EmptyState message={t("topic.notFound")} /> : <ErrorState error={detail.error} onRetry={detail.refetch} />}
      </div>
    );
  }
  return (
    <div className="page topic-page">
      {back}
      <TopicContent detail={detail.data!} village={village} defaultVillageId={defaultVillageId} />
    </div>
  );
}

function TopicContent({ detail, village, defaultVillageId }: { detail: TopicDetailDTO; village: VillageDTO; defaultVillageId: number | null }) {
  const { t, fmt, lang } = useI18n();
  const names = useTopicNames(village.id);
  const name = (lang === "en" ? detail.nameEn : detail.nameId) || names.name(detail.key, detail.key);
  const description = lang === "en" ? detail.descriptionEn : detail.descriptionId;
  const week = detail.week;
  const from = week ? weekStart(week) : undefined;
  const to = week ? weekEnd(week) : undefined;
  const trend = useMemo(() => (week ? buildSentimentTrend(detail.trend, week) : []), [detail.trend, week]);
  const previous = trend.length > 1 ? trend[trend.length - 2] : null;
  const kpis = useMemo(
    () =>
      buildKpis(
        { ...detail.totals, spam: 0 },
        previous ? { positif: previous.positif, netral: previous.netral, negatif: previous.negatif, comments: previous.rated, spam: 0 } : null,
      ).filter((k) => k.key !== "spam"),
    [detail.totals, previous],
  );
  const explore = (extra: { q?: string } = {}) => explorerHref({ ...DEFAULT_FILTERS, topic: detail.key, from, to, ...extra }, village.id, defaultVillageId);

  return (
    <>
      <div className="page-head">
        <h1>{t("topic.title", { topic: name })}</h1>
        {week && <TopicWeekPicker village={village} topicKey={detail.key} week={week} defaultVillageId={defaultVillageId} />}
      </div>
      {description && <p className="panel-desc">{description}</p>}
      {week && from && to && (
        <p className="week-heading">
          {t("weekly.weekHeading", { week: weekNumber(week), range: fmt.dateRange(from, to) })}
          {" · "}
          <Link href={explore()}>{t("topic.openExplorer")}</Link>
        </p>
      )}
      {!week ? (
        <EmptyState message={t("weekly.noData")} />
      ) : (
        <>
          <section aria-label={t("kpi.label")}>
            <dl className="kpis kpis-3">
              {kpis.map((k) => (
                <KpiCard key={k.key} kpi={k} label={t(k.key === "comments" ? "topic.weekComments" : k.key === "negativeShare" ? "kpi.negativeShare" : "kpi.positiveShare")} />
              ))}
            </dl>
          </section>
          <div className="review-grid topic-grid">
            <section className="panel area-topics" aria-labelledby="topic-places-title">
              <h2 id="topic-places-title">{t("topic.places")}</h2>
              <p className="panel-desc">{t("topic.placesDescription")}</p>
              {detail.places.length === 0 ? (
                <EmptyState message={t("topic.placesEmpty")} />
              ) : (
                <table className="topic-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("topic.place")}</th>
                      <th scope="col" className="num">
                        {t("topics.count")}
                      </th>
                      <th scope="col" className="num">
                        {t("topics.negativeShare")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {detail.places.map((p) => (
                      <tr key={p.name}>
                        <th scope="row">
                          <Link href={explore({ q: p.name })}>{p.name}</Link>
                        </th>
                        <td className="num">{fmt.number(p.count)}</td>
                        <td className="num">{fmt.percent(p.count > 0 ? p.negatif / p.count : null)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <h2 className="subsection-title">{t("topic.terms")}</h2>
              {detail.terms.length === 0 ? (
                <p className="muted">{t("topic.termsEmpty")}</p>
              ) : (
                <ul className="chips term-chips">
                  {detail.terms.map((term) => (
                    <li key={term.term}>
                      <Link className="chip" href={explore({ q: term.term })}>
                        {term.term} <span className="muted">{t("topic.termCount", { count: fmt.number(term.count) })}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <TopicTrend name={name} trend={trend} />
          </div>
          <section className="panel" aria-labelledby="topic-examples-title">
            <h2 id="topic-examples-title">{t("topic.examples")}</h2>
            {detail.examples.length === 0 ? (
              <EmptyState message={t("topic.examplesEmpty")} />
            ) : (
              <ol className="comment-list">
                {detail.examples.map((c) => (
                  <li key={c.id}>
                    <CommentCard comment={c} timeZone={village.timeZone} topicName={names.name} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </>
  );
}

function TopicTrend({ name, trend }: { name: string; trend: ReturnType<typeof buildSentimentTrend> }) {
  const { t, fmt } = useI18n();
  const spec: ChartSpec = {
    kind: "stackedBar",
    labels: trend.map((w) => fmt.shortDate(w.start)),
    valueFormat: "count",
    series: SENTIMENT_ORDER.map((s) => ({ label: t(`sentiment.${s}`), color: SENTIMENT_COLORS[s], values: trend.map((w) => w[s]) })),
  };
  return (
    <section className="panel area-trend" aria-labelledby="topic-trend-title">
      <h2 id="topic-trend-title">{t("topic.trendTitle")}</h2>
      <ChartFigure
        spec={spec}
        ariaLabel={t("topic.trendChartLabel", { topic: name, from: fmt.date(trend[0].start), to: fmt.date(trend[trend.length - 1].end) })}
        formatValue={fmt.number}
      />
      <DataTable
        title={t("topic.trendTitle")}
        columns={[t("trend.week"), ...SENTIMENT_ORDER.map((s) => t(`sentiment.${s}`)), t("trend.total"), t("kpi.negativeShare")]}
        rows={trend.map((w) => [`${weekNumber(w.week)} (${fmt.dateRange(w.start, w.end)})`, ...SENTIMENT_ORDER.map((s) => fmt.number(w[s])), fmt.number(w.rated), fmt.percent(w.shares.negatif)])}
      />
    </section>
  );
}

/** The same week picker as the weekly review: the weeks with data come from the (cached) overview. */
function TopicWeekPicker({ village, topicKey, week, defaultVillageId }: { village: VillageDTO; topicKey: string; week: string; defaultVillageId: number | null }) {
  const overview = useOverview(village.id, undefined);
  const weeks = overview.data?.weeks ?? [week];
  return <WeekPicker week={week} weeks={weeks} onChange={(w) => navigate(topicHref(topicKey, w, village.id, defaultVillageId))} />;
}
