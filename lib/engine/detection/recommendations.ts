// The fixed recommendations per bottleneck type, in the reference's order (docs/engine.md#s-4-4, paraphrased).
import type { BottleneckType } from "./types";

/** Recommendations per type, most direct remedy first. */
export const RECOMMENDATIONS: Readonly<Record<BottleneckType, readonly string[]>> = {
  token_exhaustion: [
    "Raise the token budget in the swarm's configuration",
    "Trim prompts so tasks use fewer tokens",
    "Prioritise tasks with their token cost in mind",
    "Cache responses that are reused often",
  ],
  quota_exceeded: [
    "Raise the agent quota for the constrained agent type",
    "Distribute tasks across agents more evenly",
    "Enable dynamic agent scaling",
    "Submit fewer tasks concurrently",
  ],
  slow_agent: [
    "Replace the slow agent with a faster one",
    "Simplify the prompts sent to this agent",
    "Route tasks to healthier agents",
    "Investigate the agent's health",
  ],
  task_queue_backlog: [
    "Raise the agent quota so the queue drains faster",
    "Process critical tasks first",
    "Process tasks in parallel",
    "Review how fast tasks are submitted",
  ],
  consensus_timeout: [
    "Lower the consensus timeout threshold",
    "Check agent heartbeats",
    "Use a faster consensus algorithm (quorum rather than raft)",
    "Remove unresponsive agents from consensus",
  ],
};

/** A fresh copy of the recommendations for `type`. */
export function recommendationsFor(type: BottleneckType): string[] {
  return [...RECOMMENDATIONS[type]];
}
