// GET /api/v1/health: is the database reachable, the engine running, and which swarms' engines this instance owns.
import type pg from "pg";
import type { ClusterNode } from "../../cluster/cluster-node";
import type { IngestGate } from "../../platform/ingest-gate";
import { type Retention, retentionDefaults } from "../settings/retention-settings";

/** Engine ownership of this instance: its id, the swarms it runs the engine of, and how far behind stored events
 * its reading is (lag_ms; null when the database cannot tell). */
export type Ownership = { instance_id: string; owned_swarms: string[]; lag_ms: number | null };

/** Health report of this instance; `retention` is the server's default (a swarm's own is in its settings). */
export type Health = {
  status: "ok" | "degraded";
  db: "ok" | "unavailable";
  engine: "ok" | "stopping";
  version: string;
  cluster: Ownership;
  retention: Retention;
};

/** What the health check reads: the pool, whether new work is taken, engine ownership, and the server's version. */
export type HealthDeps = {
  pool: pg.Pool;
  gate: IngestGate;
  cluster: Pick<ClusterNode, "report" | "instanceId" | "ownedSwarms">;
  version: string;
};

/** Checks the database with a 2 s bound and reports the engine state. */
export async function checkHealth({ pool, gate, cluster, version }: HealthDeps): Promise<Health> {
  const db = await Promise.race([
    pool.query("SELECT 1").then(() => "ok" as const),
    new Promise<"unavailable">((resolve) => setTimeout(() => resolve("unavailable"), 2_000).unref()),
  ]).catch(() => "unavailable" as const);
  const engine = gate.accepting ? "ok" : "stopping";
  const ownership = await cluster
    .report()
    .catch(() => ({ instance_id: cluster.instanceId, owned_swarms: [...cluster.ownedSwarms()].sort(), lag_ms: null }));
  return {
    status: db === "ok" && engine === "ok" ? "ok" : "degraded",
    db,
    engine,
    version,
    cluster: ownership,
    retention: retentionDefaults(),
  };
}

/** The health check for the API route. */
export class HealthCheck {
  constructor(private readonly deps: HealthDeps) {}

  /** See checkHealth. */
  check(): Promise<Health> {
    return checkHealth(this.deps);
  }
}
