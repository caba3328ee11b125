// Tindak Lanjut: the inbox of residents' requests grouped as issues (isu). Urgent and overdue first;
// filters and the open issue live in the URL (?status=…&isu=12) so a link in the WhatsApp group opens
// the same view. Desktop: list and issue side by side; phone: the list, then the issue on its own.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { CASE_STATUSES, INTENTS, PLATFORMS, type CaseDTO, type CaseDetailDTO, type CaseStatus, type CommentDTO, type VillageDTO } from "@suara-desa/shared/contracts";
import { localDay } from "@suara-desa/shared/time";
import { ApiError } from "../api/client";
import { caseActions, useAssignees, useCaseDetail, useCases, useReplyTemplates, type CaseFilters } from "../api/hooks";
import { useAuth } from "../auth/useAuth";
import { useI18n, type MessageKey } from "../i18n";
import { navigate } from "../router";
import { originalUrl } from "../widgets/CommentCard";
import { IntentBadge, UrgentBadge } from "../widgets/IntentBadge";
import { EmptyState, ErrorState, LoadingState } from "../widgets/StatusViews";
import { villageHref } from "./paths";
import { canFollowUpRole } from "./roles";
import { useTopicNames } from "./useTopicNames";
import "./followUp.css";

interface PageProps {
  village: VillageDTO;
  search: string;
  defaultVillageId: number | null;
}

type StatusTab = CaseStatus | "open" | "all";

function parse(search: string): { filters: CaseFilters; tab: StatusTab; caseId: number | null } {
  const p = new URLSearchParams(search);
  const status = p.get("status");
  const tab: StatusTab = status === "all" || (CASE_STATUSES as readonly string[]).includes(status ?? "") ? (status as StatusTab) : "open";
  const num = (k: string) => (/^\d+$/.test(p.get(k) ?? "") ? Number(p.get(k)) : undefined);
  const oneOf = <T extends string>(k: string, options: readonly T[]) => ((options as readonly string[]).includes(p.get(k) ?? "") ? (p.get(k) as T) : undefined);
  return {
    tab,
    caseId: num("isu") ?? null,
    filters: {
      status: tab === "all" ? undefined : tab,
      assigneeId: num("petugas"),
      topic: /^[a-z0-9_]+$/.test(p.get("topik") ?? "") ? p.get("topik")! : undefined,
      intent: oneOf("maksud", INTENTS),
      platform: oneOf("platform", PLATFORMS),
      urgent: p.get("darurat") === "1" ? "1" : undefined,
      overdue: p.get("terlambat") === "1" ? "1" : undefined,
    },
  };
}

function toParams(tab: StatusTab, f: CaseFilters, caseId: number | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (tab !== "open") out.status = tab;
  if (f.topic) out.topik = f.topic;
  if (f.intent) out.maksud = f.intent;
  if (f.assigneeId) out.petugas = String(f.assigneeId);
  if (f.platform) out.platform = f.platform;
  if (f.urgent) out.darurat = "1";
  if (f.overdue) out.terlambat = "1";
  if (caseId !== null) out.isu = String(caseId);
  return out;
}

/** The width at which the list and the open issue take turns (followUp.css). */
const PHONE_LAYOUT = "(max-width: 960px)";

/** Statuses that tell residents they were answered: confirmed when no reply to them is recorded. */
const ANSWERED_STATUSES: readonly CaseStatus[] = ["dijawab", "selesai"];

/** "3 jam", "2 hari" — a duration an official reads at a glance. */
function useDuration(): (ms: number) => string {
  const { fmt, lang } = useI18n();
  return (ms: number) => {
    const h = Math.abs(ms) / 3_600_000;
    const en = lang === "en";
    if (h < 1) return `${fmt.number(Math.max(1, Math.round(h * 60)))} ${en ? "min" : "menit"}`;
    if (h < 48) return `${fmt.number(Math.round(h))} ${en ? "h" : "jam"}`;
    return `${fmt.number(Math.round(h / 24))} ${en ? "days" : "hari"}`;
  };
}

