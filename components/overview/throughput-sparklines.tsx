"use client";
// Throughput and latency over the last ~5 minutes of ticks (kept client-side), as two small fixed-height charts
// spanning the ticks received so far.
import { Area, AreaChart, XAxis, YAxis } from "recharts";
import type { TickPoint } from "@/lib/queries/tick-buffer";

function Spark({ title, unit, data, dataKey, color, testId }: { title: string; unit: string; data: TickPoint[]; dataKey: "events_per_s" | "latency_ms"; color: string; testId: string }) {
  const latest = data.at(-1)?.[dataKey];
  return (
    <div className="h-[84px]" data-testid={testId}>
      <div className="flex items-baseline justify-between text-xs">
        <span className="font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</span>
        <span className="tabular-nums text-slate-700 dark:text-slate-200">{latest == null ? "—" : `${dataKey === "latency_ms" ? Math.round(latest) : latest.toFixed(1)} ${unit}`}</span>
      </div>
      <AreaChart responsive data={data} style={{ width: "100%", height: 64 }} margin={{ top: 4, right: 0, bottom: 0, left: 0 }}>
        <XAxis dataKey="at" type="number" domain={["dataMin", "dataMax"]} hide />
        <YAxis hide domain={[0, "auto"]} />
        <Area dataKey={dataKey} type="monotone" stroke={color} fill={color} fillOpacity={0.15} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} dot={false} />
      </AreaChart>
    </div>
  );
}

/** The two sparklines (an empty track until ticks arrive). */
export function ThroughputSparklines({ series }: { series: TickPoint[] | undefined }) {
  const data = series ?? [];
  return (
    <div className="space-y-3">
      <Spark title="Throughput" unit="events/s" data={data} dataKey="events_per_s" color="#0ea5e9" testId="spark-throughput" />
      <Spark title="Task latency" unit="ms" data={data} dataKey="latency_ms" color="#a855f7" testId="spark-latency" />
    </div>
  );
}
