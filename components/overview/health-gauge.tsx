"use client";
// The health score 0–100 as a half-circle gauge filled by its measured terms, or "no data"; hovering or focusing it
// explains the terms, their points and the MTTR target in force.
import type { MetricsTick } from "@/lib/contract/items/metrics";
import { DEFAULT_TARGET_MTTR_MS } from "@/lib/engine";
import { arcPath, gaugeSegments, healthBand, type HealthBand, scoreText } from "@/lib/browser/view/health-gauge";

const BAND: Record<HealthBand, { text: string; arcs: [string, string, string]; label: string }> = {
  good: {
    text: "text-emerald-600 dark:text-emerald-400",
    arcs: ["stroke-emerald-500", "stroke-emerald-400", "stroke-emerald-300"],
    label: "Healthy",
  },
  warn: {
    text: "text-amber-600 dark:text-amber-400",
    arcs: ["stroke-amber-500", "stroke-amber-400", "stroke-amber-300"],
    label: "Degraded",
  },
  bad: { text: "text-rose-600 dark:text-rose-400", arcs: ["stroke-rose-600", "stroke-rose-500", "stroke-rose-400"], label: "Unhealthy" },
};

const R = 80;
const CX = 100;
const CY = 95;

/** The terms as the tooltip lists them: points of the rescaled maximum, or "not measured" for a term left out. */
function HealthTermsTooltip({ segments }: { segments: ReturnType<typeof gaugeSegments> }) {
  return (
    <div
      id="health-terms"
      role="tooltip"
      data-testid="health-terms"
      className="pointer-events-none invisible absolute left-1/2 top-full z-20 mt-1 w-80 -translate-x-1/2 rounded-lg border border-slate-200 bg-white p-3 text-xs opacity-0 shadow-lg transition-opacity group-hover:visible group-hover:opacity-100 group-focus:visible group-focus:opacity-100 dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="mb-2 font-medium">Health = 50 × task success + 30 × MTTR headroom + 20 × strategy success</p>
      <dl className="space-y-1">
        {segments.map((s) => (
          <div key={s.key} className="flex justify-between gap-3" data-testid={`health-term-${s.key}`}>
            <dt className="text-slate-500 dark:text-slate-400">{s.label}</dt>
            <dd className="tabular-nums">{s.measured ? `${s.points.toFixed(1)} / ${s.max}` : "not measured"}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-slate-500 dark:text-slate-400">
        Tasks and healings of the last 5 minutes; a task that succeeded on a retry counts as done. A term with nothing measured is left out
        and the others are scaled up to 100; with nothing measured there is no score.
      </p>
    </div>
  );
}

/** The gauge: a fixed-size placeholder until the first tick, "no data" while nothing is measured, else the score. */
export function HealthGauge({ tick }: { tick: MetricsTick | undefined }) {
  if (!tick) {
    return (
      <div
        className="h-[172px] animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800"
        aria-busy="true"
        aria-label="Loading health score"
      />
    );
  }
  const score = tick.health_score;
  const segments = gaugeSegments(
    tick.health ?? { success_points: null, mttr_points: null, strategy_points: null, target_mttr_ms: DEFAULT_TARGET_MTTR_MS },
  );
  const band = score === null ? null : BAND[healthBand(score)];
  return (
    <div
      className="group relative h-[172px] outline-none"
      tabIndex={0}
      aria-describedby="health-terms"
      data-testid="health-gauge"
      data-band={score === null ? "none" : healthBand(score)}
    >
      <svg
        viewBox="0 0 200 110"
        className="mx-auto h-[120px] w-[220px]"
        role="img"
        aria-label={score === null ? "Health score: no data" : `Health score ${scoreText(score)} of 100`}
      >
        <path d={arcPath(0, 100, R, CX, CY)} className="fill-none stroke-slate-200 dark:stroke-slate-800" strokeWidth={16} />
        {band &&
          segments.map((s, i) =>
            s.to - s.from > 0.05 ? (
              <path key={s.key} d={arcPath(s.from, s.to, R, CX, CY)} className={`fill-none ${band.arcs[i]}`} strokeWidth={16} />
            ) : null,
          )}
        <text
          x={CX}
          y={CY - 12}
          textAnchor="middle"
          className={`fill-current font-semibold tabular-nums ${band ? `text-[38px] ${band.text}` : "text-[22px] text-slate-500 dark:text-slate-400"}`}
          data-testid="health-score"
        >
          {scoreText(score)}
        </text>
      </svg>
      <p className={`text-center text-sm font-medium ${band ? band.text : "text-slate-500 dark:text-slate-400"}`}>
        {band ? band.label : "Nothing measured yet"}
      </p>
      <p className="text-center text-xs text-slate-500 group-focus:text-sky-600 dark:text-slate-400">
        Hover or focus for how it is computed
      </p>
      <HealthTermsTooltip segments={segments} />
    </div>
  );
}
