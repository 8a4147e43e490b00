// The engine benchmark's realistic mixed event stream: a deterministic (seeded) swarm of agents sending heartbeats,
// task starts and results, resource and queue figures, consensus rounds and occasional heartbeat failures, in event
// time order, generated one simulated second at a time so a long run never holds more than a second in memory.
import type { EngineEvent } from "@/lib/engine";

/** Shape of a generated stream. */
export type StreamOptions = { agents: number; seed: number; start: number };

/** Defaults: 200 agents from a fixed epoch (about 250 events per simulated second). */
export const DEFAULT_STREAM: StreamOptions = { agents: 200, seed: 42, start: 1_700_000_000_000 };

type Agent = {
  id: string;
  tasks: number;
  taskId: string;
  taskStart: number;
  taskEnd: number;
  slow: boolean;
  unreliable: boolean;
  flaky: boolean;
};

/** Deterministic PRNG (mulberry32), uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A mixed swarm stream. Every 20th agent is 3× slower, every 33rd fails 40% of its tasks (else 3%), every 40th is
 * flaky (its heartbeats fail now and then). Tokens climb to 95% of the budget over 15 min and reset; the queue backs
 * up for one minute in seven; consensus rounds time out 5% of the time, 30% for one minute in ten.
 */
export class EngineStream {
  private readonly rand: () => number;
  private readonly agents: Agent[];
  private second = 0;
  private seq = 0;
  private buffer: EngineEvent[] = [];
  private pos = 0;

  constructor(private readonly o: StreamOptions = DEFAULT_STREAM) {
    this.rand = prng(o.seed);
    this.agents = Array.from({ length: o.agents }, (_, i) => ({
      id: `agent-${String(i).padStart(4, "0")}`,
      tasks: 0,
      taskId: "",
      taskStart: o.start,
      taskEnd: o.start,
      slow: i % 20 === 7,
      unreliable: i % 33 === 5,
      flaky: i % 40 === 3,
    }));
  }

  /** The next `n` events in event-time order. */
  next(n: number): EngineEvent[] {
    const out: EngineEvent[] = [];
    while (out.length < n) {
      if (this.pos >= this.buffer.length) this.fill();
      const take = Math.min(n - out.length, this.buffer.length - this.pos);
      for (let k = 0; k < take; k++) out.push(this.buffer[this.pos + k]!);
      this.pos += take;
    }
    return out;
  }

  private fill(): void {
    const s = this.second++;
    const t0 = this.o.start + s * 1000;
    const events: EngineEvent[] = [];
    for (const [i, a] of this.agents.entries()) {
      if (s % 5 === i % 5)
        events.push(
          this.event("heartbeat", t0 + ((i * 37) % 1000), a, {
            health_state: "healthy",
            metadata: { cpu_percent: Math.round(20 + 60 * this.rand()) },
          }),
        );
      while (a.taskEnd < t0 + 1000) this.taskCycle(a, events);
    }
    this.swarmWide(s, t0, events);
    events.sort((x, y) => x.ts - y.ts);
    this.buffer = events;
    this.pos = 0;
  }

  /** Ends the agent's current task (if any) at `taskEnd` and starts the next one after a short gap. */
  private taskCycle(a: Agent, out: EngineEvent[]): void {
    const end = a.taskEnd;
    const duration_ms = end - a.taskStart;
    if (a.taskId && this.rand() < (a.unreliable ? 0.4 : 0.03))
      out.push(this.event("task_failed", end, a, { task_id: a.taskId, error: "tool call failed", duration_ms }));
    else if (a.taskId)
      out.push(
        this.event("task_complete", end, a, {
          task_id: a.taskId,
          duration_ms,
          result: "success",
          tokens_used: Math.round(500 + 3_000 * this.rand()),
        }),
      );
    a.taskStart = end + Math.round(200 * this.rand());
    a.taskId = `${a.id}-t${++a.tasks}`;
    out.push(
      this.event("task_start", a.taskStart, a, { task_id: a.taskId, metadata: { priority: this.rand() < 0.1 ? "HIGH" : "MEDIUM" } }),
    );
    a.taskEnd = a.taskStart + Math.round((1_000 + 2_000 * this.rand()) * (a.slow ? 3 : 1));
  }

  private swarmWide(s: number, t0: number, out: EngineEvent[]): void {
    const tokenRatio = 0.3 + (0.65 * (s % 900)) / 900;
    const backlog = s % 420 >= 300 && s % 420 < 360;
    const depth = Math.round(backlog ? 120 + 40 * this.rand() : 30 + 15 * Math.sin(s / 60));
    const highPriority = Math.round(2 + 10 * this.rand());
    if (s % 5 === 0) {
      const queue = {
        pending_tasks: depth,
        by_priority: { CRITICAL: 1, HIGH: highPriority - 1, MEDIUM: depth - highPriority, LOW: 0, BACKGROUND: 0 },
      };
      const tokens = { total_budget: 1_000_000, consumed: Math.round(tokenRatio * 1_000_000) };
      out.push(
        this.event("resource_snapshot", t0 + 500, null, {
          metadata: { tokens, agents: { total_quotas: 250, active_agents: this.o.agents }, queue },
        }),
      );
      if (tokenRatio > 0.8)
        out.push(this.event("token_warning", t0 + 510, null, { metadata: { token_usage_percent: Math.round(tokenRatio * 100) } }));
    }
    if (s % 10 === 3) {
      const metadata = {
        token_usage_percent: Math.round(tokenRatio * 100),
        memory_usage_percent: Math.round(55 + 10 * this.rand()),
        active_agents: this.o.agents,
      };
      out.push(this.event("resource_metric", t0 + 250, null, { metadata }));
    }
    if (s % 2 === 0)
      out.push(this.event("queue_metric", t0 + 100, null, { metadata: { queue_depth: depth, high_priority_count: highPriority } }));
    if (s % 3 === 0) {
      const timeoutRate = s % 600 >= 400 && s % 600 < 460 ? 0.3 : 0.05;
      const result = this.rand() < timeoutRate ? "timeout" : "success";
      out.push(
        this.event("consensus_round", t0 + 700, null, { duration_ms: Math.round(500 + 2_500 * this.rand()), result, participants: 5 }),
      );
    }
    if (this.rand() < 0.05) {
      const flaky = this.agents.filter((a) => a.flaky);
      const a = flaky[Math.floor(this.rand() * flaky.length)];
      if (a)
        out.push(this.event("heartbeat_failed", t0 + Math.floor(1000 * this.rand()), a, { health_state: "failed", missed_heartbeats: 3 }));
    }
  }

  /** One stored event; `data` is the event as sent (snake_case, with its own type, agent_id and timestamp). */
  private event(type: string, ts: number, a: Agent | null, fields: Record<string, unknown>): EngineEvent {
    const id = `e${++this.seq}`;
    const data: Record<string, unknown> = { id, type, timestamp: ts, ...fields };
    if (a) data.agent_id = a.id;
    const taskId = typeof fields.task_id === "string" ? fields.task_id : undefined;
    return { id, type, ts, ...(a ? { agentId: a.id } : {}), ...(taskId ? { taskId } : {}), data };
  }
}
