// Sparkline paths for the overview (pure): points scaled into a fixed viewBox, x by time, y from 0 to the maximum;
// a missing value breaks the line (a gap, never a drop to zero). Rendered as plain SVG, so the overview ships no
// charting library.

/** A sample: time and value (null = not measured). */
export type SparkPoint = { at: number; value: number | null };

/** The SVG path data of the line and of the filled area under it, in a `width` × `height` viewBox. */
export type SparkPaths = { line: string; area: string };

const f = (n: number) => Math.round(n * 100) / 100;

/** Paths of the series; empty strings when there is nothing to draw. */
export function prepareSparkline(points: readonly SparkPoint[], width: number, height: number): SparkPaths {
  const known = points.filter((p): p is { at: number; value: number } => p.value !== null && Number.isFinite(p.value));
  if (known.length === 0) return { line: "", area: "" };
  const t0 = points[0]!.at;
  const span = Math.max(points.at(-1)!.at - t0, 1);
  const max = Math.max(...known.map((p) => p.value), 0) || 1;
  const x = (at: number) => f(((at - t0) / span) * width);
  const y = (v: number) => f(height - (Math.max(v, 0) / max) * height);
  const runs: { at: number; value: number }[][] = [];
  let run: { at: number; value: number }[] = [];
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ at: p.at, value: p.value });
  }
  if (run.length) runs.push(run);
  const line = runs.map((r) => r.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.at)} ${y(p.value)}`).join(" ")).join(" ");
  const area = runs
    .map((r) => `M${x(r[0]!.at)} ${height} ${r.map((p) => `L${x(p.at)} ${y(p.value)}`).join(" ")} L${x(r.at(-1)!.at)} ${height} Z`)
    .join(" ");
  return { line, area };
}
