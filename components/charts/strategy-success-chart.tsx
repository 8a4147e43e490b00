"use client";
// Renders prepared strategy rows as horizontal success-rate bars, coloured by verdict, labelled with the counts.
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { StrategyChartRow } from "@/lib/browser/view/charts/prepare-strategy-rows";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from "./chart-theme";

/** Success rate per strategy (0–100 %). */
export function StrategySuccessChart({ rows }: { rows: readonly StrategyChartRow[] }) {
  const data = rows.map((r) => ({
    ...r,
    fill: CHART_COLORS[r.tone],
    counts: `${r.success_pct}% · ${r.success_count}✓ ${r.failure_count}✗`,
  }));
  return (
    <div className="text-slate-500 dark:text-slate-400" style={{ height: 48 + rows.length * 40 }} data-testid="strategy-chart">
      <BarChart
        responsive
        layout="vertical"
        style={{ width: "100%", height: "100%" }}
        data={data}
        margin={{ top: 4, right: 120, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(v: number) => `${v}%`}
          tick={AXIS_TICK}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        <YAxis type="category" dataKey="label" width="auto" tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} />
        <Tooltip {...TOOLTIP_STYLE} cursor={{ fillOpacity: 0.08 }} formatter={(v) => [`${String(v)}%`, "Success rate"]} />
        <Bar dataKey="success_pct" barSize={18} radius={[0, 4, 4, 0]} isAnimationActive={false}>
          <LabelList dataKey="counts" position="right" fill="currentColor" fontSize={12} />
        </Bar>
      </BarChart>
    </div>
  );
}
