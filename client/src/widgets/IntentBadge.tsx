// What a resident wants, and whether someone is in danger, as text plus colour (never colour alone).
import type { CommentDTO } from "@suara-desa/shared/contracts";
import { useI18n } from "../i18n";

/** Badge for a comment's intent; marks labels corrected by an official. */
export function IntentBadge({ intent }: { intent: CommentDTO["intent"] }) {
  const { t } = useI18n();
  if (!intent) return null;
  return (
    <span className={`badge badge-intent badge-intent-${intent.label}`}>
      {t(`intent.${intent.label}`)}
      {intent.origin === "human" && <span className="badge-note"> · {t("intent.human")}</span>}
    </span>
  );
}

/** A red "Darurat" badge with the words that made it urgent in its title. */
export function UrgentBadge({ urgent }: { urgent: CommentDTO["urgent"] }) {
  const { t } = useI18n();
  if (!urgent.value) return null;
  const why = urgent.origin === "human" ? t("urgent.byOfficial") : t("urgent.because", { terms: urgent.terms.join(", ") });
  return (
    <span className="badge badge-urgent" title={why}>
      {t("urgent.badge")}
      <span className="visually-hidden"> · {why}</span>
    </span>
  );
}
