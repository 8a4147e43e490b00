// Rules on the task and consensus windows: slow_agent (one per agent) and consensus_timeout (docs/decisions.md#d5, docs/decisions.md#d6).
import { findingOf, round, roundOrNull } from "./finding";
import type { FindingSink } from "./lifecycle";
import { impactOf } from "./severity";
import { gradeConsensus, gradeSlowAgent, slowAgentFires, THRESHOLDS } from "./severity-table";
import { meanDuration, type AgentEntry, type AgentWindows, type TaskTotals } from "./task-window";
import type { Finding } from "./types";

/** Fields summed per consensus window. */
export const CONSENSUS_FIELDS = ["rounds", "timeouts", "failures", "timedRounds", "durationSum"] as const;

/** Running consensus sums over a window. */
export type ConsensusTotals = Readonly<Record<(typeof CONSENSUS_FIELDS)[number], number>>;

/**
 * An agent's mean task duration over the fleet's, or -1 (unknown: a real ratio is never negative, and -1 fails every
 * slow-agent threshold, like null) when either mean is unknown, the fleet mean is 0 or the ratio overflows. It is a
 * plain double, and -1 a literal: null, NaN or a module constant there make V8 box every ratio on the heap.
 */
function durationRatio(t: TaskTotals, fleetMean: number): number {
  const ratio = t.durationSum / t.timedTasks / fleetMean;
  return t.timedTasks > 0 && fleetMean > 0 && Number.isFinite(ratio) ? ratio : -1;
}

const byId = (a: AgentEntry, b: AgentEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Fills `flagged` with the agents the slow-agent rule fires on, in agent-id order, without building grades. */
function screenSlowAgents(agents: AgentWindows, fleetMean: number, minSamples: number, flagged: AgentEntry[]): void {
  let n = 0;
  agents.forEach((a) => {
    const t = a.window.totals;
    if (t.tasks >= minSamples && t.tasks > 0 && slowAgentFires(durationRatio(t, fleetMean), t.successes / t.tasks)) flagged[n++] = a;
  });
  flagged.length = n; // written in place and cut, not emptied first: an emptied array drops its storage
  flagged.sort(byId);
}

/**
 * slow_agent findings, one per flagged agent in agent-id order, judged against the task-weighted fleet mean and
 * reported to `sink`. Agents are screened without building grades; a finding is only built when the sink does not
 * already hold it. `flagged` is scratch space (reused so a pass allocates nothing per agent).
 */
export function slowAgentRule(
  agents: AgentWindows,
  fleet: TaskTotals,
  minSamples: number,
  sink: FindingSink,
  flagged: AgentEntry[] = [],
): void {
  const fleetMean = meanDuration(fleet);
  const knownFleetMean = fleetMean ?? -1;
  screenSlowAgents(agents, knownFleetMean, minSamples, flagged);
  for (let i = 0; i < flagged.length; i++) {
    const a = flagged[i]!;
    const t = a.window.totals;
    const measured = durationRatio(t, knownFleetMean);
    const ratio = measured === -1 ? null : measured;
    const successRate = t.successes / t.tasks;
    const grade = gradeSlowAgent(ratio, successRate);
    if (grade === null || sink.holds(a.identity, grade.severity, impactOf(grade), a.resources)) continue;
    sink.report(
      findingOf("slow_agent", a.id, grade, [a.id], {
        agent_id: a.id,
        avg_duration_ms: roundOrNull(meanDuration(t), 1),
        fleet_avg_duration_ms: roundOrNull(fleetMean, 1),
        duration_ratio: roundOrNull(ratio, 3),
        success_rate: round(successRate, 4),
        task_count: t.tasks,
        threshold_multiplier: THRESHOLDS.slowAgent.multiplier,
      }),
    );
  }
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
