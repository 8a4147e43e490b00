"use client";
// MTTR trend over a selectable range (presets or a custom window), MTTR and heal duration side by side.
import { useMemo, useState } from "react";
import { MttrTrendChart } from "@/components/charts/mttr-trend-chart";
import { Panel } from "@/components/ui/panel";
import { ErrorState, Skeleton } from "@/components/ui/query-states";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { prepareMttrSeries } from "@/lib/browser/view/charts/prepare-mttr-series";
import { RANGE_PRESETS, type RangePreset, type RangeSelection } from "@/lib/browser/view/charts/time-range";
import { useMttrSeries } from "@/lib/browser/api/healing";
import { CustomRangeForm } from "./custom-range-form";

const OPTIONS = [...RANGE_PRESETS.map((p) => ({ value: p.value, label: p.label })), { value: "custom" as const, label: "Custom" }];
const BUCKET_TEXT = { minute: "per minute", hour: "per hour", day: "per day" } as const;

/** The MTTR trend panel. */
export function MttrPanel({ swarm }: { swarm: string }) {
  const [range, setRange] = useState<RangeSelection>({ preset: "24h" });
  const [customOpen, setCustomOpen] = useState(false);
  const { data, error, isPending, isPlaceholderData, refetch } = useMttrSeries(swarm, range);
  const chart = useMemo(() => (data ? prepareMttrSeries(data.points, data.window) : null), [data]);
  const pressed = customOpen ? "custom" : range.preset;

  const choose = (v: RangePreset | "custom") => {
    if (v === "custom") return setCustomOpen(true);
    setCustomOpen(false);
    setRange({ preset: v });
  };

  return (
    <Panel
      title="MTTR trend"
      testId="mttr-panel"
      description={
        <>
          Mean time to recovery (failure detected → recovery verified) beside heal duration (action issued → finished)
          {data && (
            <span data-testid="mttr-bucket" data-bucket={data.window.bucket}>
              , {BUCKET_TEXT[data.window.bucket]}
            </span>
          )}
          . Gaps are buckets with nothing measured.
        </>
      }
      actions={<ToggleGroup label="MTTR range" options={OPTIONS} value={pressed} onChange={choose} />}
    >
      {customOpen && <CustomRangeForm initial={range} onApply={(from, to) => setRange({ preset: "custom", from, to })} />}
      {isPending ? (
        <Skeleton label="Loading MTTR trend" />
      ) : error && !data ? (
        <ErrorState title="Could not load the MTTR trend." error={error} onRetry={() => void refetch()} className="h-64" />
      ) : chart ? (
        <div className={`relative transition-opacity ${isPlaceholderData ? "opacity-60" : ""}`} aria-busy={isPlaceholderData}>
          <MttrTrendChart chart={chart} />
          {!chart.hasData && (
            <p
              className="pointer-events-none absolute inset-x-0 top-1/3 text-center text-sm text-slate-500 dark:text-slate-400"
              data-testid="mttr-empty"
            >
              No healing finished in this range — pick a longer range, or wait for the engine to heal a failure.
            </p>
          )}
        </div>
      ) : null}
    </Panel>
  );
}
