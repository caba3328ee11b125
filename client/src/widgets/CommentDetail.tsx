// A comment's context (the post it answers, its thread) and, for officials allowed to, the form
// that corrects its labels (stored as human labels, they win in every statistic) and, for admins,
// the erasure of its author's comments on a resident's request.
import { useEffect, useId, useState, type FormEvent } from "react";
import { INTENTS, type CommentDetailDTO, type CommentDTO, type Intent, type Sentiment, type TopicDTO } from "@suara-desa/shared/contracts";
import { saveCommentLabels, useCommentDetail } from "../api/hooks";
import { useI18n } from "../i18n";
import { AuthorErasure } from "./AuthorErasure";
import { ErrorState, LoadingState } from "./StatusViews";

export interface CommentDetailProps {
  comment: CommentDTO;
  timeZone: string;
  topics: TopicDTO[];
  topicName: (key: string, fallback: string) => string;
  canCorrect: boolean;
  /** Admins and pimpinan may reveal names, numbers and links (audited); everyone else never. */
  canViewRaw?: boolean;
  /** Admins may erase every comment of this comment's author in the village (UU PDP). */
  canErase?: boolean;
  /** After an erasure, with the number of comments deleted: the page says so (the detail closes). */
  onErased?: (deleted: number) => void;
}

/** A "Detail & koreksi" disclosure; the detail is fetched only when opened. */
export function CommentDetailToggle(props: CommentDetailProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  // The comment itself is gone: close the detail; the page, which outlives this card, says what happened.
  const erased = (deleted: number) => {
    setOpen(false);
    props.onErased?.(deleted);
  };
  return (
    <div className="comment-detail">
      <button type="button" className="link-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {open ? t("detail.hide") : t("detail.show")}
      </button>
      {open && (
        <div id={panelId} className="comment-detail-panel">
          <DetailBody {...props} onErased={erased} />
        </div>
      )}
    </div>
  );
}

