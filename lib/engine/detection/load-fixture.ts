// Deterministic workloads for tests and benchmarks: a fleet of agents with known slow and unreliable members.
import type { EngineEvent } from "../model/types";
import { BottleneckDetector } from "./bottleneck-detector";
import type { DetectorConfig, Finding } from "./types";

/** Shape of a generated fleet workload. */
export type FleetOptions = {
  agents: number;
  eventsPerAgent: number;
  start: number;
  spacingMs: number;
  slowEvery: number;
  unreliableEvery: number;
};

/** A generated workload, the time to evaluate it at, and the agents that must be flagged. */
export type FleetWorkload = { events: EngineEvent[]; now: number; slowAgents: string[]; unreliableAgents: string[] };

/** Defaults: 1,000 agents × 100 task_complete events 2 s apart; every 10th agent 4× slower, every 25th (+1) 60% successful. */
export const DEFAULT_FLEET: FleetOptions = {
  agents: 1_000,
  eventsPerAgent: 100,
  start: 1_700_000_000_000,
  spacingMs: 2_000,
  slowEvery: 10,
  unreliableEvery: 25,
};

/** Deterministic ids `${prefix}-1`, `${prefix}-2`, … (stand-in for crypto.randomUUID). */
export function sequentialIds(prefix = "id"): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** A slow_agent finding on `resource`, for lifecycle tests. */
export const slowAgentFinding = (resource: string, severity: Finding["severity"], impactScore: number): Finding => ({
  type: "slow_agent",
  resource,
  severity,
  impactScore,
  affectedResources: [resource],
  metrics: { agent_id: resource },
});

/** Agent id with a zero-padded index, so ids sort like their indexes. */
export const fleetAgentId = (i: number): string => `agent-${String(i).padStart(5, "0")}`;

/** Slow agents take 4,000 ms per task, the rest 1,000 ms; unreliable agents fail 4 tasks in 10. */
export function fleetWorkload(options: Partial<FleetOptions> = {}): FleetWorkload {
  const o = { ...DEFAULT_FLEET, ...options };
  const events: EngineEvent[] = [];
  const slowAgents: string[] = [];
  const unreliableAgents: string[] = [];
  for (let i = 0; i < o.agents; i++) {
    const agentId = fleetAgentId(i);
    const slow = i % o.slowEvery === 0;
    const unreliable = !slow && i % o.unreliableEvery === 1;
    if (slow) slowAgents.push(agentId);
    if (unreliable) unreliableAgents.push(agentId);
    for (let j = 0; j < o.eventsPerAgent; j++) {
      const result = unreliable && j % 10 < 4 ? "failure" : "success";
      const data = { type: "task_complete", agent_id: agentId, duration_ms: slow ? 4_000 : 1_000, result, tokens_used: 1_000 };
      events.push({
        id: `${agentId}-${j}`,
        type: "task_complete",
        ts: o.start + j * o.spacingMs,
        agentId,
        taskId: `${agentId}-t${j}`,
        data,
      });
    }
  }
  return { events, now: o.start + o.eventsPerAgent * o.spacingMs, slowAgents, unreliableAgents };
}

/** A detector loaded with a fleet workload, ready for timing `detect(now)` / `evaluate(now)`. */
export function loadedDetector(
  options: Partial<FleetOptions> = {},
  config: Partial<DetectorConfig> = {},
): { detector: BottleneckDetector; workload: FleetWorkload } {
  const workload = fleetWorkload(options);
  const detector = new BottleneckDetector(sequentialIds("bottleneck"), config);
  detector.observe(workload.events, workload.now);
  return { detector, workload };
}
