// What one live-loop run collects: the injected faults (ground truth from the demo API), the product's outputs as the
// HTTP API lists them at the end, what the socket delivered and when, and the scripted operator's decisions.
// Fields are the contract's snake_case items, read loosely so that new states and outcomes pass through.

/** A fault injected into the demo swarm, as GET /api/v1/demo listed it (times in epoch ms). */
export type FaultTruth = { id: string; scenario: string; targets: string[]; startedAt: number; endsAt: number | null; lastSeenAt: number };

/** A failure item (GET …/failures). */
export type FailureRow = {
  id: string;
  failure_type: string;
  agent_id: string | null;
  severity: string | null;
  context: Record<string, unknown> | null;
  detected_at: string;
  resolved_at: string | null;
} & Record<string, unknown>;

/** A bottleneck item (GET …/bottlenecks). */
export type BottleneckRow = {
  id: string;
  type: string;
  severity: string;
  status: string;
  affected_resources: unknown;
  detected_at: string;
  resolved_at: string | null;
} & Record<string, unknown>;

/** A prediction item (GET …/predictions). */
export type PredictionRow = {
  id: string;
  failure_type: string;
  agent_id: string | null;
  status: string;
  outcome: string | null;
  predicted_at: string;
  source: string;
} & Record<string, unknown>;

/** A command of a healing item. */
export type CommandRow = {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  issued_at: string;
  finished_at: string | null;
} & Record<string, unknown>;

/** A healing item with its commands (GET …/healings). */
export type HealingRow = {
  id: string;
  failure_id: string | null;
  prediction_id: string | null;
  failure_type: string;
  strategy: string;
  status: string;
  trigger: string;
  actions: unknown;
  reason: string | null;
  started_at: string;
  finished_at: string | null;
  commands: CommandRow[];
} & Record<string, unknown>;

/** An incident item (GET …/incidents?state=all, and the socket's incident.updated). */
export type IncidentRow = {
  id: string;
  source: string;
  failure_type: string;
  agent_id: string | null;
  severity: string;
  target: string;
  state: string;
  reason: string | null;
  healing_id: string | null;
  opened_at: string;
  updated_at: string;
  resolved_at: string | null;
} & Record<string, unknown>;

/** One incident state as an incident.updated message carried it (`updatedAt`: the item's updated_at; `at`: arrival). */
export type IncidentUpdate = { id: string; state: string; reason: string | null; updatedAt: number; at: number };

/** One decision the scripted operator made through the API (`final`: it closed the item; `status`: the HTTP status). */
export type DecisionRecord = {
  kind: "prediction" | "healing";
  id: string;
  decision: "approve" | "reject";
  at: number;
  status: number;
  final: boolean;
};

/** A socket message about an engine output: its event name, the item's id and when it arrived (epoch ms). */
export type SocketRecord = { event: string; id: string; at: number };

/** A metrics.tick's health score as it arrived (null: no data). */
export type HealthSample = { at: number; score: number | null };

/** Everything one run collected. */
export type RunRecord = {
  mode: "approve" | "reject";
  startedAt: number;
  endedAt: number;
  /** When the final reads of the stored lists began: socket messages up to here were stored before they were sent. */
  readAt: number;
  faults: FaultTruth[];
  failures: FailureRow[];
  bottlenecks: BottleneckRow[];
  predictions: PredictionRow[];
  healings: HealingRow[];
  incidents: IncidentRow[];
  incidentUpdates: IncidentUpdate[];
  decisions: DecisionRecord[];
  socket: SocketRecord[];
  health: HealthSample[];
  /** Health scores of the fault-free control swarm. */
  controlHealth: HealthSample[];
};
