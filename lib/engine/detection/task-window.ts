// Task aggregates over the window (per agent and fleet-wide), and the bounded per-agent map (docs/decisions.md#d3, docs/decisions.md#d8).
import type { TaskOutcome } from "./event-readers";
import { identityOf } from "./lifecycle";
import { SumWindow } from "./sum-window";

/** Fields summed per task window. */
export const TASK_FIELDS = ["tasks", "successes", "timedTasks", "durationSum", "tokenTasks", "tokenSum"] as const;

/** One task-window field. */
export type TaskField = (typeof TASK_FIELDS)[number];

/** Running task sums over a window. */
export type TaskTotals = Readonly<Record<TaskField, number>>;

/** The sums one task outcome adds. */
export function taskSample(t: TaskOutcome): Partial<Record<TaskField, number>> {
  return {
    tasks: 1,
    successes: t.success ? 1 : 0,
    timedTasks: t.durationMs === null ? 0 : 1,
    durationSum: t.durationMs ?? 0,
    tokenTasks: t.tokensUsed === null ? 0 : 1,
    tokenSum: t.tokensUsed ?? 0,
  };
}

/** Mean task duration over the window, or null when no task carried a duration. */
export function meanDuration(t: TaskTotals): number | null {
  return t.timedTasks > 0 ? t.durationSum / t.timedTasks : null;
}

/** A new, empty task window. */
export function newTaskWindow(bucketMs: number): SumWindow<TaskField> {
  return new SumWindow(TASK_FIELDS, bucketMs);
}

/** One tracked agent: its task window, plus its slow_agent identity and affected resources, built once. */
export type AgentEntry = {
  readonly id: string;
  readonly window: SumWindow<TaskField>;
  readonly identity: string;
  readonly resources: readonly string[];
};

/** Per-agent task windows, at most `maxAgents` (least recently heard evicted first), silent agents dropped on sweep. */
export class AgentWindows {
  private readonly agents = new Map<string, AgentEntry>();

  constructor(
    private readonly bucketMs: number,
    private readonly maxAgents: number,
  ) {}

  /** Adds one task outcome of `agentId` stamped `ts`, first expiring that agent's buckets older than `firstIdx`. */
  add(agentId: string, ts: number, sample: Partial<Record<TaskField, number>>, firstIdx: number): void {
    let entry = this.agents.get(agentId);
    if (entry) this.agents.delete(agentId);
    else {
      entry = {
        id: agentId,
        window: newTaskWindow(this.bucketMs),
        identity: identityOf({ type: "slow_agent", resource: agentId }),
        resources: [agentId],
      };
      if (this.agents.size >= this.maxAgents) {
        const oldest = this.agents.keys().next();
        if (!oldest.done) this.agents.delete(oldest.value);
      }
    }
    this.agents.set(agentId, entry);
    entry.window.expire(firstIdx);
    entry.window.add(ts, sample);
  }

  /** Expires every agent's buckets older than `firstIdx` and forgets agents with nothing left in the window. O(agents). */
  sweep(firstIdx: number): void {
    for (const entry of this.agents.values()) {
      entry.window.expire(firstIdx);
      if (entry.window.size === 0) this.agents.delete(entry.id);
    }
  }

  /** Calls `fn` on every tracked agent, least recently heard first (no iterator objects: a pass stays allocation-free). */
  forEach(fn: (entry: AgentEntry) => void): void {
    this.agents.forEach(fn);
  }

  /** Number of agents tracked. */
  get count(): number {
    return this.agents.size;
  }

  /** Total buckets held across agents (for memory bounds). */
  get buckets(): number {
    let n = 0;
    for (const entry of this.agents.values()) n += entry.window.size;
    return n;
  }
}
