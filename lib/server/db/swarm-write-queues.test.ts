// Per-swarm write queues: order within a swarm, batching of waiting items, retry until written while later items
// wait, swarms independent of each other, the bound, and drain.
import { describe, expect, it } from "vitest";
import { retryDelay, SwarmWriteQueues } from "./swarm-write-queues";

type Item = { n: number; group?: string };

/** Queues over a `write` that records every attempt and fails while `refuse(swarm)` says so. */
function queues(
  refuse: (swarm: string, items: Item[]) => boolean = () => false,
  over: Partial<{ maxBatch: number; maxQueued: number }> = {},
) {
  const attempts: { swarm: string; items: number[]; ok: boolean }[] = [];
  const retries: number[] = [];
  const q = new SwarmWriteQueues<Item>({
    write: async (swarm, items) => {
      const ok = !refuse(swarm, items);
      attempts.push({ swarm, items: items.map((i) => i.n), ok });
      if (!ok) throw new Error("refused");
    },
    batchable: (a, b) => a.group === b.group,
    onRetry: (_swarm, _e, attempt) => retries.push(attempt),
    maxBatch: over.maxBatch ?? 10,
    maxQueued: over.maxQueued ?? 1_000,
    firstDelayMs: 1,
    maxDelayMs: 4,
  });
  const written = (swarm: string) => attempts.filter((a) => a.ok && a.swarm === swarm).flatMap((a) => a.items);
  return { q, attempts, retries, written };
}

describe("retryDelay", () => {
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1_600],
    [6, 2_000],
    [60, 2_000],
  ])("after %i failed attempts waits %i ms (100 ms doubling, at most 2 s)", (attempt, ms) => {
    expect(retryDelay(attempt, 100, 2_000)).toBe(ms);
  });
});

describe("SwarmWriteQueues", () => {
  it("writes items pushed together as one batch, in order, up to maxBatch, never mixing unbatchable items", async () => {
    const { q, attempts } = queues(undefined, { maxBatch: 3 });
    for (const n of [1, 2, 3, 4]) q.push("a", { n });
    q.push("a", { n: 5, group: "epoch-2" });
    await q.drain();
    expect(attempts.map((a) => a.items)).toEqual([[1, 2, 3], [4], [5]]);
    expect(q.size).toBe(0);
  });

  it("retries a refused write until it is written; the items behind it wait and keep their order", async () => {
    let refusals = 3;
    const { q, attempts, retries, written } = queues((_s, items) => items[0]!.n === 1 && refusals-- > 0, { maxBatch: 1 });
    for (const n of [1, 2, 3]) q.push("a", { n });
    await q.drain();
    expect(written("a")).toEqual([1, 2, 3]);
    expect(attempts.filter((a) => !a.ok).map((a) => a.items)).toEqual([[1], [1], [1]]);
    expect(retries).toEqual([1, 2, 3]);
  });

  it("one swarm's refused writes do not hold another swarm back", async () => {
    let open = false;
    const { q, written } = queues((swarm) => swarm === "a" && !open);
    q.push("a", { n: 1 });
    q.push("b", { n: 2 });
    q.push("b", { n: 3 });
    await expect.poll(() => written("b")).toEqual([2, 3]);
    expect(written("a")).toEqual([]);
    expect(q.size).toBe(1);
    open = true;
    await q.drain();
    expect(written("a")).toEqual([1]);
  });

  it("refuses items beyond the bound and takes them again once written", async () => {
    const { q, written } = queues(undefined, { maxQueued: 2 });
    expect([q.push("a", { n: 1 }), q.push("b", { n: 2 }), q.push("a", { n: 3 })]).toEqual([true, true, false]);
    await q.drain();
    expect(q.push("a", { n: 4 })).toBe(true);
    await q.drain();
    expect([written("a"), written("b")]).toEqual([[1, 4], [2]]);
  });

  it("drain resolves at once when nothing is queued", async () => {
    await expect(queues().q.drain()).resolves.toBeUndefined();
  });
});
