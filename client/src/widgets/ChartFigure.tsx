// Lazy-loads the chart.js wrapper so the first paint (KPI cards, topic table) does not wait for
// the charting code; the frame keeps its height to avoid layout jumps.
import { lazy, Suspense } from "react";
import type { ChartSpec } from "../charts/spec";
import { useI18n } from "../i18n";

const Chart = lazy(() => import("../charts/Chart"));

export interface ChartFigureProps {
  spec: ChartSpec;
  ariaLabel: string;
  formatValue(value: number): string;
  formatTick?(value: number): string;
  height?: number;
}

/** A chart with a sized placeholder while chart.js loads. */
export function ChartFigure({ height = 280, ...rest }: ChartFigureProps) {
  const { t } = useI18n();
  return (
    <Suspense
      fallback={
        <div className="chart-canvas chart-placeholder" style={{ height }} role="status">
          {t("state.loading")}
        </div>
      }
    >
      <Chart height={height} {...rest} />
    </Suspense>
  );
}