export default function FollowUpPage({ village, search, defaultVillageId }: PageProps) {
  const { t, fmt } = useI18n();
  const auth = useAuth();
  const mayChange = canFollowUpRole(auth.user.role);
  const { filters, tab, caseId } = useMemo(() => parse(search), [search]);
  const [limit, setLimit] = useState(50);
  const cases = useCases(village.id, filters, limit);
  const assignees = useAssignees(village.id);
  const topicNames = useTopicNames(village.id);
  const [selected, setSelected] = useState<number[]>([]);
  const [focus, setFocus] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  // Where the list was scrolled when an issue opened over it (a phone shows one or the other).
  const listScroll = useRef<number | null>(null);
  const shownCase = useRef<number | null>(caseId);
  const go = (nextTab: StatusTab, f: CaseFilters, id: number | null, replace = true) =>
    navigate(villageHref("/tindak-lanjut", village.id, defaultVillageId, toParams(nextTab, f, id)), { replace });
  const open = (id: number | null) => {
    if (caseId === null && id !== null) listScroll.current = window.scrollY;
    go(tab, filters, id, false);
  };
  const setFilter = <K extends keyof CaseFilters>(k: K, v: CaseFilters[K] | undefined) => go(tab, { ...filters, [k]: v }, null);
  useEffect(() => setSelected([]), [search]);

  const list = cases.data?.data ?? [];
  const counts = cases.data?.counts;
  // Back to the list: the same place in it, and the keyboard on the issue just closed.
  useLayoutEffect(() => {
    const closed = shownCase.current;
    shownCase.current = caseId;
    if (caseId !== null || closed === null) return;
    const row = listRef.current?.querySelector<HTMLButtonElement>(`[data-case="${closed}"] .case-open`);
    const index = list.findIndex((c) => c.id === closed);
    if (index >= 0) setFocus(index);
    if (listScroll.current !== null && window.matchMedia(PHONE_LAYOUT).matches) {
      window.scrollTo(0, listScroll.current);
      row?.focus({ preventScroll: true });
    } else row?.focus();
    listScroll.current = null;
    // Only the issue closing matters here, not every refetch of the list.
  }, [caseId]);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest("input, select, textarea")) return;
    const move = (d: number) => {
      e.preventDefault();
      const next = Math.min(list.length - 1, Math.max(0, focus + d));
      setFocus(next);
      listRef.current?.querySelectorAll<HTMLButtonElement>(".case-open")[next]?.focus();
    };
    if (e.key === "j" || e.key === "ArrowDown") move(1);
    else if (e.key === "k" || e.key === "ArrowUp") move(-1);
    else if (e.key === "Enter" && list[focus] && !(e.target as HTMLElement).closest("button, a")) open(list[focus].id);
    else if (e.key === "x" && list[focus]) setSelected((s) => (s.includes(list[focus].id) ? s.filter((x) => x !== list[focus].id) : [...s, list[focus].id]));
    else if (e.key === "Escape" && caseId !== null) open(null);
  };

  const tabs: Array<{ key: StatusTab; label: string; n?: number }> = [
    { key: "open", label: t("inbox.all"), n: counts ? counts.perlu_jawaban + counts.dijawab + counts.ditindaklanjuti : undefined },
    ...CASE_STATUSES.map((s) => ({ key: s as StatusTab, label: t(`case.status.${s}`), n: counts?.[s] })),
  ];

  return (
    <div className={`page follow-up${caseId !== null ? " has-case" : ""}`} onKeyDown={onKey}>
      <div className="page-head">
        <h1>{t("inbox.title")}</h1>
        <p className="muted">{t("inbox.intro")}</p>
      </div>
      <div className="fu-tabs" role="group" aria-label={t("inbox.status")}>
        {tabs.map((tb) => (
          <button key={tb.key} type="button" className="fu-tab" aria-pressed={tab === tb.key} onClick={() => go(tb.key, { ...filters, status: undefined }, null)}>
            {tb.label}
            {tb.n !== undefined && <span className="fu-count">{fmt.number(tb.n)}</span>}
          </button>
        ))}
        <label className="fu-toggle">
          <input type="checkbox" checked={filters.urgent === "1"} onChange={(e) => setFilter("urgent", e.target.checked ? "1" : undefined)} />
          {t("inbox.onlyUrgent")} {counts && <span className="fu-count fu-count-urgent">{fmt.number(counts.urgent)}</span>}
        </label>
        <label className="fu-toggle">
          <input type="checkbox" checked={filters.overdue === "1"} onChange={(e) => setFilter("overdue", e.target.checked ? "1" : undefined)} />
          {t("inbox.onlyOverdue")} {counts && <span className="fu-count fu-count-late">{fmt.number(counts.overdue)}</span>}
        </label>
      </div>
      <div className="fu-filters" role="search" aria-label={t("inbox.filters")}>
        <select aria-label={t("inbox.topic")} value={filters.topic ?? ""} onChange={(e) => setFilter("topic", e.target.value || undefined)}>
          <option value="">{t("inbox.allTopics")}</option>
          {topicNames.topics.map((tp) => (
            <option key={tp.key} value={tp.key}>
              {topicNames.name(tp.key, tp.nameId)}
            </option>
          ))}
        </select>
        <select aria-label={t("inbox.intent")} value={filters.intent ?? ""} onChange={(e) => setFilter("intent", (e.target.value || undefined) as CaseFilters["intent"])}>
          <option value="">{t("inbox.allIntents")}</option>
          {(["keluhan", "pertanyaan", "usulan"] as const).map((i) => (
            <option key={i} value={i}>
              {t(`intent.${i}`)}
            </option>
          ))}
        </select>
        <select aria-label={t("inbox.assignee")} value={filters.assigneeId ?? ""} onChange={(e) => setFilter("assigneeId", e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">{t("inbox.anyone")}</option>
          {(assignees.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.displayName}
            </option>
          ))}
        </select>
        <select aria-label={t("inbox.platform")} value={filters.platform ?? ""} onChange={(e) => setFilter("platform", (e.target.value || undefined) as CaseFilters["platform"])}>
          <option value="">{t("inbox.allPlatforms")}</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {t(`platform.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="muted fu-keys">{t("inbox.keys")}</p>

      <div className="fu-layout">
        <section className="fu-list" aria-label={t("inbox.title")}>
          {cases.status === "loading" && <LoadingState />}
          {cases.status === "error" && <ErrorState error={cases.error} onRetry={cases.refetch} />}
          {cases.status === "success" && list.length === 0 && <EmptyState message={t("inbox.empty")} />}
          {list.length > 0 && (
            <>
              <p className="muted fu-total">{t("inbox.count", { count: fmt.number(cases.data!.total) })}</p>
              <ul className="fu-cases" ref={listRef}>
                {list.map((c, i) => (
                  <CaseRow
                    key={c.id}
                    c={c}
                    current={c.id === caseId}
                    selectable={mayChange}
                    selected={selected.includes(c.id)}
                    onSelect={(on) => setSelected((s) => (on ? [...s, c.id] : s.filter((x) => x !== c.id)))}
                    onOpen={() => {
                      setFocus(i);
                      open(c.id);
                    }}
                    timeZone={village.timeZone}
                    topicName={(k, f) => topicNames.name(k, f)}
                  />
                ))}
              </ul>
              {cases.data!.nextCursor && (
                <button type="button" className="button" onClick={() => setLimit((l) => Math.min(200, l + 50))} disabled={limit >= 200}>
                  {t("inbox.more")}
                </button>
              )}
            </>
          )}
          {/* After the list and sticky at the bottom of the screen: in view wherever the ticked issue is, over no issue at the end. */}
          {mayChange && selected.length > 0 && (
            <BulkBar villageId={village.id} selected={selected} cases={list} assignees={assignees.data ?? []} onDone={() => setSelected([])} />
          )}
        </section>
        <section className="fu-case" aria-label={t("inbox.change")}>
          {caseId === null ? (
            <p className="muted fu-pick">{t("inbox.pick")}</p>
          ) : (
            <CasePanel caseId={caseId} village={village} mayChange={mayChange} assignees={assignees.data ?? []} onBack={() => open(null)} onOpen={open} topicName={(k, f) => topicNames.name(k, f)} />
          )}
        </section>
      </div>
    </div>
  );
}

function DueLine({ c, timeZone }: { c: CaseDTO; timeZone: string }) {
  const { t, fmt } = useI18n();
  const duration = useDuration();
  const now = Date.now();
  if (c.status === "perlu_jawaban") {
    const due = Date.parse(c.firstReplyDueAt);
    return <span className={due < now ? "fu-late" : "fu-due"}>{due < now ? t("inbox.lateBy", { time: duration(now - due) }) : t("inbox.dueIn", { time: duration(due - now) })}</span>;
  }
  if (c.overdue) return <span className="fu-late">{t("inbox.resolveLate")}</span>;
  // The village's calendar day: an answer at 04:30 WIB is that day's, not the UTC day before.
  if (c.firstReplyAt) return <span className="muted">{t("inbox.answeredAt", { when: fmt.shortDate(localDay(new Date(c.firstReplyAt), timeZone)) })}</span>;
  return null;
}

function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return <span className={`badge fu-status fu-status-${status}`}>{t(`case.status.${status}`)}</span>;
}

interface CaseRowProps {
  c: CaseDTO;
  current: boolean;
  selectable: boolean;
  selected: boolean;
  onSelect(on: boolean): void;
  onOpen(): void;
  timeZone: string;
  topicName(key: string, fallback: string): string;
}

function CaseRow({ c, current, selectable, selected, onSelect, onOpen, timeZone, topicName }: CaseRowProps) {
  const { t, fmt } = useI18n();
  return (
    <li className={`fu-row${current ? " is-current" : ""}${c.urgent ? " is-urgent" : ""}`} data-case={c.id}>
      {selectable && <input type="checkbox" className="fu-check" aria-label={t("inbox.select", { id: String(c.id) })} checked={selected} onChange={(e) => onSelect(e.target.checked)} />}
      <button type="button" className="case-open" aria-current={current ? "true" : undefined} onClick={onOpen}>
        <span className="fu-badges">
          {c.urgent && <span className="badge badge-urgent">{t("urgent.badge")}</span>}
          <StatusBadge status={c.status} />
          {c.overdue && <span className="badge badge-late">{t("inbox.overdue")}</span>}
        </span>
        <span className="fu-title">{c.title}</span>
        <span className="fu-meta">
          {c.topic && <span>{topicName(c.topic.key, c.topic.name)}</span>}
          <span>{t(`intent.${c.intent}`)}</span>
          {c.commentCount > 1 && <span>{t("inbox.comments", { count: fmt.number(c.commentCount) })}</span>}
          <span>{c.platforms.map((p) => t(`platform.${p}`)).join(", ")}</span>
          <time dateTime={c.openedAt}>{fmt.dateTime(c.openedAt, timeZone)}</time>
          <DueLine c={c} timeZone={timeZone} />
          {c.assignee && <span>→ {c.assignee.displayName}</span>}
        </span>
      </button>
    </li>
  );
}

interface BulkBarProps {
  villageId: number;
  selected: number[];
  cases: CaseDTO[];
  assignees: Array<{ id: number; displayName: string }>;
  onDone(): void;
}

function BulkBar({ villageId, selected, cases, assignees, onDone }: BulkBarProps) {
  const { t, fmt } = useI18n();
  const [status, setStatus] = useState("");
  const [assignee, setAssignee] = useState("");
  const [state, setState] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Selected issues this status would tell residents were answered while no reply to them is recorded.
  const unanswered = (ANSWERED_STATUSES as readonly string[]).includes(status)
    ? cases.filter((c) => selected.includes(c.id) && c.status !== status && c.firstReplyAt === null).length
    : 0;
  const apply = async () => {
    setState(null);
    if (unanswered > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    try {
      await caseActions.bulk(villageId, {
        caseIds: selected,
        ...(status ? { status: status as "dijawab" } : {}),
        ...(assignee ? { assigneeId: assignee === "none" ? null : Number(assignee) } : {}),
      });
      onDone();
    } catch (e) {
      setState(e instanceof Error ? e.message : String(e));
    }
  };
  const merge = async () => {
    setState(null);
    try {
      const d = await caseActions.merge(villageId, selected);
      onDone();
      navigate(`/tindak-lanjut?isu=${d.case.id}`);
    } catch (e) {
      setState(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="fu-bulk" role="group" aria-label={t("inbox.selected", { count: fmt.number(selected.length) })}>
      <strong>{t("inbox.selected", { count: fmt.number(selected.length) })}</strong>
      <select aria-label={t("inbox.bulkStatus")} value={status} onChange={(e) => { setStatus(e.target.value); setConfirming(false); }}>
        <option value="">{t("inbox.bulkStatus")}</option>
        {(["perlu_jawaban", "dijawab", "ditindaklanjuti", "selesai"] as const).map((s) => (
          <option key={s} value={s}>
            {t(`case.status.${s}`)}
          </option>
        ))}
      </select>
      <select aria-label={t("inbox.bulkAssign")} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
        <option value="">{t("inbox.bulkAssign")}</option>
        <option value="none">{t("inbox.nobody")}</option>
        {assignees.map((a) => (
          <option key={a.id} value={a.id}>
            {a.displayName}
          </option>
        ))}
      </select>
      <button type="button" className="button button-primary" disabled={!status && !assignee} onClick={() => void apply()}>
        {t("inbox.apply")}
      </button>
      {selected.length > 1 && (
        <button type="button" className="button" onClick={() => void merge()}>
          {t("inbox.merge")}
        </button>
      )}
      {state && <span className="tone-bad" role="alert">{t("inbox.failed", { message: state })}</span>}
      {confirming && (
        <NoReplyConfirm
          message={t("inbox.confirmNoReplyBulk", { count: fmt.number(unanswered), status: t(`case.status.${status as CaseStatus}`) })}
          status={status as CaseStatus}
          onYes={() => void apply()}
          onNo={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

/** "Tetap tandai …?" in the page itself (a phone's browser dialog is easy to dismiss unread and cannot be tested). */
function NoReplyConfirm({ message, status, onYes, onNo }: { message: string; status: CaseStatus; onYes(): void; onNo(): void }) {
  const { t } = useI18n();
  const uid = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe answer has the focus: Enter does not change the status by accident.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="fu-confirm" role="alertdialog" aria-labelledby={`${uid}-q`}>
      <p id={`${uid}-q`}>{message}</p>
      <div className="correction-actions">
        <button type="button" className="button button-primary" onClick={onYes}>
          {t("inbox.confirmYes", { status: t(`case.status.${status}`) })}
        </button>
        <button type="button" className="button" ref={cancel} onClick={onNo}>
          {t("inbox.confirmNo")}
        </button>
      </div>
    </div>
  );
}

interface CasePanelProps {
  caseId: number;
  village: VillageDTO;
  mayChange: boolean;
  assignees: Array<{ id: number; displayName: string }>;
  onBack(): void;
  onOpen(id: number): void;
  topicName(key: string, fallback: string): string;
}

function CasePanel({ caseId, village, mayChange, assignees, onBack, onOpen, topicName }: CasePanelProps) {
  const { t } = useI18n();
  const detail = useCaseDetail(caseId);
  const [split, setSplit] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setSplit([]), [caseId]);
  if (detail.status === "loading") return <LoadingState />;
  if (detail.status === "error") return <ErrorState error={detail.error} onRetry={detail.refetch} />;
  const d = detail.data!;
  const c = d.case;
  const doSplit = async () => {
    setError(null);
    try {
      const n = await caseActions.split(c.id, split);
      onOpen(n.case.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <article className="fu-panel">
      <button type="button" className="link-button fu-back" onClick={onBack}>
        ← {t("inbox.back")}
      </button>
      <header className="fu-panel-head">
        <span className="fu-badges">
          {c.urgent && <span className="badge badge-urgent">{t("urgent.badge")}</span>}
          <StatusBadge status={c.status} />
          {c.overdue && <span className="badge badge-late">{t("inbox.overdue")}</span>}
        </span>
        <h2>{c.title}</h2>
        <p className="fu-meta">
          {c.topic && <span>{topicName(c.topic.key, c.topic.name)}</span>}
          <span>{t(`intent.${c.intent}`)}</span>
          <DueLine c={c} timeZone={village.timeZone} />
          {c.forwardedTo && <span>{t("inbox.forwarded", { to: c.forwardedTo, ref: c.forwardRef ? ` (${c.forwardRef})` : "" })}</span>}
        </p>
      </header>
      {mayChange && <ChangeForm d={d} assignees={assignees} />}
      <h3>{t("inbox.thread")}</h3>
      <ul className="fu-comments">
        {d.comments.map(({ comment, thread, replyFromDashboard }) => (
          <li key={comment.id} className="fu-comment">
            <div className="fu-comment-head">
              {mayChange && d.comments.length > 1 && (
                <input type="checkbox" aria-label={t("inbox.selectComment")} checked={split.includes(comment.id)} onChange={(e) => setSplit((s) => (e.target.checked ? [...s, comment.id] : s.filter((x) => x !== comment.id)))} />
              )}
              <MiniComment comment={comment} timeZone={village.timeZone} withLink />
            </div>
            {thread.length === 0 ? (
              <p className="muted fu-noreply">{t("inbox.noReplies")}</p>
            ) : (
              <ul className="fu-thread">
                {thread.map((r) => (
                  <li key={r.id} className={r.fromVillage ? "fu-village" : undefined}>
                    {r.fromVillage && <span className="fu-village-tag">{t("inbox.villageReply")}</span>}
                    <MiniComment comment={r} timeZone={village.timeZone} />
                  </li>
                ))}
              </ul>
            )}
            {mayChange && <ReplyBox key={comment.id} comment={comment} canPost={replyFromDashboard} c={c} village={village} />}
          </li>
        ))}
      </ul>
      {split.length > 0 && (
        <button type="button" className="button" onClick={() => void doSplit()}>
          {t("inbox.splitSelected")}
        </button>
      )}
      {error && <p className="tone-bad" role="alert">{t("inbox.failed", { message: error })}</p>}
      <History events={d.events} timeZone={village.timeZone} assignees={assignees} />
    </article>
  );
}

/** One comment of a conversation; `withLink`: with its link on the platform, to answer it there. */
function MiniComment({ comment, timeZone, withLink = false }: { comment: CommentDTO; timeZone: string; withLink?: boolean }) {
  const { t, fmt } = useI18n();
  const url = withLink ? originalUrl(comment) : null;
  return (
    <div className="mini-comment">
      <span className="comment-author">{comment.author}</span> · <span>{t(`platform.${comment.platform}`)}</span> ·{" "}
      <time dateTime={comment.publishedAt}>{fmt.dateTime(comment.publishedAt, timeZone)}</time>{" "}
      <UrgentBadge urgent={comment.urgent} /> <IntentBadge intent={comment.intent} />
      <p>{comment.text}</p>
      {url && <OriginalLink url={url} platform={comment.platform} />}
    </div>
  );
}

function OriginalLink({ url, platform }: { url: string; platform: CommentDTO["platform"] }) {
  const { t } = useI18n();
  return (
    <a className="fu-original" href={url} target="_blank" rel="noopener noreferrer nofollow">
      {t("inbox.openOriginal", { platform: t(`platform.${platform}`) })}
    </a>
  );
}

function ChangeForm({ d, assignees }: { d: CaseDetailDTO; assignees: Array<{ id: number; displayName: string }> }) {
  const { t } = useI18n();
  const uid = useId();
  const c = d.case;
  const [status, setStatus] = useState<CaseStatus>(c.status);
  const [assignee, setAssignee] = useState(c.assignee ? String(c.assignee.id) : "");
  const [forwardedTo, setForwardedTo] = useState(c.forwardedTo ?? "");
  const [forwardRef, setForwardRef] = useState(c.forwardRef ?? "");
  const [reason, setReason] = useState(c.reason ?? "");
  const [note, setNote] = useState("");
  const [publicTitle, setPublicTitle] = useState(c.publicTitle ?? "");
  const [publicQuote, setPublicQuote] = useState(c.publicQuote ?? "");
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" | "confirm" } | { kind: "error"; message: string }>({ kind: "idle" });
  useEffect(() => {
    setStatus(c.status);
    setAssignee(c.assignee ? String(c.assignee.id) : "");
    setNote("");
  }, [c.id, c.status, c.assignee]);
  // A reply to the residents is recorded: the village's account answered in a thread, or an official marked it answered.
  const replied = c.firstReplyAt !== null || d.comments.some((x) => x.thread.some((r) => r.fromVillage));
  const needsConfirm = !replied && status !== c.status && ANSWERED_STATUSES.includes(status);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (needsConfirm) setState({ kind: "confirm" });
    else void save();
  };
  const cancel = () => {
    setStatus(c.status);
    setState({ kind: "idle" });
  };
  const save = async () => {
    setState({ kind: "saving" });
    const assigneeId = assignee ? Number(assignee) : null;
    try {
      await caseActions.change(c.id, {
        ...(status !== c.status ? { status } : {}),
        ...(assigneeId !== (c.assignee?.id ?? null) ? { assigneeId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(status === "diteruskan" && status !== c.status ? { forwardedTo: forwardedTo.trim(), ...(forwardRef.trim() ? { forwardRef: forwardRef.trim() } : {}) } : {}),
        ...(status === "tidak_perlu" && status !== c.status ? { reason: reason.trim() } : {}),
        ...((publicTitle.trim() || null) !== c.publicTitle ? { publicTitle: publicTitle.trim() || null } : {}),
        ...(quoteChanged ? { publicQuote: publicQuote.trim() || null } : {}),
      });
      setNote("");
      setState({ kind: "saved" });
    } catch (err) {
      setState({ kind: "error", message: err instanceof ApiError || err instanceof Error ? err.message : String(err) });
    }
  };
  const quoteChanged = (publicQuote.trim() || null) !== c.publicQuote;
  const changed = status !== c.status || (assignee ? Number(assignee) : null) !== (c.assignee?.id ?? null) || note.trim() !== "" || (publicTitle.trim() || null) !== c.publicTitle || quoteChanged;
  const missing = (status === "diteruskan" && status !== c.status && !forwardedTo.trim()) || (status === "tidak_perlu" && status !== c.status && !reason.trim());
  return (
    <form className="fu-change" onSubmit={submit} aria-labelledby={`${uid}-t`}>
      <h3 id={`${uid}-t`}>{t("inbox.change")}</h3>
      <div className="fu-fields">
        <div className="field">
          <label htmlFor={`${uid}-s`}>{t("inbox.status")}</label>
          <select
            id={`${uid}-s`}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as CaseStatus);
              setState({ kind: "idle" });
            }}
          >
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`case.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-a`}>{t("inbox.assignee")}</label>
          <select id={`${uid}-a`} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t("inbox.nobody")}</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName}
              </option>
            ))}
          </select>
        </div>
      </div>
      {status === "diteruskan" && status !== c.status && (
        <div className="fu-fields">
          <div className="field">
            <label htmlFor={`${uid}-f`}>{t("inbox.forwardedTo")}</label>
            <input id={`${uid}-f`} value={forwardedTo} maxLength={200} required onChange={(e) => setForwardedTo(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-r`}>{t("inbox.forwardRef")}</label>
            <input id={`${uid}-r`} value={forwardRef} maxLength={200} onChange={(e) => setForwardRef(e.target.value)} />
          </div>
        </div>
      )}
      {status === "tidak_perlu" && status !== c.status && (
        <div className="field">
          <label htmlFor={`${uid}-why`}>{t("inbox.reason")}</label>
          <input id={`${uid}-why`} value={reason} maxLength={500} required onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${uid}-pt`}>{t("inbox.publicTitle")}</label>
        <input id={`${uid}-pt`} value={publicTitle} maxLength={140} onChange={(e) => setPublicTitle(e.target.value)} />
      </div>
      {publicTitle.trim() !== "" && (
        <div className="field">
          <label htmlFor={`${uid}-pq`}>{t("inbox.publicQuote")}</label>
          <textarea id={`${uid}-pq`} rows={2} value={publicQuote} maxLength={400} onChange={(e) => setPublicQuote(e.target.value)} />
          <p className="muted">
            {t("inbox.publicQuoteHelp")}{" "}
            {d.suggestedQuote && (
              <button type="button" className="link-button" onClick={() => setPublicQuote(d.suggestedQuote.slice(0, 400))}>
                {t("inbox.publicQuoteFill")}
              </button>
            )}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${uid}-n`}>{t("inbox.note")}</label>
        <textarea id={`${uid}-n`} rows={2} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="correction-actions">
        <button type="submit" className="button button-primary" disabled={!changed || missing || state.kind === "saving" || state.kind === "confirm"}>
          {t("inbox.save")}
        </button>
        <span role="status" aria-live="polite" className={state.kind === "error" ? "tone-bad" : "tone-good"}>
          {state.kind === "saved" && t("inbox.saved")}
          {state.kind === "error" && t("inbox.failed", { message: state.message })}
        </span>
      </div>
      {state.kind === "confirm" && <NoReplyConfirm message={t("inbox.confirmNoReply", { status: t(`case.status.${status}`) })} status={status} onYes={() => void save()} onNo={cancel} />}
    </form>
  );
}

