// One headline figure with its change vs last week. The change is coloured by whether it is good
// news (fewer negative comments) — and always spelled out, not just an arrow.
import type { Kpi } from "../charts/prepare/kpis";
import { useI18n } from "../i18n";

/** A KPI card; `detail` is an optional second line (e.g. "of 240 comments"). */
export function KpiCard({ kpi, label, detail }: { kpi: Kpi; label: string; detail?: string }) {
  const { t, fmt } = useI18n();
  const value = kpi.value === null ? "—" : kpi.kind === "share" ? fmt.percent(kpi.value) : fmt.number(kpi.value);
  let changeText: string;
  let tone = "neutral";
  let arrow = "";
  if (kpi.smallSample) {
    // A handful of comments: "−40 points" would be noise; counts say what happened.
    changeText = t("kpi.smallSample", { now: fmt.number(kpi.smallSample.now), before: fmt.number(kpi.smallSample.before) });
  } else if (kpi.change === null) {
    changeText = t("kpi.noPrevious");
  } else if (Math.abs(kpi.change) < (kpi.kind === "share" ? 0.0005 : 0.5)) {
    changeText = t("kpi.unchanged");
  } else {
    const up = kpi.change > 0;
    arrow = up ? "▲" : "▼";
    const sign = up ? "+" : "−";
    changeText =
      kpi.kind === "share"
        ? t("kpi.changePoints", { sign, value: fmt.points(kpi.change) })
        : t("kpi.changeCount", { sign, value: fmt.number(Math.abs(kpi.change)) });
    if (kpi.better !== "neither") tone = (kpi.better === "up") === up ? "good" : "bad";
  }
  return (
    <div className={`kpi kpi-${kpi.key}`}>
      <dt className="kpi-label">{label}</dt>
      <dd className="kpi-value">{value}</dd>
      {detail && <dd className="kpi-detail">{detail}</dd>}
      <dd className={`kpi-change tone-${tone}`}>
        {arrow && <span aria-hidden="true">{arrow} </span>}
        {changeText}
      </dd>
    </div>
  );
}
