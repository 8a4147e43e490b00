// Correlation family (docs/decisions.md#d9 revised), golden series and properties: a precursor is learned with its episodes, lift over
// independent types (window-aware) and lead time; noise, lifecycle types and self-pairs are not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correlationPatterns } from "./correlation-patterns";
import { learnPatterns } from "./learn-patterns";
import { type TimedType, learnOptions } from "./pattern";
import { countPrecursors } from "./precursors";

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const S = 1000;
const MIN = 60 * S;
const SPAN = 45 * MIN;
const W = 120 * S;

/** Plain heartbeats of 4 agents every 10 s over 45 min, plus unrelated high_latency every 7 min: the background. */
const background: TimedType[] = [
  ...Array.from({ length: SPAN / (10 * S) + 1 }, (_, k) =>
    [1, 2, 3, 4].map((a) => ({ type: "heartbeat", ts: T0 + k * 10 * S, agentId: `agent-${a}` })),
  ).flat(),
  ...Array.from({ length: 7 }, (_, k) => ({ type: "high_latency", ts: T0 + k * 7 * MIN, agentId: `agent-${(k % 4) + 1}` })),
];

/** `episodes` times: `precursor` on agent-k, then `failure` on the same agent `leadMs` later, 10 min apart from 5 min on. */
const episodes = (
  n: number,
  precursor: string,
  failure: string,
  leadMs = 20 * S,
  agentOf = (k: number) => `agent-${(k % 4) + 1}`,
): TimedType[] =>
  Array.from({ length: n }, (_, k) => [
    { type: precursor, ts: T0 + 5 * MIN + k * 10 * MIN, agentId: agentOf(k) },
    { type: failure, ts: T0 + 5 * MIN + k * 10 * MIN + leadMs, agentId: agentOf(k) },
  ]).flat();

/** Failures expected after a precursor seen once per agent, if independent: n × (1 − e^(−w/T)), T the span of the
 * learnable events (high_latency from 0 to 42 min; heartbeats are not learned from). */
const expectedOnce = (n: number) => n * (1 - Math.exp(-W / (42 * MIN)));

