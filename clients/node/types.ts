// Public types of the Swarm Medic client: events, commands, results and the injectable fetch.

/** A `fetch`-compatible function (the global `fetch` by default; inject one in tests or behind a proxy). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** An event as sent to `POST /api/v1/events` (docs/contract.md#ingest); unknown fields are passed through. */
export type SwarmEvent = {
  id?: string;
  type: string;
  timestamp: string | number;
  agent_id?: string;
  task_id?: string;
  duration_ms?: number;
  result?: "success" | "failure" | "timeout" | "cancelled";
  tokens_used?: number;
  metadata?: Record<string, unknown>;
  [field: string]: unknown;
};

/** One per-event problem reported by a 400 from the ingest endpoint. */
export type IngestFieldError = { index?: number; path: string; message: string };

/** The command kinds of docs/contract.md#coordinator-link (other kinds may be added by the server). */
export type CommandKind =
  | "restart_agent"
  | "retry_task"
  | "reassign_task"
  | "pause_tasks"
  | "resume_tasks"
  | "set_concurrency"
  | "scale_agents"
  | "drain_agent"
  | "set_degradation";

/** A healing command delivered to the swarm's coordinator (pull or push). */
export type Command = {
  id: string;
  kind: CommandKind | (string & {});
  params: Record<string, unknown>;
  issued_at: string;
  deadline: string;
};

/** What the coordinator reports for a command. */
export type CommandResult = { status: "succeeded" | "failed"; detail?: string };

/** Runs one command on the agent system; throwing counts as `{status: "failed", detail: <message>}`. */
export type CommandHandler = (command: Command) => Promise<CommandResult>;

/** Exponential backoff bounds: the n-th retry waits a random time in [0, min(maxMs, baseMs·2ⁿ)). */
export type BackoffOptions = { baseMs?: number; maxMs?: number };
