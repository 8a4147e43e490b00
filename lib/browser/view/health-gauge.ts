// The health gauge's geometry and wording: a half circle filled by the score's measured terms (docs/decisions.md#d26) back to back,
// each up to its rescaled share of 100, coloured by band; terms with nothing measured are named, not drawn.
import { HEALTH_WEIGHTS } from "@/lib/engine";
import type { HealthTerms } from "@/lib/contract/items/metrics";
import { formatDuration } from "@/lib/browser/view/format/time";

/** Calm, watch, act. */
export type HealthBand = "good" | "warn" | "bad";

/** One term of the gauge, in score points (0..100); `measured` false = left out (no arc, max 0). */
export type GaugeSegment = {
  key: "success" | "mttr" | "strategy";
  label: string;
  measured: boolean;
  points: number;
  max: number;
  from: number;
  to: number;
};

/** The band of a score: ≥ 80 good, ≥ 50 warn, else bad. */
export function healthBand(score: number): HealthBand {
  return score >= 80 ? "good" : score >= 50 ? "warn" : "bad";
}

/** The score as shown: a whole number, or "no data" when nothing is measured yet. */
export function scoreText(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? "no data" : score.toFixed(0);
}

/** The MTTR term's label with the target in force, e.g. "MTTR vs 30.0 s target". */
export function mttrLabel(targetMttrMs: number): string {
  return `MTTR vs ${formatDuration(targetMttrMs)} target`;
}

/**
 * The three terms as consecutive arcs. A measured term's maximum is its weight (success 50, MTTR 30, strategies 20)
 * rescaled so the measured maxima add up to 100, as the engine rescales them; points are clamped to it.
 */
export function gaugeSegments(h: HealthTerms): GaugeSegment[] {
  const terms = [
    { key: "success", label: "Task success rate", points: h.success_points },
    { key: "mttr", label: mttrLabel(h.target_mttr_ms), points: h.mttr_points },
    { key: "strategy", label: "Strategy success rate", points: h.strategy_points },
  ] as const;
  const measuredWeight = terms.reduce((sum, t) => sum + (t.points === null ? 0 : HEALTH_WEIGHTS[t.key]), 0);
  let at = 0;
  return terms.map((t) => {
    const measured = t.points !== null;
    const max = measured ? Math.round((HEALTH_WEIGHTS[t.key] * 1000) / measuredWeight) / 10 : 0;
    const points = measured && Number.isFinite(t.points) ? Math.min(max, Math.max(0, t.points!)) : 0;
    const seg = { key: t.key, label: t.label, measured, points, max, from: at, to: at + points };
    at += points;
    return seg;
  });
}

/** SVG path of the arc from `from` to `to` points (0 = left end, 100 = right end) of a half circle. */
export function arcPath(from: number, to: number, r: number, cx: number, cy: number): string {
  const point = (v: number) => {
    const a = Math.PI * (1 - Math.min(100, Math.max(0, v)) / 100);
    return `${(cx + r * Math.cos(a)).toFixed(2)} ${(cy - r * Math.sin(a)).toFixed(2)}`;
  };
  return `M ${point(from)} A ${r} ${r} 0 0 1 ${point(to)}`;
}

/** The terms in one line (for a compact tooltip), e.g. "Task success rate 45.0/50 · MTTR vs 30.0 s target not measured · …". */
export function healthTermsText(h: HealthTerms | null): string {
  if (!h) return "No health figures yet";
  return gaugeSegments(h)
    .map((s) => `${s.label} ${s.measured ? `${s.points.toFixed(1)}/${s.max}` : "not measured"}`)
    .join(" · ");
}
