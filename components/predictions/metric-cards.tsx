// The headline prediction figures as cards: accuracy (against the target), precision, recall, false positives, totals.
import { Badge } from "@/components/ui/badge";
import { formatDuration } from "@/lib/browser/view/charts/format-units";
import type { MetricRow } from "@/lib/browser/view/charts/prepare-prediction-metrics";

const HINTS: Record<MetricRow["key"], string> = {
  accuracy: "confirmed + prevented of settled",
  precision: "confirmed of confirmed + false + rejected",
  recall: "failures of the kinds it predicts that were predicted",
  false_positive_rate: "false or rejected of settled",
};

/** One card per metric plus the prediction count and median lead time. */
export function MetricCards({ rows, total, medianLeadMs }: { rows: readonly MetricRow[]; total: number; medianLeadMs: number | null }) {
  const card = "rounded-lg border border-slate-200 p-3 dark:border-slate-800";
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {rows.map((r) => (
        <div key={r.key} className={card} data-testid={`metric-${r.key}`}>
          <dt className="text-xs font-medium text-slate-500 dark:text-slate-400">{r.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{r.display}</dd>
          <dd className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {r.meetsTarget === null ? (
              HINTS[r.key]
            ) : (
              <Badge tone={r.meetsTarget ? "good" : "warn"}>{r.meetsTarget ? "meets target" : "below target"}</Badge>
            )}
          </dd>
        </div>
      ))}
      <div className={card} data-testid="metric-total">
        <dt className="text-xs font-medium text-slate-500 dark:text-slate-400">Predictions</dt>
        <dd className="mt-1 text-2xl font-semibold tabular-nums">{total.toLocaleString("en-US")}</dd>
        <dd className="mt-1 text-xs text-slate-500 dark:text-slate-400">made in this range</dd>
      </div>
      <div className={card} data-testid="metric-median-lead">
        <dt className="text-xs font-medium text-slate-500 dark:text-slate-400">Median lead</dt>
        <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatDuration(medianLeadMs)}</dd>
        <dd className="mt-1 text-xs text-slate-500 dark:text-slate-400">warning before the failure</dd>
      </div>
    </dl>
  );
}
