// Which event types the learner may learn from and which report a failure (docs/decisions.md#d9 revised), from the contract's
// known types (docs/contract.md#ingest) and the failures detect_failure reports for them.

/**
 * Types never learned from: agent lifecycle (registration, plain heartbeats), the normal task flow, sampled metrics
 * and snapshots, and the engine's own outputs. They recur with every task or tick, so any failure "follows" them.
 */
export const IGNORED_EVENT_TYPES: ReadonlySet<string> = new Set([
  "agent_registered",
  "agent_unregistered",
  "heartbeat",
  "task_start",
  "task_complete",
  "task_success",
  "resource_metric",
  "queue_metric",
  "resource_snapshot",
  "failure_detected",
  "healing_attempted",
]);

/** Failure events → the failure type a prediction of them names (the prediction vocabulary; detection confirms it). */
export const FAILURE_EVENT_TYPES: Readonly<Record<string, string>> = {
  heartbeat_failed: "agent_down",
  agent_failed: "agent_down",
  agent_down: "agent_down",
  task_timeout: "task_failed",
  task_failed: "task_failed",
  resource_exhaustion: "resource_exhaustion",
  quota_exceeded: "resource_exhaustion",
  quorum_loss: "consensus_failed",
  consensus_failed: "consensus_failed",
};

/** Whether events of `type` take part in learning. */
export const isLearnable = (type: string): boolean => !IGNORED_EVENT_TYPES.has(type);

/** Whether `type` reports a failure a pattern can predict. */
export const isFailureEvent = (type: string): boolean => Object.hasOwn(FAILURE_EVENT_TYPES, type);
