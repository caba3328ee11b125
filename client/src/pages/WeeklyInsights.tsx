// The comment-level parts of the weekly review: "Perlu perhatian", rising terms and activity by
// day and hour. They come from a separate endpoint so the rollup-based review paints first.
import { useMemo, useState } from "react";
import type { TopicDTO, VillageDTO, WeeklyInsightsDTO } from "@suara-desa/shared/contracts";
import { useInsights } from "../api/hooks";
import { buildActivityGrid } from "../charts/prepare/activity";
import { useI18n, type MessageKey } from "../i18n";
import { useAuth } from "../auth/useAuth";
import { CommentCard } from "../widgets/CommentCard";
import { CommentDetailToggle } from "../widgets/CommentDetail";
import { Link } from "../widgets/Link";
import { EmptyState, ErrorState, LoadingState } from "../widgets/StatusViews";
import { DEFAULT_FILTERS } from "./explorerFilters";
import { explorerHref } from "./paths";
import { commentPermissions } from "./roles";

const ATTENTION_PREVIEW = 3;

interface Props {
  village: VillageDTO;
  week: string;
  from?: string;
  to?: string;
  defaultVillageId: number | null;
  topicName: (key: string, fallback: string) => string;
  /** The village's topics, for the correction form of "Detail & koreksi". */
  topics: TopicDTO[];
}

/** Insight panels for one week; quietly absent while loading elsewhere on the page. */
export function WeeklyInsights({ village, week, from, to, defaultVillageId, topicName, topics }: Props) {
  const insights = useInsights(village.id, week);
  if (insights.status === "loading") return <LoadingState />;
  if (insights.status === "error") return <ErrorState error={insights.error} onRetry={insights.refetch} />;
  const data = insights.data!;
  return (
    <>
      <AttentionSection data={data} village={village} topicName={topicName} topics={topics} />
      <div className="insight-grid">
        {data.risingTerms.length > 0 && <RisingTerms data={data} village={village} from={from} to={to} defaultVillageId={defaultVillageId} topicName={topicName} />}
        <ActivitySection activity={data.activity} />
      </div>
    </>
  );
}

