// Source "health", heartbeat part: an agent that reports degraded health is at risk of going down (the seed's agent
// health concept: success rate, response time and heartbeat; the reference stores heartbeats but never reads them).
import type { DegradedAgent } from "./heartbeat-health";
import type { Candidate } from "./prediction-record";
import { clampConfidence } from "./prediction-record";

/** One agent_down prediction per agent whose newest heartbeat said degraded: confidence 0.5 + 0.1 per degraded
 * heartbeat in a row, so one is only observed and two in a row make a proposal at the default 0.7 threshold (one
 * report can be a blip); ETA 120 s as for a degrading success rate. */
export function degradedCandidates(agents: readonly DegradedAgent[]): Candidate[] {
  return agents.map(({ agentId, streak }) => ({
    failureType: "agent_down",
    agentId,
    confidence: clampConfidence(0.5 + 0.1 * streak),
    etaMs: 120_000,
    reasoning: `Agent ${agentId} reported degraded health in its last ${streak} heartbeat${streak === 1 ? "" : "s"}`,
    recommendedAction: "Restart the agent proactively",
    source: "health",
    patternIndicators: [`agent_degraded_${agentId}`],
  }));
}
