"use client";
// Renders a prepared lead-time histogram: correct predictions per lead-time bin.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { HistogramBin } from "@/lib/browser/view/charts/lead-time-histogram";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from "./chart-theme";

/** The lead-time distribution bars. */
export function LeadTimeChart({ bins }: { bins: readonly HistogramBin[] }) {
  return (
    <div className="h-56 text-slate-500 dark:text-slate-400" data-testid="lead-time-chart">
      <BarChart responsive style={{ width: "100%", height: "100%" }} data={[...bins]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} interval={0} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} width="auto" />
        <Tooltip {...TOOLTIP_STYLE} cursor={{ fillOpacity: 0.08 }} formatter={(v) => [String(v), "Correct predictions"]} />
        <Bar dataKey="count" fill={CHART_COLORS.mttr} radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
