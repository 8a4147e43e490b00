// Retention by dropping partitions, against real Postgres with an injected `now`: per-swarm event retention through
// LIST sub-partitions, rollups and the healing history dropped by whole months past the history retention (per swarm
// too), and never a DELETE on those tables (a row trigger on every partition, present and future, counts deletes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/app";
import { upkeepPartitions, preparePartitions } from "./partition-upkeep";
import { saveSettings } from "../features/settings/settings-store";
import { SETTINGS_DEFAULTS } from "../features/settings/swarm-settings";
import { loadRetentionRules } from "../features/settings/retention-rules";
import { periodName } from "./partition-periods";

const DAY = 86_400_000;
const now = Date.UTC(2030, 0, 20, 12); // far from the real clock, whose periods the boot created without sub-partitions
let app: TestApp;
/** Swarm ids: events kept 5 days, events 60 days + history 1000 days, history 40 days, and one on the defaults (30 / 400). */
let short: number, long: number, brief: number, plain: number;
const HISTORY_TABLES = ["bottlenecks", "predictions", "failures", "healings", "commands"];

const swarm = async (name: string, retention: { events_retention_days?: number; history_retention_days?: number }) => {
  await app.ingestKey(name);
  const { id } = await app.db.swarm.findUniqueOrThrow({ where: { name } });
  await saveSettings(app.db, id, { ...SETTINGS_DEFAULTS, ...retention });
  return id;
};
/** The upkeep on the app's pool, under the stored retention rules. */
const upkeep = () => ({ pool: app.pool, rules: () => loadRetentionRules(app.db) });
const exists = async (table: string) => (await app.pool.query("SELECT 1 FROM pg_class WHERE relname = $1", [table])).rowCount === 1;
const count = async (table: string, swarmId: number) =>
  Number((await app.pool.query(`SELECT count(*) AS n FROM ${table} WHERE swarm_id = $1`, [swarmId])).rows[0].n);
const deletes = async () => Number((await app.pool.query("SELECT count(*) AS n FROM test_deleted_rows")).rows[0].n);
const addEvent = (swarmId: number, ts: number) =>
  app.pool.query("INSERT INTO events (swarm_id, ts, event_id, type, body) VALUES ($1, $2, gen_random_uuid()::text, 'heartbeat', '{}')", [
    swarmId,
    new Date(ts),
  ]);
const addRollup = (swarmId: number, ts: number) =>
  app.pool.query("INSERT INTO rollup_day (swarm_id, bucket_start, events) VALUES ($1, $2, 1)", [swarmId, new Date(ts)]);
/** One row in each history table at `ts`: a failure from event `ev-<swarm>` (with its key), its healing and command, a
 * bottleneck and a prediction. */
const addHistory = async (swarmId: number, ts: number) => {
  const q = async (sql: string, params: unknown[]) => (await app.pool.query<{ id: string }>(sql, params)).rows[0]?.id;
  const at = new Date(ts);
  const failure = await q(
    "INSERT INTO failures (id, swarm_id, failure_type, detected_at, source_event_id) VALUES (gen_random_uuid(), $1, 'agent_down', $2, $3) RETURNING id",
    [swarmId, at, `ev-${swarmId}`],
  );
  await q("INSERT INTO failure_sources (swarm_id, source_event_id, failure_id) VALUES ($1, $2, $3)", [swarmId, `ev-${swarmId}`, failure]);
  const healing = await q(
    "INSERT INTO healings (id, swarm_id, failure_id, failure_type, strategy, trigger, started_at) VALUES (gen_random_uuid(), $1, $2, 'agent_down', 'AgentRestartStrategy', 'detected', $3) RETURNING id",
    [swarmId, failure, at],
  );
  await q(
    "INSERT INTO commands (id, swarm_id, healing_id, kind, issued_at, deadline) VALUES (gen_random_uuid(), $1, $2, 'restart_agent', $3, $3)",
    [swarmId, healing, at],
  );
  await q(
    "INSERT INTO bottlenecks (id, swarm_id, type, severity, impact_score, detected_at, updated_at) VALUES (gen_random_uuid(), $1, 'queue_backlog', 'high', 1, $2, $2)",
    [swarmId, at],
  );
  await q(
    "INSERT INTO predictions (id, swarm_id, failure_type, confidence, predicted_at, expected_at, reasoning, recommended_action, source) VALUES (gen_random_uuid(), $1, 'agent_down', 0.9, $2, $2, 'r', 'a', 'pattern')",
    [swarmId, at],
  );
};
const historyCounts = async (swarmId: number) => Promise.all([...HISTORY_TABLES, "failure_sources"].map((t) => count(t, swarmId)));

