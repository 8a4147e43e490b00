// The sparklines' data: the last few minutes of metrics ticks kept in the browser, one point per tick.
import type { MetricsTick } from "@/lib/contract/items/metrics";

/** One sparkline point. */
export type TickPoint = { at: number; events_per_s: number; latency_ms: number | null };

/** How much history the overview keeps (about 5 minutes of 1 Hz ticks). */
export const SERIES_WINDOW_MS = 5 * 60_000;

/** Appends a tick, ignoring repeats and out-of-order ticks, and drops points older than the window. */
export function appendTick(series: readonly TickPoint[] | undefined, tick: MetricsTick, windowMs = SERIES_WINDOW_MS): TickPoint[] {
  const list = series ?? [];
  const last = list.at(-1);
  if (last && tick.at <= last.at) return list as TickPoint[];
  const from = tick.at - windowMs;
  let start = 0;
  while (start < list.length && list[start]!.at < from) start++;
  return [...list.slice(start), { at: tick.at, events_per_s: tick.events_per_s, latency_ms: tick.latency_ms ?? null }];
}
