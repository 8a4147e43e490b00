// The contract's snake_case item shapes (docs/contract.md#read-and-act, docs/contract.md#live-channel), built from either stored rows (Date fields) or engine
// records (epoch ms) so the API and the live channel always show the same thing.
import { actionHash, healingActionHash } from "./action-hash";
import type { BottleneckItem } from "../../../contract/items/bottlenecks";
import type { FailureItem } from "../../../contract/items/failures";
import type { CommandItem, HealingItem } from "../../../contract/items/healings";
import type { IncidentItem } from "../../../contract/items/incidents";
import type { PredictionItem } from "../../../contract/items/predictions";

type Time = Date | number;
function iso(t: Time): string;
function iso(t: Time | null | undefined): string | null;
function iso(t: Time | null | undefined): string | null {
  return t === null || t === undefined ? null : new Date(t).toISOString();
}

/** A bottleneck item (`resolution`: "no data" when storage resolved it because its swarm went silent, else null; an
 * engine that sees it again when events resume makes it active, and the stored resolution no longer applies). */
export function bottleneckItem(b: {
  id: string;
  type: string;
  severity: string;
  impactScore: number;
  status: string;
  affectedResources: unknown;
  metrics: unknown;
  recommendations: unknown;
  detectedAt: Time;
  updatedAt: Time;
  resolvedAt?: Time | null;
  resolution?: string | null;
}): BottleneckItem {
  return {
    id: b.id,
    type: b.type,
    severity: b.severity,
    impact_score: b.impactScore,
    status: b.status,
    affected_resources: b.affectedResources,
    metrics: b.metrics,
    recommendations: b.recommendations,
    detected_at: iso(b.detectedAt),
    updated_at: iso(b.updatedAt),
    resolved_at: iso(b.resolvedAt),
    resolution: b.status === "resolved" ? (b.resolution ?? null) : null,
  };
}

/** An incident item: one fault and how it is handled now (healing, awaiting_decision, recovering, needs_operator, resolved). */
export function incidentItem(i: {
  id: string;
  source: string;
  failureType: string;
  agentId?: string | null;
  severity: string;
  target: string;
  state: string;
  reason?: string | null;
  healingId?: string | null;
  openedAt: Time;
  updatedAt: Time;
  resolvedAt?: Time | null;
}): IncidentItem {
  return {
    id: i.id,
    source: i.source,
    failure_type: i.failureType,
    agent_id: i.agentId ?? null,
    severity: i.severity,
    target: i.target,
    state: i.state,
    reason: i.reason ?? null,
    healing_id: i.healingId ?? null,
    opened_at: iso(i.openedAt),
    updated_at: iso(i.updatedAt),
    resolved_at: iso(i.resolvedAt),
  };
}

/** A prediction item. */
export function predictionItem(p: {
  id: string;
  failureType: string;
  agentId?: string | null;
  confidence: number;
  predictedAt: Time;
  expectedAt: Time;
  reasoning: string;
  recommendedAction: string;
  source: string;
  patternIndicators: unknown;
  status: string;
  outcome?: string | null;
  decidedBy?: string | null;
  decidedAt?: Time | null;
  decisionReason?: string | null;
  firstApprovedBy?: string | null;
  firstApprovedAt?: Time | null;
}): PredictionItem {
  return {
    id: p.id,
    failure_type: p.failureType,
    agent_id: p.agentId ?? null,
    confidence: p.confidence,
    predicted_at: iso(p.predictedAt),
    expected_at: iso(p.expectedAt),
    reasoning: p.reasoning,
    recommended_action: p.recommendedAction,
    source: p.source,
    pattern_indicators: p.patternIndicators,
    status: p.status,
    outcome: p.outcome ?? null,
    decided_by: p.decidedBy ?? null,
    decided_at: iso(p.decidedAt),
    decision_reason: p.decisionReason ?? null,
    action_hash: actionHash(p),
    first_approved_by: p.firstApprovedBy ?? null,
    first_approved_at: iso(p.firstApprovedAt ?? null),
  };
}

/** A failure item. */
export function failureItem(f: {
  id: string;
  failureType: string;
  agentId?: string | null;
  taskId?: string | null;
  severity?: string | null;
  context: unknown;
  detectedAt: Time;
  resolvedAt?: Time | null;
}): FailureItem {
  return {
    id: f.id,
    failure_type: f.failureType,
    agent_id: f.agentId ?? null,
    task_id: f.taskId ?? null,
    severity: f.severity ?? null,
    context: f.context,
    detected_at: iso(f.detectedAt),
    resolved_at: iso(f.resolvedAt),
  };
}

/** A command item. */
export function commandItem(c: {
  id: string;
  healingId?: string | null;
  kind: string;
  params: unknown;
  status: string;
  attempts: number;
  detail?: string | null;
  issuedAt: Time;
  deadline: Time;
  finishedAt?: Time | null;
}): CommandItem {
  return {
    id: c.id,
    healing_id: c.healingId ?? null,
    kind: c.kind,
    params: c.params,
    status: c.status,
    attempts: c.attempts,
    detail: c.detail ?? null,
    issued_at: iso(c.issuedAt),
    deadline: iso(c.deadline),
    finished_at: iso(c.finishedAt),
  };
}

/** A healing item (with its commands when known). */
export function healingItem(
  h: {
    id: string;
    failureId?: string | null;
    predictionId?: string | null;
    failureType: string;
    strategy: string;
    status: string;
    trigger: string;
    actions: unknown;
    reason?: string | null;
    healMs?: number | null;
    recoveryMs?: number | null;
    startedAt: Time;
    finishedAt?: Time | null;
    decidedBy?: string | null;
    decidedAt?: Time | null;
    decisionReason?: string | null;
    firstApprovedBy?: string | null;
  },
  commands: Parameters<typeof commandItem>[0][] = [],
): HealingItem {
  return {
    id: h.id,
    failure_id: h.failureId ?? null,
    prediction_id: h.predictionId ?? null,
    failure_type: h.failureType,
    strategy: h.strategy,
    status: h.status,
    trigger: h.trigger,
    actions: h.actions,
    reason: h.reason ?? null,
    heal_ms: h.healMs ?? null,
    recovery_ms: h.recoveryMs ?? null,
    started_at: iso(h.startedAt),
    finished_at: iso(h.finishedAt),
    commands: commands.map(commandItem),
    decided_by: h.decidedBy ?? null,
    decided_at: iso(h.decidedAt ?? null),
    decision_reason: h.decisionReason ?? null,
    first_approved_by: h.firstApprovedBy ?? null,
    action_hash: healingActionHash(h),
  };
}