function DetailBody({ comment, timeZone, topics, topicName, canCorrect, canViewRaw = false, canErase = false, onErased }: CommentDetailProps) {
  const { t, fmt } = useI18n();
  const [raw, setRaw] = useState(false);
  const detail = useCommentDetail(comment.id, { raw: raw && canViewRaw });
  if (detail.status === "loading") return <LoadingState />;
  if (detail.status === "error") return <ErrorState error={detail.error} onRetry={detail.refetch} />;
  const d = detail.data!;
  const c = d.corrections;
  return (
    <>
      {canViewRaw && (
        <div className="detail-block detail-raw">
          <button type="button" className="link-button" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
            {raw ? t("detail.hideRaw") : t("detail.showRaw")}
          </button>
          <p className="muted">{t("detail.rawAudited")}</p>
          {raw && (
            <>
              <h4>{t("detail.rawComment")}</h4>
              <MiniComment comment={d.comment} timeZone={timeZone} />
            </>
          )}
        </div>
      )}
      <div className="detail-block">
        <h4>{t("detail.post")}</h4>
        {d.post ? (
          <blockquote className="detail-post">
            <p>{d.post.text}</p>
            <footer>
              <time dateTime={d.post.publishedAt}>{fmt.dateTime(d.post.publishedAt, timeZone)}</time>
              {d.post.url && (
                <>
                  {" · "}
                  <a href={d.post.url} target="_blank" rel="noopener noreferrer nofollow">
                    {t(`platform.${d.post.platform}`)} ↗
                  </a>
                </>
              )}
            </footer>
          </blockquote>
        ) : (
          <p className="muted">{t("detail.noPost")}</p>
        )}
      </div>
      {d.parent && (
        <div className="detail-block">
          <h4>{t("detail.parent")}</h4>
          <MiniComment comment={d.parent} timeZone={timeZone} />
        </div>
      )}
      {d.replies.length > 0 && (
        <div className="detail-block">
          <h4>{t("detail.replies", { count: fmt.number(d.replies.length) })}</h4>
          <ul className="mini-list">
            {d.replies.map((r) => (
              <li key={r.id}>
                <MiniComment comment={r} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {d.followUp && (
        <div className="detail-block">
          <p>
            <strong>{t("detail.followUp", { status: t(`case.status.${d.followUp.status}`) })}</strong>
            {d.followUp.overdue && <span className="badge badge-late"> {t("inbox.overdue")}</span>}{" "}
            <a href={`/tindak-lanjut?isu=${d.followUp.caseId}`}>{t("detail.openCase")}</a>
          </p>
        </div>
      )}
      <div className="detail-block">
        <h4>{t("detail.labels")}</h4>
        {d.comment.model && <p className="muted">{t("detail.model")}</p>}
        {d.comment.model && (
          <p className="muted">
            {d.comment.model.accuracy
              ? t("detail.modelAccuracy", { min: fmt.percent(d.comment.model.accuracy.min), max: fmt.percent(d.comment.model.accuracy.max) })
              : t("detail.modelNotMeasured")}
          </p>
        )}
        {c.sentimentBy && c.sentimentAt && (
          <p className="muted">
            {t("detail.sentiment")}: {t("detail.correctedBy", { who: c.sentimentBy, when: fmt.dateTime(c.sentimentAt, timeZone) })}
          </p>
        )}
        {c.topicsBy && c.topicsAt && (
          <p className="muted">
            {t("detail.topics")}: {t("detail.correctedBy", { who: c.topicsBy, when: fmt.dateTime(c.topicsAt, timeZone) })}
          </p>
        )}
        {c.intentBy && c.intentAt && (
          <p className="muted">
            {t("detail.intent")}: {t("detail.correctedBy", { who: c.intentBy, when: fmt.dateTime(c.intentAt, timeZone) })}
          </p>
        )}
        {c.urgentBy && c.urgentAt && (
          <p className="muted">
            {t("detail.urgent")}: {t("detail.correctedBy", { who: c.urgentBy, when: fmt.dateTime(c.urgentAt, timeZone) })}
          </p>
        )}
      </div>
      {canCorrect && <CorrectionForm detail={d} topics={topics} topicName={topicName} />}
      {canErase && onErased && <AuthorErasure commentId={comment.id} timeZone={timeZone} onErased={onErased} />}
    </>
  );
}

function MiniComment({ comment, timeZone }: { comment: CommentDTO; timeZone: string }) {
  const { fmt } = useI18n();
  return (
    <div className="mini-comment">
      <span className="comment-author">{comment.author}</span> <time dateTime={comment.publishedAt}>{fmt.dateTime(comment.publishedAt, timeZone)}</time>
      <p>{comment.text}</p>
    </div>
  );
}

function CorrectionForm({ detail, topics, topicName }: { detail: CommentDetailDTO; topics: TopicDTO[]; topicName: CommentDetailProps["topicName"] }) {
  const { t } = useI18n();
  const uid = useId();
  const current = detail.comment;
  const humanSentiment = current.sentiment?.origin === "human" ? current.sentiment.label : null;
  const [sentiment, setSentiment] = useState<Sentiment | "">(humanSentiment ?? "");
  const initialTopics = current.topics.map((tp) => tp.key).sort();
  const [chosen, setChosen] = useState<string[]>(initialTopics);
  const humanIntent = current.intent?.origin === "human" ? current.intent.label : null;
  const [intent, setIntent] = useState<Intent | "">(humanIntent ?? "");
  const humanUrgent = current.urgent.origin === "human" ? (current.urgent.value ? "yes" : "no") : "";
  const [urgent, setUrgent] = useState<"" | "yes" | "no">(humanUrgent);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({ kind: "idle" });
  useEffect(() => setStatus({ kind: "idle" }), [sentiment, chosen, intent, urgent]);

  const sentimentChanged = (sentiment || null) !== humanSentiment;
  const topicsChanged = [...chosen].sort().join() !== initialTopics.join();
  const intentChanged = (intent || null) !== humanIntent;
  const urgentChanged = urgent !== humanUrgent;
  const changed = sentimentChanged || topicsChanged || intentChanged || urgentChanged;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!changed) return;
    setStatus({ kind: "saving" });
    try {
      await saveCommentLabels(current.id, {
        ...(sentimentChanged ? { sentiment: sentiment || null } : {}),
        ...(topicsChanged ? { topics: chosen } : {}),
        ...(intentChanged ? { intent: intent || null } : {}),
        ...(urgentChanged ? { urgent: urgent === "" ? null : urgent === "yes" } : {}),
      });
      setStatus({ kind: "saved" });
    } catch (err) {
      setStatus({ kind: "error", message: err instanceof Error ? err.message : String(err) });
    }
  };

  const sorted = [...topics].sort((a, b) => topicName(a.key, a.nameId).localeCompare(topicName(b.key, b.nameId)));
  return (
    <form className="correction-form" onSubmit={submit} aria-labelledby={`${uid}-title`}>
      <h4 id={`${uid}-title`}>{t("detail.correctTitle")}</h4>
      <p className="muted">{t("detail.correctHelp")}</p>
      <div className="field">
        <label htmlFor={`${uid}-sentiment`}>{t("detail.sentiment")}</label>
        <select id={`${uid}-sentiment`} value={sentiment} onChange={(e) => setSentiment(e.target.value as Sentiment | "")}>
          <option value="">{t("detail.sentimentModel")}</option>
          {(["negatif", "netral", "positif"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`sentiment.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-intent`}>{t("detail.intent")}</label>
        <select id={`${uid}-intent`} value={intent} onChange={(e) => setIntent(e.target.value as Intent | "")}>
          <option value="">{t("detail.sentimentModel")}</option>
          {INTENTS.map((i) => (
            <option key={i} value={i}>
              {t(`intent.${i}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-urgent`}>{t("detail.urgent")}</label>
        <select id={`${uid}-urgent`} value={urgent} onChange={(e) => setUrgent(e.target.value as "" | "yes" | "no")}>
          <option value="">{t("detail.sentimentModel")}</option>
          <option value="yes">{t("detail.urgentYes")}</option>
          <option value="no">{t("detail.urgentNo")}</option>
        </select>
      </div>
      <fieldset className="topic-checks">
        <legend>{t("detail.topics")}</legend>
        {sorted.map((tp) => (
          <label key={tp.key} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(tp.key)}
              onChange={(e) => setChosen((prev) => (e.target.checked ? [...prev, tp.key] : prev.filter((k) => k !== tp.key)))}
            />
            {topicName(tp.key, tp.nameId)}
          </label>
        ))}
      </fieldset>
      <div className="correction-actions">
        <button type="submit" className="button button-primary" disabled={status.kind === "saving" || !changed}>
          {status.kind === "saving" ? t("detail.saving") : t("detail.save")}
        </button>
        <span role="status" aria-live="polite" className={status.kind === "error" ? "tone-bad" : "tone-good"}>
          {status.kind === "saved" && t("detail.saved")}
          {status.kind === "error" && t("detail.saveFailed", { message: status.message })}
        </span>
      </div>
    </form>
  );
}
