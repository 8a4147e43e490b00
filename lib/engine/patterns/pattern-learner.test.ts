// PatternLearner per swarm: observe/learn, internal events (docs/engine.md#seed-internal-events), schedule (docs/decisions.md#d10),
// registry bounds (docs/decisions.md#d3), determinism (docs/decisions.md#d1 and docs/decisions.md#d2) and property tests.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { learnPatterns } from "./learn-patterns";
import type { TimedType } from "./pattern";
import { PatternLearner } from "./pattern-learner";

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const S = 1000;
/** memory_pressure on agent-k 20 s before its heartbeat_failed, every 10 min from 5 min on, among unrelated warnings. */
const history: TimedType[] = [
  ...Array.from({ length: 8 }, (_, k) => ({ type: "high_latency", ts: T0 + k * 7 * 60 * S, agentId: `agent-${k % 3}` })),
  ...Array.from({ length: 5 }, (_, k) => [
    { type: "memory_pressure", ts: T0 + (5 + 10 * k) * 60 * S, agentId: `agent-${k}` },
    { type: "heartbeat_failed", ts: T0 + (5 + 10 * k) * 60 * S + 20 * S, agentId: `agent-${k}` },
  ]).flat(),
].sort((x, y) => x.ts - y.ts);
const PRECURSOR = "corr:memory_pressure+heartbeat_failed";
const feed = (l: PatternLearner, events: TimedType[]) => events.forEach((e) => l.observe(e));

describe("PatternLearner", () => {
  it("learns from observed events exactly as the pure pass does", () => {
    const l = new PatternLearner({ confidenceThreshold: 0 });
    feed(l, history);
    const now = T0 + 60 * 60 * S;
    expect(l.learn(now)).toEqual(learnPatterns(history, { confidenceThreshold: 0 }));
    expect(l.patterns().map((p) => [p.id, p.support, p.leadMs])).toEqual([[PRECURSOR, 5, 20_000]]);
  });

  it("D9 revised: keeps no lifecycle, metric or engine events in its history", () => {
    const l = new PatternLearner();
    for (const type of [
      "heartbeat",
      "agent_registered",
      "agent_unregistered",
      "task_start",
      "task_complete",
      "resource_metric",
      "queue_metric",
      "resource_snapshot",
    ])
      l.observe({ type, ts: T0 });
    l.observeInternal({ type: "failure_detected", ts: T0 });
    expect(l.historySize).toBe(0);
    l.observe({ type: "memory_pressure", ts: T0, agentId: "a" });
    expect(l.historySize).toBe(1);
  });

  it("observing never learns: patterns appear only after a pass", () => {
    const l = new PatternLearner();
    feed(l, history);
    expect(l.patterns()).toEqual([]);
    expect(l.learn(T0).length).toBeGreaterThan(0);
  });

  it("ignores events without a type or a finite time (the reference rejects them)", () => {
    const l = new PatternLearner();
    l.observe({ type: "", ts: T0 });
    l.observe({ type: "a", ts: Number.NaN });
    l.observe({ type: "a", ts: Number.POSITIVE_INFINITY });
    expect(l.historySize).toBe(0);
  });

  it("rejects a confidence threshold outside [0, 1]", () => {
    expect(() => new PatternLearner({ confidenceThreshold: 2 })).toThrow(RangeError);
  });

  it("the engine's own failure_detected / healing_attempted events do not create patterns (D9 revised)", () => {
    const l = new PatternLearner({ confidenceThreshold: 0 });
    feed(l, history);
    for (const e of history)
      if (e.type === "heartbeat_failed")
        l.observeInternal({ type: "failure_detected", ts: e.ts + 10, agentId: e.agentId, failureType: "agent_down" });
    expect(l.learn(T0 + 3_600_000).map((p) => p.id)).toEqual([PRECURSOR]);
  });

  describe("D10: learnIfDue runs off the ingest path, on a schedule", () => {
    it.each([
      ["no events since the last pass", false, 20_000, false],
      ["events, but the interval has not elapsed", true, 9_999, false],
      ["events and the interval elapsed", true, 10_000, true],
    ])("%s", (_label, observeMore, dt, runs) => {
      const l = new PatternLearner({ learnIntervalMs: 10_000 });
      feed(l, history);
      expect(l.learnIfDue(T0)).not.toBeNull();
      if (observeMore) l.observe({ type: "high_latency", ts: T0 + 61 * 60 * S });
      expect(l.learnIfDue(T0 + dt) !== null).toBe(runs);
    });
  });

  describe("registry (reference §5.2 step 4, bounded by D3)", () => {
    /** The same episodes with another precursor, an hour later. */
    const renamed = (precursor: string) =>
      history.map((e) => ({ ...e, ts: e.ts + 3_600_000, type: e.type === "memory_pressure" ? precursor : e.type }));

    it("keeps a pattern the history no longer supports, until the retention passes", () => {
      const l = new PatternLearner({ maxHistorySize: 18, patternRetentionMs: 3_600_000 });
      feed(l, history);
      l.learn(T0);
      feed(l, renamed("token_warning"));
      const ids = () => l.patterns().map((p) => p.id);
      l.learn(T0 + 60_000);
      expect(ids()).toEqual([PRECURSOR, "corr:token_warning+heartbeat_failed"]);
      l.learn(T0 + 3_600_001);
      expect(ids()).toEqual(["corr:token_warning+heartbeat_failed"]);
    });

    it("drops the least recently confirmed patterns above maxPatterns", () => {
      const l = new PatternLearner({ maxHistorySize: 18, maxPatterns: 1 });
      feed(l, history);
      l.learn(T0);
      feed(l, renamed("token_warning"));
      l.learn(T0 + 1);
      expect(l.patterns().map((p) => p.id)).toEqual(["corr:token_warning+heartbeat_failed"]);
    });
  });
});

