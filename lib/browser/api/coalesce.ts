// Coalescing of live messages: every message pushed before the next frame is handed over in one batch, so a burst
// (1,000 agents' events, several swarms' ticks) costs one cache update and one render instead of hundreds.

/** Runs `run` once, soon: returns a cancel function. */
export type Scheduler = (run: () => void) => () => void;

/** A queue that flushes everything pushed since the last flush in one call. */
export type Coalescer<T> = { push(item: T): void; cancel(): void };

/** Creates a coalescer over a scheduler (see `frameOrTimeout`). */
export function createCoalescer<T>(flush: (items: T[]) => void, schedule: Scheduler): Coalescer<T> {
  let queue: T[] = [];
  let cancelScheduled: (() => void) | null = null;
  const run = () => {
    cancelScheduled = null;
    const items = queue;
    queue = [];
    if (items.length > 0) flush(items);
  };
  return {
    push(item) {
      queue.push(item);
      cancelScheduled ??= schedule(run);
    },
    cancel() {
      cancelScheduled?.();
      cancelScheduled = null;
      queue = [];
    },
  };
}

/** The next animation frame, or `maxWaitMs` when frames are paused (a hidden tab still stays current). */
export function frameOrTimeout(maxWaitMs = 250): Scheduler {
  return (run) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      run();
    };
    const frame = requestAnimationFrame(once);
    const timer = setTimeout(once, maxWaitMs);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  };
}
