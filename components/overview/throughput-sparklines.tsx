"use client";
// Throughput and latency over the last ~5 minutes of ticks (kept client-side), as two small fixed-height sparklines
// spanning the ticks received so far. Plain SVG from lib/browser/view/charts/prepare-sparkline (no charting library on this route).
import { prepareSparkline } from "@/lib/browser/view/charts/prepare-sparkline";
import type { TickPoint } from "@/lib/browser/api/tick-buffer";

const W = 300;
const H = 64;

function Spark({
  title,
  unit,
  data,
  dataKey,
  color,
  testId,
}: {
  title: string;
  unit: string;
  data: TickPoint[];
  dataKey: "events_per_s" | "latency_ms";
  color: string;
  testId: string;
}) {
  const latest = data.at(-1)?.[dataKey];
  const { line, area } = prepareSparkline(
    data.map((p) => ({ at: p.at, value: p[dataKey] })),
    W,
    H,
  );
  return (
    <div className="h-[84px]" data-testid={testId}>
      <div className="flex items-baseline justify-between text-xs">
        <span className="font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</span>
        <span className="tabular-nums text-slate-700 dark:text-slate-200">
          {latest == null ? "—" : `${dataKey === "latency_ms" ? Math.round(latest) : latest.toFixed(1)} ${unit}`}
        </span>
      </div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="mt-1 h-16 w-full"
        role="img"
        aria-label={`${title}, last 5 minutes`}
      >
        <path d={area} fill={color} fillOpacity={0.15} stroke="none" />
        <path d={line} fill="none" stroke={color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
      </svg>
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
