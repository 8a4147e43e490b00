"use client";
// Renders a prepared MTTR series: MTTR and heal duration lines that break at gaps (connectNulls off).
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration, formatInUnit } from "@/lib/browser/view/charts/format-units";
import type { MttrChart } from "@/lib/browser/view/charts/prepare-mttr-series";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from "./chart-theme";

/** The MTTR trend line chart. */
export function MttrTrendChart({ chart }: { chart: MttrChart }) {
  return (
    <div className="h-64 text-slate-500 dark:text-slate-400" data-testid="mttr-chart">
      <LineChart responsive style={{ width: "100%", height: "100%" }} data={chart.rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.4} minTickGap={24} interval="preserveStartEnd" />
        <YAxis
          tick={AXIS_TICK}
          stroke="currentColor"
          strokeOpacity={0.4}
          width="auto"
          tickFormatter={(v: number) => formatInUnit(v, chart.unit)}
        />
        <Tooltip {...TOOLTIP_STYLE} formatter={(v) => formatDuration(typeof v === "number" ? v : null)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          name="MTTR (detected → recovered)"
          dataKey="mttr_ms"
          stroke={CHART_COLORS.mttr}
          strokeWidth={2}
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          name="Heal duration (action issued → finished)"
          dataKey="heal_ms"
          stroke={CHART_COLORS.heal}
          strokeWidth={2}
          strokeDasharray="5 3"
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
