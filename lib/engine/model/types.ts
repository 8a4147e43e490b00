// Framework-free types shared by the engine and its adapters.
import type { HealthTerms, MetricsTick } from "../../contract/items/metrics";
import type { BottleneckRecord, CommandRecord, FailureRecord, HealingRecord, IncidentRecord, PredictionRecord } from "./records";

/** One stored event as the engine sees it (field names as in the contract, `data` = the event as sent). */
export type EngineEvent = {
  id: string;
  type: string;
  /** Event time (epoch ms), as recorded by the agent system. */
  ts: number;
  agentId?: string | undefined;
  taskId?: string | undefined;
  data: Record<string, unknown>;
};

/** The live figures of one swarm and the health score's terms: the contract's wire shapes (docs/contract.md#live-channel). */
export type { HealthTerms, MetricsTick };

/** Everything the engine publishes, by event name (docs/contract.md#live-channel names, plus failure.detected/resolved). */
export type EngineEventMap = {
  "metrics.tick": MetricsTick;
  "bottleneck.detected": { swarm: string; bottleneck: BottleneckRecord };
  "bottleneck.updated": { swarm: string; bottleneck: BottleneckRecord };
  "bottleneck.resolved": { swarm: string; bottleneck: BottleneckRecord };
  "prediction.created": { swarm: string; prediction: PredictionRecord };
  "prediction.updated": { swarm: string; prediction: PredictionRecord };
  "failure.detected": { swarm: string; failure: FailureRecord };
  "failure.resolved": { swarm: string; failureId: string; resolvedAt: number };
  "healing.started": { swarm: string; healing: HealingRecord };
  "healing.finished": { swarm: string; healing: HealingRecord };
  "command.updated": { swarm: string; command: CommandRecord };
  "incident.updated": { swarm: string; incident: IncidentRecord };
};
