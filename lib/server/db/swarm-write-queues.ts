// One ordered write queue per swarm: a swarm's items are written in the order they were queued, several at a time
// when more than one is waiting (a batch), and a failed write is retried with backoff until it succeeds, while the
// items queued behind it wait. Swarms never wait for each other. The total queued is bounded.

/** How the queues write, batch and back off. */
export type SwarmWriteOptions<T> = {
  /** Writes a batch of one swarm's items (in order); a rejection retries the same items later. */
  write: (swarm: string, items: T[]) => Promise<void>;
  /** Whether `next` may share a batch with `first`. */
  batchable: (first: T, next: T) => boolean;
  /** Called before each retry with the error, the attempt that failed (1-based) and the wait before the next. */
  onRetry: (swarm: string, error: unknown, attempt: number, delayMs: number, items: number) => void;
  /** Most items in one batch. */
  maxBatch: number;
  /** Most items queued over all swarms; beyond it `push` refuses. */
  maxQueued: number;
  /** First retry delay, doubled per failed attempt up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
};

type Entry<T> = { item: T; done: Promise<void>; resolve: () => void };

/** The retry delay after `attempt` failed attempts: `first` doubling up to `max`. */
export function retryDelay(attempt: number, first: number, max: number): number {
  return Math.min(max, first * 2 ** Math.min(attempt - 1, 30));
}

/** Per-swarm ordered queues with retry until written. */
export class SwarmWriteQueues<T> {
  private queues = new Map<string, Entry<T>[]>();
  private total = 0;

  constructor(private readonly options: SwarmWriteOptions<T>) {}

  /** Items queued and not yet written, over all swarms. */
  get size(): number {
    return this.total;
  }

  /** Queues an item behind the swarm's earlier ones; false (nothing queued) when the bound is reached. */
  push(swarm: string, item: T): boolean {
    if (this.total >= this.options.maxQueued) return false;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const queue = this.queues.get(swarm);
    this.total++;
    if (queue) queue.push({ item, done, resolve });
    else {
      this.queues.set(swarm, [{ item, done, resolve }]);
      // Started after the current task's other pushes, so outputs emitted together are written together.
      queueMicrotask(() => void this.run(swarm));
    }
    return true;
  }

  /** Resolves once every item queued so far is written. */
  async drain(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.at(-1)!.done));
  }

  private async run(swarm: string): Promise<void> {
    const queue = this.queues.get(swarm)!;
    const { write, batchable, onRetry, maxBatch, firstDelayMs, maxDelayMs } = this.options;
    let failed = 0;
    while (queue.length > 0) {
      let n = 1;
      while (n < queue.length && n < maxBatch && batchable(queue[0]!.item, queue[n]!.item)) n++;
      try {
        await write(
          swarm,
          queue.slice(0, n).map((e) => e.item),
        );
      } catch (e) {
        failed++;
        const delay = retryDelay(failed, firstDelayMs, maxDelayMs);
        onRetry(swarm, e, failed, delay, n);
        await new Promise((r) => setTimeout(r, delay).unref());
        continue;
      }
      failed = 0;
      this.total -= n;
      for (const e of queue.splice(0, n)) e.resolve();
    }
    this.queues.delete(swarm);
  }
}
