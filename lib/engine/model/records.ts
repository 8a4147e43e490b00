// The engine's persisted outputs: one record type per table (camelCase of the columns, times in epoch ms).

/** A detected bottleneck (bottlenecks table). */
export type BottleneckRecord = {
  id: string;
  type: string;
  severity: "low" | "medium" | "high" | "critical";
  impactScore: number;
  affectedResources: string[];
  metrics: Record<string, unknown>;
  recommendations: string[];
  status: "active" | "resolved";
  detectedAt: number;
  updatedAt: number;
  resolvedAt?: number | null;
};

/** A failure prediction; a proposal when `status` is open (predictions table). */
export type PredictionRecord = {
  id: string;
  failureType: string;
  agentId?: string | null;
  confidence: number;
  predictedAt: number;
  expectedAt: number;
  reasoning: string;
  recommendedAction: string;
  source: string;
  patternIndicators: string[];
  status: "observed" | "open" | "approved" | "rejected" | "expired";
  outcome?: "confirmed" | "prevented" | "false_positive" | "rejected" | null;
  decidedBy?: string | null;
  decidedAt?: number | null;
  decisionReason?: string | null;
};

/** A detected failure (failures table). */
export type FailureRecord = {
  id: string;
  failureType: string;
  agentId?: string | null;
  taskId?: string | null;
  severity?: string | null;
  context: Record<string, unknown>;
  detectedAt: number;
  resolvedAt?: number | null;
};

/** A healing attempt (healings table). */
export type HealingRecord = {
  id: string;
  failureId?: string | null;
  predictionId?: string | null;
  failureType: string;
  strategy: string;
  status: "pending" | "running" | "succeeded" | "failed" | "cancelled";
  trigger: "detected" | "preventive" | "manual";
  actions: unknown[];
  reason?: string | null;
  healMs?: number | null;
  recoveryMs?: number | null;
  startedAt: number;
  finishedAt?: number | null;
  /** An operator's decision on a healing waiting for approval (stored by the decision route, never by the engine). */
  decidedBy?: string | null;
  decidedAt?: number | null;
  decisionReason?: string | null;
  firstApprovedBy?: string | null;
};

/** A command to the swarm's coordinator (commands table). */
export type CommandRecord = {
  id: string;
  healingId?: string | null;
  kind: string;
  params: Record<string, unknown>;
  status: "pending" | "dispatched" | "acknowledged" | "succeeded" | "failed" | "timed_out";
  attempts: number;
  detail?: string | null;
  issuedAt: number;
  deadline: number;
  leaseUntil?: number | null;
  finishedAt?: number | null;
};

/** How a fault is being handled now (docs/decisions.md#d29): a healing runs, a decision waits, a healed bottleneck waits to clear, or
 * an operator must act (why in `reason`); resolved when it ended. */
export type IncidentState = "healing" | "awaiting_decision" | "recovering" | "needs_operator" | "resolved";

/** One fault (a detected failure or an active bottleneck) and how it is being handled (incidents table). */
export type IncidentRecord = {
  /** The failure's or the bottleneck's id. */
  id: string;
  source: "failure" | "bottleneck";
  failureType: string;
  agentId: string | null;
  severity: string;
  /** What a healing acts on: `agent:…`, `task:…`, `resource:…` or `swarm`. */
  target: string;
  state: IncidentState;
  /** Why automation is not acting (needs_operator), or how the incident ended (resolved). */
  reason: string | null;
  /** The healing running or waiting for a decision, else the last one that ran. */
  healingId: string | null;
  openedAt: number;
  updatedAt: number;
  resolvedAt: number | null;
};
