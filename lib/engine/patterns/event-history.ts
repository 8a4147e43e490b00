// The learner's bounded event history (docs/engine.md#s-5-1, docs/decisions.md#d3): a ring of (type, time, agent) in arrival order.
import type { TimedType } from "./pattern";

/** Bounded history: past `maxSize` it drops the oldest max(1, ⌊maxSize / 10⌋) events, as the reference does. */
export class EventHistory {
  private readonly types: string[];
  private readonly times: Float64Array;
  private readonly agents: (string | undefined)[];
  private head = 0;
  private count = 0;

  constructor(readonly maxSize: number) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new RangeError(`maxSize must be a positive integer, got ${maxSize}`);
    this.types = new Array<string>(maxSize + 1);
    this.times = new Float64Array(maxSize + 1);
    this.agents = new Array<string | undefined>(maxSize + 1);
  }

  /** Number of events held. */
  get size(): number {
    return this.count;
  }

  /** Appends one event in O(1); trims the oldest tenth when the bound is exceeded. */
  push(type: string, ts: number, agentId?: string): void {
    const cap = this.types.length;
    const at = (this.head + this.count) % cap;
    this.types[at] = type;
    this.times[at] = ts;
    this.agents[at] = agentId;
    this.count += 1;
    if (this.count > this.maxSize) {
      const drop = Math.max(1, Math.floor(this.maxSize / 10));
      this.head = (this.head + drop) % cap;
      this.count -= drop;
    }
  }

  /** The held events, oldest first. */
  toArray(): TimedType[] {
    const cap = this.types.length;
    const out: TimedType[] = new Array(this.count);
    for (let k = 0; k < this.count; k++) {
      const at = (this.head + k) % cap;
      const agentId = this.agents[at];
      out[k] =
        agentId === undefined ? { type: this.types[at]!, ts: this.times[at]! } : { type: this.types[at]!, ts: this.times[at]!, agentId };
    }
    return out;
  }
}
