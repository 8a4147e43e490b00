// Framework-free types shared by the engine and its adapters.

/** One stored event as the engine sees it (field names as in the contract, `data` = the event as sent). */
export type EngineEvent = {
  id: string;
  type: string;
  /** Event time (epoch ms), as recorded by the agent system. */
  ts: number;
  agentId?: string;
  taskId?: string;
  data: Record<string, unknown>;
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
};

/** Everything the engine publishes, by event name (contract §5 names). */
export type EngineEventMap = {
  "metrics.tick": MetricsTick;
};
