// Public surface of the prediction component (PredictiveHealing per swarm, its records, inputs and pure helpers).
export { DEFAULT_PREDICTION_CONFIG, type PredictionConfig } from "./config";
export { PREDICTABLE_FAILURE_TYPES } from "./failure-maps";
export type { BottleneckInput, PatternInput } from "./inputs";
export type { FailureReport } from "./outcome-rules";
export type { PredictionStats } from "./outcome-stats";
export {
  PredictiveHealing,
  type DecideResult,
  type HealingReport,
  type GateVerdict,
  type PredictInputs,
  type PredictiveHealingDeps,
} from "./predictive-healing";
export type { Candidate, Prediction, PredictionOutcome, PredictionSource, PredictionStatus } from "./prediction-record";
export {
  decideProposal,
  expireProposal,
  proposalDeadline,
  type DecisionInput,
  type DecisionResult,
  type ProposalSnapshot,
} from "./proposal-lifecycle";
