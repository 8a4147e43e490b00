// GradualDegradation (docs/decisions.md#d20 golden + level table) and DynamicScaling (Balanced policy golden + docs/engine.md#s-11-1 table).
import { describe, expect, it } from "vitest";
import { StrategyRegistry } from "./registry";
import { complete, failure, harness, play, queue } from "./test-support";
import { levelForUsage, usagePercentOf } from "./strategy-degradation-levels";
import { SCALING_POLICIES, scaleUpDelta } from "./strategy-dynamic-scaling";
import { gradualDegradationStrategy } from "./strategy-gradual-degradation";

const tokens = (id: string, usage: number, extra = {}) =>
  failure("resource_exhaustion", { id, context: { resource_type: "tokens", current_usage: usage, limit: 100, ...extra } });

describe("GradualDegradationStrategy", () => {
  it.each([
    [0, "FULL"],
    [89.9, "FULL"],
    [90, "REDUCED_1"],
    [95, "REDUCED_2"],
    [98, "REDUCED_3"],
    [99, "MINIMAL"],
    [120, "MINIMAL"],
  ])("usage %d%% → %s", (usage, name) => expect(levelForUsage(usage).name).toBe(name));

  it.each([
    [{ usage_percent: 42 }, 42],
    [{ current_usage: 960, limit: 1000 }, 96],
    [{ current_usage: 5, limit: 0 }, null],
    [{}, null],
  ])("D20: usage_percent of %j is %s (derived from current_usage / limit when absent)", (context, expected) => {
    expect(usagePercentOf(failure("resource_exhaustion", { context }))).toBe(expected);
  });

  it("golden (D20): 96 of 100 tokens → REDUCED_2 (set_degradation, then concurrency 5); same level again declines", () => {
    const gd = gradualDegradationStrategy();
    const registry = new StrategyRegistry();
    registry.registerStrategy(gd);
    const { healer } = harness({ registry, guardrails: { cooldownMs: 0 } });
    const lines = play(healer, [
      { at: 0, failure: tokens("f-1", 96) },
      ...complete("cmd-1", 100),
      ...complete("cmd-2", 200),
      { at: 30_200, tick: true },
    ]);
    expect(lines).toEqual([
      "t=0 healing.started h-1 GradualDegradationStrategy running",
      't=0 command cmd-1 set_degradation pending {"level":2,"level_name":"REDUCED_2","resource_type":"tokens","capacity_percent":50,"timeout_multiplier":0.6,"quality_threshold":0.75,"disabled_features":["detailed_metrics","verbose_logging","pattern_learning"]}',
      "t=100 command cmd-1 set_degradation dispatched",
      "t=100 command cmd-1 set_degradation acknowledged",
      "t=100 command cmd-1 set_degradation succeeded",
      't=100 command cmd-2 set_concurrency pending {"limit":5}',
      "t=200 command cmd-2 set_concurrency dispatched",
      "t=200 command cmd-2 set_concurrency acknowledged",
      "t=200 command cmd-2 set_concurrency succeeded",
      "t=30200 failure.resolved f-1 @30200",
      "t=30200 healing.finished h-1 GradualDegradationStrategy succeeded reason=null heal=200 mttr=30200",
    ]);
    expect(gd.levelOf("tokens").name).toBe("REDUCED_2");
    expect(healer.onFailure(tokens("f-2", 95.5), "detected", 40_000).healing).toMatchObject({
      status: "failed",
      reason: "already at REDUCED_2 for tokens (usage 95.5%)",
    });
    expect(play(healer, [{ at: 50_000, failure: tokens("f-3", 60) }])[1]).toContain('"level":0,"level_name":"FULL"');
  });
});

