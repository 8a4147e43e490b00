// The shared task queue: one FIFO lane per priority, dispatched most urgent first, with tasks pinned to an agent.
import { PRIORITIES, type Priority } from "./types";

/** A task waiting or running; `pinnedTo` reserves it for one agent (reassign_task / retry_task with agent_id). */
export type Task = {
  id: string;
  priority: Priority;
  rank: number;
  baseMs: number;
  baseTokens: number;
  createdAt: number;
  attempt: number;
  pinnedTo: string | null;
};

/** Rank of each priority, 0 = CRITICAL. */
export const RANK: Readonly<Record<Priority, number>> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, BACKGROUND: 4 };

/** Priority-laned FIFO queue. */
export class TaskQueue {
  private readonly lanes: Task[][] = PRIORITIES.map(() => []);
  private pinned = 0;
  private total = 0;

  /** Tasks queued. */
  get size(): number {
    return this.total;
  }

  /** Queued tasks per priority. */
  counts(): Record<Priority, number> {
    const out = {} as Record<Priority, number>;
    PRIORITIES.forEach((p, i) => (out[p] = this.lanes[i]?.length ?? 0));
    return out;
  }

  /** Appends a task to its lane, or puts it at the lane's head (`front`, for retries). */
  add(task: Task, front = false): void {
    const lane = this.lanes[task.rank];
    if (!lane) return;
    if (front) lane.unshift(task);
    else lane.push(task);
    this.total++;
    if (task.pinnedTo !== null) this.pinned++;
  }

  /** The queued task with this id, if any. */
  find(taskId: string): Task | undefined {
    for (const lane of this.lanes) {
      const task = lane.find((t) => t.id === taskId);
      if (task) return task;
    }
    return undefined;
  }

  /** Removes and returns the queued task with this id, if any. */
  remove(taskId: string): Task | undefined {
    for (const lane of this.lanes) {
      const i = lane.findIndex((t) => t.id === taskId);
      if (i >= 0) return this.takeAt(lane, i);
    }
    return undefined;
  }

  /**
   * The next task for `agentId`: a task pinned to it first (even in a closed lane), else the head-most unpinned task
   * of the most urgent open lane. Pins to agents that `pinValid` rejects are dropped on the way.
   */
  take(agentId: string, open: (rank: number) => boolean, pinValid: (agentId: string) => boolean): Task | undefined {
    for (let rank = 0; rank < this.lanes.length; rank++) {
      const lane = this.lanes[rank] ?? [];
      const laneOpen = open(rank);
      if (!laneOpen && this.pinned === 0) continue;
      for (let i = 0; i < lane.length; i++) {
        const task = lane[i]!;
        if (task.pinnedTo !== null && !pinValid(task.pinnedTo)) {
          task.pinnedTo = null;
          this.pinned--;
        }
        if (task.pinnedTo === agentId || (task.pinnedTo === null && laneOpen)) return this.takeAt(lane, i);
        if (this.pinned === 0 && !laneOpen) break;
      }
    }
    return undefined;
  }

  /** Drops every queued task of one priority (pinned ones too); returns how many. */
  drop(priority: Priority): number {
    const lane = this.lanes[RANK[priority]] ?? [];
    const n = lane.length;
    this.pinned -= lane.filter((t) => t.pinnedTo !== null).length;
    lane.length = 0;
    this.total -= n;
    return n;
  }

  private takeAt(lane: Task[], i: number): Task {
    const [task] = lane.splice(i, 1) as [Task];
    this.total--;
    if (task.pinnedTo !== null) this.pinned--;
    return task;
  }
}
