// Retention by dropping partitions, against real Postgres with an injected `now`: per-swarm event retention through
// LIST sub-partitions, rollups dropped by whole months past the history retention, and never a DELETE on those
// tables (a row trigger on every partition, present and future, counts deletes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/app";
import { upkeepPartitions, preparePartitions } from "../server/partition-upkeep";
import { saveSettings } from "../settings/settings-store";
import { SETTINGS_DEFAULTS } from "../settings/swarm-settings";
import { periodName } from "./partition-periods";

const DAY = 86_400_000;
const now = Date.UTC(2030, 0, 20, 12); // far from the real clock, whose periods the boot created without sub-partitions
let app: TestApp;
/** Swarm ids: events kept 5 days, events 60 days + history 1000 days, and one on the defaults (30 / 400). */
let short: number, long: number, plain: number;

const swarm = async (name: string, retention: { events_retention_days?: number; history_retention_days?: number }) => {
  await app.ingestKey(name);
  const { id } = await app.rt.db.swarm.findUniqueOrThrow({ where: { name } });
  await saveSettings(app.rt.db, id, { ...SETTINGS_DEFAULTS, ...retention });
  return id;
};
const exists = async (table: string) => (await app.rt.pool.query("SELECT 1 FROM pg_class WHERE relname = $1", [table])).rowCount === 1;
const count = async (table: string, swarmId: number) => Number((await app.rt.pool.query(`SELECT count(*) AS n FROM ${table} WHERE swarm_id = $1`, [swarmId])).rows[0].n);
const deletes = async () => Number((await app.rt.pool.query("SELECT count(*) AS n FROM test_deleted_rows")).rows[0].n);
const addEvent = (swarmId: number, ts: number) =>
  app.rt.pool.query("INSERT INTO events (swarm_id, ts, event_id, type, body) VALUES ($1, $2, gen_random_uuid()::text, 'heartbeat', '{}')", [swarmId, new Date(ts)]);
const addRollup = (swarmId: number, ts: number) => app.rt.pool.query("INSERT INTO rollup_day (swarm_id, bucket_start, events) VALUES ($1, $2, 1)", [swarmId, new Date(ts)]);

beforeAll(async () => {
  app = await startTestApp();
  short = await swarm("keep-5-days", { events_retention_days: 5 });
  long = await swarm("keep-60-days", { events_retention_days: 60, history_retention_days: 1000 });
  plain = await swarm("keep-defaults", {});
  await app.rt.pool.query(`
    CREATE TABLE test_deleted_rows (tbl text NOT NULL);
    CREATE FUNCTION test_record_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO test_deleted_rows VALUES (TG_TABLE_NAME); RETURN OLD; END $$;
    CREATE TRIGGER test_record_delete AFTER DELETE ON events FOR EACH ROW EXECUTE FUNCTION test_record_delete();
    CREATE TRIGGER test_record_delete AFTER DELETE ON rollup_day FOR EACH ROW EXECUTE FUNCTION test_record_delete();`);
});
afterAll(() => app.close());

describe("events retention per swarm", () => {
  const then = now - 20 * DAY;
  const day = periodName("events", "day", then);

  it("gives the swarms on their own retention a sub-partition of each new day, the others share `_default`", async () => {
    await preparePartitions(app.rt, then);
    for (const id of [short, long, plain]) await addEvent(id, then);
    expect(await exists(`${day}_s${short}`)).toBe(true);
    expect(await exists(`${day}_s${long}`)).toBe(true);
    expect(await exists(`${day}_s${plain}`)).toBe(false);
    const { rows } = await app.rt.pool.query("SELECT swarm_id, tableoid::regclass::text AS part FROM events WHERE ts = $1 ORDER BY swarm_id", [new Date(then)]);
    expect(rows).toEqual([
      { swarm_id: short, part: `${day}_s${short}` },
      { swarm_id: long, part: `${day}_s${long}` },
      { swarm_id: plain, part: `${day}_default` },
    ]);
  });

  it("drops a swarm's sub-partition once older than its retention, another swarm's longer one stays", async () => {
    const { dropped } = await upkeepPartitions(app.rt, now);
    expect(dropped).toContain(`${day}_s${short}`);
    expect(await exists(`${day}_s${short}`)).toBe(false);
    expect(await exists(`${day}_s${long}`)).toBe(true);
    expect(await exists(`${day}_default`)).toBe(true);
    expect([await count("events", short), await count("events", long), await count("events", plain)]).toEqual([0, 1, 1]);
  });

  it("drops the shared sub-partition past the default, then the whole day past the longest", async () => {
    await upkeepPartitions(app.rt, then + 35 * DAY);
    expect(await exists(`${day}_default`)).toBe(false);
    expect([await count("events", long), await count("events", plain)]).toEqual([1, 0]);
    await upkeepPartitions(app.rt, then + 61 * DAY);
    expect(await exists(day)).toBe(false);
    expect(await count("events", long)).toBe(0);
  });

  it("still takes events for a day that has no partition (the DEFAULT partition)", async () => {
    await addEvent(plain, now + 400 * DAY);
    const { rows } = await app.rt.pool.query("SELECT tableoid::regclass::text AS part FROM events WHERE ts = $1", [new Date(now + 400 * DAY)]);
    expect(rows).toEqual([{ part: "events_default" }]);
  });
});

describe("rollup retention", () => {
  const old = now - 440 * DAY;
  const recent = now - 380 * DAY;

  it("drops whole months older than the history retention and keeps newer ones and a longer swarm's", async () => {
    await preparePartitions(app.rt, old);
    await preparePartitions(app.rt, recent);
    for (const t of [old, recent]) for (const id of [plain, long]) await addRollup(id, t);
    const oldMonth = periodName("rollup_day", "month", old);
    const recentMonth = periodName("rollup_day", "month", recent);
    expect(await exists(`${oldMonth}_s${long}`)).toBe(true);

    const { dropped } = await upkeepPartitions(app.rt, now);
    expect(dropped).toContain(`${oldMonth}_default`);
    expect(await exists(`${oldMonth}_default`)).toBe(false);
    expect(await exists(`${oldMonth}_s${long}`)).toBe(true);
    expect(await exists(`${recentMonth}_default`)).toBe(true);
    expect(await count("rollup_day", plain)).toBe(1);
    expect(await count("rollup_day", long)).toBe(2);
  });
});

describe("no DELETE", () => {
  it("dropped every expired row without deleting one; the trigger does see deletes", async () => {
    expect(await deletes()).toBe(0);
    await app.rt.pool.query("DELETE FROM rollup_day WHERE swarm_id = $1", [plain]);
    expect(await deletes()).toBe(1);
  });
});
