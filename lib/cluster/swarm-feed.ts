// One owned swarm's feed into the engine: the fast path for this instance's own ingest, and the reader that
// pulls every other committed row after the cursor (coalesced: one read at a time, re-run when asked meanwhile).
import type pg from "pg";
import type { Engine } from "../engine/engine";
import type { EngineEvent } from "../engine/types";
import { FeedLedger, type Cursor } from "./feed-ledger";
import { readAfter } from "./event-reader";

const PAGE = 2_000;

/** The feed of one swarm this instance owns. */
export class SwarmFeed {
  readonly ledger: FeedLedger;
  /** Running healings taken over from the previous owner, finished from their persisted commands. */
  adopted = new Set<string>();
  /** True while the adopted healings are being checked. */
  settling = false;
  /** False while catching up after a takeover: this instance's own ingest waits for the reader meanwhile. */
  ready = false;
  private reading: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(readonly swarmId: number, readonly name: string, readonly epoch: bigint, cursor: Cursor, private deps: { pool: pg.Pool; engine: Engine }) {
    this.ledger = new FeedLedger(cursor);
  }

  /** The fast path: feeds events this instance just stored in transaction `tx`, unless the reader already did or is
   * still reading (then the reader feeds them, so they never overtake earlier rows: event-time replays need order). */
  deliverLocal(tx: bigint, events: EngineEvent[]): boolean {
    if (!this.ready || this.reading || !this.ledger.claimLocal(tx)) return false;
    setImmediate(() => this.closed || this.deps.engine.ingest(this.name, events));
    return true;
  }

  /** Reads and feeds everything committed after the cursor; resolves when caught up with the safe horizon. */
  pull(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.readAll().finally(() => (this.reading = null));
    return this.reading;
  }

  /** Stops feeding (ownership lost or shutting down). */
  close(): void {
    this.closed = true;
  }

  private async readAll(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        const page = await readAfter(this.deps.pool, this.swarmId, this.ledger.cursor, this.ledger.localTxs(), PAGE);
        if (this.closed) return;
        const feed = this.ledger.accept(page.rows, page.last);
        if (feed.length > 0) this.deps.engine.ingest(this.name, feed.map((r) => r.event));
        if (page.scanned < PAGE) break;
      }
    } while (this.again && !this.closed);
  }
}
