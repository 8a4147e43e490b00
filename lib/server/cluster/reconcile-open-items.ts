// At takeover (a restart is one), stored open items that only the previous engine could close are reconciled with
// the new engine (docs/decisions.md#d31): active bottlenecks and open incidents are closed, and whatever still holds is detected again
// from the recent events the new owner replays. Running healings are adopted instead (adopted-healings.ts), and so
// are open proposals: the new engine tracks them (not proposing the same fault twice), and an approval carries the
// stored proposal to the engine.
import type { Db } from "../db/prisma";
import type { Prediction, PredictionSource } from "@/lib/engine";

/** Why a reconciled item was closed. */
export const RECONCILED_REASON = "closed when a new engine took the swarm over; detected again if still present";

/** Closes the swarm's active bottlenecks and open incidents; returns how many of each. */
export async function reconcileOpenItems(db: Db, swarmId: number, now: number): Promise<{ bottlenecks: number; incidents: number }> {
  const at = new Date(now);
  const bottlenecks = await db.bottleneck.updateMany({
    where: { swarmId, status: "active" },
    data: { status: "resolved", resolvedAt: at, updatedAt: at },
  });
  const incidents = await db.incident.updateMany({
    where: { swarmId, state: { not: "resolved" } },
    data: { state: "resolved", reason: RECONCILED_REASON, resolvedAt: at, updatedAt: at },
  });
  return { bottlenecks: bottlenecks.count, incidents: incidents.count };
}

/** The swarm's open proposals as the engine tracks them (a new owner adopts them instead of proposing them again). */
export async function openProposals(db: Db, swarmId: number): Promise<Prediction[]> {
  const rows = await db.prediction.findMany({ where: { swarmId, status: "open" }, orderBy: { predictedAt: "asc" }, take: 1_000 });
  return rows.map((p) => ({
    id: p.id,
    failureType: p.failureType,
    agentId: p.agentId,
    confidence: p.confidence,
    predictedAt: p.predictedAt.getTime(),
    expectedAt: p.expectedAt.getTime(),
    reasoning: p.reasoning,
    recommendedAction: p.recommendedAction,
    source: p.source as PredictionSource,
    patternIndicators: Array.isArray(p.patternIndicators) ? p.patternIndicators.filter((x): x is string => typeof x === "string") : [],
    status: "open",
    outcome: null,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
  }));
}
