// Wakes long-polling coordinators of a swarm when one of its commands is stored (in-process; pollers also
// re-check every second, so commands stored by another instance or freed by an expired lease are found too).

/** Per-swarm wake-ups for long polls. */
export class CommandSignal {
  private waiters = new Map<string, Set<() => void>>();

  /** Wakes every poller of the swarm. */
  notify(swarm: string): void {
    const set = this.waiters.get(swarm);
    if (!set) return;
    this.waiters.delete(swarm);
    for (const wake of set) wake();
  }

  /** Resolves on the next notify for the swarm, after `ms`, or when `signal` aborts — whichever comes first. */
  wait(swarm: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let set = this.waiters.get(swarm);
      if (!set) this.waiters.set(swarm, (set = new Set()));
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        this.waiters.get(swarm)?.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener("abort", done, { once: true });
      set.add(done);
    });
  }
}