describe("correlation family (golden)", () => {
  it("learns memory_pressure 20 s before heartbeat_failed on the same agent, 4 episodes", () => {
    const got = correlationPatterns([...background, ...episodes(4, "memory_pressure", "heartbeat_failed")], learnOptions());
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      id: "corr:memory_pressure+heartbeat_failed",
      type: "correlation",
      events: ["memory_pressure", "heartbeat_failed"],
      failureType: "agent_down",
      support: 4,
      leadMs: 20_000,
      confidence: 1,
      occurrences: 4,
      firstSeen: T0 + 5 * MIN + 20 * S,
      lastSeen: T0 + 35 * MIN + 20 * S,
      description: "Precursor: memory_pressure → heartbeat_failed within 20 s (4 episodes, lift 21.5)",
      metadata: { failures_preceded: 4, failures_judged: 4, precursors_judged: 4, time_window_seconds: 120 },
    });
    expect(got[0]!.lift).toBeCloseTo(4 / expectedOnce(4), 10);
  });

  it("the lead is the median over episodes, from each episode's first precursor event (10 s + a burst 15 s earlier, 20, 40, 90 s)", () => {
    const leads = [10, 20, 40, 90].map((x) => x * S);
    const history = [
      ...background,
      ...leads.flatMap((lead, k) => episodes(4, "token_warning", "task_timeout", lead).slice(2 * k, 2 * k + 2)),
    ];
    const burst = [0, 1, 2].map((k) => ({ type: "token_warning", ts: T0 + 5 * MIN - (k + 1) * 5 * S, agentId: "agent-1" }));
    expect(correlationPatterns([...history, ...burst], learnOptions())[0]).toMatchObject({
      id: "corr:token_warning+task_timeout",
      failureType: "task_failed",
      support: 4,
      leadMs: 32_500,
    });
  });

  it.each<[string, TimedType[]]>([
    ["only 2 episodes (minimum support 3)", episodes(2, "memory_pressure", "heartbeat_failed")],
    [
      "the failure on another agent than the precursor",
      episodes(4, "memory_pressure", "heartbeat_failed", 20 * S).map((e) =>
        e.type === "heartbeat_failed" ? { ...e, agentId: "agent-9" } : e,
      ),
    ],
    ["the precursor after the failure", episodes(4, "memory_pressure", "heartbeat_failed", -20 * S)],
    ["the precursor longer before the failure than the window", episodes(4, "memory_pressure", "heartbeat_failed", W + S)],
    ["a type paired with itself", episodes(4, "heartbeat_failed", "heartbeat_failed")],
    ["a failure of the same kind (heartbeat_failed → agent_down is one fault)", episodes(4, "heartbeat_failed", "agent_down")],
    ["lifecycle types: agent_registered", episodes(4, "agent_registered", "heartbeat_failed")],
    ["lifecycle types: task_start", episodes(4, "task_start", "task_timeout")],
    ["metric samples: resource_metric", episodes(4, "resource_metric", "resource_exhaustion")],
    ["the engine's own output: failure_detected", episodes(4, "failure_detected", "heartbeat_failed")],
    ["no failure in the pair (two warnings)", episodes(4, "memory_pressure", "high_latency")],
  ])("learns nothing from %s", (_label, extra) => {
    expect(correlationPatterns([...background, ...extra], learnOptions({ confidenceThreshold: 0 }))).toEqual([]);
  });

  it("D9: a precursor as frequent as the window is wide has lift ≈ 1 (the old formula without the window gave every such pair ×(events per window))", () => {
    const everyMinute = Array.from({ length: 45 }, (_, k) =>
      [1, 2, 3, 4].map((a) => ({ type: "token_warning", ts: T0 + k * MIN + 1, agentId: `agent-${a}` })),
    ).flat();
    const failures = [7, 13, 22, 31, 38].map((m, k) => ({
      type: "task_timeout",
      ts: T0 + m * MIN + 30 * S,
      agentId: `agent-${(k % 4) + 1}`,
    }));
    expect(
      correlationPatterns([...background, ...everyMinute, ...failures], learnOptions({ confidenceThreshold: 0, minLift: 1.01 })),
    ).toEqual([]);
  });

  it.each<[string, (e: TimedType) => TimedType, number]>([
    [
      "a precursor with no agent pairs with failures on any agent",
      (e) => (e.type === "memory_pressure" ? { type: e.type, ts: e.ts } : e),
      4,
    ],
    [
      "a failure with no agent pairs with precursors on any agent",
      (e) => (e.type === "heartbeat_failed" ? { type: e.type, ts: e.ts } : e),
      4,
    ],
    [
      "a precursor on one agent never pairs with another agent's failure",
      (e) => (e.type === "memory_pressure" ? { ...e, agentId: "agent-8" } : e),
      0,
    ],
  ])("%s", (_label, change, preceded) => {
    const got = countPrecursors([...background, ...episodes(4, "memory_pressure", "heartbeat_failed").map(change)], W, 64);
    expect(got.find((c) => c.precursor === "memory_pressure")?.failuresPreceded).toBe(preceded);
  });

  it("confidence is the share of precursor events a failure followed within the window", () => {
    const misses = [0, 1, 2, 3].map((m) => ({ type: "memory_pressure", ts: T0 + (m * 10 + 1) * MIN, agentId: "agent-3" }));
    const [p] = correlationPatterns(
      [...background, ...episodes(4, "memory_pressure", "heartbeat_failed"), ...misses],
      learnOptions({ confidenceThreshold: 0 }),
    );
    expect(p).toMatchObject({ confidence: 0.5, occurrences: 4, support: 4 });
    expect(
      learnPatterns([...background, ...episodes(4, "memory_pressure", "heartbeat_failed"), ...misses], { confidenceThreshold: 0.51 }),
    ).toEqual([]);
  });
});

describe("correlation family (properties)", () => {
  const LEARNABLE = ["memory_pressure", "high_latency", "token_warning", "heartbeat_failed", "task_timeout", "quorum_loss"];
  const streamArb = fc.array(
    fc.record({
      type: fc.constantFrom(...LEARNABLE),
      ts: fc.integer({ min: T0, max: T0 + 3_600_000 }),
      agent: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: 20, maxLength: 400 },
  );

  it("random independent event streams learn no pattern (no pair reaches lift 2 with 3 episodes beyond chance)", () => {
    fc.assert(
      fc.property(streamArb, (stream) => {
        const history = stream.map((e) => ({ type: e.type, ts: e.ts, agentId: `agent-${e.agent}` }));
        expect(learnPatterns(history, { confidenceThreshold: 0 })).toEqual([]);
      }),
      { numRuns: 200, seed: 20261207 },
    );
  });

  it("a real precursor hidden in a random stream is always learned, with its 20 s lead", () => {
    fc.assert(
      fc.property(
        streamArb.map((s) => s.filter((e) => e.type !== "memory_pressure")),
        fc.integer({ min: 3, max: 6 }),
        (stream, n) => {
          const noise = stream.map((e) => ({ type: e.type, ts: e.ts + 10 * MIN, agentId: `agent-${e.agent}` }));
          const got = learnPatterns(
            [...background, ...noise, ...episodes(n, "memory_pressure", "heartbeat_failed", 20 * S, (k) => `agent-${k + 10}`)],
            { confidenceThreshold: 0 },
          );
          expect(got.find((p) => p.id === "corr:memory_pressure+heartbeat_failed")).toMatchObject({
            support: n,
            leadMs: 20_000,
            failureType: "agent_down",
          });
          for (const p of got) expect(p.lift).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });
});
