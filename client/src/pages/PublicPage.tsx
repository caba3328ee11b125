// Halaman publik (/publik/<kode-desa>): what residents may see without an account — how many spoke,
// about what, and how the village answered, plus the issues the officials chose to publish. The
// server sends aggregates and those issues only (a quote is one the officials chose, masked); this
// page never sees an author or an id.
import type { CaseStatus, PublicPageDTO } from "@suara-desa/shared/contracts";
import { buildUrl, getJson } from "../api/client";
import { useQuery } from "../api/useQuery";
import { useI18n } from "../i18n";
import { isSmallSample, MIN_SHARE_SAMPLE } from "@suara-desa/shared/samples";
import { weekEnd, weekStart } from "../charts/prepare/weeks";
import { ErrorState, LoadingState } from "../widgets/StatusViews";
import { LanguageSwitch } from "../widgets/LanguageSwitch";
import "./publicPage.css";

export default function PublicPage({ code }: { code: string }) {
  const { t, fmt } = useI18n();
  const url = buildUrl(`/api/public/villages/${encodeURIComponent(code)}`);
  const page = useQuery(url, async () => (await getJson<{ data: PublicPageDTO }>(url)).data);
  if (page.status === "loading") return <LoadingState />;
  if (page.status === "error") return <main className="public"><ErrorState error={page.error} onRetry={page.refetch} /></main>;
  const p = page.data!;
  // Too few requests for a percentage to mean much: the counts alone say it.
  const answeredShare = p.followUp.needsReply && !isSmallSample(p.followUp.needsReply) ? p.followUp.answered / p.followUp.needsReply : null;
  /** "% complaints" of a row, or "3 dari 7" where the server found too few comments for a percentage. */
  const negative = (r: { comments: number; negatif: number; negativeShare: number | null }) =>
    r.negativeShare !== null || r.comments === 0 ? fmt.percent(r.negativeShare) : t("compare.smallSample", { negatif: fmt.number(r.negatif), comments: fmt.number(r.comments) });
  const weekRange = (week: string) => fmt.dateRange(weekStart(week), weekEnd(week));
  const smallNote = <p className="muted">{t("public.smallSample", { min: fmt.number(MIN_SHARE_SAMPLE) })}</p>;
  return (
    <main className="public" id="main">
      <header className="public-head">
        <div>
          <h1>{t("public.title", { name: p.village.name })}</h1>
          <p className="muted">{t("public.place", { kecamatan: p.village.kecamatan, kabupaten: p.village.kabupaten })}</p>
        </div>
        <LanguageSwitch />
      </header>
      <p>{t("public.intro")}</p>
      {p.week && (
        <section aria-labelledby="pub-week">
          <h2 id="pub-week">{t("public.week", { range: weekRange(p.week) })}</h2>
          <dl className="public-kpis">
            <div><dt>{t("public.comments")}</dt><dd>{fmt.number(p.weeks.at(-1)?.comments ?? 0)}</dd></div>
            <div><dt>{t("public.needsReply")}</dt><dd>{fmt.number(p.followUp.needsReply)}</dd></div>
            <div><dt>{t("public.answered")}</dt><dd>{fmt.number(p.followUp.answered)}{answeredShare !== null ? ` (${fmt.percent(answeredShare)})` : p.followUp.needsReply ? ` ${t("public.ofRequests", { n: fmt.number(p.followUp.needsReply) })}` : ""}</dd></div>
            <div><dt>{t("public.resolved")}</dt><dd>{fmt.number(p.followUp.resolved)}</dd></div>
            <div><dt>{t("public.median")}</dt><dd>{p.followUp.medianFirstReplyHours === null ? "—" : t("kpi.hours", { n: fmt.number(p.followUp.medianFirstReplyHours) })}</dd></div>
          </dl>
          {p.topics.length > 0 && (
            <>
              <h3>{t("public.topics")}</h3>
              <table className="data-table">
                <thead><tr><th>{t("public.topic")}</th><th className="num">{t("public.comments")}</th><th className="num">{t("public.negative")}</th></tr></thead>
                <tbody>
                  {p.topics.map((tp) => (
                    <tr key={tp.name}><td>{tp.name}</td><td className="num">{fmt.number(tp.comments)}</td><td className="num">{negative(tp)}</td></tr>
                  ))}
                </tbody>
              </table>
              {p.topics.some((tp) => tp.negativeShare === null && tp.comments > 0) && smallNote}
            </>
          )}
        </section>
      )}
      <section aria-labelledby="pub-cases">
        <h2 id="pub-cases">{t("public.cases")}</h2>
        {p.cases.length === 0 ? <p className="muted">{t("public.noCases")}</p> : (
          <ul className="public-cases">
            {p.cases.map((c, i) => (
              <li key={`${c.opened}-${i}`}>
                <strong>{c.title}</strong>
                {c.quote && <blockquote className="public-quote">“{c.quote}”</blockquote>}
                <span className={`badge fu-status fu-status-${c.status}`}>{t(`case.status.${c.status as CaseStatus}`)}</span>
                <span className="muted">
                  {c.topic ? `${c.topic} · ` : ""}{t("public.opened", { day: fmt.date(c.opened) })}{c.resolved ? ` · ${t(c.status === "diteruskan" ? "public.forwardedOn" : "public.resolvedOn", { day: fmt.date(c.resolved) })}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="pub-weeks">
        <h2 id="pub-weeks">{t("public.weeks")}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <thead><tr><th>{t("public.weekCol")}</th><th className="num">{t("public.comments")}</th><th className="num">{t("public.negative")}</th><th className="num">{t("public.answered")}</th></tr></thead>
            <tbody>
              {p.weeks.map((w) => (
                <tr key={w.week}><td className="public-week">{fmt.shortDateRange(weekStart(w.week), weekEnd(w.week))}</td><td className="num">{fmt.number(w.comments)}</td><td className="num">{negative(w)}</td><td className="num">{fmt.number(w.answered)}/{fmt.number(w.needsReply)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        {p.weeks.some((w) => w.negativeShare === null && w.comments > 0) && smallNote}
      </section>
      <footer className="muted public-foot">{t("public.footer")}{p.latestDataDay ? ` ${t("fresh.latestDay", { day: fmt.date(p.latestDataDay) })}` : ""}</footer>
    </main>
  );
}
