// Source "bottleneck": every active bottleneck predicts the failure it leads to (reference §7.5).
import { BOTTLENECK_FAILURE_TYPES, BOTTLENECK_SEVERITY } from "../failure-maps";
import type { BottleneckInput } from "../inputs";
import type { Candidate } from "../prediction-record";
import { clampConfidence } from "../prediction-record";

/** One prediction per active bottleneck; only slow_agent names an agent (its affected resources are agent ids). */
export function bottleneckCandidates(bottlenecks: BottleneckInput[]): Candidate[] {
  return bottlenecks.map((b) => {
    const { confidence, etaMs } = BOTTLENECK_SEVERITY[b.severity] ?? { confidence: 0.7, etaMs: 300_000 };
    const failureType = BOTTLENECK_FAILURE_TYPES[b.type] ?? b.type;
    const agentId = b.type === "slow_agent" ? (b.affectedResources[0] ?? null) : null;
    return {
      failureType,
      agentId,
      confidence: clampConfidence(confidence),
      etaMs,
      reasoning: `Active ${b.severity} ${b.type} bottleneck (impact ${Math.round(b.impactScore * 100) / 100}) on ${b.affectedResources.join(", ") || "the swarm"}`,
      recommendedAction: b.recommendations?.[0] ?? "Review system performance",
      source: "bottleneck",
      patternIndicators: [`bottleneck_${b.type}`],
    };
  });
}
