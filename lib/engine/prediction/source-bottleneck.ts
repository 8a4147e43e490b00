// Source "bottleneck": every active bottleneck predicts the failure it leads to (docs/engine.md#s-7-5).
import { BOTTLENECK_FAILURE_TYPES, BOTTLENECK_SEVERITY } from "./failure-maps";
import { openPending } from "./held-work";
import type { BottleneckInput } from "./inputs";
import type { Candidate } from "./prediction-record";
import { clampConfidence } from "./prediction-record";
import { num } from "./read-event";

/** Pending tasks above which the detector calls a backlog (docs/decisions.md#d5), when the bottleneck does not say. */
const BACKLOG_THRESHOLD = 50;

/** Whether a task_queue_backlog is only a backlog because of work held in paused lanes (held work cannot time out). */
function heldBacklog(b: BottleneckInput, paused: readonly string[]): boolean {
  const pending = num(b.metrics.pending_tasks);
  if (b.type !== "task_queue_backlog" || pending === undefined || paused.length === 0) return false;
  return openPending(pending, b.metrics.by_priority, paused) <= (num(b.metrics.threshold) ?? BACKLOG_THRESHOLD);
}

const SEVERITY_RANK: Readonly<Record<string, number>> = { low: 1, medium: 2, high: 3, critical: 4 };

/** Rank of a severity (0 for an unknown one). */
export const severityRank = (severity: string): number => SEVERITY_RANK[severity] ?? 0;

/** The key of a bottleneck episode. */
export const bottleneckKey = (b: BottleneckInput): string => b.id ?? `${b.type}:${b.affectedResources.join(",")}`;

/**
 * One prediction per active bottleneck, except a backlog of paused work and a bottleneck already offered at its
 * current severity or higher (`offered`: episode key → severity rank, empty = every pass, as the reference); only
 * slow_agent names an agent (its affected resources are agent ids). `paused` = the priorities currently paused.
 */
export function bottleneckCandidates(
  bottlenecks: BottleneckInput[],
  paused: readonly string[] = [],
  offered: ReadonlyMap<string, number> = new Map(),
): Candidate[] {
  const fresh = (b: BottleneckInput) => severityRank(b.severity) > (offered.get(bottleneckKey(b)) ?? -1);
  return bottlenecks
    .filter((b) => fresh(b) && !heldBacklog(b, paused))
    .map((b) => {
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
