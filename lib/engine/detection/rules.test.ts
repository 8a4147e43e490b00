// The five rules through the detector: docs/engine.md#s-14 vector 1 (adjusted per docs/decisions.md#d5), gauge sources, signals, metrics shapes.
import { describe, expect, it } from "vitest";
import { BottleneckDetector } from "./bottleneck-detector";
import { sequentialIds } from "./load-fixture";
import { consensusRoundEvent, ev, snapshot, taskDone } from "./test-events";

const T = 1_700_000_000_000;
const detector = () => new BottleneckDetector(sequentialIds("b"), { windowMs: 60_000, bucketMs: 1000 });
const vector1 = snapshot(T, {
  tokens: { total_budget: 100_000, consumed: 85_000, remaining: 15_000 },
  agents: { total_quotas: 10, active_agents: 9, available_slots: 1 },
  queue: { pending_tasks: 60, by_priority: { CRITICAL: 5, HIGH: 10, MEDIUM: 45 } },
});

describe("§14 vector 1", () => {
  it("adjusted per D5: token high (original: critical 0.85), quota high (original: critical 1.0), queue high (as original)", () => {
    const d = detector();
    d.observe([vector1], T);
    expect(d.evaluate(T).map((f) => [f.type, f.severity, f.impactScore])).toEqual([
      ["token_exhaustion", "high", 0.6],
      ["quota_exceeded", "high", 0.6],
      ["task_queue_backlog", "high", 0.64],
    ]);
  });

  it("carries the per-type metrics and affected resources", () => {
    const d = detector();
    d.observe([vector1, taskDone("a", T, 1000), ev("task_complete", T, { agent_id: "a", tokens_used: 300 })], T);
    const [token, quota, queue] = d.evaluate(T);
    expect(token).toMatchObject({
      affectedResources: ["global"],
      metrics: {
        total_budget: 100_000,
        consumed: 85_000,
        remaining: 15_000,
        usage_ratio: 0.85,
        avg_tokens_per_task: 300,
        increasing: false,
        resource_exhaustion_events: 0,
        threshold: 0.8,
      },
    });
    expect(quota).toMatchObject({
      affectedResources: ["agents"],
      metrics: {
        total_quotas: 10,
        active_agents: 9,
        available_slots: 1,
        pending_tasks: 60,
        quota_usage_ratio: 0.9,
        quota_exceeded_events: 0,
        threshold: 0.9,
      },
    });
    expect(queue).toMatchObject({
      affectedResources: ["task_queue"],
      metrics: { pending_tasks: 60, by_priority: { CRITICAL: 5, HIGH: 10, MEDIUM: 45 }, high_priority_count: 15, threshold: 50 },
    });
  });
});

describe("gauge sources", () => {
  it("takes token usage from resource_metric and queue figures from queue_metric", () => {
    const d = detector();
    d.observe(
      [
        ev("resource_metric", T, { metadata: { token_usage_percent: 95 } }),
        ev("queue_metric", T, { metadata: { queue_depth: 120, high_priority_count: 3 } }),
      ],
      T,
    );
    expect(d.evaluate(T).map((f) => [f.type, f.severity, "total_budget" in f.metrics ? f.metrics.total_budget : "n/a"])).toEqual([
      ["token_exhaustion", "critical", null],
      ["task_queue_backlog", "high", "n/a"],
    ]);
  });

  it("the newest sample by event time wins, whatever the arrival order", () => {
    const d = detector();
    d.observe(
      [
        ev("queue_metric", T + 2000, { metadata: { queue_depth: 10, high_priority_count: 0 } }),
        ev("queue_metric", T + 1000, { metadata: { queue_depth: 500, high_priority_count: 0 } }),
      ],
      T + 2000,
    );
    expect(d.evaluate(T + 2000)).toEqual([]);
  });

  it("forgets gauges older than the window", () => {
    const d = detector();
    d.observe([vector1], T);
    expect(d.evaluate(T + 59_000)).toHaveLength(3);
    expect(d.evaluate(T + 61_000)).toEqual([]);
  });

  it("D5 metrics.increasing: true when the token ratio rose over the window", () => {
    const d = detector();
    const tokens = (ts: number, consumed: number) => snapshot(ts, { tokens: { total_budget: 100, consumed } });
    d.observe([tokens(T, 70), tokens(T + 10_000, 85)], T + 10_000);
    expect(d.evaluate(T + 10_000)[0]?.metrics.increasing).toBe(true);
    d.observe([tokens(T + 20_000, 83)], T + 20_000);
    expect(d.evaluate(T + 20_000)[0]?.metrics.increasing).toBe(true);
    expect(d.evaluate(T + 61_000)[0]?.metrics.increasing).toBe(false);
  });

  it("uses quota_exceeded / resource_exhaustion with usage and limit as samples, and counts them as signals", () => {
    const d = detector();
    d.observe(
      [
        ev("quota_exceeded", T, { resource_type: "agents", current_usage: 12, limit: 10 }),
        ev("resource_exhaustion", T, { resource_type: "Tokens", current_usage: 9_500, limit: 10_000 }),
        ev("quota_exceeded", T, { resource_type: "memory", current_usage: 1, limit: 1 }),
      ],
      T,
    );
    const [token, quota] = d.evaluate(T);
    expect(token).toMatchObject({
      type: "token_exhaustion",
      severity: "critical",
      metrics: { total_budget: 10_000, consumed: 9_500, resource_exhaustion_events: 1 },
    });
    expect(quota).toMatchObject({
      type: "quota_exceeded",
      severity: "critical",
      metrics: { active_agents: 12, available_slots: 0, quota_exceeded_events: 2 },
    });
  });
});

