// "Masa simpan komentar" (UU PDP): how long raw comments are kept. Shows, for the retention chosen in
// the list before it is saved, the first day kept and how many stored comments the next nightly
// deletion would remove, and when; the server computes them (the rules imports and the deletion follow).
import { useId, useState } from "react";
import type { VillageDTO } from "@suara-desa/shared/contracts";
import { saveRetention, useVillageSettings } from "../../api/hooks";
import { useI18n } from "../../i18n";
import { ErrorState, LoadingState, useErrorWords } from "../../widgets/StatusViews";

const CHOICES = [3, 6, 12, 24, 36, 60];

/** The list's value for a stored retention ("none": kept until deleted on request). */
const choiceOf = (months: number | null): string => (months === null ? "none" : String(months));

export function RetentionPanel({ village }: { village: VillageDTO }) {
  const { t, fmt } = useI18n();
  const words = useErrorWords();
  const id = useId();
  const saved = useVillageSettings(village.id);
  const [choice, setChoice] = useState<string | null>(null);
  const savedChoice = saved.data ? choiceOf(saved.data.retentionMonths) : null;
  const current = choice ?? savedChoice;
  const changed = current !== null && current !== savedChoice;
  // The preview of a choice not saved yet (the same rule, computed by the server).
  const preview = useVillageSettings(village.id, changed ? (current === "none" ? "none" : Number(current)) : undefined);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const shown = changed ? preview.data : saved.data;

  const save = async () => {
    if (current === null) return;
    setError(null);
    setMessage(null);
    setSaving(true);
    try {
      await saveRetention(village.id, current === "none" ? null : Number(current));
      setChoice(null);
      setMessage(t("retention.saved"));
    } catch (e) {
      setError(words(e));
    } finally {
      setSaving(false);
    }
  };

  const options = [...new Set([...CHOICES, ...(saved.data?.retentionMonths ? [saved.data.retentionMonths] : [])])].sort((a, b) => a - b);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("retention.title")}</h2>
      <p className="panel-desc">{t("retention.intro")}</p>
      {saved.status === "loading" && !saved.data && <LoadingState />}
      {saved.status === "error" && <ErrorState error={saved.error} onRetry={saved.refetch} />}
      {saved.data && current !== null && (
        <>
          <div className="field">
            <label htmlFor={`${id}-months`}>{t("retention.label")}</label>
            <div className="search-row retention-row">
              <select id={`${id}-months`} value={current} onChange={(e) => { setChoice(e.target.value); setMessage(null); }}>
                <option value="none">{t("retention.forever")}</option>
                {options.map((m) => <option key={m} value={String(m)}>{t("retention.months", { count: m })}</option>)}
              </select>
              <button type="button" className="button button-primary" disabled={!changed || saving} onClick={() => void save()}>
                {t("retention.save")}
              </button>
            </div>
          </div>
          {changed && !preview.data && preview.status === "loading" && <LoadingState />}
          {changed && preview.status === "error" && <ErrorState error={preview.error} onRetry={preview.refetch} />}
          {shown && (
            <ul className="retention-facts" aria-live="polite">
              <li>
                {shown.keptFrom
                  ? t(shown.retentionMonths === null ? "retention.keptFrom" : "retention.keptFromMoving", { date: fmt.date(shown.keptFrom) })
                  : t("retention.keepsAll")}
              </li>
              {shown.dueForDeletion > 0 && shown.nextDeletionAt && (
                <li className={changed ? "tone-bad" : undefined}>
                  {t(changed ? "retention.dueIfSaved" : "retention.due", { count: fmt.number(shown.dueForDeletion), when: fmt.dateTime(shown.nextDeletionAt, village.timeZone) })}
                </li>
              )}
              {shown.purgedBefore && <li>{t("retention.purgedBefore", { date: fmt.date(shown.purgedBefore) })}</li>}
              <li>
                {shown.oldestCommentDay ? t("retention.oldest", { date: fmt.date(shown.oldestCommentDay) }) : t("retention.noComments")}
              </li>
            </ul>
          )}
          {message && <p className="source-ok" role="status">{message}</p>}
          {error && <p className="source-error" role="alert">{error}</p>}
        </>
      )}
    </section>
  );
}
