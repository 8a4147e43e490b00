// Co-occurrence counts for the correlation family (reference §5.3), computed without enumerating every pair.
// For each event i the reference scans forward while t_j − t_i ≤ window (stopping at the first event beyond it)
// and counts the unordered type pair. Here a short window is walked as the reference does; a long one is counted
// per type from prefix counts, so an event storm costs O(N · K), not O(N²). Only the K most frequent types take
// part (D3: at most K² cells); with no more than K distinct types the counts are exactly the reference's.
import { correlationId, type TimedType } from "./pattern";
import { WindowEnds } from "./window-ends";

/** Counts of one unordered type pair; `firstIdx`/`lastIdx`: history indices of the first and last event that opened a co-occurrence. */
export type PairCount = { a: string; b: string; count: number; firstIdx: number; lastIdx: number };

/** Ranks types by count (most frequent first, ties by first appearance) and keeps the first `maxTypes`. */
function rankTypes(history: readonly TimedType[], maxTypes: number): { names: string[]; ids: Int32Array } {
  const counts = new Map<string, number>();
  for (const e of history) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const names = [...counts.keys()].sort((x, y) => counts.get(y)! - counts.get(x)!).slice(0, maxTypes);
  const index = new Map(names.map((name, k) => [name, k]));
  return { names, ids: Int32Array.from(history, (e) => index.get(e.type) ?? -1) };
}

/** prefix[b · (N + 1) + k] = number of events of type b among the first k. */
function prefixCounts(ids: Int32Array, types: number): Int32Array {
  const n = ids.length;
  const prefix = new Int32Array(types * (n + 1));
  for (let b = 0; b < types; b++) {
    const base = b * (n + 1);
    for (let k = 0; k < n; k++) prefix[base + k + 1] = prefix[base + k]! + (ids[k] === b ? 1 : 0);
  }
  return prefix;
}

/**
 * Unordered pair counts within `windowMs` among the `maxTypes` most frequent types, keyed by correlation id.
 * Identical to the reference's scan for any history order; `walkLimit` (events walked before switching to
 * prefix counts) changes only the cost.
 */
export function countCoOccurrences(history: readonly TimedType[], windowMs: number, maxTypes: number, walkLimit?: number): Map<string, PairCount> {
  const { names, ids } = rankTypes(history, maxTypes);
  const n = history.length;
  const t = names.length;
  const limit = walkLimit ?? t;
  const ts = Float64Array.from(history, (e) => e.ts);
  const count = new Float64Array(t * t);
  const first = new Int32Array(t * t).fill(-1);
  const last = new Int32Array(t * t);
  let ends: WindowEnds | undefined;
  let prefix: Int32Array | undefined;
  const touch = (cell: number, i: number, c: number) => {
    if (first[cell] === -1) first[cell] = i;
    last[cell] = i;
    count[cell] = count[cell]! + c;
  };
  for (let i = 0; i < n; i++) {
    if (ids[i]! < 0) continue;
    const row = ids[i]! * t;
    const origin = ts[i]!;
    let j = i + 1;
    for (; j < n && j - i <= limit && ts[j]! - origin <= windowMs; j++) if (ids[j]! >= 0) touch(row + ids[j]!, i, 1);
    if (j >= n || ts[j]! - origin > windowMs) continue;
    const end = (ends ??= new WindowEnds(ts)).firstBeyond(j, origin, windowMs);
    prefix ??= prefixCounts(ids, t);
    for (let b = 0, base = 0; b < t; b++, base += n + 1) {
      const c = prefix[base + end]! - prefix[base + j]!;
      if (c > 0) touch(row + b, i, c);
    }
  }
  return mergeUnordered(names, count, first, last);
}

/** Folds the ordered (a, b) and (b, a) cells into one unordered pair, named in string order. */
function mergeUnordered(names: readonly string[], count: Float64Array, first: Int32Array, last: Int32Array): Map<string, PairCount> {
  const t = names.length;
  const pairs = new Map<string, PairCount>();
  for (let cell = 0; cell < count.length; cell++) {
    if (count[cell] === 0) continue;
    const x = names[Math.floor(cell / t)]!;
    const y = names[cell % t]!;
    const [a, b] = x <= y ? [x, y] : [y, x];
    const id = correlationId(a, b);
    const pair = pairs.get(id);
    if (!pair) pairs.set(id, { a, b, count: count[cell]!, firstIdx: first[cell]!, lastIdx: last[cell]! });
    else {
      pair.count += count[cell]!;
      pair.firstIdx = Math.min(pair.firstIdx, first[cell]!);
      pair.lastIdx = Math.max(pair.lastIdx, last[cell]!);
    }
  }
  return pairs;
}