function AttentionSection({ data, village, topicName, topics }: { data: WeeklyInsightsDTO; village: VillageDTO; topicName: Props["topicName"]; topics: TopicDTO[] }) {
  const { t, fmt } = useI18n();
  const { user } = useAuth();
  // The explorer's "Detail & koreksi": the thread, and the correction form for officials.
  const { canCorrect, canViewRaw, canErase } = commentPermissions(user, village.id);
  // Said here, not in the card: the erased comment's card leaves the list when it is refetched.
  const [erased, setErased] = useState<number | null>(null);
  // Three per list keep the page short on a phone; the rest is one tap away.
  const [showAll, setShowAll] = useState(false);
  const lists: Array<{ id: string; title: MessageKey; items: WeeklyInsightsDTO["attention"]["mostNegative"] }> = [
    { id: "attention-negative", title: "attention.mostNegative", items: data.attention.mostNegative },
    { id: "attention-liked", title: "attention.mostLiked", items: data.attention.mostLiked },
  ];
  return (
    <section className="panel" aria-labelledby="attention-title">
      <h2 id="attention-title">{t("attention.title")}</h2>
      <p className="panel-desc">{t("attention.description")}</p>
      {erased !== null && (
        <p className="source-ok" role="status">
          {t("erase.done", { count: fmt.number(erased) })}
        </p>
      )}
      {lists.every((l) => l.items.length === 0) ? (
        <EmptyState message={t("attention.empty")} />
      ) : (
        <div className="attention-columns">
          {lists.map((l) => (
            <div key={l.id}>
              <h3 id={l.id}>{t(l.title)}</h3>
              {l.items.length === 0 ? (
                <p className="muted">{t("attention.empty")}</p>
              ) : (
                <ol className="comment-list" aria-labelledby={l.id}>
                  {(showAll ? l.items : l.items.slice(0, ATTENTION_PREVIEW)).map((c) => (
                    <li key={c.id}>
                      <CommentCard comment={c} timeZone={village.timeZone} topicName={topicName}>
                        {data.attention.similar[c.id] ? <p className="muted similar-count">{t("attention.similar", { count: fmt.number(data.attention.similar[c.id]) })}</p> : null}
                        <CommentDetailToggle comment={c} timeZone={village.timeZone} topics={topics} topicName={topicName} canCorrect={canCorrect} canViewRaw={canViewRaw} canErase={canErase} onErased={setErased} />
                      </CommentCard>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          ))}
        </div>
      )}
      {!showAll && lists.some((l) => l.items.length > ATTENTION_PREVIEW) && (
        <p className="show-all">
          <button type="button" className="button" onClick={() => setShowAll(true)}>
            {t("attention.showAll", { count: fmt.number(lists.reduce((n, l) => n + l.items.length, 0)) })}
          </button>
        </p>
      )}
    </section>
  );
}

function RisingTerms({ data, village, from, to, defaultVillageId, topicName }: { data: WeeklyInsightsDTO } & Omit<Props, "week" | "topics">) {
  const { t, fmt } = useI18n();
  return (
    <section className="panel" aria-labelledby="rising-title">
      <h2 id="rising-title">{t("rising.title")}</h2>
      <p className="panel-desc">{t("rising.description")}</p>
      <ul className="rising-list">
        {data.risingTerms.map((r) => (
          <li key={r.term}>
            <div className="rising-head">
              <Link className="rising-term" href={explorerHref({ ...DEFAULT_FILTERS, q: r.term, from, to }, village.id, defaultVillageId)} aria-label={t("rising.search", { term: r.term })}>
                {r.term}
              </Link>
              <span className="rising-count">{t("rising.count", { count: fmt.number(r.count), baseline: fmt.number(Math.round(r.baselineAvg * 10) / 10) })}</span>
            </div>
            {r.examples.length > 0 && (
              <details>
                <summary>{t("rising.examples")}</summary>
                <div className="comment-list">
                  {r.examples.slice(0, 3).map((c) => (
                    <CommentCard key={c.id} comment={c} timeZone={village.timeZone} topicName={topicName} />
                  ))}
                </div>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActivitySection({ activity }: { activity: number[][] }) {
  const { t, fmt } = useI18n();
  const grid = useMemo(() => buildActivityGrid(activity), [activity]);
  const dayName = (d: number) => t(`weekday.${d}` as MessageKey);
  const dayShort = (d: number) => t(`weekdayShort.${d}` as MessageKey);
  return (
    <section className="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">{t("activity.title")}</h2>
      <p className="panel-desc">{t("activity.description")}</p>
      {grid.total === 0 ? (
        <EmptyState message={t("activity.empty")} />
      ) : (
        <>
          {grid.peak && (
            <p className="headline-inline">{t("activity.peak", { day: dayName(grid.peak.weekday), hour: String(grid.peak.hour).padStart(2, "0"), count: fmt.number(grid.peak.count) })}</p>
          )}
          {/* The heat map IS a table: screen readers read every count; colour is extra. */}
          <div className="table-scroll">
            <table className="heatmap">
              <caption className="visually-hidden">{t("activity.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("activity.day")}</span>
                  </th>
                  {grid.rows[0].cells.map((c) => (
                    <th key={c.hour} scope="col" className="heatmap-hour">
                      <span className={c.hour % 3 === 0 ? undefined : "visually-hidden"}>{String(c.hour).padStart(2, "0")}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row) => (
                  <tr key={row.weekday}>
                    <th scope="row" className="heatmap-day">
                      <abbr title={dayName(row.weekday)}>{dayShort(row.weekday)}</abbr>
                    </th>
                    {row.cells.map((c) => (
                      <td
                        key={c.hour}
                        className="heatmap-cell"
                        style={{ backgroundColor: c.count === 0 ? undefined : `rgba(31, 78, 95, ${0.12 + 0.88 * c.intensity})` }}
                        title={t("activity.cell", { day: dayName(row.weekday), hour: String(c.hour).padStart(2, "0"), count: fmt.number(c.count) })}
                      >
                        <span className="visually-hidden">{fmt.number(c.count)}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
