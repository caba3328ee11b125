// What a chart shows, independent of chart.js: pages build a ChartSpec from prepared series and
// Chart.tsx (the only chart.js importer) turns it into a drawn chart.
import type { Sentiment } from "@suara-desa/shared/contracts";

export type ChartKind = "stackedBar" | "stackedBarHorizontal" | "line";

export interface SeriesSpec {
  label: string;
  color: string;
  /** null is a gap (no data), never drawn as zero. */
  values: Array<number | null>;
}

export interface ChartSpec {
  kind: ChartKind;
  labels: string[];
  series: SeriesSpec[];
  /** How values are shown on axes and tooltips. */
  valueFormat: "count" | "percent";
}

/** Calm civic palette: negatif red, netral grey, positif green (contrast-checked on white). */
export const SENTIMENT_COLORS: Record<Sentiment, string> = {
  negatif: "#c0392b",
  netral: "#9aa1a9",
  positif: "#2e7d4f",
};

/** Stack order bottom→top: negatif first so the figure that matters most sits on the axis. */
export const SENTIMENT_ORDER: readonly Sentiment[] = ["negatif", "netral", "positif"];