describe("slow_agent and consensus_timeout rules", () => {
  it("D5: flags an agent over 3× the task-weighted fleet mean as high, one bottleneck per agent, sorted by id", () => {
    const d = detector();
    d.observe(
      [
        taskDone("z", T, 1000),
        taskDone("y", T, 1000),
        taskDone("x", T, 1000),
        taskDone("w", T, 1000),
        taskDone("b", T, 10_000),
        taskDone("a", T, 1000, "failure"),
      ],
      T,
    );
    const findings = d.evaluate(T);
    expect(findings.map((f) => [f.resource, f.severity])).toEqual([
      ["a", "high"],
      ["b", "high"],
    ]);
    expect(findings[1]?.metrics).toEqual({
      agent_id: "b",
      avg_duration_ms: 10_000,
      fleet_avg_duration_ms: 2500,
      duration_ratio: 4,
      success_rate: 1,
      task_count: 1,
      threshold_multiplier: 2,
    });
  });

  it("D13: coordinator-style task_complete (duration and result inside metadata) counts failures and durations", () => {
    const d = detector();
    const coordinator = (agent: string, ms: number, result: string) =>
      ev("task_complete", T, { agent_id: agent, metadata: { duration_ms: ms, result } });
    d.observe(
      [
        coordinator("a", 1000, "failure"),
        coordinator("a", 1000, "success"),
        coordinator("b", 1000, "success"),
        coordinator("c", 7000, "success"),
      ],
      T,
    );
    expect(d.evaluate(T).map((f) => [f.resource, f.severity, f.metrics.success_rate, f.metrics.duration_ratio])).toEqual([
      ["a", "medium", 0.5, 0.4],
      ["c", "medium", 1, 2.8],
    ]);
  });

  it("minSamples holds off judging agents and consensus with too few samples", () => {
    const d = new BottleneckDetector(sequentialIds(), { minSamples: 3 });
    d.observe([taskDone("a", T, 1000, "failure"), consensusRoundEvent(T, 100, "timeout")], T);
    expect(d.evaluate(T)).toEqual([]);
  });

  it("D6: consensus_timeout fires on mean round time > 10 s as medium, with its metrics", () => {
    const d = detector();
    d.observe([consensusRoundEvent(T, 12_000, "success"), consensusRoundEvent(T, 14_000, "success")], T);
    expect(d.evaluate(T)).toEqual([
      {
        type: "consensus_timeout",
        resource: "consensus",
        severity: "medium",
        impactScore: 0.46,
        affectedResources: ["consensus"],
        metrics: {
          rounds: 2,
          timeouts: 0,
          failures: 0,
          timeout_rate: 0,
          avg_round_ms: 13_000,
          timeout_rate_threshold: 0.1,
          round_time_threshold_ms: 10_000,
        },
      },
    ]);
  });
});

describe("event admission", () => {
  it("ignores events older than the window or further ahead than the allowed skew", () => {
    const d = new BottleneckDetector(sequentialIds(), { windowMs: 60_000, bucketMs: 1000, maxSkewMs: 5000 });
    d.observe(
      [
        taskDone("late", T - 61_000, 1000, "failure"),
        taskDone("ahead", T + 6000, 1000, "failure"),
        taskDone("ok", T + 5000, 1000, "failure"),
      ],
      T,
    );
    expect(d.evaluate(T).map((f) => f.resource)).toEqual(["ok"]);
  });

  it("D4: detectors are independent per swarm", () => {
    const a = detector();
    const b = detector();
    a.observe([vector1], T);
    expect(b.evaluate(T)).toEqual([]);
    expect(a.evaluate(T)).toHaveLength(3);
  });
});
