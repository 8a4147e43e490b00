// A small seeded generator of a plausible swarm's events (agents heartbeating, tasks starting and finishing,
// token and queue figures), so a first start has live data. Deterministic for a seed and a sequence of times.

/** Seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Agent = { id: string; speed: number; reliability: number; task?: { id: string; started: number; duration: number } };

/** Generates one second of events at a time for a small swarm of agents. */
export class DemoGenerator {
  private rand: () => number;
  private agents: Agent[];
  private taskSeq = 0;
  private tokensUsed = 0;
  private queue = 12;
  private second = 0;

  constructor(seed = 42, agentCount = 8, private tokenBudget = 2_000_000) {
    this.rand = seededRandom(seed);
    this.agents = Array.from({ length: agentCount }, (_, i) => ({ id: `agent-${i + 1}`, speed: 0.6 + this.rand() * 0.8, reliability: 0.9 + this.rand() * 0.09 }));
  }

  /** The events of the second ending at `now` (epoch ms). */
  next(now: number): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    this.second++;
    this.queue = Math.max(0, this.queue + Math.round(this.rand() * 4 - 1.6));
    for (const a of this.agents) {
      if (this.second % 5 === 0) out.push({ type: "heartbeat", agent_id: a.id, timestamp: now, health_state: "healthy" });
      if (a.task && now - a.task.started >= a.task.duration) {
        const ok = this.rand() < a.reliability;
        const tokens = Math.round(500 + this.rand() * 3_000);
        this.tokensUsed += tokens;
        out.push(
          ok
            ? { type: "task_complete", agent_id: a.id, task_id: a.task.id, timestamp: now, duration_ms: a.task.duration, result: "success", tokens_used: tokens }
            : { type: "task_failed", agent_id: a.id, task_id: a.task.id, timestamp: now, duration_ms: a.task.duration, result: "failure", tokens_used: tokens },
        );
        a.task = undefined;
      }
      if (!a.task && this.queue > 0 && this.rand() < 0.7) {
        this.queue--;
        a.task = { id: `task-${++this.taskSeq}`, started: now, duration: Math.round((800 + this.rand() * 4_000) / a.speed) };
        out.push({ type: "task_start", agent_id: a.id, task_id: a.task.id, timestamp: now });
      }
    }
    if (this.second % 2 === 0) out.push({ type: "queue_metric", timestamp: now, metadata: { queue_depth: this.queue, high_priority_count: Math.round(this.queue * 0.2) } });
    if (this.second % 5 === 0) {
      out.push({
        type: "resource_snapshot",
        timestamp: now,
        metadata: {
          tokens: { total_budget: this.tokenBudget, consumed: this.tokensUsed % this.tokenBudget },
          agents: { total_quotas: this.agents.length, active_agents: this.agents.filter((a) => a.task).length },
          queue: { pending_tasks: this.queue },
        },
      });
    }
    return out;
  }
}
