// The live figures of a swarm: the `metrics.tick` message and the `subscribe` snapshot (docs/contract.md#live-channel).

/** The points of the health score's terms (docs/decisions.md#d26: 50 × task success + 30 × MTTR headroom + 20 × mean strategy rate,
 * rescaled over the measured terms), null for a term with nothing measured, and the MTTR target in force. */
export type HealthTerms = {
  success_points: number | null;
  mttr_points: number | null;
  strategy_points: number | null;
  target_mttr_ms: number;
};

/** The live figures of one swarm, published about once a second. */
export type MetricsTick = {
  swarm: string;
  at: number;
  events_per_s: number;
  events_total: number;
  active_agents: number;
  queue_depth: number | null;
  token_usage: number | null;
  health_score: number | null;
  /** The health score's three terms (docs/decisions.md#d26) and the MTTR target in force, or null when not computed. */
  health: HealthTerms | null;
  /** Mean duration (ms) of the tasks that finished within the events/s window, or null when none did. */
  latency_ms: number | null;
  /** The whole swarm went silent (docs/decisions.md#d30): nothing from it for k × its longest learned agent interval; no agent is then
   * detected as down by its silence. */
  stale: boolean;
  /** When the swarm last sent an event (engine clock, epoch ms), or null before its first. */
  last_event_at: number | null;
};
