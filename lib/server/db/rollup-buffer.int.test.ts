// Rollups: increments land in the minute, hour and day tables, summed per bucket; a failed flush loses nothing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/app";
import { RollupBuffer } from "./rollup-buffer";

let app: TestApp;
let swarmId: number;
beforeAll(async () => {
  app = await startTestApp();
  await app.ingestKey("rollup-swarm");
  swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: "rollup-swarm" } })).id;
});
afterAll(() => app.close());

it("sums increments per minute, hour and day bucket", async () => {
  const r = new RollupBuffer(app.pool);
  const t = Date.UTC(2026, 10, 22, 10, 14, 30);
  r.add(swarmId, t, { events: 3, healings: 1, healings_succeeded: 1, heal_ms_sum: 120 });
  r.add(swarmId, t + 20_000, { events: 2, failures: 1 });
  r.add(swarmId, t + 60_000, { events: 5, recovery_ms_sum: 900, recoveries: 1 });
  await r.flush();
  r.add(swarmId, t, { events: 1 });
  await r.flush();
  const rows = async (table: string) =>
    (
      await app.pool.query(
        `SELECT bucket_start, events, failures, healings, healings_succeeded, heal_ms_sum::int, recovery_ms_sum::int, recoveries FROM ${table} WHERE swarm_id = $1 ORDER BY bucket_start`,
        [swarmId],
      )
    ).rows;
  expect(await rows("rollup_minute")).toEqual([
    {
      bucket_start: new Date(Date.UTC(2026, 10, 22, 10, 14)),
      events: 6,
      failures: 1,
      healings: 1,
      healings_succeeded: 1,
      heal_ms_sum: 120,
      recovery_ms_sum: 0,
      recoveries: 0,
    },
    {
      bucket_start: new Date(Date.UTC(2026, 10, 22, 10, 15)),
      events: 5,
      failures: 0,
      healings: 0,
      healings_succeeded: 0,
      heal_ms_sum: 0,
      recovery_ms_sum: 900,
      recoveries: 1,
    },
  ]);
  expect(await rows("rollup_hour")).toEqual([
    {
      bucket_start: new Date(Date.UTC(2026, 10, 22, 10)),
      events: 11,
      failures: 1,
      healings: 1,
      healings_succeeded: 1,
      heal_ms_sum: 120,
      recovery_ms_sum: 900,
      recoveries: 1,
    },
  ]);
  expect((await rows("rollup_day"))[0]).toMatchObject({ bucket_start: new Date(Date.UTC(2026, 10, 22)), events: 11 });
});

it("keeps the increments when a flush fails and writes them on the next one", async () => {
  const r = new RollupBuffer(app.pool);
  const t = Date.UTC(2026, 10, 21, 8, 0);
  r.add(swarmId, t, { failures: 2 });
  r.add(-1, t, { failures: 1 }); // violates the temporary check below, so the whole flush fails
  await app.pool.query("ALTER TABLE rollup_minute ADD CONSTRAINT test_positive_swarm CHECK (swarm_id > 0)");
  await expect(r.flush()).rejects.toThrow();
  await app.pool.query("ALTER TABLE rollup_minute DROP CONSTRAINT test_positive_swarm");
  await r.flush();
  const { rows } = await app.pool.query("SELECT swarm_id, failures FROM rollup_minute WHERE bucket_start = $1 ORDER BY swarm_id", [
    new Date(t),
  ]);
  expect(rows).toEqual([
    { swarm_id: -1, failures: 1 },
    { swarm_id: swarmId, failures: 2 },
  ]);
});