type ReplyState =
  | { kind: "idle" | "sending" | "copied" | "copyFailed" | "marked" }
  | { kind: "done"; state: string; why: string | null }
  | { kind: "error"; message: string };

/**
 * The answer to one resident's comment. Where the village's account for its source is connected
 * (`canPost`, the reply route's own rule) it is posted on the platform from here; elsewhere the
 * official writes it here, copies it, answers on the platform and marks the issue answered. The
 * text stays until the platform has the reply.
 */
function ReplyBox({ comment, canPost, c, village }: { comment: CommentDTO; canPost: boolean; c: CaseDTO; village: VillageDTO }) {
  const { t } = useI18n();
  const uid = useId();
  const auth = useAuth();
  const templates = useReplyTemplates(village.id);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState("");
  // The route refused it as not repliable after all (the account was disconnected meanwhile).
  const [refused, setRefused] = useState(false);
  const [state, setState] = useState<ReplyState>({ kind: "idle" });
  const elsewhere = !canPost || refused;
  const platform = t(`platform.${comment.platform}`);
  const url = originalUrl(comment);
  const fillTemplate = (raw: string) =>
    raw.replaceAll("{nama_desa}", village.name).replaceAll("{topik}", c.topic?.name ?? "ini").replaceAll("{petugas}", auth.user.displayName);
  const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (elsewhere) return;
    setState({ kind: "sending" });
    try {
      const r = await caseActions.reply(comment.id, text.trim());
      setState({ kind: "done", state: r.state, why: r.lastError ?? null });
      // A reply still waiting or failed keeps its text: "Coba lagi" sends the same words.
      if (r.state === "terkirim") setText("");
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        setRefused(true);
        setState({ kind: "idle" });
      } else setState({ kind: "error", message: message(err) });
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: "copied" });
    } catch {
      // No clipboard access (a dashboard on plain http in the village office): select it for the person to copy.
      textRef.current?.focus();
      textRef.current?.select();
      setState({ kind: "copyFailed" });
    }
  };
  const markAnswered = async () => {
    setState({ kind: "sending" });
    try {
      const answer = text.trim();
      await caseActions.change(c.id, { status: "dijawab", ...(answer ? { note: t("inbox.answeredOnPlatform", { platform, text: answer }) } : {}) });
      setState({ kind: "marked" });
    } catch (err) {
      setState({ kind: "error", message: message(err) });
    }
  };
  const bad = state.kind === "error" || (state.kind === "done" && state.state === "gagal") || state.kind === "copyFailed";
  return (
    <form className="fu-reply" onSubmit={send} aria-describedby={`${uid}-how`}>
      <p id={`${uid}-how`} className={elsewhere ? "fu-reply-note fu-reply-elsewhere" : "fu-reply-note muted"}>
        {elsewhere ? t("inbox.replyElsewhere", { platform }) : t("inbox.replyDirect", { platform })}
      </p>
      <label htmlFor={`${uid}-r`} className="visually-hidden">
        {t("inbox.answerText")}
      </label>
      {(templates.data ?? []).length > 0 && (
        <select aria-label={t("inbox.template")} value="" onChange={(e) => e.target.value !== "" && setText(fillTemplate(templates.data![Number(e.target.value)].text))}>
          <option value="">{t("inbox.template")}</option>
          {templates.data!.map((tp, i) => (
            <option key={tp.name} value={i}>
              {tp.name}
            </option>
          ))}
        </select>
      )}
      <textarea ref={textRef} id={`${uid}-r`} rows={3} value={text} maxLength={1000} placeholder={t("inbox.replyPlaceholder")} onChange={(e) => setText(e.target.value)} />
      <div className="correction-actions">
        {elsewhere ? (
          <>
            <button type="button" className="button" disabled={!text.trim()} onClick={() => void copy()}>
              {t("inbox.copy")}
            </button>
            {url && <OriginalLink url={url} platform={comment.platform} />}
            {c.status === "perlu_jawaban" && (
              <button type="button" className="button" disabled={state.kind === "sending"} onClick={() => void markAnswered()}>
                {t("inbox.markAnswered")}
              </button>
            )}
          </>
        ) : (
          <>
            <button type="submit" className="button" disabled={!text.trim() || state.kind === "sending"}>
              {t("inbox.reply", { platform })}
            </button>
            {state.kind === "done" && state.state !== "terkirim" && (
              <button type="submit" className="link-button" disabled={!text.trim()}>
                {t("inbox.retry")}
              </button>
            )}
          </>
        )}
      </div>
      <p role="status" aria-live="polite" className={`fu-reply-state ${bad ? "tone-bad" : "tone-good"}`}>
        {state.kind === "done" && t(`inbox.replyState.${state.state}` as MessageKey, { why: state.why ?? "" })}
        {state.kind === "done" && state.state === "menunggu" && state.why && ` ${state.why}`}
        {state.kind === "error" && `${t("inbox.failed", { message: state.message })} ${t("inbox.replyKept")}`}
        {state.kind === "copied" && t("inbox.copied", { platform })}
        {state.kind === "copyFailed" && t("inbox.copyFailed")}
        {state.kind === "marked" && t("inbox.markedAnswered")}
      </p>
    </form>
  );
}

