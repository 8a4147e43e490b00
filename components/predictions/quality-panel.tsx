"use client";
// Prediction quality over a range: metric cards, bars against the 70 % target, and the lead-time distribution.
import { useMemo, useState } from "react";
import { LeadTimeChart } from "@/components/charts/lead-time-chart";
import { QualityBarChart } from "@/components/charts/quality-bar-chart";
import { Panel } from "@/components/ui/panel";
import { ErrorState, Skeleton } from "@/components/ui/query-states";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { formatDuration } from "@/lib/browser/view/charts/format-units";
import { leadTimeHistogram } from "@/lib/browser/view/charts/lead-time-histogram";
import { ACCURACY_TARGET_PCT, prepareMetricRows } from "@/lib/browser/view/charts/prepare-prediction-metrics";
import { RANGE_PRESETS, type RangePreset } from "@/lib/browser/view/charts/time-range";
import { LEAD_TIME_SAMPLE, useLeadTimes, usePredictionQuality } from "@/lib/browser/api/predictions";
import { MetricCards } from "./metric-cards";

/** The quality panel with its range selector. */
export function QualityPanel({ swarm }: { swarm: string }) {
  const [range, setRange] = useState<RangePreset>("24h");
  const quality = usePredictionQuality(swarm, range);
  const leads = useLeadTimes(swarm, range);
  const rows = useMemo(() => (quality.data ? prepareMetricRows(quality.data) : null), [quality.data]);
  const bins = useMemo(() => leadTimeHistogram(leads.data ?? []), [leads.data]);
  const settled = rows?.[0]?.pct != null;

  return (
    <Panel
      title="Prediction quality"
      testId="quality-panel"
      description={`Outcomes are judged automatically: confirmed, prevented, or a false positive once the expected time passes. The seed's target is ${ACCURACY_TARGET_PCT}% accuracy.`}
      actions={<ToggleGroup label="Quality range" options={RANGE_PRESETS} value={range} onChange={setRange} />}
    >
      {quality.isPending ? (
        <Skeleton label="Loading prediction quality" className="h-96" />
      ) : quality.error && !quality.data ? (
        <ErrorState
          title="Could not load prediction quality."
          error={quality.error}
          onRetry={() => void quality.refetch()}
          className="h-96"
        />
      ) : rows && quality.data ? (
        <div
          className={`space-y-6 transition-opacity ${quality.isPlaceholderData ? "opacity-60" : ""}`}
          aria-busy={quality.isPlaceholderData}
        >
          <MetricCards rows={rows} total={quality.data.total} medianLeadMs={quality.data.median_lead_ms} />
          {!settled && (
            <p className="text-sm text-slate-500 dark:text-slate-400" data-testid="quality-empty">
              No prediction has settled in this range yet — figures appear once predictions are confirmed, prevented or expire as false
              positives. Try a longer range.
            </p>
          )}
          <div className="grid gap-6 lg:grid-cols-2">
            <figure>
              <figcaption className="mb-2 text-sm font-medium">Against the {ACCURACY_TARGET_PCT}% target</figcaption>
              <QualityBarChart rows={rows} />
            </figure>
            <figure>
              <figcaption className="mb-2 text-sm font-medium">
                Lead time of correct predictions{" "}
                <span className="font-normal text-slate-500 dark:text-slate-400">
                  (median {formatDuration(quality.data.median_lead_ms)}; newest {LEAD_TIME_SAMPLE.toLocaleString("en-US")} predictions)
                </span>
              </figcaption>
              {leads.error && !leads.data ? (
                <ErrorState title="Could not load lead times." error={leads.error} onRetry={() => void leads.refetch()} className="h-56" />
              ) : (
                <div className="relative">
                  <LeadTimeChart bins={bins} />
                  {leads.data?.length === 0 && (
                    <p
                      className="pointer-events-none absolute inset-x-0 top-1/3 px-6 text-center text-sm text-slate-500 dark:text-slate-400"
                      data-testid="lead-time-empty"
                    >
                      No prediction in this range has been confirmed or prevented yet.
                    </p>
                  )}
                </div>
              )}
            </figure>
          </div>
        </div>
      ) : null}
    </Panel>
  );
}
