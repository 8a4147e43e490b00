// Which stored events have reached the owner's engine, so none is fed twice or skipped. Events are read in
// (tx, seq) order below the oldest running transaction, so the cursor never passes a row that commits later;
// the fast path feeds the owner's own ingest transactions as soon as they commit, and the reader steps over them.

/** A position in a swarm's events in (transaction id, seq) order. */
export type Cursor = { tx: bigint; seq: bigint };

/** Before every event. */
export const START: Cursor = { tx: 0n, seq: 0n };

/** Whether `a` comes after `b`. */
export function isAfter(a: Cursor, b: Cursor): boolean {
  return a.tx > b.tx || (a.tx === b.tx && a.seq > b.seq);
}

/** A swarm's cursor and the local transactions the fast path fed that the cursor has not passed yet. */
export class FeedLedger {
  private local = new Set<bigint>();

  constructor(public cursor: Cursor) {}

  /** The fast path asks to feed a committed local transaction: false when the reader already reached it. */
  claimLocal(tx: bigint): boolean {
    if (this.local.has(tx)) return true;
    if (tx <= this.cursor.tx) return false;
    this.local.add(tx);
    return true;
  }

  /** Local transactions the reader steps over (their rows were fed from memory). */
  localTxs(): bigint[] {
    return [...this.local];
  }

  /** The reader's rows after the cursor, in order, up to `last` (the last row it scanned): the rows to feed. */
  accept<R extends Cursor>(rows: readonly R[], last: Cursor | null): R[] {
    const feed = rows.filter((r) => isAfter(r, this.cursor) && !this.local.has(r.tx));
    if (last && isAfter(last, this.cursor)) this.cursor = last;
    for (const tx of this.local) if (tx < this.cursor.tx) this.local.delete(tx);
    return feed;
  }
}
