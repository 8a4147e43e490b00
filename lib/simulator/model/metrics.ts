// Periodic figures of the resource controller (resource_snapshot, queue_metric, resource_metric) and snapshot().
import { memoryPercent } from "./agents";
import { agentState, emit, isLive, isResponsive, isVoter, type SimState } from "./state";
import { usagePercent } from "./tokens";
import { RESOURCE_METRIC_MS, SNAPSHOT_MS } from "./tuning";
import { PRIORITIES, type AgentState, type SimSnapshot } from "./types";

/** Emits the periodic metrics whose time came in (prevT, t]: snapshot every 5 s, queue_metric every 5 s, resource_metric every 10 s. */
export function metricsTick(state: SimState, prevT: number, t: number): void {
  const since = t - state.opts.startMs;
  const before = prevT - state.opts.startMs;
  const crossed = (period: number, offset: number) => Math.floor((since - offset) / period) > Math.floor((before - offset) / period);
  if (crossed(SNAPSHOT_MS, 0)) emit(state, "resource_snapshot", { metadata: snapshotMetadata(state) });
  if (crossed(SNAPSHOT_MS, SNAPSHOT_MS / 2)) {
    const byPriority = state.queue.counts();
    emit(state, "queue_metric", {
      metadata: {
        queue_depth: state.queue.size,
        high_priority_count: byPriority.CRITICAL + byPriority.HIGH,
        by_priority: byPriority,
        running_tasks: runningTasks(state),
      },
    });
  }
  if (crossed(RESOURCE_METRIC_MS, RESOURCE_METRIC_MS / 2)) {
    emit(state, "resource_metric", {
      metadata: {
        token_usage_percent: usagePercent(state),
        memory_usage_percent: peakMemory(state),
        queue_depth: state.queue.size,
        active_agents: activeAgents(state),
      },
    });
  }
}

/** The ground-truth summary. */
export function buildSnapshot(state: SimState): SimSnapshot {
  const byState: Record<AgentState, number> = { active: 0, busy: 0, down: 0, draining: 0 };
  const list = state.agents.map((a) => {
    const s = agentState(a);
    byState[s]++;
    return { id: a.id, state: s, runningTasks: a.running.length, concurrencyLimit: a.limit, memoryPercent: memoryPercent(a) };
  });
  return {
    now: state.clock,
    agents: { total: state.agents.length, byState, list },
    queue: {
      pending: state.queue.size,
      byPriority: state.queue.counts(),
      running: runningTasks(state),
      paused: state.pausedFrom === null ? [] : PRIORITIES.slice(state.pausedFrom),
    },
    tokens: {
      totalBudget: state.opts.tokenBudget,
      consumed: Math.round(state.tokens.consumed),
      usagePercent: usagePercent(state),
      degradationLevel: state.degradation,
    },
    consensus: {
      requiredQuorum: state.opts.requiredQuorum,
      voters: state.agents.filter(isVoter).length,
      quorumLost: state.consensus.quorumLost,
    },
    faults: state.faults.map((f) => ({ ...f, targets: [...f.targets] })),
    counters: { ...state.counters },
    tracked: {
      agents: state.agents.length,
      queuedTasks: state.queue.size,
      runningTasks: runningTasks(state),
      retryableTasks: state.retryable.size,
      commandResults: state.commandResults.size,
      faults: state.faults.length,
    },
  };
}

function snapshotMetadata(state: SimState): Record<string, unknown> {
  const { tokenBudget, totalQuotas } = state.opts;
  const consumed = Math.round(state.tokens.consumed);
  const active = activeAgents(state);
  const byPriority = state.queue.counts();
  return {
    tokens: {
      total_budget: tokenBudget,
      consumed,
      remaining: Math.max(0, tokenBudget - consumed),
      usage_percent: usagePercent(state),
      degradation_level: state.degradation,
    },
    agents: {
      total_quotas: totalQuotas,
      active_agents: active,
      available_slots: Math.max(0, totalQuotas - state.agents.filter(isLive).length),
      down_agents: state.agents.filter((a) => a.status === "down").length,
      draining_agents: state.agents.filter((a) => a.status === "up" && (a.draining || a.removing)).length,
    },
    queue: {
      pending_tasks: state.queue.size,
      by_priority: byPriority,
      running_tasks: runningTasks(state),
      paused_priorities: state.pausedFrom === null ? [] : PRIORITIES.slice(state.pausedFrom),
    },
  };
}

/** Agents the coordinator counts as active: registered and not declared down. */
const activeAgents = (state: SimState): number => state.agents.filter((a) => a.status === "up").length;

const runningTasks = (state: SimState): number => state.agents.reduce((n, a) => n + a.running.length, 0);

const peakMemory = (state: SimState): number => state.agents.filter(isResponsive).reduce((m, a) => Math.max(m, memoryPercent(a)), 0);
