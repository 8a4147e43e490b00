// The time periods of partitioned tables: events by UTC day, rollups by UTC month; their bounds and partition names.
const DAY = 86_400_000;

/** How long one partition of a table spans. */
export type PeriodUnit = "day" | "month";

/** Start of the `unit` containing `t`, moved by `offset` units (UTC). */
export function periodStart(unit: PeriodUnit, t: number, offset = 0): number {
  if (unit === "day") return (Math.floor(t / DAY) + offset) * DAY;
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
}

/** `<table>_pYYYYMMDD` (days) or `<table>_pYYYYMM` (months) for the period containing `t`. */
export function periodName(table: string, unit: PeriodUnit, t: number): string {
  const iso = new Date(periodStart(unit, t)).toISOString().replaceAll("-", "");
  return `${table}_p${iso.slice(0, unit === "day" ? 8 : 6)}`;
}

/** The start of the period a partition name stands for, or null when `name` is not a period of `table`. */
export function parsePeriodName(table: string, unit: PeriodUnit, name: string): number | null {
  const m = new RegExp(`^${table}_p(\\d{4})(\\d{2})${unit === "day" ? "(\\d{2})" : "()"}$`).exec(name);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, unit === "day" ? Number(m[3]) : 1);
  return periodName(table, unit, t) === name ? t : null;
}