function History({ events, timeZone, assignees }: { events: CaseDetailDTO["events"]; timeZone: string; assignees: Array<{ id: number; displayName: string }> }) {
  const { t, fmt } = useI18n();
  const actor = (a: string) => (a === "sistem" ? t("event.system") : a);
  const line = (e: CaseDetailDTO["events"][number]): string => {
    const d = e.details as Record<string, unknown>;
    switch (e.kind) {
      case "opened":
        return t("event.opened", { actor: actor(e.actor), count: fmt.number(Number(d.comments ?? 1)) });
      case "joined":
        return t("event.joined", { actor: actor(e.actor), count: fmt.number(Number(d.comments ?? 1)) });
      case "answered":
        return t("event.answered");
      case "status":
        return t("event.status", { actor: actor(e.actor), status: t(`case.status.${String(d.to) as CaseStatus}`) });
      case "assign": {
        const who = assignees.find((a) => a.id === d.to)?.displayName;
        return d.to === null ? t("event.unassign", { actor: actor(e.actor) }) : `${t("event.assign", { actor: actor(e.actor) })}${who ? ` → ${who}` : ""}`;
      }
      case "note":
        return t("event.note", { actor: actor(e.actor), text: String(d.text ?? "") });
      case "merge":
        return t("event.merge", { actor: actor(e.actor) });
      case "split":
        return t("event.split", { actor: actor(e.actor), count: fmt.number(Number(d.comments ?? 1)) });
      case "reply":
        return t("event.reply", { actor: actor(e.actor) });
      case "publish":
        return t("event.publish", { actor: actor(e.actor) });
      case "quote":
        return t(e.details.text ? "event.quote" : "event.unquote", { actor: actor(e.actor) });
      default:
        return actor(e.actor);
    }
  };
  return (
    <section className="fu-history">
      <h3>{t("inbox.history")}</h3>
      <ol>
        {events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{fmt.dateTime(e.at, timeZone)}</time> — {line(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
