// The PatternMatcher's scoring pieces (docs/engine.md#s-6): LCS, metadata and timing similarity, prefix length.
import type { Pattern } from "./pattern";

/** Longest-common-subsequence length over the longer length (0 when either is empty). */
export function lcsSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row.push(x === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!));
    prev = row;
  }
  return prev[b.length]! / Math.max(a.length, b.length);
}

/** Structural equality of JSON-like values (Python `==` on dicts and lists). */
function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  const rx = x as Record<string, unknown>;
  const ry = y as Record<string, unknown>;
  return kx.length === ky.length && kx.every((k) => Object.hasOwn(ry, k) && sameValue(rx[k], ry[k]));
}

/** Mean per-key similarity over the shared keys: numbers 1 − min(|a−b| / max(|a|,|b|), 1) (1 if both 0), else equality. */
export function metadataSimilarity(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const shared = Object.keys(a).filter((k) => Object.hasOwn(b, k));
  if (shared.length === 0) return 0;
  let sum = 0;
  for (const k of shared) {
    const x = a[k];
    const y = b[k];
    if (typeof x === "number" && typeof y === "number") {
      const scale = Math.max(Math.abs(x), Math.abs(y));
      sum += scale === 0 ? 1 : 1 - Math.min(Math.abs(x - y) / scale, 1);
    } else sum += sameValue(x, y) ? 1 : 0;
  }
  return sum / shared.length;
}

/** The pattern's mean time per occurrence: (lastSeen − firstSeen) / occurrences (the whole span for one occurrence). */
export function patternAvgMs(p: Pattern): number {
  const span = p.lastSeen - p.firstSeen;
  return p.occurrences > 1 ? span / p.occurrences : span;
}

/**
 * How well the window's mean inter-event time fits the pattern's mean time per occurrence, with 50 % tolerance:
 * 1 − diff / (0.5 × avg) inside it, 0 outside; 0.5 (neutral) with fewer than 2 times or a zero pattern average.
 */
export function temporalSimilarity(times: readonly number[], p: Pattern): number {
  if (times.length < 2) return 0.5;
  const windowAvg = (times[times.length - 1]! - times[0]!) / (times.length - 1);
  const avg = patternAvgMs(p);
  if (avg === 0) return 0.5;
  const diff = Math.abs(windowAvg - avg);
  const tolerance = avg * 0.5;
  return diff <= tolerance ? 1 - diff / tolerance : 0;
}

/** Length of the common prefix of two type lists. */
export function prefixMatchLength(current: readonly string[], pattern: readonly string[]): number {
  let k = 0;
  while (k < current.length && k < pattern.length && current[k] === pattern[k]) k++;
  return k;
}
