// Week picker: previous/next buttons plus a select of the weeks that have data (newest first).
import { weekEnd, weekNumber, weekStart } from "../charts/prepare/weeks";
import { useI18n } from "../i18n";

export interface WeekPickerProps {
  week: string;
  /** Weeks with data, newest first (from the overview). */
  weeks: string[];
  onChange(week: string): void;
}

/** Formats "Minggu 47 · 16 Nov – 22 Nov 2026" style labels. */
export function useWeekLabel(): (week: string) => string {
  const { t, fmt } = useI18n();
  return (week) => t("weekly.weekOption", { week: weekNumber(week), range: fmt.dateRange(weekStart(week), weekEnd(week)) });
}

/** Keyboard-friendly week navigation. */
export function WeekPicker({ week, weeks, onChange }: WeekPickerProps) {
  const { t } = useI18n();
  const label = useWeekLabel();
  const options = weeks.includes(week) ? weeks : [week, ...weeks].sort().reverse();
  const i = options.indexOf(week);
  const older = options[i + 1];
  const newer = i > 0 ? options[i - 1] : undefined;
  return (
    <div className="week-picker">
      <button type="button" className="button icon-button" onClick={() => older && onChange(older)} disabled={!older} aria-label={t("weekly.prevWeek")} title={t("weekly.prevWeek")}>
        <span aria-hidden="true">‹</span>
      </button>
      <label className="visually-hidden" htmlFor="week-select">
        {t("weekly.weekPicker")}
      </label>
      <select id="week-select" value={week} onChange={(e) => onChange(e.target.value)}>
        {options.map((w) => (
          <option key={w} value={w}>
            {label(w)}
          </option>
        ))}
      </select>
      <button type="button" className="button icon-button" onClick={() => newer && onChange(newer)} disabled={!newer} aria-label={t("weekly.nextWeek")} title={t("weekly.nextWeek")}>
        <span aria-hidden="true">›</span>
      </button>
    </div>
  );
}
