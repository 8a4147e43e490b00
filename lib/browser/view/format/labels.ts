// Labels for machine names shown to operators: snake_case → "Sentence case", metric values → short text.

/** "task_queue_backlog" → "Task queue backlog". */
export function humanize(name: string): string {
  const s = name.replace(/[_.-]+/g, " ").trim();
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** A metric value as short text: numbers to at most 2 decimals, arrays joined, objects as compact JSON. */
export function metricText(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? new Intl.NumberFormat("en-US").format(v) : v.toFixed(2).replace(/\.?0+$/, "");
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return v.map(metricText).join(", ");
  if (typeof v === "object") {
    const parts = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== 0 && x !== null);
    return parts.length === 0 ? "none" : parts.map(([k, x]) => `${k.toLowerCase()} ${metricText(x)}`).join(" · ");
  }
  return String(v);
}

/** Severity colours, most urgent loudest. */
export const SEVERITY_STYLE: Record<string, string> = {
  critical: "bg-rose-600 text-white",
  high: "bg-orange-500 text-white",
  medium: "bg-amber-400 text-amber-950",
  low: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-100",
};
