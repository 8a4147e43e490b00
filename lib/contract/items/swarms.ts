// A swarm as GET /api/v1/swarms lists it (docs/contract.md#read-and-act, with live events/s, totals and health terms).
import type { SwarmStatus } from "./swarm-status";
import type { HealthTerms } from "./metrics";

/** One listed swarm. */
export type SwarmListItem = {
  name: string;
  /** Null while nothing is measured (docs/decisions.md#d26). */
  health_score: number | null;
  /** The health score's term points and the MTTR target in force (extension of docs/contract.md#read-and-act). */
  health: HealthTerms | null;
  status: SwarmStatus;
  agents: number;
  created_at: string;
  events_per_s: number;
  events_total: number;
  /** When the swarm last sent an event (ISO, from storage: the same on every instance), or null when it has none. */
  last_event_at: string | null;
};
