// Which of the product's outputs concern which injected fault: the scenario's expected signs (bench/scenarios-score's
// SIGNS), on the fault's targets, while the fault is in effect (plus a lag for detections). Pure.
import { HEARTBEAT_MS, SILENCE_INTERVALS } from "../fault-groups";
import { SIGNS } from "../scenarios-score";
import type { BottleneckRow, FailureRow, FaultTruth, PredictionRow } from "./records";

/** How long after a fault leaves the demo's list a detection may still be its sign. */
export const DETECTION_LAG_MS = SILENCE_INTERVALS * HEARTBEAT_MS;
/** Window before the injection in which a related prediction still counts for the fault (no lead earned). */
export const BEFORE_MS = 60_000;

/** A failure or bottleneck as a detection (times in epoch ms; `source`: the failure's context.detection_source;
 * `incidentId`: its incident's id — the bottleneck's for the failure the engine makes of a bottleneck). */
export type Detection = {
  kind: "failure" | "bottleneck";
  id: string;
  incidentId: string;
  type: string;
  agentId: string | null;
  severity: string | null;
  at: number;
  resolvedAt: number | null;
  source: string | null;
};

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

/** Failures and bottlenecks as detections, oldest first (a slow_agent bottleneck names its agent first). */
export function detectionsOf(failures: readonly FailureRow[], bottlenecks: readonly BottleneckRow[]): Detection[] {
  const fs = failures.map((f): Detection => ({
    kind: "failure",
    id: f.id,
    incidentId: typeof f.context?.bottleneck_id === "string" ? f.context.bottleneck_id : f.id,
    type: f.failure_type,
    agentId: f.agent_id,
    severity: f.severity,
    at: ms(f.detected_at)!,
    resolvedAt: ms(f.resolved_at),
    source: typeof f.context?.detection_source === "string" ? f.context.detection_source : null,
  }));
  const bs = bottlenecks.map((b): Detection => {
    const resources = Array.isArray(b.affected_resources) ? b.affected_resources.filter((r): r is string => typeof r === "string") : [];
    return {
      kind: "bottleneck",
      id: b.id,
      incidentId: b.id,
      type: b.type,
      agentId: b.type === "slow_agent" ? (resources[0] ?? null) : null,
      severity: b.severity,
      at: ms(b.detected_at)!,
      resolvedAt: ms(b.resolved_at),
      source: null,
    };
  });
  return [...fs, ...bs].sort((a, b) => a.at - b.at);
}

/** When the fault stopped: it left the demo's list (healed or worn off). */
export const faultEnd = (f: FaultTruth) => f.lastSeenAt;

const signsOf = (scenario: string) => (scenario in SIGNS ? SIGNS[scenario as keyof typeof SIGNS] : null);
const onTarget = (agentId: string | null, targets: readonly string[]) =>
  agentId === null || targets.length === 0 || targets.includes(agentId);

/** Whether a detection is the fault showing: an expected type, on a target, from its start until its end plus the lag. */
export function detects(d: Detection, f: FaultTruth): boolean {
  const signs = signsOf(f.scenario);
  if (!signs || d.at < f.startedAt || d.at > faultEnd(f) + DETECTION_LAG_MS) return false;
  return signs.detects.includes(d.type) && onTarget(d.agentId, f.targets);
}

/** Whether a prediction anticipates the fault: made in its window, on a target agent or of an expected type. */
export function anticipates(p: PredictionRow, f: FaultTruth): boolean {
  const signs = signsOf(f.scenario);
  const at = Date.parse(p.predicted_at);
  if (!signs || at < f.startedAt - BEFORE_MS || at > faultEnd(f)) return false;
  if (p.agent_id !== null && f.targets.includes(p.agent_id)) return true;
  return signs.predicts.includes(p.failure_type) && onTarget(p.agent_id, f.targets);
}

/** Whether the fault's own symptom was already open when it was injected (an expected detection, on a target, detected
 * before the injection and unresolved then): the data shows the failure, not a precursor, so nothing can predict it. */
export function masked(f: FaultTruth, detections: readonly Detection[]): boolean {
  const signs = signsOf(f.scenario);
  if (!signs) return false;
  return detections.some(
    (d) =>
      d.at < f.startedAt &&
      (d.resolvedAt === null || d.resolvedAt > f.startedAt) &&
      signs.detects.includes(d.type) &&
      onTarget(d.agentId, f.targets),
  );
}

/** The fault's first detection, or null. */
export function firstDetection(f: FaultTruth, detections: readonly Detection[]): Detection | null {
  return detections.find((d) => detects(d, f)) ?? null;
}

/** A proposal is a prediction shown to operators (every status but "observed", which stays below the threshold). */
export const isProposal = (p: PredictionRow) => p.status !== "observed";
