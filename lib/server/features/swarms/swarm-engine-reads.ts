// A swarm's learned patterns and performance report for the API, as the swarm's engine owner has them (the same on
// every instance: another instance forwards the read to the owner).
import { type OwnerReadDeps, readOnOwner } from "../../cluster/owner-reads";
import type { SwarmRef } from "../../http/route";

/** The engine reads of one swarm the routes use, answered by the swarm's engine owner. */
export class SwarmEngineReads {
  constructor(private readonly deps: OwnerReadDeps) {}

  /** The swarm's learned patterns with the outcomes of their predictions. */
  patterns(swarm: SwarmRef) {
    return readOnOwner(this.deps, { read: "patterns", swarm: swarm.name });
  }

  /** The swarm's performance report over the last `rangeMs`. */
  performance(swarm: SwarmRef, rangeMs: number) {
    return readOnOwner(this.deps, { read: "performance", swarm: swarm.name, rangeMs });
  }
}
