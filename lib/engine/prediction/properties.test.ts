// fast-check properties: confidence ∈ [0, 1], ETA ≥ 0, status follows the threshold, bounded memory, determinism.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../model/types";
import type { PredictionConfig } from "./config";
import type { BottleneckInput, PatternInput } from "./inputs";
import { PredictiveHealing } from "./predictive-healing";
import type { Prediction } from "./prediction-record";
import { T0, counterIds, ev } from "./test-fixtures";

const TYPES = [
  "resource_metric",
  "queue_metric",
  "task_complete",
  "task_success",
  "task_failed",
  "task_error",
  "heartbeat_failed",
  "task_timeout",
  "memory_pressure",
  "token_warning",
  "high_latency",
  "heartbeat",
] as const;

type Step = {
  dt: number;
  type: (typeof TYPES)[number];
  agent: number;
  a: number;
  b: number;
  result: "success" | "failure" | "timeout" | undefined;
  tick: boolean;
  decide: number;
};

const stepArb: fc.Arbitrary<Step> = fc.record({
  dt: fc.integer({ min: 0, max: 30_000 }),
  type: fc.constantFrom(...TYPES),
  agent: fc.integer({ min: 0, max: 999 }),
  a: fc.double({ min: -50, max: 400, noNaN: true }),
  b: fc.double({ min: -50, max: 400, noNaN: true }),
  result: fc.constantFrom("success", "failure", "timeout", undefined),
  tick: fc.boolean(),
  decide: fc.integer({ min: 0, max: 9 }),
});

const PATTERNS: PatternInput[] = [
  {
    id: "corr:task_failed+heartbeat_failed",
    type: "correlation",
    events: ["task_failed", "heartbeat_failed"],
    confidence: 0.9,
    occurrences: 9,
    support: 4,
    lift: 6,
    leadMs: 30_000,
    failureType: "agent_down",
    lastSeen: T0,
  },
  {
    id: "corr:task_start+task_timeout",
    type: "correlation",
    events: ["task_start", "task_timeout"],
    confidence: 0.6,
    occurrences: 5,
    support: 3,
    lift: 2,
    leadMs: 0,
    failureType: "task_failed",
    lastSeen: T0,
  },
  {
    id: "corr:memory_pressure+token_warning",
    type: "correlation",
    events: ["memory_pressure", "token_warning"],
    confidence: 1.3,
    occurrences: 5,
    support: 3,
    lift: 2,
    leadMs: -10,
    failureType: "token_exhaustion",
    lastSeen: Number.NaN,
  },
];
const BOTTLENECKS: BottleneckInput[] = [
  { type: "slow_agent", severity: "high", impactScore: 0.7, affectedResources: ["agent-1"], metrics: {} },
];

function eventOf(s: Step, ts: number): EngineEvent {
  const agent = `agent-${s.agent}`;
  if (s.type === "resource_metric") return ev(s.type, ts, { metadata: { token_usage_percent: s.a, memory_usage_percent: s.b } });
  if (s.type === "queue_metric") return ev(s.type, ts, { metadata: { queue_depth: s.a, high_priority_count: s.b } });
  return ev(s.type, ts, { duration_ms: s.a * 100, ...(s.result ? { result: s.result } : {}) }, agent);
}

/** Drives one instance through the steps the way the engine would; returns every record it emitted and the peak footprint. */
function drive(steps: Step[], config: Partial<PredictionConfig> = {}) {
  const ph = new PredictiveHealing({ newId: counterIds(), config });
  const emitted: Prediction[] = [];
  let now = T0;
  let peak = 0;
  const samples: number[] = [];
  for (const [i, s] of steps.entries()) {
    now += s.dt;
    ph.observe(eventOf(s, now - (s.dt % 2000)));
    if (s.type === "task_failed") ph.recordFailure({ failureType: "agent_down", agentId: `agent-${s.agent}`, ts: now });
    if (s.tick) {
      emitted.push(...ph.expire(now), ...ph.settleOutcomes(now));
      const created = ph.predict(now, {
        patterns: PATTERNS.map((p) => ({ ...p, lastSeen: p.lastSeen + (now - T0) })),
        bottlenecks: BOTTLENECKS,
      });
      emitted.push(...created);
      const first = created[0];
      if (first && s.decide < 6) {
        ph.decide(first.id, { decision: s.decide < 3 ? "approve" : "reject", by: "prop" }, now);
        ph.recordHealing({ predictionId: first.id, succeeded: s.decide % 2 === 0, ts: now });
      }
    }
    peak = Math.max(peak, ph.footprint());
    if ((i + 1) % 5000 === 0) samples.push(ph.footprint());
  }
  return { emitted, peak, stats: ph.stats(), samples };
}

const STATUSES = new Set(["observed", "open", "approved", "rejected", "expired"]);

describe("properties", () => {
  it("every prediction has confidence ∈ [0, 1], expected_at ≥ predicted_at (D14), a valid status, and open ⇔ confidence ≥ threshold (D12)", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (steps, threshold) => {
        const { emitted, stats } = drive(steps, { confidenceThreshold: threshold });
        for (const p of emitted) {
          expect(p.confidence).toBeGreaterThanOrEqual(0);
          expect(p.confidence).toBeLessThanOrEqual(1);
          expect(p.expectedAt).toBeGreaterThanOrEqual(p.predictedAt);
          expect(STATUSES.has(p.status)).toBe(true);
          if (p.outcome === null && p.decidedAt === null) expect(p.status).toBe(p.confidence >= threshold ? "open" : "observed");
        }
        for (const r of [stats.accuracy, stats.precision, stats.recall, stats.false_positive_rate]) {
          if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("memory stays within the configured bounds under long random streams (D3)", () => {
    const config = { maxSamples: 5, maxAgents: 4, maxIndicatorEvents: 3, maxTracked: 10, maxIndicatorStats: 6, maxLeadTimes: 5 };
    const bound = 4 * 5 + 4 * 5 + 5 * 3 + 2 * 10 + (6 + 5 + 5);
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 500, maxLength: 2000 }), (steps) => {
        expect(drive(steps, config).peak).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 20 },
    );
  });

  it("memory is flat under a constant event rate with default bounds (D3)", () => {
    const steps = (n: number): Step[] =>
      Array.from({ length: n }, (_, i) => ({
        dt: 100,
        type: TYPES[i % TYPES.length] ?? "heartbeat",
        agent: i % 700,
        a: 80 + (i % 30),
        b: 60 + (i % 40),
        result: i % 3 ? "success" : "failure",
        tick: i % 10 === 0,
        decide: i % 10,
      }));
    const [warm = 0, ...later] = drive(steps(30_000)).samples;
    expect(later).toHaveLength(5);
    for (const n of later) expect(Math.abs(n - warm)).toBeLessThanOrEqual(warm * 0.1);
  });

  it("is deterministic: the same input log and clock give identical outputs", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 200 }), (steps) => {
        expect(drive(steps)).toEqual(drive(steps));
      }),
      { numRuns: 50 },
    );
  });
});
