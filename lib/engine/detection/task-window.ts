// Task aggregates over the window (per agent and fleet-wide), and the bounded per-agent map (D3, D8).
import type { TaskOutcome } from "./event-readers";
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

/** Per-agent task windows, at most `maxAgents` (least recently heard evicted first), silent agents dropped on sweep. */
export class AgentWindows {
  private readonly agents = new Map<string, SumWindow<TaskField>>();

  constructor(
    private readonly bucketMs: number,
    private readonly maxAgents: number,
  ) {}

  /** Adds one task outcome of `agentId` stamped `ts`, first expiring that agent's buckets older than `firstIdx`. */
  add(agentId: string, ts: number, sample: Partial<Record<TaskField, number>>, firstIdx: number): void {
    let window = this.agents.get(agentId);
    if (window) this.agents.delete(agentId);
    else {
      window = newTaskWindow(this.bucketMs);
      if (this.agents.size >= this.maxAgents) {
        const oldest = this.agents.keys().next();
        if (!oldest.done) this.agents.delete(oldest.value);
      }
    }
    this.agents.set(agentId, window);
    window.expire(firstIdx);
    window.add(ts, sample);
  }

  /** Expires every agent's buckets older than `firstIdx` and forgets agents with nothing left in the window. O(agents). */
  sweep(firstIdx: number): void {
    for (const [id, window] of this.agents) {
      window.expire(firstIdx);
      if (window.size === 0) this.agents.delete(id);
    }
  }

  /** The tracked agents and their totals (insertion = least recently heard first). */
  *totals(): IterableIterator<[string, TaskTotals]> {
    for (const [id, window] of this.agents) yield [id, window.totals];
  }

  /** Number of agents tracked. */
  get count(): number {
    return this.agents.size;
  }

  /** Total buckets held across agents (for memory bounds). */
  get buckets(): number {
    let n = 0;
    for (const w of this.agents.values()) n += w.size;
    return n;
  }
}
