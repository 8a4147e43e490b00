// Query-key factory: every key the browser cache uses, and the only place one is written. Everything about one swarm
// that the live channel feeds lives under ["swarm", name], so a reconnect can invalidate it in one call; a swarm's
// settings, webhook and ingest keys live under ["swarms", …] beside the swarm list, which the re-sync reads again too.
import type { RangePreset, RangeSelection } from "@/lib/browser/view/charts/time-range";
import type { AuditFilters } from "./audit";
import type { HealingFilters } from "./healing-filters";
import type { PredictionFilters } from "./prediction-filters";

const ofSwarm = (swarm: string) => ["swarm", swarm] as const;
const healingScreenOf = (swarm: string) => [...ofSwarm(swarm), "healings", "screen"] as const;
const predictionScreenOf = (swarm: string) => [...ofSwarm(swarm), "predictions"] as const;

/** Query keys. */
export const keys = {
  /** GET /api/v1/swarms. */
  swarms: () => ["swarms"] as const,
  /** Everything cached about every swarm (what a reconnect reads again). */
  everySwarm: () => ["swarm"] as const,
  /** Everything cached about one swarm. */
  swarm: ofSwarm,
  /** The latest metrics tick (socket only). */
  live: (swarm: string) => [...ofSwarm(swarm), "live"] as const,
  /** The last few minutes of ticks, for the sparklines (socket only). */
  series: (swarm: string) => [...ofSwarm(swarm), "series"] as const,
  /** Active bottlenecks. */
  bottlenecks: (swarm: string) => [...ofSwarm(swarm), "bottlenecks", "active"] as const,
  /** Open incidents: each fault and how it is handled now. */
  incidents: (swarm: string) => [...ofSwarm(swarm), "incidents", "open"] as const,
  /** Open healing proposals (and those decided while on screen). */
  proposals: (swarm: string) => [...ofSwarm(swarm), "proposals"] as const,
  /** Recent healings with their commands. */
  healings: (swarm: string) => [...ofSwarm(swarm), "healings", "recent"] as const,
  /** Every lookup of the healings approved proposals started (live events patch them all). */
  proposalHealingsAll: (swarm: string) => [...ofSwarm(swarm), "healings", "of-proposals"] as const,
  /** The preventive healings started since `from`, looked up for approved proposals not among the recent healings. */
  proposalHealings: (swarm: string, from: string) => [...ofSwarm(swarm), "healings", "of-proposals", from] as const,
  /** Everything the healing screen reads (history, strategies, MTTR): a healing event refetches it all. */
  healingScreen: healingScreenOf,
  /** The healing history matching `filters`. */
  healingHistory: (swarm: string, filters: HealingFilters) => [...healingScreenOf(swarm), "list", filters] as const,
  /** Strategy effectiveness over the last 30 days. */
  strategies: (swarm: string) => [...healingScreenOf(swarm), "strategies"] as const,
  /** The MTTR series of a range. */
  mttr: (swarm: string, range: RangeSelection) => [...healingScreenOf(swarm), "mttr", range] as const,
  /** Everything on the predictions screen a prediction event changes (lists, quality, lead times). */
  predictionScreen: predictionScreenOf,
  /** The predictions matching `filters`. */
  predictions: (swarm: string, filters: PredictionFilters) => [...predictionScreenOf(swarm), "list", filters] as const,
  /** Prediction quality over a range. */
  predictionQuality: (swarm: string, range: RangePreset) => [...predictionScreenOf(swarm), "quality", range] as const,
  /** Prediction lead times over a range. */
  leadTimes: (swarm: string, range: RangePreset) => [...predictionScreenOf(swarm), "lead-times", range] as const,
  /** The learned patterns (they change with the engine's learning, not with an event: refreshed by polling). */
  patterns: (swarm: string) => [...ofSwarm(swarm), "patterns"] as const,
  /** The agent table. */
  agents: (swarm: string) => [...ofSwarm(swarm), "agent", "table"] as const,
  /** One agent's summary, failures and healings. */
  agent: (swarm: string, agent: string) => [...ofSwarm(swarm), "agent", "one", agent] as const,
  /** One agent's recent events. */
  agentEvents: (swarm: string, agent: string) => [...ofSwarm(swarm), "agent", "one", agent, "events"] as const,
  /** A swarm's healing settings. */
  settings: (swarm: string) => ["swarms", swarm, "settings"] as const,
  /** A swarm's webhook. */
  webhook: (swarm: string) => ["swarms", swarm, "webhook"] as const,
  /** A swarm's ingest keys. */
  ingestKeys: (swarm: string) => ["swarms", swarm, "keys"] as const,
  /** Every user. */
  users: () => ["users"] as const,
  /** One filtered audit list. */
  audit: (filters: AuditFilters) => ["audit", filters] as const,
  /** The demo swarm's scenarios and faults in effect. */
  demo: () => ["demo"] as const,
};
