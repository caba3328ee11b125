// A sentiment label as text plus colour (never colour alone, for colour-blind readers).
import type { CommentDTO } from "@suara-desa/shared/contracts";
import { useI18n } from "../i18n";

/** Badge for a comment's sentiment; marks labels corrected by an official. */
export function SentimentBadge({ sentiment }: { sentiment: CommentDTO["sentiment"] }) {
  const { t } = useI18n();
  if (!sentiment) return <span className="badge badge-none">{t("sentiment.none")}</span>;
  const label = t(`sentiment.${sentiment.label}`);
  return (
    <span className={`badge badge-${sentiment.label}`}>
      {label}
      {sentiment.origin === "human" && <span className="badge-note"> · {t("sentiment.human")}</span>}
    </span>
  );
}
