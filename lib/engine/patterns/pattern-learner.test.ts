// PatternLearner per swarm: observe/learn, internal events (seed advanced-healing §4), schedule (D10),
// registry bounds (D3), determinism (D1/D2) and property tests.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { learnPatterns } from "./learn-patterns";
import type { TimedType } from "./pattern";
import { PatternLearner } from "./pattern-learner";

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const S = 1000;
const vector3: TimedType[] = Array.from({ length: 30 }, (_, k) => [
  { type: "a", ts: T0 + k * 60 * S },
  { type: "b", ts: T0 + k * 60 * S + S },
  { type: "c", ts: T0 + k * 60 * S + 30 * S },
]).flat();
const feed = (l: PatternLearner, events: TimedType[]) => events.forEach((e) => l.observe(e));

describe("PatternLearner", () => {
  it("learns §14 vector 3 from observed events exactly as the pure pass does", () => {
    const l = new PatternLearner({ confidenceThreshold: 0 });
    feed(l, vector3);
    const now = T0 + 30 * 60 * S;
    expect(l.learn(now)).toEqual(learnPatterns(vector3, { confidenceThreshold: 0 }));
    expect(l.patterns()).toEqual(learnPatterns(vector3, { confidenceThreshold: 0 }));
  });

  it("observing never learns: patterns appear only after a pass", () => {
    const l = new PatternLearner();
    feed(l, vector3);
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

  it("learns from its own failure_detected / healing_attempted events (seed advanced-healing §4)", () => {
    const l = new PatternLearner({ confidenceThreshold: 0 });
    for (let k = 0; k < 10; k++) {
      const ts = T0 + k * 5 * 60 * S;
      l.observeInternal({ type: "failure_detected", ts, agentId: "agent-1", failureType: "agent_down" });
      l.observeInternal({ type: "healing_attempted", ts, strategy: "AgentRestart", success: true });
    }
    const got = new Map(l.learn(T0 + 3_600_000).map((p) => [p.id, p]));
    expect(got.get("freq:failure_detected")).toMatchObject({ confidence: 1, occurrences: 10, intervalMs: 300_000 });
    expect(got.get("seq:failure_detected>healing_attempted")?.confidence).toBeCloseTo(0.7 * (10 / 19) + 0.3, 10);
    expect(got.get("corr:failure_detected+healing_attempted")).toMatchObject({ occurrences: 10, confidence: 2 / 3, metadata: { correlation_strength: 2 } });
  });

  it("interleaves internal events with stored events in arrival order", () => {
    const l = new PatternLearner({ confidenceThreshold: 0, minOccurrences: 3 });
    for (let k = 0; k < 4; k++) {
      l.observe({ type: "heartbeat_failed", ts: T0 + k * 60 * S });
      l.observeInternal({ type: "failure_detected", ts: T0 + k * 60 * S + 10 });
    }
    expect(l.learn(T0).map((p) => p.id)).toContain("seq:heartbeat_failed>failure_detected");
  });

  describe("D10: learnIfDue runs off the ingest path, on a schedule", () => {
    it.each([
      ["no events since the last pass", false, 20_000, false],
      ["events, but the interval has not elapsed", true, 9_999, false],
      ["events and the interval elapsed", true, 10_000, true],
    ])("%s", (_label, observeMore, dt, runs) => {
      const l = new PatternLearner({ learnIntervalMs: 10_000 });
      feed(l, vector3);
      expect(l.learnIfDue(T0)).not.toBeNull();
      if (observeMore) l.observe({ type: "a", ts: T0 + 31 * 60 * S });
      expect(l.learnIfDue(T0 + dt) !== null).toBe(runs);
    });
  });

  describe("registry (reference §5.2 step 4, bounded by D3)", () => {
    const shifted = (types: [string, string, string]) => vector3.map((e) => ({ ...e, type: types[["a", "b", "c"].indexOf(e.type)]! }));

    it("keeps a pattern the history no longer supports, until the retention passes", () => {
      const l = new PatternLearner({ maxHistorySize: 90, patternRetentionMs: 3_600_000 });
      feed(l, vector3);
      l.learn(T0);
      feed(l, shifted(["x", "y", "z"]));
      const ids = () => l.patterns().map((p) => p.id);
      l.learn(T0 + 60_000);
      expect(ids()).toEqual(expect.arrayContaining(["freq:a", "freq:x"]));
      l.learn(T0 + 3_600_001);
      expect(ids()).not.toContain("freq:a");
      expect(ids()).toContain("freq:x");
    });

    it("drops the least recently confirmed patterns above maxPatterns, the lowest-listed first", () => {
      const l = new PatternLearner({ maxHistorySize: 90, maxPatterns: 5 });
      feed(l, vector3);
      l.learn(T0);
      feed(l, shifted(["x", "y", "z"]));
      l.learn(T0 + 1);
      expect(l.patternCount).toBe(5);
      expect(l.patterns().map((p) => p.id)).toEqual(["corr:a+b", "corr:x+y", "freq:x", "freq:y", "freq:z"]);
    });
  });
});

describe("PatternLearner properties", () => {
  const stream = fc.array(
    fc.record({ type: fc.constantFrom("a", "b", "c", "task_timeout", "heartbeat_failed"), dt: fc.integer({ min: -2_000, max: 90_000 }), learn: fc.boolean() }),
    { maxLength: 400 },
  );
  const run = (ops: { type: string; dt: number; learn: boolean }[], opts = {}) => {
    const l = new PatternLearner({ minOccurrences: 3, confidenceThreshold: 0, maxHistorySize: 60, maxPatterns: 12, ...opts });
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
      }),
      { numRuns: 100 },
    );
  });

  it("memory is flat over a long constant-rate stream (50,000 events)", () => {
    const l = new PatternLearner({ maxHistorySize: 1_000, maxPatterns: 50 });
    for (let i = 0; i < 50_000; i++) {
      l.observe({ type: `t${i % 7}`, ts: T0 + i * 100 });
      if (i % 5_000 === 0) l.learn(T0 + i * 100);
    }
    expect(l.historySize).toBeLessThanOrEqual(1_000);
    expect(l.patternCount).toBeLessThanOrEqual(50);
  });
});
