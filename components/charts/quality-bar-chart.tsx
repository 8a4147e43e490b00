"use client";
// Renders prepared prediction metrics as bars against the 70 % accuracy target line.
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ACCURACY_TARGET_PCT, type MetricRow } from "@/lib/browser/view/charts/prepare-prediction-metrics";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from "./chart-theme";

const colorOf = (r: MetricRow) =>
  !r.higherIsBetter
    ? CHART_COLORS.bad
    : r.meetsTarget === false
      ? CHART_COLORS.warn
      : r.meetsTarget
        ? CHART_COLORS.good
        : CHART_COLORS.neutral;

/** Accuracy, precision, recall and false-positive rate in percent with the target line. */
export function QualityBarChart({ rows }: { rows: readonly MetricRow[] }) {
  const data = rows.map((r) => ({ ...r, fill: colorOf(r) }));
  return (
    <div className="h-64 text-slate-500 dark:text-slate-400" data-testid="quality-chart">
      <BarChart responsive style={{ width: "100%", height: "100%" }} data={data} margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 70, 100]}
          tickFormatter={(v: number) => `${v}%`}
          tick={AXIS_TICK}
          stroke="currentColor"
          strokeOpacity={0.4}
          width="auto"
        />
        <Tooltip {...TOOLTIP_STYLE} cursor={{ fillOpacity: 0.08 }} formatter={(v) => (typeof v === "number" ? `${v}%` : "no data yet")} />
        <ReferenceLine
          y={ACCURACY_TARGET_PCT}
          stroke={CHART_COLORS.target}
          strokeDasharray="6 4"
          strokeWidth={2}
          label={{ value: `Target ${ACCURACY_TARGET_PCT}%`, position: "insideTopRight", fill: CHART_COLORS.target, fontSize: 12 }}
        />
        <Bar dataKey="pct" barSize={48} radius={[4, 4, 0, 0]} isAnimationActive={false}>
          <LabelList dataKey="display" position="top" fill="currentColor" fontSize={12} />
        </Bar>
      </BarChart>
    </div>
  );
}
