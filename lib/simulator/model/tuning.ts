// The simulated swarm's fixed rates and thresholds (the tunable ones are SimulatorOptions).

/** Each live agent heartbeats this often. */
export const HEARTBEAT_MS = 5_000;
/** Missed heartbeats after which the coordinator declares an agent down. */
export const MISSES_BEFORE_DOWN = 3;
/** A restarted agent registers and heartbeats again after this delay. */
export const RESTART_DELAY_MS = 2_000;
/** A newly scaled-up agent registers after this delay. */
export const STARTUP_DELAY_MS = 3_000;
/** Mean spacing of consensus rounds. */
export const CONSENSUS_INTERVAL_MS = 10_000;
/** ± jitter of the consensus spacing. */
export const CONSENSUS_JITTER_MS = 1_000;
/** A round that does not reach agreement gives up after this long (result `timeout`). */
export const CONSENSUS_TIMEOUT_MS = 5_000;
/** Cadence of `resource_snapshot` and of `queue_metric` (offset by half a period). */
export const SNAPSHOT_MS = 5_000;
/** Cadence of `resource_metric`. */
export const RESOURCE_METRIC_MS = 10_000;
/** Task base duration range in ms (before the agent's speed and slowdown). */
export const TASK_MS: readonly [number, number] = [2_000, 6_000];
/** Task base token cost range (before degradation). */
export const TASK_TOKENS: readonly [number, number] = [800, 3_000];
/** Agent speed range (a duration multiplier: above 1 is slower). */
export const AGENT_SPEED: readonly [number, number] = [0.85, 1.2];
/** Agent reliability range (probability that a task succeeds). */
export const AGENT_RELIABILITY: readonly [number, number] = [0.94, 0.99];
/** Agent baseline memory % range. */
export const AGENT_MEMORY: readonly [number, number] = [35, 55];
/** Memory % each running task adds. */
export const MEMORY_PER_TASK = 6;
/** Normal arrival mix by priority (CRITICAL…BACKGROUND). */
export const ARRIVAL_MIX: readonly number[] = [0.05, 0.15, 0.4, 0.25, 0.15];
/** Priority mix of the extra arrivals during a queue flood (a bulk job: mostly LOW and BACKGROUND). */
export const FLOOD_MIX: readonly number[] = [0, 0.02, 0.08, 0.5, 0.4];
/** Token spend multiplier per degradation level 0..4 (the levels' capacity percent). */
export const DEGRADATION_SPEND: readonly number[] = [1, 0.75, 0.5, 0.25, 0.1];
/** Token usage fractions that raise `token_warning` (medium, high); reaching the budget raises `resource_exhaustion`. */
export const TOKEN_WARNINGS: readonly number[] = [0.8, 0.9];
/** Memory % from which heartbeats report `degraded` and `memory_pressure` warnings are raised (every 10 s at most). */
export const MEMORY_PRESSURE_PERCENT = 85;
/** Spacing of repeated warnings (memory_pressure, high_latency) per agent. */
export const WARNING_SPACING_MS = 10_000;
/** A completed task slower than this multiple of the fleet's mean raises `high_latency`. */
export const HIGH_LATENCY_RATIO = 2.5;
/** Recent failed or timed-out tasks kept for retry_task / reassign_task. */
export const MAX_RETRYABLE = 500;
/** Command results kept for idempotency. */
export const MAX_COMMAND_RESULTS = 1_000;

/** Fault intensities (rates per second; the token leak is a fraction of the budget per running task-second; a queue
 * flood's arrivals climb to floodFactor × over floodRampMs, as a surge of demand builds, then hold until it ends). */
export const FAULT = {
  slowdownPerSec: 0.05,
  maxSlowdown: 10,
  tokenLeakPerTaskSec: 0.004,
  memoryLeakPerSec: 0.5,
  memoryReclaimPerSec: 2,
  floodFactor: 5,
  floodRampMs: 90_000,
  floodMs: 120_000,
  laggardTimeoutChance: 0.75,
} as const;
