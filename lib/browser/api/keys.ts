// Query-key factory: every key the browser cache uses. Everything about one swarm lives under ["swarm", name], so a
// reconnect can invalidate it in one call.

/** Query keys. */
export const keys = {
  /** GET /api/v1/swarms. */
  swarms: () => ["swarms"] as const,
  /** Everything cached about one swarm. */
  swarm: (swarm: string) => ["swarm", swarm] as const,
  /** The latest metrics tick (socket only). */
  live: (swarm: string) => ["swarm", swarm, "live"] as const,
  /** The last few minutes of ticks, for the sparklines (socket only). */
  series: (swarm: string) => ["swarm", swarm, "series"] as const,
  /** Active bottlenecks. */
  bottlenecks: (swarm: string) => ["swarm", swarm, "bottlenecks", "active"] as const,
  /** Open incidents: each fault and how it is handled now. */
  incidents: (swarm: string) => ["swarm", swarm, "incidents", "open"] as const,
  /** Open healing proposals (and those decided while on screen). */
  proposals: (swarm: string) => ["swarm", swarm, "proposals"] as const,
  /** Recent healings with their commands. */
  healings: (swarm: string) => ["swarm", swarm, "healings", "recent"] as const,
  /** Every lookup of the healings approved proposals started (live events patch them all). */
  proposalHealingsAll: (swarm: string) => ["swarm", swarm, "healings", "of-proposals"] as const,
  /** The preventive healings started since `from`, looked up for approved proposals not among the recent healings. */
  proposalHealings: (swarm: string, from: string) => ["swarm", swarm, "healings", "of-proposals", from] as const,
  /** The agent table. */
  agents: (swarm: string) => ["swarm", swarm, "agent", "table"] as const,
  /** One agent's summary, failures and healings. */
  agent: (swarm: string, agent: string) => ["swarm", swarm, "agent", "one", agent] as const,
  /** One agent's recent events. */
  agentEvents: (swarm: string, agent: string) => ["swarm", swarm, "agent", "one", agent, "events"] as const,
  /** The demo swarm's scenarios and faults in effect. */
  demo: () => ["demo"] as const,
};
