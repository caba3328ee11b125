// "Mana yang perlu dijawab?" on the weekly review: the open issues, urgent and overdue first, each one
// click away from the Tindak Lanjut page where it is answered or assigned.
import type { Overview } from "../api/hooks";
import { useCases } from "../api/hooks";
import { useI18n } from "../i18n";
import { Link } from "../widgets/Link";
import { villageHref } from "./paths";

const SHOWN = 5;

export function NeedsReplyCard({ villageId, defaultVillageId, totals }: { villageId: number; defaultVillageId: number | null; totals: Overview["totals"] }) {
  const { t, fmt } = useI18n();
  const cases = useCases(villageId, { status: "open" }, SHOWN);
  const list = cases.data?.data ?? [];
  const share = totals.needsReply ? totals.answered / totals.needsReply : null;
  return (
    <section className="panel needs-reply" aria-labelledby="needs-reply-title">
      <h2 id="needs-reply-title">{t("review.needsReplyTitle")}</h2>
      <p className="muted">
        {t("review.needsReplyIntro")}{" "}
        {totals.needsReply > 0 && (
          <>
            {t("kpi.answered")}: {fmt.number(totals.answered)}/{fmt.number(totals.needsReply)} ({fmt.percent(share)})
            {totals.medianFirstReplyHours !== null && ` · ${t("kpi.medianReply")}: ${t("kpi.hours", { n: fmt.number(totals.medianFirstReplyHours) })}`}
          </>
        )}
      </p>
      {cases.status === "success" && list.length === 0 && <p>{t("review.needsReplyNone")}</p>}
      <ul className="needs-reply-list">
        {list.map((c) => (
          <li key={c.id} className={c.urgent ? "is-urgent" : undefined}>
            <Link href={villageHref("/tindak-lanjut", villageId, defaultVillageId, { isu: String(c.id) })}>
              {c.urgent && <span className="badge badge-urgent">{t("urgent.badge")}</span>}{" "}
              {c.overdue && <span className="badge badge-late">{t("inbox.overdue")}</span>}{" "}
              <span className="needs-reply-text">{c.title}</span>
            </Link>
            <span className="muted needs-reply-meta">
              {t(`case.status.${c.status}`)}
              {c.commentCount > 1 && ` · ${t("inbox.comments", { count: fmt.number(c.commentCount) })}`}
            </span>
          </li>
        ))}
      </ul>
      {cases.data && cases.data.total > 0 && (
        <Link href={villageHref("/tindak-lanjut", villageId, defaultVillageId)}>{t("review.needsReplyAll", { count: fmt.number(cases.data.total) })}</Link>
      )}
    </section>
  );
}
