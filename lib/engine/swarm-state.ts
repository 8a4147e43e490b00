// The swarm as the healing strategies see it (the SwarmView port): agents with their state, load and docs/engine.md#s-11-3
// health score, the queue by priority and resource usage, kept from the event stream and bounded (docs/decisions.md#d3).
import { agentHealthScore, type AgentView, PRIORITIES, type Priority, type SwarmView } from "./healing";
import type { EngineEvent } from "./model/types";

type Agent = {
  state: AgentView["state"];
  lastSeen: number;
  heartbeatAt: number | null;
  healthState: string | null;
  tasks: Set<string>;
  done: number;
  ok: number;
  durationSum: number;
  timed: number;
  /** The latest task durations (ring of RECENT_DURATIONS), for the p95. */
  recent: number[];
};

/** Task durations kept per agent for its p95. */
export const RECENT_DURATIONS = 100;

/** What the swarm state knows about one agent (for the operator's agent table). */
export type AgentDetail = AgentView & {
  lastSeen: number;
  heartbeatAt: number | null;
  healthState: string | null;
  tasks: number;
  successes: number;
  recentDurations: readonly number[];
};

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

const FAILED = new Set(["agent_failed", "agent_down", "heartbeat_failed"]);
const TASK_END = new Set(["task_complete", "task_success", "task_failed", "task_error", "task_timeout"]);

/** Live swarm state for healing decisions. */
export class SwarmState implements SwarmView {
  private agentMap = new Map<string, Agent>();
  private queue: Record<Priority, number> | null = null;
  private percent = new Map<string, number>();
  private quota: number | null = null;

  constructor(
    private maxAgents = 10_000,
    private silentMs = 10 * 60_000,
  ) {}

  /** Folds one event in. */
  observe(e: EngineEvent): void {
    const meta = obj(e.data.metadata);
    if (e.type === "resource_snapshot" && meta) this.observeSnapshot(meta);
    if (e.type === "queue_metric" && meta) this.observeQueue(meta);
    if (e.type === "resource_metric" && meta) {
      for (const [k, type] of [
        ["token_usage_percent", "tokens"],
        ["memory_usage_percent", "memory"],
      ] as const) {
        const v = num(meta[k]);
        if (v !== null) this.percent.set(type, v);
      }
    }
    const usage = num(e.data.current_usage);
    const limit = num(e.data.limit);
    if (typeof e.data.resource_type === "string" && usage !== null && limit) this.percent.set(e.data.resource_type, (usage / limit) * 100);
    if (e.data.resource_type === "agents" && limit) this.quota = limit;
    if (e.agentId) this.observeAgent(e.agentId, e);
  }

  private observeSnapshot(meta: Record<string, unknown>): void {
    const tokens = obj(meta.tokens);
    const budget = num(tokens?.total_budget);
    const consumed = num(tokens?.consumed);
    if (budget && consumed !== null) this.percent.set("tokens", (consumed / budget) * 100);
    const agents = obj(meta.agents);
    const quotas = num(agents?.total_quotas);
    const active = num(agents?.active_agents);
    if (quotas) this.quota = quotas;
    if (quotas && active !== null) this.percent.set("agents", (active / quotas) * 100);
    const byPriority = obj(obj(meta.queue)?.by_priority);
    if (byPriority) this.queue = Object.fromEntries(PRIORITIES.map((p) => [p, num(byPriority[p]) ?? 0])) as Record<Priority, number>;
  }

  /** A queue_metric: the current queue, by priority when it says, else its whole depth as MEDIUM work (the healer's
   * re-checks must see the queue the detector sees, not a snapshot seconds old). */
  private observeQueue(meta: Record<string, unknown>): void {
    const byPriority = obj(meta.by_priority);
    const depth = num(meta.queue_depth);
    if (byPriority) this.queue = Object.fromEntries(PRIORITIES.map((p) => [p, num(byPriority[p]) ?? 0])) as Record<Priority, number>;
    else if (depth !== null)
      this.queue = { ...(Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>), MEDIUM: depth };
  }

