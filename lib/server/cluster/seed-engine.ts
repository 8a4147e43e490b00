// Seeds the engine with what storage already knows (event totals per swarm) so live figures continue across restarts.
import type pg from "pg";
import type { Engine } from "@/lib/engine";

/** Seeds a swarm's event total from the day rollup (on the instance taking the swarm over). */
export async function seedEngine(pool: pg.Pool, engine: Engine, swarm: string): Promise<void> {
  const { rows } = await pool.query<{ name: string; n: string }>(
    "SELECT s.name, coalesce(sum(r.events), 0) AS n FROM swarms s LEFT JOIN rollup_day r ON r.swarm_id = s.id WHERE s.name = $1 GROUP BY s.name",
    [swarm],
  );
  for (const r of rows) engine.seedTotal(r.name, Number(r.n));
}
