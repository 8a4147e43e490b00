// PreemptiveLoadShed (docs/decisions.md#d18 predicted task failure) and Composite fallback chains (docs/engine.md#seed-composite).
import { describe, expect, it } from "vitest";
import { StrategyRegistry } from "./registry";
import { failureFromPrediction } from "./synthetic-failures";
import { agent, complete, failure, harness, play } from "./test-support";
import { compositeStrategy } from "./strategy-composite";
import { gradualDegradationStrategy } from "./strategy-gradual-degradation";
import { resourceRebalanceStrategy } from "./strategy-resource-rebalance";

const predicted = (agentId: string | null) =>
  failureFromPrediction({
    id: "p1",
    failureType: "task_timeout",
    agentId,
    confidence: 0.9,
    predictedAt: 0,
    expectedAt: 180_000,
    reasoning: "slowing",
  });

describe("PreemptiveLoadShedStrategy", () => {
  it("golden (D18): an approved predicted task_timeout on a busy agent lowers its concurrency; no recurrence → succeeded", () => {
    const { healer, view } = harness();
    view.state.agents = [agent("a1", 0.6, "busy", 4), agent("a2")];
    const lines = play(healer, [
      { at: 0, failure: predicted("a1"), trigger: "preventive" },
      { at: 10, approve: "h-1" },
      ...complete("cmd-1", 100),
      { at: 60_100, tick: true },
    ]);
    expect(lines).toEqual([
      "t=0 healing.proposed h-1 PreemptiveLoadShedStrategy pending",
      "t=10 healing.started h-1 PreemptiveLoadShedStrategy running",
      't=10 command cmd-1 set_concurrency pending {"agent_id":"a1","limit":2}',
      "t=100 command cmd-1 set_concurrency dispatched",
      "t=100 command cmd-1 set_concurrency acknowledged",
      "t=100 command cmd-1 set_concurrency succeeded",
      "t=60100 healing.finished h-1 PreemptiveLoadShedStrategy succeeded reason=null heal=90 mttr=60100",
    ]);
  });

  it("drains an agent whose health is poor; a prediction without an agent is not handled", () => {
    const { healer, view } = harness();
    view.state.agents = [agent("a1", 0.2, "busy", 2)];
    expect(healer.onFailure(predicted("a1"), "preventive", 0, { approved: true }).changes[1]).toMatchObject({
      command: { kind: "drain_agent", params: { agent_id: "a1" } },
    });
    expect(healer.onFailure(predicted(null), "preventive", 0).decision).toBe("unhandled");
  });

  it("preventive healings link the prediction, not a failure row", () => {
    const { healer } = harness();
    expect(healer.onFailure(predicted("a1"), "preventive", 0).healing).toMatchObject({
      failureId: null,
      predictionId: "p1",
      trigger: "preventive",
      status: "pending",
    });
  });
});

describe("Composite chains (per swarm, per failure type)", () => {
  const composite = () => {
    const registry = new StrategyRegistry();
    registry.registerStrategy(
      compositeStrategy(
        [
          { priority: 2, strategy: gradualDegradationStrategy() },
          { priority: 1, strategy: resourceRebalanceStrategy() },
        ],
        ["resource_exhaustion"],
      ),
    );
    return harness({ registry });
  };
  const tokens = failure("resource_exhaustion", { id: "f-1", context: { resource_type: "tokens", current_usage: 92, limit: 100 } });

  it("golden: runs children by priority and falls back when a child's command fails", () => {
    const { healer } = composite();
    const lines = play(healer, [
      { at: 0, failure: tokens },
      ...complete("cmd-1", 100, "failed", "queue locked"),
      ...complete("cmd-2", 200),
      ...complete("cmd-3", 300),
      { at: 30_300, tick: true },
    ]);
    expect(lines.filter((l) => !/dispatched|acknowledged/.test(l))).toEqual([
      "t=0 healing.started h-1 CompositeHealingStrategy running",
      't=0 command cmd-1 pause_tasks pending {"max_priority":"LOW","resource_type":"tokens"}',
      "t=100 command cmd-1 pause_tasks failed",
      't=100 command cmd-2 set_degradation pending {"level":1,"level_name":"REDUCED_1","resource_type":"tokens","capacity_percent":75,"timeout_multiplier":0.8,"quality_threshold":0.85,"disabled_features":["detailed_metrics","verbose_logging"]}',
      "t=200 command cmd-2 set_degradation succeeded",
      't=200 command cmd-3 set_concurrency pending {"limit":10}',
      "t=300 command cmd-3 set_concurrency succeeded",
      "t=30300 failure.resolved f-1 @30300",
      "t=30300 healing.finished h-1 Composite[GradualDegradationStrategy] succeeded reason=null heal=300 mttr=30300",
    ]);
  });

  it("fails with 'all strategies failed' when every child fails or declines, keeping each child's reason", () => {
    const { healer } = composite();
    healer.onFailure({ ...tokens, context: { resource_type: "tokens", current_usage: 50, limit: 100 } }, "detected", 0);
    const [, finished] = healer.commandResult("cmd-1", { status: "failed", detail: "queue locked" }, 100);
    expect(finished).toEqual({
      type: "healing.finished",
      healing: expect.objectContaining({
        strategy: "CompositeHealingStrategy",
        status: "failed",
        reason: "all strategies failed",
        healMs: 100,
        actions: [
          "identified tokens exhaustion",
          "reallocate tokens to critical tasks",
          { kind: "pause_tasks", params: { max_priority: "LOW", resource_type: "tokens" }, commandId: "cmd-1", status: "failed" },
          "ResourceRebalanceStrategy: command pause_tasks failed: queue locked",
          "GradualDegradationStrategy: already at FULL for tokens (usage 50.0%)",
        ],
      }),
    });
    expect(healer.active()).toEqual([]);
  });

  it("configureComposite builds a chain from registered names and rejects unknown names", () => {
    const { healer, port } = harness();
    const registry = new StrategyRegistry();
    registry.registerStrategy(resourceRebalanceStrategy());
    registry.registerStrategy(gradualDegradationStrategy());
    registry.configureComposite("memory_exhaustion", [
      { priority: 1, strategy: "GradualDegradationStrategy" },
      { priority: 2, strategy: "ResourceRebalanceStrategy" },
    ]);
    const route = registry.resolve(failure("memory_exhaustion"));
    expect(route.kind === "route" && "children" in route.strategy && route.strategy.children.map((c) => c.name)).toEqual([
      "GradualDegradationStrategy",
      "ResourceRebalanceStrategy",
    ]);
    expect(() => registry.configureComposite("x", [{ priority: 1, strategy: "Nope" }])).toThrow("unknown strategy Nope");
    expect(healer && port.issued).toEqual([]);
  });
});
