// Rules on the task and consensus windows: slow_agent (one per agent) and consensus_timeout (D5, D6).
import { ratioOf } from "./event-readers";
import { findingOf, round, roundOrNull } from "./finding";
import { gradeConsensus, gradeSlowAgent, THRESHOLDS } from "./severity-table";
import { meanDuration, type TaskTotals } from "./task-window";
import type { Finding } from "./types";

/** Fields summed per consensus window. */
export const CONSENSUS_FIELDS = ["rounds", "timeouts", "failures", "timedRounds", "durationSum"] as const;

/** Running consensus sums over a window. */
export type ConsensusTotals = Readonly<Record<(typeof CONSENSUS_FIELDS)[number], number>>;

/** slow_agent findings, one per flagged agent (sorted by agent id), judged against the task-weighted fleet mean. */
export function slowAgentRule(agents: Iterable<[string, TaskTotals]>, fleet: TaskTotals, minSamples: number): Finding[] {
  const fleetMean = meanDuration(fleet);
  const out: Finding[] = [];
  for (const [agentId, t] of agents) {
    if (t.tasks < minSamples || t.tasks === 0) continue;
    const mean = meanDuration(t);
    const ratio = mean !== null && fleetMean !== null && fleetMean > 0 ? (ratioOf(mean, fleetMean) ?? null) : null;
    const successRate = t.successes / t.tasks;
    const grade = gradeSlowAgent(ratio, successRate);
    if (!grade) continue;
    out.push(
      findingOf("slow_agent", agentId, grade, [agentId], {
        agent_id: agentId,
        avg_duration_ms: roundOrNull(mean, 1),
        fleet_avg_duration_ms: roundOrNull(fleetMean, 1),
        duration_ratio: roundOrNull(ratio, 3),
        success_rate: round(successRate, 4),
        task_count: t.tasks,
        threshold_multiplier: THRESHOLDS.slowAgent.multiplier,
      }),
    );
  }
  return out.sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
}

/** consensus_timeout on ["consensus"] when > 10% of rounds timed out, or rounds average more than 10 s. */
export function consensusRule(c: ConsensusTotals, minSamples: number): Finding | null {
  if (c.rounds < minSamples || c.rounds === 0) return null;
  const timeoutRate = c.timeouts / c.rounds;
  const mean = c.timedRounds > 0 ? c.durationSum / c.timedRounds : null;
  const grade = gradeConsensus(timeoutRate, mean);
  if (!grade) return null;
  return findingOf("consensus_timeout", "consensus", grade, ["consensus"], {
    rounds: c.rounds,
    timeouts: c.timeouts,
    failures: c.failures,
    timeout_rate: round(timeoutRate, 4),
    avg_round_ms: roundOrNull(mean, 1),
    timeout_rate_threshold: THRESHOLDS.consensus.timeoutRate,
    round_time_threshold_ms: THRESHOLDS.consensus.roundMs,
  });
}
