// Jelajahi Komentar: every comment, filterable. The URL query string is the single source of
// truth for filters: controls read from it and write to it, the request is derived from it.
import { useEffect, useId, useState, type FormEvent } from "react";
import type { VillageDTO } from "@suara-desa/shared/contracts";
import { useCommentPages } from "../api/hooks";
import { useI18n, type MessageKey } from "../i18n";
import { navigate } from "../router";
import { useAuth } from "../auth/useAuth";
import { CommentCard } from "../widgets/CommentCard";
import { CommentDetailToggle } from "../widgets/CommentDetail";
import { EmptyState, ErrorState, LoadingState } from "../widgets/StatusViews";
import {
  activeFilterKeys,
  DEFAULT_FILTERS,
  isRangeValid,
  LANGUAGE_OPTIONS,
  parseFilters,
  PII_OPTIONS,
  PLATFORM_OPTIONS,
  SENTIMENT_OPTIONS,
  INTENT_OPTIONS,
  CASE_STATUS_OPTIONS,
  SORT_OPTIONS,
  SPAM_OPTIONS,
  filtersToParams,
  type ExplorerFilters,
} from "./explorerFilters";
import { explorerHref, villageHref } from "./paths";
import { FreshnessFromOverview } from "../widgets/FreshnessBanner";
import { ExportPanel } from "../widgets/ExportPanel";
import { useTopicNames } from "./useTopicNames";
import { commentPermissions } from "./roles";

interface PageProps {
  village: VillageDTO;
  search: string;
  defaultVillageId: number | null;
}

const SPAM_LABELS: Record<ExplorerFilters["spam"], MessageKey> = { exclude: "explorer.spamExclude", include: "explorer.spamInclude", only: "explorer.spamOnly" };
const PII_LABELS: Record<ExplorerFilters["pii"], MessageKey> = { any: "explorer.piiAny", only: "explorer.piiOnly", exclude: "explorer.piiExclude" };
const SORT_LABELS: Record<ExplorerFilters["sort"], MessageKey> = { time: "explorer.sortTime", likes: "explorer.sortLikes" };

