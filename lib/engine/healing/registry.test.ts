// Strategy registry: default routing (docs/engine.md#s-8-1 + docs/decisions.md#d18), the registerStrategy extension point, docs/engine.md#s-14 vector 5 series.
import { describe, expect, it } from "vitest";
import { detectFailure } from "./detect-failure";
import { createDefaultRegistry } from "./registry";
import { act, decline, type HealingStrategy } from "./strategy";
import { complete, counterIds, ev, failure, harness, play } from "./test-support";
import type { HealingRecord } from "./types";

const routeName = (type: string, extra = {}) => {
  const r = createDefaultRegistry().resolve(failure(type, extra));
  return r.kind === "route" ? r.strategy.name : r.reason;
};

describe("default registry", () => {
  it.each([
    ["agent_down", {}, "AgentRestartStrategy"],
    ["heartbeat_failed", {}, "AgentRestartStrategy"],
    ["task_timeout", { taskId: "t" }, "TaskRetryStrategy"],
    ["execution_error", { context: { task_id: "t" } }, "TaskRetryStrategy"],
    ["task_timeout", { agentId: "a", context: { predicted: true } }, "PreemptiveLoadShedStrategy"],
    ["slow_agent", { agentId: "a" }, "PreemptiveLoadShedStrategy"],
    ["token_exhaustion", {}, "ResourceRebalanceStrategy"],
    ["quota_exceeded", {}, "ResourceRebalanceStrategy"],
    ["insufficient_agents", {}, "QuorumRecoveryStrategy"],
    ["task_queue_backlog", {}, "DynamicScalingStrategy"],
    ["consensus_timeout", {}, "no strategy for consensus_timeout"],
  ])("%s %j → %s", (type, extra, expected) => expect(routeName(type, extra)).toBe(expected));
});

/** The documented example: a custom strategy for a custom failure type, planning a single command. */
const customStrategy: HealingStrategy = {
  name: "FlushCacheStrategy",
  failureTypes: ["cache_poisoned"],
  canHeal: (f) => f.failureType === "cache_poisoned",
  plan: (f) =>
    f.agentId
      ? act([{ kind: "restart_agent", params: { agent_id: f.agentId, flush_cache: true } }], { kind: "none" }, ["flush cache"])
      : decline("no agent"),
};

describe("registerStrategy (extension point)", () => {
  it("a custom strategy heals its own failure type through the same loop", () => {
    const registry = createDefaultRegistry();
    registry.registerStrategy(customStrategy);
    const { healer } = harness({ registry });
    const lines = play(healer, [{ at: 0, failure: failure("cache_poisoned", { id: "f-1", agentId: "a1" }) }, ...complete("cmd-1", 40)]);
    expect(lines.filter((l) => !/dispatched|acknowledged/.test(l))).toEqual([
      "t=0 healing.started h-1 FlushCacheStrategy running",
      't=0 command cmd-1 restart_agent pending {"agent_id":"a1","flush_cache":true}',
      "t=40 command cmd-1 restart_agent succeeded",
      "t=40 failure.resolved f-1 @40",
      "t=40 healing.finished h-1 FlushCacheStrategy succeeded reason=null heal=40 mttr=40",
    ]);
  });

  it("registered for a built-in type, the newest strategy wins when it can heal; otherwise the built-in still runs", () => {
    const registry = createDefaultRegistry();
    registry.registerStrategy({ ...customStrategy, canHeal: (f) => f.agentId === "special" }, ["agent_down"]);
    expect(registry.resolve(failure("agent_down", { agentId: "special" }))).toMatchObject({
      kind: "route",
      strategy: { name: "FlushCacheStrategy" },
    });
    expect(registry.resolve(failure("agent_down", { agentId: "a1" }))).toMatchObject({
      kind: "route",
      strategy: { name: "AgentRestartStrategy" },
    });
  });
});

describe("§14 vector 5 as a series (adjusted per D16, D17, D18)", () => {
  it("ten healings carry their real failure types (D17: not {unknown}, not id prefixes)", () => {
    const { healer, view } = harness({ guardrails: { cooldownMs: 0 } });
    view.state.agentCount = 2;
    const ids = counterIds("f");
    const finished: HealingRecord[] = [];
    let cmd = 0;
    const heal = (type: string, extra: Parameters<typeof ev>[1], data: Record<string, unknown>, at: number) => {
      const f = detectFailure(ev(type, extra, data), at, ids);
      const r = healer.onFailure(f!, "detected", at);
      if (r.healing?.status === "running") {
        cmd += 1;
        healer.tick(at + 5000);
        healer.commandResult(`cmd-${cmd}`, { status: "succeeded" }, at + 5000);
      }
      const after = healer.tick(at + 200_000);
      for (const c of [...r.changes, ...after]) if (c.type === "healing.finished") finished.push(c.healing);
    };
    let t = 0;
    for (const a of ["a1", "a2"]) heal("heartbeat_failed", { agentId: a }, {}, (t += 300_000));
    for (let i = 0; i < 4; i++) heal("task_timeout", { taskId: "t1" }, {}, (t += 300_000));
    for (let i = 0; i < 2; i++) heal("consensus_failed", {}, { current_agents: 2 }, (t += 300_000));
    for (let i = 0; i < 2; i++) heal("quota_exceeded", {}, {}, (t += 300_000));
    const byType: Record<string, number> = {};
    for (const h of finished) byType[h.failureType] = (byType[h.failureType] ?? 0) + 1;
    expect(byType).toEqual({ agent_down: 2, task_timeout: 4, quorum_loss: 2, resource_exhaustion: 2 });
    expect(finished.filter((h) => h.failureType === "task_timeout").map((h) => h.reason)).toEqual([
      "verification timed out (task_completed)",
      "verification timed out (task_completed)",
      "verification timed out (task_completed)",
      "max retries exceeded (3/3)",
    ]);
  });
});
