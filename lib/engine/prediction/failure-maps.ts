// Reference lookup tables: pattern actions (docs/engine.md#s-7-8), bottleneck mapping (docs/engine.md#s-7-5), confirming failure types (docs/decisions.md#d15).

const PATTERN_ACTIONS: Readonly<Record<string, string>> = {
  agent_down: "Restart the agent proactively",
  task_failed: "Reduce load or raise the task timeout",
  resource_exhaustion: "Enable gradual degradation",
  token_exhaustion: "Clear context or simplify tasks",
  memory_exhaustion: "Enable memory optimisation",
  quota_exceeded: "Add rate limiting",
};

/** Recommended action of a pattern prediction (docs/engine.md#s-7-8); "Monitor closely" for other types. */
export const patternAction = (failureType: string): string => PATTERN_ACTIONS[failureType] ?? "Monitor closely";

/** Bottleneck type → predicted failure type (docs/engine.md#s-7-5); other types keep their name. */
export const BOTTLENECK_FAILURE_TYPES: Readonly<Record<string, string>> = {
  token_exhaustion: "token_exhaustion",
  quota_exceeded: "resource_exhaustion",
  slow_agent: "agent_down",
  task_queue_backlog: "task_queue_backlog",
  consensus_timeout: "consensus_failed",
};

/** Bottleneck severity → confidence and ETA (docs/engine.md#s-7-5); unknown severities get 0.70 / 300 s. */
export const BOTTLENECK_SEVERITY: Readonly<Record<string, { confidence: number; etaMs: number }>> = {
  critical: { confidence: 0.95, etaMs: 60_000 },
  high: { confidence: 0.85, etaMs: 180_000 },
  medium: { confidence: 0.75, etaMs: 300_000 },
  low: { confidence: 0.65, etaMs: 600_000 },
};

/** Detected failure types that confirm a predicted type besides itself (docs/decisions.md#d15; the detector's names differ). */
export const CONFIRMING_FAILURE_TYPES: Readonly<Record<string, readonly string[]>> = {
  task_failed: ["task_timeout"],
  // A full agent quota is the agents resource exhausted (the bottleneck source predicts resource_exhaustion from it).
  resource_exhaustion: ["quota_exceeded"],
  token_exhaustion: ["resource_exhaustion"],
  memory_exhaustion: ["resource_exhaustion"],
  consensus_failed: ["quorum_loss"],
};

/** Whether a detected failure type confirms a predicted failure type. */
export const confirms = (predicted: string, detected: string): boolean =>
  predicted === detected || (CONFIRMING_FAILURE_TYPES[predicted]?.includes(detected) ?? false);

/** The failure types the prediction sources name (health, queue, trend, bottleneck) and the detected types that
 * confirm them: recall is measured over these (a routine task failure, which nothing predicts, is left out). */
export const PREDICTABLE_FAILURE_TYPES: readonly string[] = [
  "agent_down",
  "task_queue_backlog",
  "token_exhaustion",
  "memory_exhaustion",
  "resource_exhaustion",
  "quota_exceeded",
  "consensus_failed",
  "quorum_loss",
];
