// fast-check invariants over long random streams: valid severities, impact ∈ [0, 1] in its band, serialisable
// records, a coherent lifecycle, bounded memory (docs/decisions.md#d3) and deterministic replay (docs/decisions.md#d1).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../model/types";
import { BottleneckDetector } from "./bottleneck-detector";
import { sequentialIds } from "./load-fixture";
import { RECOMMENDATIONS } from "./recommendations";
import { severityOfImpact } from "./severity";
import { BOTTLENECK_TYPES, SEVERITIES, type Bottleneck, type BottleneckChanges, type DetectorConfig } from "./types";

const T = 1_700_000_000_000;
const SMALL: Partial<DetectorConfig> = { windowMs: 10_000, bucketMs: 1000, holdDownMs: 3000, maxAgents: 20, maxRows: 50, maxSkewMs: 2000 };

const anyNumber = fc.oneof(
  fc.integer({ min: 0, max: 300 }),
  fc.double(),
  fc.constantFrom(0, 1e-300, 1e308, Number.MAX_SAFE_INTEGER, -1),
  fc.constant(undefined),
);
const result = fc.constantFrom("success", "failure", "timeout", "cancelled", "weird", undefined);

/** One step of a random stream: a clock advance (up to `maxAdvanceMs`), an event lag, and the event. */
const stepWith = (maxAdvanceMs: number) =>
  fc.record({
    advanceMs: fc.integer({ min: 0, max: maxAdvanceMs }),
    lagMs: fc.integer({ min: -3000, max: 15_000 }),
    agent: fc.integer({ min: 0, max: 200 }),
    type: fc.constantFrom(
      "task_complete",
      "task_failed",
      "task_success",
      "task_error",
      "consensus_round",
      "resource_snapshot",
      "resource_metric",
      "queue_metric",
      "quota_exceeded",
      "resource_exhaustion",
      "heartbeat",
    ),
    a: anyNumber,
    b: anyNumber,
    c: anyNumber,
    result,
    detect: fc.boolean(),
  });
const step = stepWith(4000);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function eventOf(s: Step, ts: number, i: number): EngineEvent {
  const data: Record<string, unknown> = {
    type: s.type,
    agent_id: `agent-${s.agent}`,
    duration_ms: s.a,
    result: s.result,
    tokens_used: s.b,
    current_usage: s.a,
    limit: s.b,
  };
  data.resource_type = s.agent % 2 === 0 ? "tokens" : "agents";
  data.metadata = {
    tokens: { total_budget: s.b, consumed: s.a },
    agents: { total_quotas: s.b, active_agents: s.a },
    queue: { pending_tasks: s.c, by_priority: { CRITICAL: s.a, HIGH: s.b } },
    token_usage_percent: s.c,
    queue_depth: s.c,
    high_priority_count: s.a,
  };
  return { id: `e${i}`, type: s.type, ts, agentId: `agent-${s.agent}`, data };
}

/** Replays a stream against a fresh detector; returns every pass's changes and a final report. */
function replay(steps: Step[], onPass?: (d: BottleneckDetector, changes: BottleneckChanges) => void) {
  const d = new BottleneckDetector(sequentialIds("b"), SMALL);
  const passes: BottleneckChanges[] = [];
  let now = T;
  steps.forEach((s, i) => {
    now += s.advanceMs;
    d.observe([eventOf(s, now - s.lagMs, i)], now);
    if (!s.detect) return;
    const changes = d.detect(now);
    passes.push(changes);
    onPass?.(d, changes);
  });
  return { passes, report: d.analyzePerformance(now), memory: d.memory() };
}

const streams = fc.array(step, { minLength: 1, maxLength: 400 });

function checkRecord(b: Bottleneck): void {
  expect(BOTTLENECK_TYPES).toContain(b.type);
  expect(SEVERITIES).toContain(b.severity);
  expect(b.impactScore).toBeGreaterThanOrEqual(0);
  expect(b.impactScore).toBeLessThanOrEqual(1);
  expect(severityOfImpact(b.impactScore)).toBe(b.severity);
  expect(b.recommendations).toEqual(RECOMMENDATIONS[b.type]);
  expect(JSON.parse(JSON.stringify(b))).toEqual(b);
}

describe("properties", () => {
  it("every emitted record has a valid type and severity, an in-band impact in [0, 1], and survives JSON", () => {
    fc.assert(
      fc.property(streams, (steps) => {
        replay(steps, (_d, changes) => [...changes.detected, ...changes.updated, ...changes.resolved].forEach(checkRecord));
      }),
      { numRuns: 60 },
    );
  });

  it("lifecycle is coherent: detect once, update/resolve only what is active, resolvedAt within [detectedAt, updatedAt]", () => {
    fc.assert(
      fc.property(streams, (steps) => {
        const active = new Set<string>();
        replay(steps, (_d, { detected, updated, resolved }) => {
          for (const b of detected) {
            expect(active.has(b.id)).toBe(false);
            active.add(b.id);
          }
          for (const b of updated) expect(active.has(b.id)).toBe(true);
          for (const b of resolved) {
            expect(active.delete(b.id)).toBe(true);
            expect(b.status).toBe("resolved");
            expect(b.resolvedAt).not.toBeNull();
            expect(b.resolvedAt ?? -1).toBeGreaterThanOrEqual(b.detectedAt);
            expect(b.resolvedAt ?? Infinity).toBeLessThanOrEqual(b.updatedAt);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it("D3: memory stays bounded under long random streams (agents, buckets, rows, tracked bottlenecks)", () => {
    const perWindow = ((SMALL.windowMs ?? 0) + (SMALL.maxSkewMs ?? 0)) / (SMALL.bucketMs ?? 1) + 2;
    const maxAgents = SMALL.maxAgents ?? 0;
    fc.assert(
      fc.property(fc.array(stepWith(60), { minLength: 500, maxLength: 1500 }), (steps) => {
        replay(steps, (d) => {
          const m = d.memory();
          expect(m.agents).toBeLessThanOrEqual(maxAgents);
          expect(m.agentBuckets).toBeLessThanOrEqual(maxAgents * perWindow);
          for (const n of [m.fleetBuckets, m.consensusBuckets, m.signalBuckets, m.tokenTrail]) expect(n).toBeLessThanOrEqual(perWindow);
          expect(m.rows).toBeLessThanOrEqual(SMALL.maxRows ?? 0);
          expect(m.tracked).toBeLessThanOrEqual(maxAgents + 4);
        });
      }),
      { numRuns: 15 },
    );
  });

  it("D1 determinism: the same stream and clock give identical outputs", () => {
    fc.assert(
      fc.property(streams, (steps) => {
        expect(replay(steps)).toEqual(replay(steps));
      }),
      { numRuns: 40 },
    );
  });
});