beforeAll(async () => {
  app = await startTestApp();
  short = await swarm("keep-5-days", { events_retention_days: 5 });
  long = await swarm("keep-60-days", { events_retention_days: 60, history_retention_days: 1000 });
  brief = await swarm("history-40-days", { history_retention_days: 40 });
  plain = await swarm("keep-defaults", {});
  await app.pool.query(`
    CREATE TABLE test_deleted_rows (tbl text NOT NULL);
    CREATE FUNCTION test_record_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO test_deleted_rows VALUES (TG_TABLE_NAME); RETURN OLD; END $$;
    CREATE TRIGGER test_record_delete AFTER DELETE ON events FOR EACH ROW EXECUTE FUNCTION test_record_delete();
    CREATE TRIGGER test_record_delete AFTER DELETE ON rollup_day FOR EACH ROW EXECUTE FUNCTION test_record_delete();
    ${HISTORY_TABLES.map((t) => `CREATE TRIGGER test_record_delete AFTER DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION test_record_delete();`).join("\n")}`);
});
afterAll(() => app.close());

// First: the later tests move the clock months ahead, past this swarm's 40 days.
describe("healing history retention per swarm", () => {
  const then = now - 70 * DAY;
  const month = (table: string) => periodName(table, "month", then);

  it("keeps each history table's rows in the swarm's own sub-partition of the month, the others' in `_default`", async () => {
    await preparePartitions(upkeep(), then);
    for (const id of [brief, plain]) await addHistory(id, then);
    for (const t of HISTORY_TABLES) {
      const { rows } = await app.pool.query(
        `SELECT swarm_id, tableoid::regclass::text AS part FROM ${t} WHERE swarm_id = ANY($1) ORDER BY swarm_id`,
        [[brief, plain]],
      );
      expect(rows).toEqual([
        { swarm_id: brief, part: `${month(t)}_s${brief}` },
        { swarm_id: plain, part: `${month(t)}_default` },
      ]);
    }
  });

  it("drops a swarm's history months past its own retention, with its failures' source-event keys; another swarm's stay", async () => {
    const { dropped } = await upkeepPartitions(upkeep(), now);
    expect(dropped).toEqual(expect.arrayContaining(HISTORY_TABLES.map((t) => `${month(t)}_s${brief}`)));
    for (const t of HISTORY_TABLES)
      expect([await exists(`${month(t)}_s${brief}`), await exists(`${month(t)}_default`)]).toEqual([false, true]);
    expect(await historyCounts(brief)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await historyCounts(plain)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe("events retention per swarm", () => {
  const then = now - 20 * DAY;
  const day = periodName("events", "day", then);

  it("gives the swarms on their own retention a sub-partition of each new day, the others share `_default`", async () => {
    await preparePartitions(upkeep(), then);
    for (const id of [short, long, plain]) await addEvent(id, then);
    expect(await exists(`${day}_s${short}`)).toBe(true);
    expect(await exists(`${day}_s${long}`)).toBe(true);
    expect(await exists(`${day}_s${plain}`)).toBe(false);
    const { rows } = await app.pool.query("SELECT swarm_id, tableoid::regclass::text AS part FROM events WHERE ts = $1 ORDER BY swarm_id", [
      new Date(then),
    ]);
    expect(rows).toEqual([
      { swarm_id: short, part: `${day}_s${short}` },
      { swarm_id: long, part: `${day}_s${long}` },
      { swarm_id: plain, part: `${day}_default` },
    ]);
  });

  it("drops a swarm's sub-partition once older than its retention, another swarm's longer one stays", async () => {
    const { dropped } = await upkeepPartitions(upkeep(), now);
    expect(dropped).toContain(`${day}_s${short}`);
    expect(await exists(`${day}_s${short}`)).toBe(false);
    expect(await exists(`${day}_s${long}`)).toBe(true);
    expect(await exists(`${day}_default`)).toBe(true);
    expect([await count("events", short), await count("events", long), await count("events", plain)]).toEqual([0, 1, 1]);
  });

  it("drops the shared sub-partition past the default, then the whole day past the longest", async () => {
    await upkeepPartitions(upkeep(), then + 35 * DAY);
    expect(await exists(`${day}_default`)).toBe(false);
    expect([await count("events", long), await count("events", plain)]).toEqual([1, 0]);
    await upkeepPartitions(upkeep(), then + 61 * DAY);
    expect(await exists(day)).toBe(false);
    expect(await count("events", long)).toBe(0);
  });

  it("still takes events for a day that has no partition (the DEFAULT partition)", async () => {
    await addEvent(plain, now + 400 * DAY);
    const { rows } = await app.pool.query("SELECT tableoid::regclass::text AS part FROM events WHERE ts = $1", [new Date(now + 400 * DAY)]);
    expect(rows).toEqual([{ part: "events_default" }]);
  });
});

describe("rollup retention", () => {
  const old = now - 440 * DAY;
  const recent = now - 380 * DAY;

  it("drops whole months older than the history retention and keeps newer ones and a longer swarm's", async () => {
    await preparePartitions(upkeep(), old);
    await preparePartitions(upkeep(), recent);
    for (const t of [old, recent]) for (const id of [plain, long]) await addRollup(id, t);
    const oldMonth = periodName("rollup_day", "month", old);
    const recentMonth = periodName("rollup_day", "month", recent);
    expect(await exists(`${oldMonth}_s${long}`)).toBe(true);

    const { dropped } = await upkeepPartitions(upkeep(), now);
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
    await app.pool.query("DELETE FROM rollup_day WHERE swarm_id = $1", [plain]);
    expect(await deletes()).toBe(1);
  });
});