/** The explorer page (route "/jelajahi"). Default export for lazy loading. */
export default function Explorer({ village, search, defaultVillageId }: PageProps) {
  const { t, fmt } = useI18n();
  const filters = parseFilters(search);
  const rangeOk = isRangeValid(filters);
  const topicNames = useTopicNames(village.id);
  const result = useCommentPages(rangeOk ? village.id : null, filters);
  const { user } = useAuth();
  // Mirrors the server's rules; the server still checks (this only hides the form and the switch).
  const { canCorrect, canViewRaw, canErase } = commentPermissions(user, village.id);
  // Said here, not in the card: the erased comment's card leaves the list when it is refetched.
  const [erased, setErased] = useState<number | null>(null);

  const apply = (next: ExplorerFilters) => navigate(explorerHref(next, village.id, defaultVillageId));
  const set = <K extends keyof ExplorerFilters>(key: K, value: ExplorerFilters[K] | "") =>
    apply({ ...filters, [key]: value === "" ? (key === "spam" || key === "pii" || key === "sort" ? DEFAULT_FILTERS[key] : undefined) : value });

  const comments = result.data?.comments ?? [];
  const active = activeFilterKeys(filters);
  const topicLabel = (key: string) => topicNames.name(key, key);

  const filterChipText = (key: keyof ExplorerFilters): string => {
    const v = filters[key];
    switch (key) {
      case "topic":
        return `${t("explorer.topic")}: ${topicLabel(String(v))}`;
      case "sentiment":
        return `${t("explorer.sentiment")}: ${t(`sentiment.${filters.sentiment!}`)}`;
      case "intent":
        return `${t("explorer.intent")}: ${t(`intent.${filters.intent!}`)}`;
      case "needsReply":
        return t("explorer.needsReply");
      case "urgent":
        return t("explorer.urgentOnly");
      case "caseStatus":
        return `${t("explorer.caseStatus")}: ${t(`case.status.${filters.caseStatus!}`)}`;
      case "platform":
        return `${t("explorer.platform")}: ${t(`platform.${filters.platform!}`)}`;
      case "language":
        return `${t("explorer.language")}: ${t(`language.${filters.language!}`)}`;
      case "q":
        return `"${String(v)}"`;
      case "from":
        return `${t("explorer.from")}: ${fmt.date(String(v))}`;
      case "to":
        return `${t("explorer.to")}: ${fmt.date(String(v))}`;
      case "spam":
        return t(SPAM_LABELS[filters.spam]);
      case "pii":
        return `${t("explorer.pii")}: ${t(PII_LABELS[filters.pii])}`;
      default:
        return String(v);
    }
  };

  return (
    <div className="page explorer">
      <div className="page-head">
        <h1>{t("explorer.title")}</h1>
      </div>
      <FreshnessFromOverview villageId={village.id} timeZone={village.timeZone} sourcesHref={villageHref("/sumber", village.id, defaultVillageId)} />

      <FilterForm filters={filters} onChange={set} topics={topicNames.topics.map((tp) => ({ key: tp.key, name: topicLabel(tp.key) }))} onSearch={(q) => set("q", q)} />

      {active.length > 0 && (
        <div className="active-filters">
          <span className="active-label">{t("explorer.activeFilters")}:</span>
          <ul className="chips">
            {active.map((k) => (
              <li key={k}>
                <button type="button" className="chip chip-removable" onClick={() => set(k, "")} aria-label={t("explorer.removeFilter", { filter: filterChipText(k) })}>
                  {filterChipText(k)} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => apply({ ...DEFAULT_FILTERS, sort: filters.sort })}>
            {t("explorer.reset")}
          </button>
        </div>
      )}

      <section aria-labelledby="results-title" className="results">
        <h2 id="results-title" className="visually-hidden">
          {t("explorer.results")}
        </h2>
        {erased !== null && (
          <p className="source-ok" role="status">
            {t("erase.done", { count: fmt.number(erased) })}
          </p>
        )}
        {!rangeOk && <ErrorState error={new Error(t("explorer.invalidRange"))} />}
        {rangeOk && result.status === "loading" && <LoadingState />}
        {rangeOk && result.status === "error" && <ErrorState error={result.error} onRetry={result.refetch} />}
        {rangeOk && result.status === "success" && comments.length === 0 && (
          <EmptyState message={t("explorer.empty")}>
            <p>{t("explorer.emptyHint")}</p>
          </EmptyState>
        )}
        {rangeOk && result.status === "success" && comments.length > 0 && (
          <>
            <p className="result-count" role="status">
              {result.data && result.data.total > comments.length
                ? t("explorer.shownOf", { count: fmt.number(comments.length), total: fmt.number(result.data.total) })
                : t("explorer.shown", { count: fmt.number(comments.length) })}
            </p>
            <ol className="comment-list" aria-labelledby="results-title">
              {comments.map((c) => (
                <li key={c.id}>
                  <CommentCard comment={c} timeZone={village.timeZone} topicName={topicNames.name} onTopic={(key) => set("topic", key)}>
                    <CommentDetailToggle comment={c} timeZone={village.timeZone} topics={topicNames.topics} topicName={topicNames.name} canCorrect={canCorrect} canViewRaw={canViewRaw} canErase={canErase} onErased={setErased} />
                  </CommentCard>
                </li>
              ))}
            </ol>
            <div className="load-more">
              {result.loadMoreError && <ErrorState error={result.loadMoreError} />}
              {result.data?.nextCursor ? (
                <button type="button" className="button button-primary" onClick={result.loadMore} disabled={result.loadingMore} aria-busy={result.loadingMore}>
                  {result.loadingMore ? t("explorer.loadingMore") : t("explorer.loadMore")}
                </button>
              ) : (
                <p className="muted">{t("explorer.end")}</p>
              )}
            </div>
          </>
        )}
      </section>

      {/* The CSV and workbook carry exactly the filters on screen. */}
      <ExportPanel villageId={village.id} week={null} filters={new URLSearchParams(filtersToParams(filters)).toString()} />
    </div>
  );
}

interface FilterFormProps {
  filters: ExplorerFilters;
  topics: Array<{ key: string; name: string }>;
  onChange<K extends keyof ExplorerFilters>(key: K, value: ExplorerFilters[K] | ""): void;
  onSearch(q: string): void;
}

function FilterForm({ filters, topics, onChange, onSearch }: FilterFormProps) {
  const { t } = useI18n();
  const uid = useId();
  const [q, setQ] = useState(filters.q ?? "");
  // Phones show the search box and fold the other filters behind a button (desktop shows all).
  const [open, setOpen] = useState(false);
  const activeCount = activeFilterKeys(filters).filter((k) => k !== "q").length;
  // Follow the URL when it changes from outside (back button, chip removal, a link).
  useEffect(() => setQ(filters.q ?? ""), [filters.q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(q.trim());
  };
  const id = (name: string) => `${uid}-${name}`;
  const sortedTopics = [...topics].sort((a, b) => a.name.localeCompare(b.name));
  const topicMissing = filters.topic && !topics.some((tp) => tp.key === filters.topic);

  return (
    <form className="filters panel" role="search" aria-label={t("explorer.filters")} onSubmit={submit}>
      <div className="field field-search">
        <label htmlFor={id("q")}>{t("explorer.search")}</label>
        <div className="search-row">
          <input id={id("q")} type="search" value={q} maxLength={200} placeholder={t("explorer.searchPlaceholder")} onChange={(e) => setQ(e.target.value)} />
          <button type="submit" className="button button-primary">
            {t("explorer.searchButton")}
          </button>
        </div>
      </div>
      <button type="button" className="button filters-toggle" aria-expanded={open} aria-controls={id("fields")} onClick={() => setOpen((o) => !o)}>
        {activeCount > 0 ? t("explorer.moreFiltersActive", { count: activeCount }) : t("explorer.moreFilters")}
        <span aria-hidden="true"> {open ? "▴" : "▾"}</span>
      </button>
      <div id={id("fields")} className={`filters-fields${open ? " is-open" : ""}`}>
        <div className="field">
          <label htmlFor={id("topic")}>{t("explorer.topic")}</label>
          <select id={id("topic")} name="topic" value={filters.topic ?? ""} onChange={(e) => onChange("topic", e.target.value)}>
            <option value="">{t("explorer.all")}</option>
            {topicMissing && <option value={filters.topic}>{filters.topic}</option>}
            {sortedTopics.map((tp) => (
              <option key={tp.key} value={tp.key}>
                {tp.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("sentiment")}>{t("explorer.sentiment")}</label>
          <select id={id("sentiment")} name="sentiment" value={filters.sentiment ?? ""} onChange={(e) => onChange("sentiment", e.target.value as ExplorerFilters["sentiment"] | "")}>
            <option value="">{t("explorer.all")}</option>
            {SENTIMENT_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {t(`sentiment.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("platform")}>{t("explorer.platform")}</label>
          <select id={id("platform")} name="platform" value={filters.platform ?? ""} onChange={(e) => onChange("platform", e.target.value as ExplorerFilters["platform"] | "")}>
            <option value="">{t("explorer.all")}</option>
            {PLATFORM_OPTIONS.map((p) => (
              <option key={p} value={p}>
                {t(`platform.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("language")}>{t("explorer.language")}</label>
          <select id={id("language")} name="language" value={filters.language ?? ""} onChange={(e) => onChange("language", e.target.value as ExplorerFilters["language"] | "")}>
            <option value="">{t("explorer.all")}</option>
            {LANGUAGE_OPTIONS.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("from")}>{t("explorer.from")}</label>
          <input id={id("from")} name="from" type="date" value={filters.from ?? ""} max={filters.to} onChange={(e) => onChange("from", e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id("to")}>{t("explorer.to")}</label>
          <input id={id("to")} name="to" type="date" value={filters.to ?? ""} min={filters.from} onChange={(e) => onChange("to", e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id("intent")}>{t("explorer.intent")}</label>
          <select id={id("intent")} name="intent" value={filters.intent ?? ""} onChange={(e) => onChange("intent", e.target.value as ExplorerFilters["intent"] | "")}>
            <option value="">{t("inbox.allIntents")}</option>
            {INTENT_OPTIONS.map((i) => (
              <option key={i} value={i}>
                {t(`intent.${i}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("caseStatus")}>{t("explorer.caseStatus")}</label>
          <select id={id("caseStatus")} name="caseStatus" value={filters.caseStatus ?? ""} onChange={(e) => onChange("caseStatus", e.target.value as ExplorerFilters["caseStatus"] | "")}>
            <option value="">{t("explorer.all")}</option>
            {CASE_STATUS_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {t(`case.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-checks">
          <label className="check">
            <input type="checkbox" name="needsReply" checked={filters.needsReply === "1"} onChange={(e) => onChange("needsReply", e.target.checked ? "1" : "")} />
            {t("explorer.needsReply")}
          </label>
          <label className="check">
            <input type="checkbox" name="urgent" checked={filters.urgent === "1"} onChange={(e) => onChange("urgent", e.target.checked ? "1" : "")} />
            {t("explorer.urgentOnly")}
          </label>
        </div>
        <div className="field">
          <label htmlFor={id("spam")}>{t("explorer.spam")}</label>
          <select id={id("spam")} name="spam" value={filters.spam} onChange={(e) => onChange("spam", e.target.value as ExplorerFilters["spam"])}>
            {SPAM_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {t(SPAM_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("pii")}>{t("explorer.pii")}</label>
          <select id={id("pii")} name="pii" value={filters.pii} onChange={(e) => onChange("pii", e.target.value as ExplorerFilters["pii"])}>
            {PII_OPTIONS.map((p) => (
              <option key={p} value={p}>
                {t(PII_LABELS[p])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("sort")}>{t("explorer.sort")}</label>
          <select id={id("sort")} name="sort" value={filters.sort} onChange={(e) => onChange("sort", e.target.value as ExplorerFilters["sort"])}>
            {SORT_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
      </div>
    </form>
  );
}
