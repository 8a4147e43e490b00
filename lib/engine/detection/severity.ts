// Severity arithmetic: the reference's impact bands (docs/engine.md#s-4-3), graded measures, and impact scores kept inside their band.
import { SEVERITIES, type Severity } from "./types";

/** A graded measure: its severity and how deep into that severity's range it lies (0..1). */
export type Grade = { severity: Severity; depth: number };

const BANDS: Readonly<Record<Severity, readonly [number, number]>> = {
  low: [0, 0.4],
  medium: [0.4, 0.6],
  high: [0.6, 0.8],
  critical: [0.8, 1],
};

/** The severity an impact score maps to (docs/engine.md#s-4-3: ≥ 0.8 critical, ≥ 0.6 high, ≥ 0.4 medium, else low). */
export function severityOfImpact(impact: number): Severity {
  if (impact >= 0.8) return "critical";
  if (impact >= 0.6) return "high";
  if (impact >= 0.4) return "medium";
  return "low";
}

/** Position of a severity in the order (low = 0 … critical = 3). */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** The next severity up; critical stays critical. */
export function raiseSeverity(severity: Severity): Severity {
  return SEVERITIES[Math.min(severityRank(severity) + 1, SEVERITIES.length - 1)] ?? "critical";
}

/** How far `value` lies into [from, to], clamped to 0..1 (0 for non-finite input). */
export function depthIn(value: number, from: number, to: number): number {
  const d = (value - from) / (to - from);
  return Number.isFinite(d) ? Math.min(Math.max(d, 0), 1) : 0;
}

/** The impact score of a grade: inside the severity's band, rounded to 3 decimals and kept below the next band. */
export function impactOf(grade: Grade): number {
  const band = BANDS[grade.severity];
  const lo = band[0];
  const hi = band[1];
  const value = Math.round((lo + (hi - lo) * depthIn(grade.depth, 0, 1)) * 1000) / 1000;
  return grade.severity === "critical" ? value : Math.min(value, hi - 0.001);
}

/** The most severe grade (the deepest one on a tie), or null when there is none. */
export function worstGrade(grades: ReadonlyArray<Grade | null>): Grade | null {
  let worst: Grade | null = null;
  for (const g of grades) {
    if (!g) continue;
    const order = worst ? severityRank(g.severity) - severityRank(worst.severity) : 1;
    if (order > 0 || (order === 0 && worst && g.depth > worst.depth)) worst = g;
  }
  return worst;
}
