// One owned swarm's feed into the engine: the fast path for this instance's own ingest, and the reader that
// pulls every other committed row after the cursor (coalesced: one read at a time, re-run when asked meanwhile).
// The owner's own rows reach its engine from memory only; the reader steps over them without reading their bodies.
import type pg from "pg";
import type { Engine, EngineEvent } from "@/lib/engine";
import { FeedLedger, type Cursor } from "./feed-ledger";
import { type PositionedEvent, readAfter } from "./event-reader";

/** Local events claimed while the reader was running: fed in transaction order with the reader's rows. */
type Held = { tx: bigint; events: EngineEvent[] };

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
  private held: Held[] = [];
  private again = false;
  private closed = false;

  constructor(
    readonly swarmId: number,
    readonly name: string,
    readonly epoch: bigint,
    cursor: Cursor,
    private deps: { pool: pg.Pool; engine: Engine },
  ) {
    this.ledger = new FeedLedger(cursor);
  }

  /** The fast path: feeds events this instance just stored in transaction `tx`, unless the reader already did (false).
   * While the reader runs they are held and fed in (tx) order between its rows, so they never overtake earlier rows
   * (event-time replays need order), and the reader never fetches them again from Postgres. */
  deliverLocal(tx: bigint, events: EngineEvent[]): boolean {
    if (!this.ready || !this.ledger.claimLocal(tx)) return false;
    if (this.reading) this.held.push({ tx, events });
    else setImmediate(() => this.closed || this.deps.engine.ingest(this.name, events));
    return true;
  }

  /** Reads and feeds everything committed after the cursor; resolves when caught up with the safe horizon. */
  pull(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.readAll().finally(() => {
      this.reading = null;
      // Held transactions beyond the reader's horizon (an earlier transaction was still running): fed now, as the fast path would.
      this.feed([], this.held.splice(0));
    });
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
        const rows = this.ledger.accept(page.rows, page.last);
        const passed = this.ledger.cursor.tx;
        this.feed(
          rows,
          this.held.filter((h) => h.tx <= passed),
        );
        this.held = this.held.filter((h) => h.tx > passed);
        if (page.scanned < PAGE) break;
      }
    } while (this.again && !this.closed);
  }

  /** Feeds the reader's rows (in order) merged with held local transactions, by transaction id. */
  private feed(rows: readonly PositionedEvent[], held: Held[]): void {
    if (this.closed) return;
    const events: EngineEvent[] = [];
    let i = 0;
    for (const h of held.sort((a, b) => (a.tx < b.tx ? -1 : a.tx > b.tx ? 1 : 0))) {
      while (i < rows.length && rows[i]!.tx < h.tx) events.push(rows[i++]!.event);
      events.push(...h.events);
    }
    while (i < rows.length) events.push(rows[i++]!.event);
    if (events.length > 0) this.deps.engine.ingest(this.name, events);
  }
}
