// The self-healer's two ports: the Coordinator it commands, and a read-only view of the swarm it decides from.
import type { CommandKind, CommandStatus } from "./types";

/** A command handed to the Coordinator. The production adapter persists it (status pending) and returns its id. */
export type IssueRequest = { healingId: string; kind: CommandKind; params: Record<string, unknown>; deadline: number };

/**
 * Where strategies act (docs/decisions.md#d18). Param conventions: `agent_id`, `task_id`, `to_agent_id`; `pause_tasks.max_priority`
 * pauses queued tasks of that priority and every less urgent one; `set_concurrency.limit` null restores the default.
 */
export interface CoordinatorPort {
  /** Records and dispatches a command; returns the command id (synchronously, e.g. a pre-generated uuid). */
  issue(command: IssueRequest): string;
}

/** What the engine is told about a command it issued (via SelfHealer.commandResult). */
export type CommandResult = {
  status: Exclude<CommandStatus, "pending">;
  detail?: string | undefined;
  attempts?: number;
  leaseUntil?: number;
};

/** Task priorities, most urgent first (docs/engine.md#s-1-1). */
export const PRIORITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "BACKGROUND"] as const;

/** One task priority. */
export type Priority = (typeof PRIORITIES)[number];

/** One agent as the strategies see it; healthScore is docs/engine.md#s-11-3 (0..1, see agentHealthScore). */
export type AgentView = {
  id: string;
  state: "active" | "idle" | "busy" | "failed";
  healthScore: number;
  currentTasks: number;
};

/** Read-only swarm state for decisions; the lead implements it from the detector's aggregates. */
export interface SwarmView {
  /** Known agents. */
  agents(): readonly AgentView[];
  /** Topology agent_count (agents registered and not failed). */
  agentCount(): number;
  /** Pending tasks by priority, or null when unknown. */
  pendingByPriority(): Readonly<Record<Priority, number>> | null;
  /** Latest usage of a resource in percent (tokens, memory, agents, ...), or null when unknown. */
  resourcePercent(resourceType: string): number | null;
  /** The most agents the swarm's resource controller allows (its agent quota), or null when it has not said. */
  agentQuota?(): number | null;
}

/** Total pending tasks in a view, or null when the queue is unknown. */
export function pendingTotal(view: SwarmView): number | null {
  const q = view.pendingByPriority();
  return q === null ? null : PRIORITIES.reduce((sum, p) => sum + q[p], 0);
}
