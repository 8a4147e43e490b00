// The health gauge's geometry: a half circle filled by the score's three terms (D26) back to back, coloured by band.
import type { HealthTerms } from "@/lib/engine/types";

/** Calm, watch, act. */
export type HealthBand = "good" | "warn" | "bad";

/** One filled arc of the gauge, in score points (0..100). */
export type GaugeSegment = { key: "success" | "mttr" | "strategy"; label: string; points: number; max: number; from: number; to: number };

/** The band of a score: ≥ 80 good, ≥ 50 warn, else bad. */
export function healthBand(score: number): HealthBand {
  return score >= 80 ? "good" : score >= 50 ? "warn" : "bad";
}

/** The three terms as consecutive arcs (success 0–50, MTTR 0–30, strategies 0–20), clamped to their maxima. */
export function gaugeSegments(h: HealthTerms): GaugeSegment[] {
  const terms = [
    { key: "success", label: "Healing success rate", points: h.success_points, max: 50 },
    { key: "mttr", label: `MTTR vs ${h.target_mttr_ms} ms target`, points: h.mttr_points, max: 30 },
    { key: "strategy", label: "Strategy success rate", points: h.strategy_points, max: 20 },
  ] as const;
  let at = 0;
  return terms.map((t) => {
    const points = Math.min(t.max, Math.max(0, Number.isFinite(t.points) ? t.points : 0));
    const seg = { ...t, points, from: at, to: at + points };
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