describe("PatternLearner properties", () => {
  const stream = fc.array(
    fc.record({
      type: fc.constantFrom("memory_pressure", "high_latency", "task_timeout", "heartbeat_failed"),
      dt: fc.integer({ min: -2_000, max: 90_000 }),
      learn: fc.boolean(),
    }),
    { maxLength: 400 },
  );
  const run = (ops: { type: string; dt: number; learn: boolean }[], opts = {}) => {
    const l = new PatternLearner({ confidenceThreshold: 0, maxHistorySize: 60, maxPatterns: 12, ...opts });
    let t = T0;
    const passes = ops.map((op) => {
      t += op.dt;
      l.observe({ type: op.type, ts: t });
      return op.learn ? l.learn(t) : null;
    });
    return { l, passes };
  };

  it("confidence ∈ [0, 1], occurrences ≥ 1, finite times; memory stays bounded (D3)", () => {
    fc.assert(
      fc.property(stream, (ops) => {
        const { l, passes } = run(ops);
        for (const p of [...passes.flat(), ...l.patterns()]) {
          if (!p) continue;
          expect(p.confidence).toBeGreaterThanOrEqual(0);
          expect(p.confidence).toBeLessThanOrEqual(1);
          expect(p.occurrences).toBeGreaterThanOrEqual(1);
          expect(Number.isFinite(p.firstSeen) && Number.isFinite(p.lastSeen)).toBe(true);
        }
        expect(l.historySize).toBeLessThanOrEqual(60);
        expect(l.patternCount).toBeLessThanOrEqual(12);
      }),
      { numRuns: 150 },
    );
  });

  it("determinism: the same log and times give identical patterns (D1, D2)", () => {
    fc.assert(
      fc.property(stream, (ops) => {
        const x = run(ops);
        const y = run(ops);
        expect(y.passes).toEqual(x.passes);
        expect(y.l.patterns()).toEqual(x.l.patterns());
        for (const p of x.l.patterns()) expect(p.lift).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 100 },
    );
  });

  it("memory is flat over a long constant-rate stream (50,000 events)", () => {
    const l = new PatternLearner({ maxHistorySize: 1_000, maxPatterns: 50 });
    for (let i = 0; i < 50_000; i++) {
      l.observe({ type: i % 7 === 0 ? "task_timeout" : `t${i % 7}`, ts: T0 + i * 100, agentId: `agent-${i % 5}` });
      if (i % 5_000 === 0) l.learn(T0 + i * 100);
    }
    expect(l.historySize).toBeLessThanOrEqual(1_000);
    expect(l.patternCount).toBeLessThanOrEqual(50);
  });
});
