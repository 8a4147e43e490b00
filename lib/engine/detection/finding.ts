// Building a finding from a grade, and rounding the figures shown in its metrics.
import { impactOf, type Grade } from "./severity";
import type { BottleneckMetrics, BottleneckType, Finding } from "./types";

/**
 * `value` rounded to `digits` decimals (metrics are rounded so stored records stay readable and stable). -0 becomes 0,
 * and a value too large to scale is kept as it is (scaling would overflow to Infinity), so records round-trip JSON.
 */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = value * f;
  return (Number.isFinite(scaled) ? Math.round(scaled) / f : value) + 0;
}

/** `value` rounded, or null. */
export function roundOrNull(value: number | null, digits: number): number | null {
  return value === null ? null : round(value, digits);
}

/** A finding whose severity and impact come from `grade`. */
export function findingOf(
  type: BottleneckType,
  resource: string,
  grade: Grade,
  affectedResources: string[],
  metrics: BottleneckMetrics,
): Finding {
  return { type, resource, severity: grade.severity, impactScore: impactOf(grade), affectedResources, metrics };
}