describe("DynamicScalingStrategy (Balanced by default)", () => {
  it.each([
    ["balanced", 30, 2, 0],
    ["balanced", 31, 2, 1],
    ["balanced", 100, 2, 3],
    ["balanced", 100, 48, 2],
    ["balanced", 100, 50, 0],
    ["balanced", 1156, 16, 34],
    ["aggressive", 100, 2, 5],
    ["conservative", 100, 2, 2],
  ] as const)("%s: queue %i with %i agents → add %i", (policy, q, active, delta) => {
    expect(scaleUpDelta(SCALING_POLICIES[policy], q, active, 50)).toBe(delta);
  });

  it("golden: backlog of 100 with 2 agents → scale_agents{delta:3}; queue drains below 30 → succeeded; cooldown 20 s", () => {
    const { healer, view } = harness();
    view.state.pending = queue(100);
    const backlog = (id: string) =>
      failure("task_queue_backlog", { id, severity: "medium", context: { bottleneck_id: "b1", pending_tasks: 100 } });
    const lines = play(healer, [{ at: 0, failure: backlog("f-1") }, ...complete("cmd-1", 500), { at: 1000, tick: true }]);
    view.state.pending = queue(20);
    lines.push(...play(healer, [{ at: 2000, tick: true }]));
    expect(lines).toEqual([
      "t=0 healing.started h-1 DynamicScalingStrategy running",
      't=0 command cmd-1 scale_agents pending {"delta":3,"reason":"task_queue_backlog","queue_depth":100,"policy":"balanced"}',
      "t=500 command cmd-1 scale_agents dispatched",
      "t=500 command cmd-1 scale_agents acknowledged",
      "t=500 command cmd-1 scale_agents succeeded",
      "t=2000 failure.resolved f-1 @2000",
      "t=2000 healing.finished h-1 DynamicScalingStrategy succeeded reason=null heal=500 mttr=2000",
    ]);
    view.state.pending = queue(100);
    expect(healer.onFailure(backlog("f-2"), "detected", 19_999)).toMatchObject({ decision: "skipped", reason: "cooldown (1 ms left)" });
    expect(healer.onFailure(backlog("f-3"), "detected", 20_000).decision).toBe("started");
  });

  it.each([
    ["room under the quota's 90 % line: only what fits (14 of 16 stays below it)", 16, 12, 500, [2], /succeeded/],
    [
      "at the line: no command, and the healing says why",
      16,
      14,
      500,
      [],
      /failed reason=queue 500, at the agent quota's headroom line \(14 of 16 agents\): raise the quota or shed load/,
    ],
    ["no quota reported: the 50-agent ceiling", null, 16, 1156, [34], /succeeded/],
  ] as const)("%s (quota %s, %i agents, queue %i)", (_name, quota, agents, pending, deltas, finished) => {
    const { healer, view, port } = harness();
    Object.assign(view.state, { quota, agentCount: agents, pending: queue(pending) });
    const lines = play(healer, [
      { at: 0, failure: failure("task_queue_backlog", { context: { pending_tasks: pending } }) },
      ...complete("cmd-1", 500),
    ]);
    view.state.pending = queue(0);
    lines.push(...play(healer, [{ at: 1_000, tick: true }]));
    expect(port.issued.map((c) => c.params.delta)).toEqual(deltas);
    expect(lines.find((l) => l.includes("healing.finished"))).toMatch(finished);
  });

  it("gives the agents it added back once the queue has stayed below 10 for the stability window, in one scale-down", () => {
    const { healer, view, port } = harness();
    Object.assign(view.state, { quota: 16, agentCount: 8, pending: queue(100) });
    const backlog = (id: string, at: number) => ({
      at,
      failure: failure("task_queue_backlog", { id, detectedAt: at, context: { pending_tasks: 100 } }),
    });
    play(healer, [backlog("f-1", 0), ...complete("cmd-1", 500)]);
    view.state.pending = queue(20); // below the policy's line: healed, but not low enough to give the agents back
    play(healer, [{ at: 1_000, tick: true }]);
    Object.assign(view.state, { agentCount: 11, pending: queue(100) });
    play(healer, [backlog("f-2", 25_000), ...complete("cmd-2", 25_500)]);
    view.state.pending = queue(20);
    play(healer, [
      { at: 26_000, tick: true },
      { at: 100_000, tick: true },
    ]);
    expect(port.issued.map((c) => c.params.delta)).toEqual([3, 3]);
    view.state.pending = queue(5);
    play(healer, [
      { at: 101_000, tick: true },
      { at: 150_000, tick: true },
    ]);
    expect(port.issued.map((c) => c.params.delta)).toEqual([3, 3]);
    play(healer, [{ at: 161_000, tick: true }]);
    expect(port.issued.map((c) => c.params.delta)).toEqual([3, 3, -6]);
  });

  it("a backlog that outlasts the restore's usual 5-minute limit keeps its agents until it is gone", () => {
    const { healer, view, port } = harness();
    Object.assign(view.state, { quota: 16, agentCount: 8, pending: queue(100) });
    play(healer, [{ at: 0, failure: failure("task_queue_backlog", { context: { pending_tasks: 100 } }) }, ...complete("cmd-1", 500)]);
    view.state.pending = queue(600);
    play(healer, [
      { at: 61_000, tick: true },
      { at: 400_000, tick: true },
      { at: 900_000, tick: true },
    ]);
    expect(port.issued.map((c) => c.params.delta)).toEqual([3]);
    view.state.pending = queue(0);
    play(healer, [
      { at: 901_000, tick: true },
      { at: 962_000, tick: true },
    ]);
    expect(port.issued.map((c) => c.params.delta)).toEqual([3, -3]);
  });

  it("a failed scale-up keeps what was added until the backlog is gone", () => {
    const { healer, view, port } = harness();
    Object.assign(view.state, { quota: 16, agentCount: 8, pending: queue(100) });
    play(healer, [
      { at: 0, failure: failure("task_queue_backlog", { context: { pending_tasks: 100 } }) },
      ...complete("cmd-1", 500, "failed", "coordinator error"),
    ]);
    play(healer, [
      { at: 1_000, tick: true },
      { at: 30_000, tick: true },
    ]);
    expect(port.issued.map((c) => c.params.delta)).toEqual([3]);
    view.state.pending = queue(0);
    play(healer, [
      { at: 31_000, tick: true },
      { at: 92_000, tick: true },
    ]);
    expect(port.issued.map((c) => c.params.delta)).toEqual([3, -3]);
  });
});
