// Records and plans of the self-healer: failures, healings and commands (persisted 1:1), plus what strategies plan.

/** Failure and bottleneck severities. */
export type Severity = "critical" | "high" | "medium" | "low";

/** Why a healing ran: a detected failure, a prediction (preventive) or an operator. */
export type Trigger = "detected" | "preventive" | "manual";

/** A detected (or synthetic) failure; the `failures` table row. `context` keeps the event's snake_case fields. */
export type Failure = {
  id: string;
  failureType: string;
  agentId: string | null;
  taskId: string | null;
  severity: Severity | null;
  context: Record<string, unknown>;
  detectedAt: number;
  resolvedAt: number | null;
};

/** The kinds of command a strategy may issue through the Coordinator port (docs/decisions.md#d18). */
export const COMMAND_KINDS = [
  "restart_agent",
  "retry_task",
  "reassign_task",
  "pause_tasks",
  "resume_tasks",
  "set_concurrency",
  "scale_agents",
  "drain_agent",
  "set_degradation",
] as const;

/** One command kind. */
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** A command's persisted lifecycle (docs/decisions.md#d19): pending → dispatched → acknowledged → succeeded | failed | timed_out. */
export type CommandStatus = "pending" | "dispatched" | "acknowledged" | "succeeded" | "failed" | "timed_out";

/** The `commands` table row. */
export type CommandRecord = {
  id: string;
  healingId: string | null;
  kind: CommandKind;
  params: Record<string, unknown>;
  status: CommandStatus;
  attempts: number;
  detail: string | null;
  issuedAt: number;
  deadline: number;
  leaseUntil: number | null;
  finishedAt: number | null;
};

/** A healing's status; a proposal awaiting approval is `pending`, a skipped or expired one `cancelled`. */
export type HealingStatus = "pending" | "running" | "succeeded" | "failed" | "cancelled";

/** One entry of a healing's action log: a note, or a command with its latest status. */
export type HealingAction = string | { kind: CommandKind; params: Record<string, unknown>; commandId: string; status: CommandStatus };

/** The `healings` table row. healMs = first command issued → last command finished; recoveryMs = detected → verified (docs/decisions.md#d17). */
export type HealingRecord = {
  id: string;
  failureId: string | null;
  predictionId: string | null;
  failureType: string;
  strategy: string;
  status: HealingStatus;
  trigger: Trigger;
  actions: HealingAction[];
  reason: string | null;
  healMs: number | null;
  recoveryMs: number | null;
  startedAt: number;
  finishedAt: number | null;
};

/** A command a strategy wants issued; `delayMs` holds it back (backoff), `timeoutMs` sets its deadline. */
export type CommandSpec = { kind: CommandKind; params: Record<string, unknown>; timeoutMs?: number; delayMs?: number };

/** A check against the live swarm view. */
export type ViewCondition =
  | { kind: "agent_count_at_least"; count: number }
  | { kind: "queue_below"; pending: number }
  | { kind: "resource_below"; resourceType: string; percent: number };

/** How a healing proves recovery after its commands succeeded (docs/decisions.md#d19). */
export type VerificationSpec =
  /** A heartbeat from the agent; with `anyEvent`, any event of its own (an agent found down by its silence is back once heard from). */
  | { kind: "agent_heartbeat"; agentId: string; timeoutMs: number; anyEvent?: boolean }
  | { kind: "task_completed"; taskId: string; timeoutMs: number }
  | { kind: "condition"; condition: ViewCondition; timeoutMs: number }
  | { kind: "stable"; windowMs: number; condition?: ViewCondition }
  | { kind: "none" };

/**
 * A strategy's plan: act (commands + verification), decline (let the next strategy try) or halt (stop the chain).
 * `restore` undoes the settings the commands change (resume_tasks after pause_tasks, ...): the healer issues it once the
 * healing has let go (success + `restoreWhen`, else the verification's condition, held for the stability window; or
 * failure) and no other active healing holds the same setting.
 */
export type Plan =
  | {
      kind: "act";
      commands: CommandSpec[];
      verify: VerificationSpec;
      notes: string[];
      restore: CommandSpec[];
      restoreWhen: ViewCondition | null;
    }
  | { kind: "decline"; reason: string }
  | { kind: "halt"; reason: string };

/** Lifecycle changes the self-healer reports, for the lead to persist and publish. */
export type HealerChange =
  | { type: "healing.proposed"; healing: HealingRecord }
  | { type: "healing.started"; healing: HealingRecord }
  | { type: "healing.finished"; healing: HealingRecord }
  | { type: "command.updated"; command: CommandRecord }
  | { type: "failure.resolved"; failureId: string; resolvedAt: number };
