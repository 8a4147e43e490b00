// MTTR trend chart data: one row per bucket of the window, MTTR and heal duration side by side, gaps as null.
import { BUCKET_MS } from "@/lib/engine";
import type { MttrPoint } from "@/lib/contract/items/analytics";
import { bucketLabel } from "./bucket-label";
import { durationUnit, type DurationUnit } from "./format-units";
import type { ChartWindow } from "./time-range";

/** One chart row; `mttr_ms` / `heal_ms` are null where nothing was measured, so the line breaks there. */
export type MttrChartRow = { t: number; label: string; mttr_ms: number | null; heal_ms: number | null; healings: number; failures: number };

/** The prepared series: rows, the axis unit, and whether any bucket has a measurement. */
export type MttrChart = { rows: MttrChartRow[]; unit: DurationUnit; hasData: boolean };

const measured = (v: number | null | undefined, healings: number) => (v === null || v === undefined || healings === 0 ? null : v);

/** Every bucket of the window in order, each API point put in its bucket; a bucket with no point or no healing is a gap (null), never 0. */
export function prepareMttrSeries(points: readonly MttrPoint[], window: ChartWindow, timeZone?: string): MttrChart {
  const size = BUCKET_MS[window.bucket];
  const first = Math.floor(window.from / size) * size;
  const count = window.to > window.from ? Math.ceil((window.to - first) / size) : 0;
  const byStart = new Map(points.map((p) => [Math.floor(Date.parse(p.bucket_start) / size) * size, p]));
  const rows = Array.from({ length: count }, (_, i): MttrChartRow => {
    const t = first + i * size;
    const p = byStart.get(t);
    const healings = p?.healings ?? 0;
    return {
      t,
      label: bucketLabel(t, window.bucket, window.to - window.from, timeZone),
      mttr_ms: p ? (p.mttr_ms ?? null) : null,
      heal_ms: p ? measured(p.avg_heal_ms, healings) : null,
      healings,
      failures: p?.failures ?? 0,
    };
  });
  const max = Math.max(0, ...rows.flatMap((r) => [r.mttr_ms ?? 0, r.heal_ms ?? 0]));
  return { rows, unit: durationUnit(max), hasData: rows.some((r) => r.mttr_ms !== null || r.heal_ms !== null) };
}
