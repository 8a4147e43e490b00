// GET /api/v1/health: is the database reachable and the engine running.
import type { Runtime } from "../runtime";

/** Health report of this instance. */
export type Health = { status: "ok" | "degraded"; db: "ok" | "unavailable"; engine: "ok" | "stopping"; version: string };

/** Checks the database with a 2 s bound and reports the engine state. */
export async function checkHealth(rt: Runtime): Promise<Health> {
  const db = await Promise.race([
    rt.pool.query("SELECT 1").then(() => "ok" as const),
    new Promise<"unavailable">((resolve) => setTimeout(() => resolve("unavailable"), 2_000).unref()),
  ]).catch(() => "unavailable" as const);
  const engine = rt.accepting ? "ok" : "stopping";
  return { status: db === "ok" && engine === "ok" ? "ok" : "degraded", db, engine, version: rt.version };
}
