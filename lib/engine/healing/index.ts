// Public surface of the self-healing component (what createEngine composes per swarm).
export { agentHealthScore, type AgentHealthInput } from "./agent-health";
export { detectFailure } from "./detect-failure";
export type { HealingPreview, OnFailureOptions, OnFailureResult, SelfHealerOptions } from "./healer-options";
export { targetOf } from "./strategy";
export { GUARDRAIL_DEFAULTS, type GuardrailConfig } from "./guardrails";
export { DEFAULT_POLICY, policyFor, type Policy, type PolicyConfig } from "./policy";
export {
  pendingTotal,
  PRIORITIES,
  type AgentView,
  type CommandResult,
  type CoordinatorPort,
  type IssueRequest,
  type Priority,
  type SwarmView,
} from "./ports";
export { createDefaultRegistry, StrategyRegistry, type HealingCatalog, type Route } from "./registry";
export { SelfHealer } from "./self-healer";
export { act, decline, halt, type CompositeStrategy, type HealingStrategy, type PlanContext, type RoutableStrategy } from "./strategy";
export { agentRestartStrategy } from "./strategy-agent-restart";
export { circuitBreakerStrategy, type CircuitBreaker } from "./strategy-circuit-breaker";
export { compositeStrategy, type CompositeEntry } from "./strategy-composite";
export { dynamicScalingStrategy, SCALING_POLICIES, type ScalingPolicy } from "./strategy-dynamic-scaling";
export { gradualDegradationStrategy, type GradualDegradation } from "./strategy-gradual-degradation";
export { preemptiveLoadShedStrategy } from "./strategy-preemptive-load-shed";
export { quorumRecoveryStrategy } from "./strategy-quorum-recovery";
export { resourceRebalanceStrategy } from "./strategy-resource-rebalance";
export { taskRetryStrategy } from "./strategy-task-retry";
export { failureFromBottleneck, failureFromPrediction, type BottleneckLike, type PredictionLike } from "./synthetic-failures";
export * from "./types";
