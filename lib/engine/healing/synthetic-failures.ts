// Failures that do not come from one event: a prediction to heal preventively, or a bottleneck the detector reported.
import type { Prediction } from "../prediction";
import type { Failure, Severity } from "./types";

/** The prediction fields the healer needs (a `predictions` row). */
export type PredictionLike = Pick<Prediction, "id" | "failureType" | "agentId" | "confidence" | "predictedAt" | "expectedAt" | "reasoning">;

/** The bottleneck fields the healer needs (a `bottlenecks` row). */
export type BottleneckLike = {
  id: string;
  type: string;
  severity: Severity;
  affectedResources: string[];
  metrics: Record<string, unknown>;
  detectedAt: number;
};

/** The resource a failure type is about (its healing target, see targetOf). */
const RESOURCE_OF: Record<string, string> = {
  token_exhaustion: "tokens",
  memory_exhaustion: "memory",
  quota_exceeded: "agents",
  task_queue_backlog: "task_queue",
};

/** The synthetic failure a prediction stands for (docs/engine.md#s-7-9; marked `predicted` so strategies heal preemptively). */
export function failureFromPrediction(p: PredictionLike): Failure {
  const resourceType = RESOURCE_OF[p.failureType];
  return {
    id: `predicted:${p.id}`,
    failureType: p.failureType,
    agentId: p.agentId,
    taskId: null,
    severity: "medium",
    context: {
      predicted: true,
      prediction_id: p.id,
      confidence: p.confidence,
      expected_at: p.expectedAt,
      reasoning: p.reasoning,
      ...(resourceType ? { resource_type: resourceType } : {}),
    },
    detectedAt: p.predictedAt,
    resolvedAt: null,
  };
}

/** The failure a bottleneck stands for (its type is the failure type; slow_agent names its agent). */
export function failureFromBottleneck(b: BottleneckLike, newId: () => string): Failure {
  const agentId = b.type === "slow_agent" ? (b.affectedResources[0] ?? null) : null;
  const resourceType = RESOURCE_OF[b.type];
  return {
    id: newId(),
    failureType: b.type,
    agentId,
    taskId: null,
    severity: b.severity,
    context: { ...b.metrics, bottleneck_id: b.id, ...(resourceType ? { resource_type: resourceType } : {}) },
    detectedAt: b.detectedAt,
    resolvedAt: null,
  };
}
