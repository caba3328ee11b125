// One resident comment as the explorer and the "needs attention" list show it. The text arrives
// already redacted by the server (phone numbers, NIK…); we never show raw author ids.
import type { ReactNode } from "react";
import type { CommentDTO, Platform } from "@suara-desa/shared/contracts";
import { useI18n, type MessageKey } from "../i18n";
import { IntentBadge, UrgentBadge } from "./IntentBadge";
import { SentimentBadge } from "./SentimentBadge";

export interface CommentCardProps {
  comment: CommentDTO;
  timeZone: string;
  /** Topic chips become filter buttons when given. */
  onTopic?: (key: string) => void;
  topicName?: (key: string, fallback: string) => string;
  /** Extra content under the card (the explorer's detail and correction disclosure). */
  children?: ReactNode;
}

// The server masks personal data with this character; a link whose number it masked (a wa.me
// link, say) leads nowhere, so it is not offered.
const MASK = "•";

/** The comment's link on its platform as presented (masked for roles not allowed raw data), or null when it leads nowhere. */
export function originalUrl(c: CommentDTO): string | null {
  return c.url && !c.url.includes(MASK) ? c.url : null;
}

const LANGUAGE_KEYS: Record<string, MessageKey> = {
  id: "language.id",
  su: "language.su",
  jv: "language.jv",
  en: "language.en",
  other: "language.other",
};

/** Author, platform, local time, text, labels and a link to the original. */
export function CommentCard({ comment: c, timeZone, onTopic, topicName, children }: CommentCardProps) {
  const { t, fmt } = useI18n();
  const platform = t(`platform.${c.platform as Platform}`);
  const languageKey = c.language ? LANGUAGE_KEYS[c.language] : undefined;
  return (
    <article className={`comment${c.spam ? " comment-spam" : ""}${c.urgent.value ? " comment-urgent" : ""}`} aria-label={`${c.author}, ${platform}`}>
      <header className="comment-head">
        <span className="comment-author">{c.author}</span>
        <span className={`platform-tag platform-${c.platform}`}>{platform}</span>
        <time className="comment-time" dateTime={c.publishedAt}>
          {fmt.dateTime(c.publishedAt, timeZone)}
        </time>
      </header>
      <p className="comment-text">{c.text}</p>
      <footer className="comment-meta">
        <UrgentBadge urgent={c.urgent} />
        <IntentBadge intent={c.intent} />
        <SentimentBadge sentiment={c.sentiment} />
        {c.spam && <span className="badge badge-spam">{t("comment.spam")}</span>}
        {c.hasPersonalData && <span className="badge badge-pii">{t("comment.pii")}</span>}
        <ul className="chips" aria-label={t("comment.topics")}>
          {c.topics.length === 0 && <li className="chip chip-empty">{t("comment.noTopics")}</li>}
          {c.topics.map((tp) => {
            const name = topicName ? topicName(tp.key, tp.name) : tp.name;
            return (
              <li key={tp.key}>
                {onTopic ? (
                  <button type="button" className="chip" onClick={() => onTopic(tp.key)} aria-label={t("comment.filterTopic", { topic: name })}>
                    {name}
                  </button>
                ) : (
                  <span className="chip">{name}</span>
                )}
              </li>
            );
          })}
        </ul>
        <span className="comment-extra">
          {languageKey && <span>{t("comment.language", { language: t(languageKey) })}</span>}
          <span>{t("comment.likes", { count: fmt.number(c.likeCount) })}</span>
          {originalUrl(c) && (
            <a href={originalUrl(c)!} target="_blank" rel="noopener noreferrer nofollow">
              {t("comment.original", { platform })}
              <span aria-hidden="true"> ↗</span>
            </a>
          )}
        </span>
      </footer>
      {children}
    </article>
  );
}
