// Consensus rounds every ~10 s among the voting agents; the result follows how many vote versus `required_quorum`.
//   voters ≥ quorum          → success (a laggard voter makes most rounds time out)
//   quorum/2 ≤ voters < quorum → timeout (the round waits for votes that never come)
//   voters < quorum/2        → failure (fails fast, plus `consensus_failed`)
// Falling below the quorum raises `quorum_loss` once; getting back raises `quorum_restored`.
import { emit, isVoter, type SimState } from "./state";
import { CONSENSUS_INTERVAL_MS, CONSENSUS_JITTER_MS, CONSENSUS_TIMEOUT_MS, FAULT } from "./tuning";

/** Outcome of one round. */
type Round = { result: "success" | "timeout" | "failure"; durationMs: number };

/** Emits rounds that ended by `t` and starts the next round when due. */
export function consensusTick(state: SimState, t: number): void {
  const c = state.consensus;
  if (c.pending && c.pending.endsAt <= t) {
    const fields = c.pending.fields;
    c.pending = null;
    emit(state, "consensus_round", fields);
    if (fields.result === "failure") {
      const { current_agents, required_quorum, metadata } = fields;
      emit(state, "consensus_failed", { current_agents, required_quorum, severity: "high", metadata });
    }
  }
  if (t < c.nextRoundAt || c.pending) return;
  c.round++;
  const voters = state.agents.filter(isVoter);
  const quorum = state.opts.requiredQuorum;
  const counts = { current_agents: voters.length, required_quorum: quorum };
  if (voters.length < quorum && !c.quorumLost) {
    c.quorumLost = true;
    emit(state, "quorum_loss", { ...counts, severity: "critical", metadata: { round: c.round } });
  } else if (voters.length >= quorum && c.quorumLost) {
    c.quorumLost = false;
    emit(state, "quorum_restored", { ...counts, metadata: { round: c.round } });
  }
  const round = decide(
    state,
    voters.length,
    voters.some((a) => a.faults.laggard),
  );
  c.pending = {
    endsAt: t + round.durationMs,
    fields: { duration_ms: round.durationMs, result: round.result, ...counts, metadata: { round: c.round } },
  };
  c.nextRoundAt = t + CONSENSUS_INTERVAL_MS + Math.round(state.rand.between(-CONSENSUS_JITTER_MS, CONSENSUS_JITTER_MS));
}

function decide(state: SimState, voters: number, laggard: boolean): Round {
  const quorum = state.opts.requiredQuorum;
  if (voters < quorum) {
    return 2 * voters >= quorum
      ? { result: "timeout", durationMs: CONSENSUS_TIMEOUT_MS }
      : { result: "failure", durationMs: Math.round(state.rand.between(50, 150)) };
  }
  if (laggard && state.rand.chance(FAULT.laggardTimeoutChance)) return { result: "timeout", durationMs: CONSENSUS_TIMEOUT_MS };
  return { result: "success", durationMs: Math.round(150 + 40 * voters + state.rand.between(0, 300)) };
}
