import { describe, expect, it } from "vitest";
import { createCoalescer, type Scheduler } from "./coalesce";

function manualScheduler() {
  const pending: (() => void)[] = [];
  const schedule: Scheduler = (run) => {
    pending.push(run);
    return () => pending.splice(pending.indexOf(run), 1);
  };
  return {
    schedule,
    runAll: () => pending.splice(0).forEach((r) => r()),
    get count() {
      return pending.length;
    },
  };
}

describe("createCoalescer", () => {
  it("hands everything pushed before the frame over in one batch, in order", () => {
    const s = manualScheduler();
    const batches: number[][] = [];
    const c = createCoalescer<number>((items) => batches.push(items), s.schedule);
    for (let i = 0; i < 1000; i++) c.push(i);
    expect(s.count).toBe(1);
    s.runAll();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(1000);
    expect(batches[0]![999]).toBe(999);
  });

  it("schedules again after a flush, and never flushes an empty batch", () => {
    const s = manualScheduler();
    const batches: string[][] = [];
    const c = createCoalescer<string>((items) => batches.push(items), s.schedule);
    c.push("a");
    s.runAll();
    c.push("b");
    c.push("c");
    s.runAll();
    s.runAll();
    expect(batches).toEqual([["a"], ["b", "c"]]);
  });

  it("cancel drops what is queued", () => {
    const s = manualScheduler();
    const batches: string[][] = [];
    const c = createCoalescer<string>((items) => batches.push(items), s.schedule);
    c.push("a");
    c.cancel();
    s.runAll();
    expect(batches).toEqual([]);
    expect(s.count).toBe(0);
  });
});
