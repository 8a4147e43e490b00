// The demo generator: deterministic for a seed, valid per the ingest contract, and lively.
import { describe, expect, it } from "vitest";
import { validateBatch } from "../ingest/validate-batch";
import { DemoGenerator, seededRandom } from "./demo-generator";

describe("DemoGenerator", () => {
  const run = (seed: number) => {
    const g = new DemoGenerator(seed);
    const t0 = 1_800_000_000_000;
    return Array.from({ length: 60 }, (_, i) => g.next(t0 + i * 1000));
  };

  it("is deterministic for a seed and differs across seeds", () => {
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it("emits only events that pass ingest validation, with tasks, heartbeats and snapshots", () => {
    const seconds = run(3);
    const t0 = 1_800_000_000_000;
    seconds.forEach((events, i) => expect(validateBatch(events, t0 + i * 1000)).toMatchObject({ ok: true }));
    const types = new Set(seconds.flat().map((e) => e.type));
    for (const t of ["heartbeat", "task_start", "task_complete", "queue_metric", "resource_snapshot"]) expect(types).toContain(t);
    expect(seconds.flat().length / 60).toBeGreaterThan(2);
  });

  it("seededRandom stays in [0, 1)", () => {
    const r = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const v = r();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});
