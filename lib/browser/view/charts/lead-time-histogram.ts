// Lead-time distribution of correct predictions: how long before the expected failure they were made, in fixed bins.
import { formatDuration } from "./format-units";

/** Bin edges in ms: < 30 s, 30 s–1 min, 1–2 min, 2–5 min, 5–10 min, 10–30 min, ≥ 30 min. */
export const LEAD_TIME_EDGES: readonly number[] = [0, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, Infinity];

/** One histogram bin over [from, to). */
export type HistogramBin = { label: string; from: number; to: number; count: number };

/** The fields of a prediction item lead time is read from. */
export type LeadTimeSource = { predicted_at: string | null; expected_at: string | null; outcome: string | null };

/** Lead times (expected_at − predicted_at, ≥ 0) of the predictions that proved right (confirmed or prevented), as analytics/overview measures them. */
export function leadTimesOf(predictions: readonly LeadTimeSource[]): number[] {
  return predictions
    .filter((p) => (p.outcome === "confirmed" || p.outcome === "prevented") && p.predicted_at && p.expected_at)
    .map((p) => Math.max(0, Date.parse(p.expected_at!) - Date.parse(p.predicted_at!)));
}

/** "< 30 s", "30 s–1 min", "2–5 min" (a unit both ends share is written once), "≥ 30 min". */
function binLabel(from: number, to: number): string {
  if (from === 0) return `< ${formatDuration(to)}`;
  if (to === Infinity) return `≥ ${formatDuration(from)}`;
  const [a, b] = [formatDuration(from), formatDuration(to)];
  const unit = b.slice(b.indexOf(" "));
  return a.endsWith(unit) ? `${a.slice(0, -unit.length)}–${b}` : `${a}–${b}`;
}

/** Counts per bin (every bin listed, empty ones with 0); values outside the edges are ignored. */
export function leadTimeHistogram(leadsMs: readonly number[], edges: readonly number[] = LEAD_TIME_EDGES): HistogramBin[] {
  const bins = edges.slice(0, -1).map((from, i) => ({ label: binLabel(from, edges[i + 1]!), from, to: edges[i + 1]!, count: 0 }));
  for (const v of leadsMs) {
    const bin = bins.find((b) => v >= b.from && v < b.to);
    if (bin) bin.count++;
  }
  return bins;
}
