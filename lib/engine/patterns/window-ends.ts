// Where a co-occurrence window ends: the first later event beyond the window, found in O(log N) even when the
// history is not sorted by time (a sparse table of range maxima, searched by binary lifting).

/** Range-maximum table over event times: level k holds max(ts[p .. p + 2^k)). */
export class WindowEnds {
  private readonly levels: Float64Array[];

  constructor(ts: ArrayLike<number>) {
    const n = ts.length;
    this.levels = [Float64Array.from(ts)];
    for (let size = 2; size <= n; size *= 2) {
      const prev = this.levels[this.levels.length - 1]!;
      const half = size / 2;
      const level = new Float64Array(n - size + 1);
      for (let p = 0; p < level.length; p++) level[p] = Math.max(prev[p]!, prev[p + half]!);
      this.levels.push(level);
    }
  }

  /** The first index j ≥ `from` with ts[j] − origin > windowMs, or N when there is none. */
  firstBeyond(from: number, origin: number, windowMs: number): number {
    let pos = from;
    for (let k = this.levels.length - 1; k >= 0; k--) {
      const level = this.levels[k]!;
      if (pos < level.length && level[pos]! - origin <= windowMs) pos += 2 ** k;
    }
    return pos;
  }
}
