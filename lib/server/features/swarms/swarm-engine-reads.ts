// A swarm's learned patterns and performance report for the API, as the swarm's engine owner has them (the same on
// every instance: another instance forwards the read to the owner).
import type { Db } from "../../db/prisma";
import { type OwnerReadDeps, readOnOwner } from "../../cluster/owner-reads";
import { requireSwarm } from "./swarm-lists";

/** What these reads need: storage (does the swarm exist), and the way to the swarm's engine owner. */
export type SwarmEngineReadDeps = OwnerReadDeps & { db: Db };

/** The swarm's learned patterns with the outcomes of their predictions (404 for an unknown swarm). */
export async function swarmPatterns(deps: SwarmEngineReadDeps, swarm: string) {
  await requireSwarm(deps.db, swarm);
  return readOnOwner(deps, { read: "patterns", swarm });
}

/** The swarm's performance report over the last `rangeMs` (404 for an unknown swarm). */
export async function swarmPerformance(deps: SwarmEngineReadDeps, swarm: string, rangeMs: number) {
  await requireSwarm(deps.db, swarm);
  return readOnOwner(deps, { read: "performance", swarm, rangeMs });
}
