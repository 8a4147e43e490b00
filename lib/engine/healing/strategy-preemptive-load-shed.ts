// PreemptiveLoadShedStrategy (docs/decisions.md#d18, docs/engine.md#s-13, row 17): heals a predicted task failure on an agent (or a slow agent) by lowering
// that agent's concurrency (restored to the default once the agent stays clear), or draining it when its health is poor.
import { undoCommands } from "./restore-rules";
import type { CommandSpec } from "./types";
import { act, isPredicted, type HealingStrategy } from "./strategy";

/** Options: drain below this health score; how long the agent must stay clear of the failure. */
export type PreemptiveLoadShedOptions = { drainBelowScore: number; stableWindowMs: number };

/** Creates a PreemptiveLoadShedStrategy for predicted task failures with an agent, and slow_agent bottlenecks. */
export function preemptiveLoadShedStrategy(
  opts: PreemptiveLoadShedOptions = { drainBelowScore: 0.3, stableWindowMs: 60_000 },
): HealingStrategy {
  const failureTypes = ["task_timeout", "task_failed", "slow_agent"];
  return {
    name: "PreemptiveLoadShedStrategy",
    failureTypes,
    canHeal: (f) => f.agentId !== null && failureTypes.includes(f.failureType) && (isPredicted(f) || f.failureType === "slow_agent"),
    plan(f, { view }) {
      const agentId = f.agentId ?? "";
      const agent = view.agents().find((a) => a.id === agentId);
      const score = agent?.healthScore ?? 0.5;
      const verify = { kind: "stable", windowMs: opts.stableWindowMs } as const;
      if (agent?.state === "failed" || score < opts.drainBelowScore) {
        return act([{ kind: "drain_agent", params: { agent_id: agentId, reason: "preemptive" } }], verify, [
          `drain ${agentId} (health ${score.toFixed(2)})`,
        ]);
      }
      const limit = Math.max(1, Math.floor((agent?.currentTasks ?? 1) / 2));
      const commands: CommandSpec[] = [{ kind: "set_concurrency", params: { agent_id: agentId, limit } }];
      return act(commands, verify, [`lower ${agentId} concurrency to ${limit} (health ${score.toFixed(2)})`], undoCommands(commands));
    },
  };
}
