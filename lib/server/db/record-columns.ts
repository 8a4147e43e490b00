// RETURNING lists that read stored rows back as the engine's record types (camelCase, times in epoch ms), so what
// storage changes by itself is published exactly like the engine's own outputs.

const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::float8`;

/** Columns of a healings row (alias `h`) as a HealingRecord. */
export const HEALING_RECORD_SQL = `h.id, h.failure_id AS "failureId", h.prediction_id AS "predictionId", h.failure_type AS "failureType", h.strategy, h.status,
  h.trigger, h.actions, h.reason, h.heal_ms AS "healMs", h.recovery_ms AS "recoveryMs", ${ms("h.started_at")} AS "startedAt",
  ${ms("h.finished_at")} AS "finishedAt", h.decided_by AS "decidedBy", ${ms("h.decided_at")} AS "decidedAt", h.decision_reason AS "decisionReason",
  h.first_approved_by AS "firstApprovedBy"`;

/** Columns of a bottlenecks row (alias `b`) as a BottleneckRecord plus its resolution. */
export const BOTTLENECK_RECORD_SQL = `b.id, b.type, b.severity, b.impact_score AS "impactScore", b.affected_resources AS "affectedResources", b.metrics,
  b.recommendations, b.status, b.resolution, ${ms("b.detected_at")} AS "detectedAt", ${ms("b.updated_at")} AS "updatedAt", ${ms("b.resolved_at")} AS "resolvedAt"`;

/** Columns of a predictions row (alias `p`) as a PredictionRecord. */
export const PREDICTION_RECORD_SQL = `p.id, p.failure_type AS "failureType", p.agent_id AS "agentId", p.confidence, ${ms("p.predicted_at")} AS "predictedAt",
  ${ms("p.expected_at")} AS "expectedAt", p.reasoning, p.recommended_action AS "recommendedAction", p.source, p.pattern_indicators AS "patternIndicators",
  p.status, p.outcome, p.decided_by AS "decidedBy", ${ms("p.decided_at")} AS "decidedAt", p.decision_reason AS "decisionReason",
  p.first_approved_by AS "firstApprovedBy", ${ms("p.first_approved_at")} AS "firstApprovedAt"`;

/** Columns of an incidents row (alias `i`) as an IncidentRecord. */
export const INCIDENT_RECORD_SQL = `i.id, i.source, i.failure_type AS "failureType", i.agent_id AS "agentId", i.severity, i.target, i.state, i.reason,
  i.healing_id AS "healingId", ${ms("i.opened_at")} AS "openedAt", ${ms("i.updated_at")} AS "updatedAt", ${ms("i.resolved_at")} AS "resolvedAt"`;
