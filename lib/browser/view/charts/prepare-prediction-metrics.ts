// Prediction quality bars: accuracy, precision, recall and false-positive rate in percent against the 70 % target.
import { TARGET_ACCURACY } from "@/lib/engine";
import { formatPercent } from "./format-units";
import type { PredictionQuality } from "@/lib/contract/items/analytics";

/** The accuracy target of the seed (70 %), in percent. */
export const ACCURACY_TARGET_PCT = TARGET_ACCURACY * 100;

/** One metric bar; `pct` is null (no bar) where nothing has settled yet. */
export type MetricRow = {
  key: "accuracy" | "precision" | "recall" | "false_positive_rate";
  label: string;
  pct: number | null;
  display: string;
  higherIsBetter: boolean;
  /** Whether accuracy meets the target (null for the other metrics, or with no data). */
  meetsTarget: boolean | null;
};

const METRICS: readonly { key: MetricRow["key"]; label: string; higherIsBetter: boolean }[] = [
  { key: "accuracy", label: "Accuracy", higherIsBetter: true },
  { key: "precision", label: "Precision", higherIsBetter: true },
  { key: "recall", label: "Recall", higherIsBetter: true },
  { key: "false_positive_rate", label: "False positives", higherIsBetter: false },
];

/** The four bars in display order. */
export function prepareMetricRows(q: PredictionQuality): MetricRow[] {
  return METRICS.map(({ key, label, higherIsBetter }) => {
    const v = q[key];
    return {
      key,
      label,
      pct: v === null ? null : Math.round(v * 1000) / 10,
      display: formatPercent(v, 1),
      higherIsBetter,
      meetsTarget: key === "accuracy" && v !== null ? v >= TARGET_ACCURACY : null,
    };
  });
}
