// Source "health": agents whose success rate drops or whose task durations climb (docs/engine.md#s-7-6 with docs/decisions.md#d13).
import type { AgentWindow } from "./observations";
import type { Candidate } from "./prediction-record";
import { clampConfidence } from "./prediction-record";
import { meanOf, trendOf } from "./timed-series";
import { fmt } from "./source-format";

/** Mean task duration over every agent's results (ms), or null without durations. */
function fleetMeanDuration(agents: AgentWindow[]): number | null {
  let sum = 0;
  let n = 0;
  for (const a of agents) for (const r of a.results) if (r.durationMs !== null) [sum, n] = [sum + r.durationMs, n + 1];
  return n ? sum / n : null;
}

/**
 * Predictions per agent with at least `minResults` task results in the window: degrading (agent_down) and slowing
 * (task_timeout). With `slowerThanFleet` set, slowing also needs a mean above that multiple of the fleet's mean (the
 * docs/decisions.md#d5 slow-agent concept), so a fleet whose normal tasks take about 5 s is not flagged on noise.
 */
export function healthCandidates(agents: AgentWindow[], minResults = 1, slowerThanFleet: number | null = null): Candidate[] {
  const out: Candidate[] = [];
  const fleetMean = slowerThanFleet === null ? null : fleetMeanDuration(agents);
  for (const { agentId, results } of agents) {
    if (results.length < Math.max(1, minResults)) continue;
    const successes = results.filter((r) => r.ok).length;
    const rate = successes / results.length;
    if (rate < 0.7) {
      out.push({
        failureType: "agent_down",
        agentId,
        confidence: clampConfidence(1 - rate),
        etaMs: 120_000,
        reasoning: `Agent ${agentId} succeeded in ${successes} of ${results.length} recent tasks (${fmt(rate * 100)}%, below 70%)`,
        recommendedAction: "Restart the agent proactively",
        source: "health",
        patternIndicators: [`agent_health_${agentId}`],
      });
    }
    // A plain loop: flatMap here was 40 % of a prediction pass at 500 agents (bench:engine).
    const durations: number[] = [];
    for (const r of results) if (r.durationMs !== null) durations.push(r.durationMs);
    const mean = meanOf(durations);
    const trend = trendOf(durations);
    const slowerThanPeers = fleetMean === null || slowerThanFleet === null || mean > slowerThanFleet * fleetMean;
    if (durations.length >= 3 && trend > 0 && mean > 5000 && slowerThanPeers) {
      out.push({
        failureType: "task_timeout",
        agentId,
        confidence: clampConfidence(mean / 10_000 + trend / 1000),
        etaMs: 180_000,
        reasoning: `Agent ${agentId} task duration averages ${fmt(mean)} ms over ${durations.length} tasks and rises ${fmt(trend)} ms per task`,
        recommendedAction: "Reduce the agent's load or raise its task timeout",
        source: "health",
        patternIndicators: [`agent_slowdown_${agentId}`],
      });
    }
  }
  return out;
}
