// QuorumRecoveryStrategy (docs/engine.md#s-8-4, docs/decisions.md#d18): scale agents up to the required quorum (from the voters the swarm
// reported), verified by the new agents' arrival.
import { act, decline, type HealingStrategy } from "./strategy";

/** Options: how long the swarm may take to reach quorum. */
export type QuorumRecoveryOptions = { verifyTimeoutMs: number };

/** Creates a QuorumRecoveryStrategy: `scale_agents{delta: required − voters}`. */
export function quorumRecoveryStrategy(opts: QuorumRecoveryOptions = { verifyTimeoutMs: 60_000 }): HealingStrategy {
  const failureTypes = ["quorum_loss", "consensus_failed", "insufficient_agents"];
  return {
    name: "QuorumRecoveryStrategy",
    failureTypes,
    canHeal: (f) => failureTypes.includes(f.failureType),
    plan(f, { view }) {
      const alive = view.agentCount();
      // The voters the swarm reported when it lost the quorum: agents can be up and still cut off from voting.
      const count = typeof f.context.current_agents === "number" ? Math.min(f.context.current_agents, alive) : alive;
      const required = typeof f.context.required_quorum === "number" ? f.context.required_quorum : 3;
      if (count >= required) return decline(`quorum already restored (${count}/${required})`);
      const need = required - count;
      return act(
        [{ kind: "scale_agents", params: { delta: need, reason: "quorum_loss" } }],
        { kind: "condition", condition: { kind: "agent_count_at_least", count: alive + need }, timeoutMs: opts.verifyTimeoutMs },
        [`voting ${count}, required ${required}`, `need to spawn ${need} agents`],
      );
    },
  };
}
