// GET /api/v1/health: is the database reachable, the engine running, and which swarms' engines this instance owns.
import type { Runtime } from "./runtime";
import { type Retention, retentionDefaults } from "../features/settings/retention-settings";

/** Engine ownership of this instance: its id, the swarms it runs the engine of, and how far behind stored events
 * its reading is (lag_ms; null when the database cannot tell). */
export type Ownership = { instance_id: string; owned_swarms: string[]; lag_ms: number | null };

/** Health report of this instance; `retention` is the server's default (a swarm's own is in its settings). */
export type Health = { status: "ok" | "degraded"; db: "ok" | "unavailable"; engine: "ok" | "stopping"; version: string; cluster: Ownership; retention: Retention };

/** Checks the database with a 2 s bound and reports the engine state. */
export async function checkHealth(rt: Runtime): Promise<Health> {
  const db = await Promise.race([
    rt.pool.query("SELECT 1").then(() => "ok" as const),
    new Promise<"unavailable">((resolve) => setTimeout(() => resolve("unavailable"), 2_000).unref()),
  ]).catch(() => "unavailable" as const);
  const engine = rt.accepting ? "ok" : "stopping";
  const cluster = await rt.cluster.report().catch(() => ({ instance_id: rt.cluster.instanceId, owned_swarms: [...rt.cluster.ownedSwarms()].sort(), lag_ms: null }));
  return { status: db === "ok" && engine === "ok" ? "ok" : "degraded", db, engine, version: rt.version, cluster, retention: retentionDefaults() };
}
