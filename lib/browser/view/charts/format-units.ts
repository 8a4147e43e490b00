// Unit formatting for charts and tables: durations in ms → ms / s / min / h, rates → percent; null is "—".

const UNITS = [
  { unit: "h", ms: 3_600_000 },
  { unit: "min", ms: 60_000 },
  { unit: "s", ms: 1_000 },
  { unit: "ms", ms: 1 },
] as const;

/** A duration unit an axis can be labelled in. */
export type DurationUnit = (typeof UNITS)[number]["unit"];

const trim = (n: number) => (n < 10 ? String(Math.round(n * 10) / 10) : String(Math.round(n)));

/** A duration for people: "850 ms", "1.2 s", "3.5 min", "2 h"; "—" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const { unit, ms: size } = UNITS.find((u) => ms >= u.ms)!;
  return `${trim(ms / size)} ${unit}`;
}

/** The unit an axis whose largest value is `maxMs` reads best in (the largest unit that value reaches). */
export function durationUnit(maxMs: number): DurationUnit {
  return UNITS.find((u) => maxMs >= u.ms)?.unit ?? "ms";
}

/** A duration in a fixed unit, for axis ticks: "1.5 s", "250 ms". */
export function formatInUnit(ms: number, unit: DurationUnit): string {
  const size = UNITS.find((u) => u.unit === unit)!.ms;
  return `${trim(ms / size)} ${unit}`;
}

/** A 0..1 rate as a percentage ("72%", "66.7%" with digits = 1); "—" when unknown. */
export function formatPercent(rate: number | null | undefined, digits = 0): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "—";
  const f = 10 ** digits;
  return `${Math.round(rate * 100 * f) / f}%`;
}
