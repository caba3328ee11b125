// The ONLY file that imports chart.js. It registers just the pieces our three chart kinds use, so
// the bundle carries no unused controllers, and turns a ChartSpec into a drawn canvas.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
  type TooltipItem,
} from "chart.js";
import { Chart as ReactChart } from "react-chartjs-2";
import type { ChartSpec } from "./spec";

ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
ChartJS.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue("--font-sans").trim() || "system-ui, sans-serif";
ChartJS.defaults.color = "#3d4852";

export interface ChartProps {
  spec: ChartSpec;
  /** Describes what the chart shows; the canvas is an image to assistive technology. */
  ariaLabel: string;
  formatValue(value: number): string;
  /** Axis tick labels; defaults to formatValue. */
  formatTick?(value: number): string;
  height?: number;
}

/** Draws a ChartSpec; nulls stay gaps (lines break, bars are absent). */
export default function Chart({ spec, ariaLabel, formatValue, formatTick = formatValue, height = 280 }: ChartProps) {
  const horizontal = spec.kind === "stackedBarHorizontal";
  const isLine = spec.kind === "line";
  const percent = spec.valueFormat === "percent";

  const data: ChartData<"bar" | "line", Array<number | null>, string> = {
    labels: spec.labels,
    datasets: spec.series.map((s) => ({
      type: isLine ? ("line" as const) : ("bar" as const),
      label: s.label,
      data: s.values,
      backgroundColor: s.color,
      borderColor: s.color,
      borderWidth: isLine ? 2 : 0,
      pointRadius: isLine ? 3 : 0,
      spanGaps: false,
      maxBarThickness: 48,
    })),
  };

  const valueAxis = {
    stacked: !isLine,
    beginAtZero: true,
    ...(percent ? { min: 0, max: 1 } : {}),
    ticks: { callback: (v: number | string) => formatTick(Number(v)), maxTicksLimit: 6, precision: percent ? undefined : 0 },
    grid: { color: "#e6e8eb" },
    border: { display: false },
  };
  // Lines sit over the same slots as bars (offset), so switching modes keeps the dates in place, and
  // labels that would touch are skipped rather than drawn over each other.
  const categoryAxis = { stacked: !isLine, offset: true, grid: { display: false }, ticks: { autoSkip: true, autoSkipPadding: 12, maxRotation: 0 } };

  const options: ChartOptions<"bar" | "line"> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false, // calm and instant; also keeps slow phones responsive
    indexAxis: horizontal ? "y" : "x",
    interaction: { mode: "index", intersect: false },
    scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    plugins: {
      legend: { position: "bottom", labels: { boxWidth: 12, boxHeight: 12, padding: 16 } },
      tooltip: {
        callbacks: {
          label: (item: TooltipItem<"bar" | "line">) => {
            const raw = item.raw as number | null;
            return `${item.dataset.label ?? ""}: ${raw === null ? "—" : formatValue(raw)}`;
          },
        },
      },
    },
  };

  return (
    <div className="chart-canvas" style={{ height }}>
      {/* A new chart per kind: chart.js keeps the old kind's tick layout when the type changes in place. */}
      <ReactChart key={spec.kind} type={isLine ? "line" : "bar"} data={data} options={options} role="img" aria-label={ariaLabel} />
    </div>
  );
}
