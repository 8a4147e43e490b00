// AgentRestartStrategy (docs/engine.md#s-8-4): restart the agent with its saved metadata, then wait for its heartbeat (for an
// agent found down by its silence, for any event of its own: it is back once heard from).
import { act, decline, type HealingStrategy } from "./strategy";

/** Options: how long to wait for the restarted agent's first heartbeat. */
export type AgentRestartOptions = { verifyTimeoutMs: number };

/** Creates an AgentRestartStrategy: one `restart_agent` command, verified by a heartbeat (silence: any event) from that agent. */
export function agentRestartStrategy(opts: AgentRestartOptions = { verifyTimeoutMs: 60_000 }): HealingStrategy {
  const failureTypes = ["agent_down", "agent_failed", "heartbeat_failed"];
  return {
    name: "AgentRestartStrategy",
    failureTypes,
    canHeal: (f) => failureTypes.includes(f.failureType),
    plan(f) {
      if (!f.agentId) return decline("no agent_id");
      return act(
        [{ kind: "restart_agent", params: { agent_id: f.agentId, restore_metadata: true } }],
        {
          kind: "agent_heartbeat",
          agentId: f.agentId,
          timeoutMs: opts.verifyTimeoutMs,
          ...(f.context.detection_source === "silence" ? { anyEvent: true } : {}),
        },
        [`restart ${f.agentId} with its saved metadata`],
      );
    },
  };
}
