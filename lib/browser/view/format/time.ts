// Human time spans for live screens: compact ages ("42s", "3m 05s", "2h 10m") and durations ("850 ms", "1.2 s").

/** A span in ms as a compact age: seconds under a minute, then m+s, then h+m, then d+h. Negative counts as 0. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** How long ago an ISO instant was, at `now`; "—" when unknown. */
export function ageSince(iso: string | null | undefined, now: number): string {
  if (!iso) return "—";
  return formatAge(now - Date.parse(iso));
}

/** A duration in ms: "850 ms" under a second, "1.2 s" under a minute, else as an age; "—" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return formatAge(ms);
}

/** Time until an ISO instant: "in 1m 20s", or "overdue by 5s" once it passed. */
export function formatUntil(iso: string, now: number): string {
  const d = Date.parse(iso) - now;
  return d >= 0 ? `in ${formatAge(d)}` : `overdue by ${formatAge(-d)}`;
}