  private observeAgent(id: string, e: EngineEvent): void {
    if (e.type === "agent_unregistered") {
      this.agentMap.delete(id);
      return;
    }
    let a = this.agentMap.get(id);
    if (!a) {
      if (this.agentMap.size >= this.maxAgents) this.evictOldest();
      this.agentMap.set(
        id,
        (a = {
          state: "idle",
          lastSeen: e.ts,
          heartbeatAt: null,
          healthState: null,
          tasks: new Set(),
          done: 0,
          ok: 0,
          durationSum: 0,
          timed: 0,
          recent: [],
        }),
      );
    }
    a.lastSeen = Math.max(a.lastSeen, e.ts);
    if (e.type === "heartbeat") a.heartbeatAt = Math.max(a.heartbeatAt ?? e.ts, e.ts);
    const health = typeof e.data.health_state === "string" ? e.data.health_state.toLowerCase() : "";
    if (health) a.healthState = health.slice(0, 64);
    if (FAILED.has(e.type) || health === "failed" || health === "down") a.state = "failed";
    else if (e.type === "heartbeat" || e.type === "agent_registered") a.state = a.tasks.size > 0 ? "busy" : "active";
    if (e.type === "task_start" && e.taskId && a.tasks.size < 1_000) a.tasks.add(e.taskId);
    if (TASK_END.has(e.type)) this.endTask(a, e);
    if (a.state !== "failed") a.state = a.tasks.size > 0 ? "busy" : "active";
  }

  private endTask(a: Agent, e: EngineEvent): void {
    if (e.taskId) a.tasks.delete(e.taskId);
    a.done++;
    const result = e.data.result ?? (e.type === "task_complete" || e.type === "task_success" ? "success" : "failure");
    if (result === "success") a.ok++;
    const duration = num(e.data.duration_ms) ?? num(obj(e.data.metadata)?.duration_ms);
    if (duration !== null) {
      a.durationSum += duration;
      a.timed++;
      a.recent.push(duration);
      if (a.recent.length > RECENT_DURATIONS) a.recent.shift();
    }
  }

  private evictOldest(): void {
    let oldest: string | undefined;
    let t = Infinity;
    for (const [id, a] of this.agentMap) if (a.lastSeen < t) [oldest, t] = [id, a.lastSeen];
    if (oldest !== undefined) this.agentMap.delete(oldest);
  }

  /** Forgets agents silent for longer than the window (called from the tick). */
  prune(now: number): void {
    for (const [id, a] of this.agentMap) if (a.lastSeen < now - this.silentMs) this.agentMap.delete(id);
  }

  agents(): readonly AgentView[] {
    return [...this.agentMap].map(([id, a]) => this.view(id, a));
  }

  /** Every known agent with its liveness, results and recent durations. */
  details(): AgentDetail[] {
    return [...this.agentMap].map(([id, a]) => ({
      ...this.view(id, a),
      lastSeen: a.lastSeen,
      heartbeatAt: a.heartbeatAt,
      healthState: a.healthState,
      tasks: a.done,
      successes: a.ok,
      recentDurations: a.recent,
    }));
  }

  private view(id: string, a: Agent): AgentView {
    return {
      id,
      state: a.state,
      currentTasks: a.tasks.size,
      healthScore: agentHealthScore({
        tasks: a.done,
        successRate: a.done ? a.ok / a.done : 1,
        avgDurationMs: a.timed ? a.durationSum / a.timed : 0,
        currentTasks: a.tasks.size,
      }),
    };
  }

  /** An agent's state, or null when it is not known. */
  stateOf(id: string): AgentView["state"] | null {
    return this.agentMap.get(id)?.state ?? null;
  }

  agentCount(): number {
    let n = 0;
    for (const a of this.agentMap.values()) if (a.state !== "failed") n++;
    return n;
  }

  pendingByPriority(): Readonly<Record<Priority, number>> | null {
    return this.queue;
  }

  agentQuota(): number | null {
    return this.quota;
  }

  resourcePercent(resourceType: string): number | null {
    return (
      this.percent.get(resourceType) ?? this.percent.get(resourceType.replace(/s$/, "")) ?? this.percent.get(`${resourceType}s`) ?? null
    );
  }
}
