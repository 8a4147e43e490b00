// The migration runner: applies once, records Prisma-compatible rows, refuses edited migrations, serialises instances.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cloneDatabase } from "../../../test/db";
import { ensureDatabase, withClient, withDatabase } from "./connection";
import { migrate, readMigrations } from "./migrate";

let base: string;
let url: string;
let client: pg.Client;

beforeAll(async () => {
  // An empty database: clone the template, then start from a blank one beside it.
  base = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
  url = withDatabase(base, `${new URL(base).pathname.slice(1)}_blank`);
  await ensureDatabase(base, new URL(url).pathname.slice(1));
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());

/** A fresh database (named after the test database plus `suffix`) with every migration applied but `skipped`. */
async function migratedWithout(suffix: string, skipped: string): Promise<string> {
  const name = `${new URL(base).pathname.slice(1)}_${suffix}`;
  await ensureDatabase(base, name);
  const dbUrl = withDatabase(base, name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-mig-"));
  fs.cpSync("prisma/migrations", dir, { recursive: true });
  fs.rmSync(path.join(dir, skipped), { recursive: true });
  await migrate(dbUrl, dir);
  return dbUrl;
}

/** Two row times in different months: a leap day in 2024, and an hour ago. */
const old = new Date(Date.UTC(2024, 1, 29, 13, 7));
const recent = new Date(Date.now() - 3_600_000);
/** The partition suffix of a row's month. */
const month = (d: Date) => d.toISOString().slice(0, 7).replace("-", "");

describe("migrate", () => {
  it("applies every migration once and records it like Prisma Migrate", async () => {
    const files = readMigrations("prisma/migrations");
    const first = await Promise.all([migrate(url), migrate(url)]);
    expect(first.flat().sort()).toEqual(files.map((f) => f.name));
    expect(await migrate(url)).toEqual([]);
    const { rows } = await client.query(
      "SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count, r.rolled_back_at])).toEqual(
      files.map((f) => [f.name, f.checksum, 1, null]),
    );
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-mig-"));
    fs.cpSync("prisma/migrations", dir, { recursive: true });
    const first = readMigrations(dir)[0]!;
    fs.appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, dir)).rejects.toThrow(/checksum mismatch/);
  });

  it("rolls a failing migration back entirely and leaves it unrecorded", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sm-mig-"));
    fs.cpSync("prisma/migrations", dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "29990101000000_broken"));
    fs.writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      "CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;",
    );
    await expect(migrate(url, dir)).rejects.toThrow(/29990101000000_broken failed/);
    const { rows } = await client.query(
      "SELECT to_regclass('half_done') AS t, (SELECT count(*) FROM _prisma_migrations WHERE migration_name = '29990101000000_broken') AS n",
    );
    expect(rows[0]).toEqual({ t: null, n: "0" });
  });

  it("partitions the rollups by month on a database that already holds rollup rows, keeping every row", async () => {
    const rollupsUrl = await migratedWithout("rollups", "20261202100000_rollup_partitions");
    await withClient(rollupsUrl, async (c) => {
      for (const table of ["rollup_minute", "rollup_hour", "rollup_day"]) {
        await c.query(`INSERT INTO ${table} (swarm_id, bucket_start, events, heal_ms_sum) VALUES (1, $1, 5, 120), (2, $2, 7, 0)`, [
          old,
          recent,
        ]);
      }
    });
    expect(await migrate(rollupsUrl)).toEqual(["20261202100000_rollup_partitions"]);
    await withClient(rollupsUrl, async (c) => {
      for (const table of ["rollup_minute", "rollup_hour", "rollup_day"]) {
        const { rows } = await c.query(
          `SELECT tableoid::regclass::text AS part, swarm_id, bucket_start, events, heal_ms_sum FROM ${table} ORDER BY swarm_id`,
        );
        expect(rows).toEqual([
          { part: `${table}_p${month(old)}_default`, swarm_id: 1, bucket_start: old, events: 5, heal_ms_sum: "120" },
          { part: `${table}_p${month(recent)}_default`, swarm_id: 2, bucket_start: recent, events: 7, heal_ms_sum: "0" },
        ]);
        const { rows: kind } = await c.query("SELECT relkind FROM pg_class WHERE relname = $1", [table]);
        expect(kind).toEqual([{ relkind: "p" }]);
      }
    });
  });

  it("partitions the healing history by month on a database that already holds it, keeping every row and source-event key", async () => {
    const historyUrl = await migratedWithout("history", "20261203090000_history_partitions");
    const ids = { failure: randomUUID(), healing: randomUUID(), command: randomUUID(), bottleneck: randomUUID(), prediction: randomUUID() };
    await withClient(historyUrl, async (c) => {
      await c.query("INSERT INTO swarms (id, name) VALUES (1, 'a'), (2, 'b')");
      await c.query(
        "INSERT INTO failures (id, swarm_id, failure_type, detected_at, source_event_id) VALUES ($1, 1, 'agent_down', $2, 'ev-1'), (gen_random_uuid(), 2, 'agent_down', $3, NULL)",
        [ids.failure, old, recent],
      );
      await c.query(
        "INSERT INTO healings (id, swarm_id, failure_id, failure_type, strategy, trigger, started_at) VALUES ($1, 1, $2, 'agent_down', 'AgentRestartStrategy', 'detected', $3)",
        [ids.healing, ids.failure, old],
      );
      await c.query(
        "INSERT INTO commands (id, swarm_id, healing_id, kind, issued_at, deadline) VALUES ($1, 1, $2, 'restart_agent', $3, $3)",
        [ids.command, ids.healing, old],
      );
      await c.query(
        "INSERT INTO bottlenecks (id, swarm_id, type, severity, impact_score, detected_at, updated_at) VALUES ($1, 2, 'queue_backlog', 'high', 1, $2, $2)",
        [ids.bottleneck, recent],
      );
      await c.query(
        "INSERT INTO predictions (id, swarm_id, failure_type, confidence, predicted_at, expected_at, reasoning, recommended_action, source) VALUES ($1, 2, 'agent_down', 0.9, $2, $2, 'r', 'a', 'pattern')",
        [ids.prediction, recent],
      );
    });
    expect(await migrate(historyUrl)).toEqual(["20261203090000_history_partitions"]);
    await withClient(historyUrl, async (c) => {
      const part = async (table: string, where: string) =>
        (await c.query(`SELECT tableoid::regclass::text AS part FROM ${table} WHERE ${where}`)).rows.map((r) => r.part);
      expect(await part("failures", "true ORDER BY swarm_id")).toEqual([
        `failures_p${month(old)}_default`,
        `failures_p${month(recent)}_default`,
      ]);
      expect(await part("healings", `failure_id = '${ids.failure}'`)).toEqual([`healings_p${month(old)}_default`]);
      expect(await part("commands", `healing_id = '${ids.healing}'`)).toEqual([`commands_p${month(old)}_default`]);
      expect(await part("bottlenecks", `id = '${ids.bottleneck}'`)).toEqual([`bottlenecks_p${month(recent)}_default`]);
      expect(await part("predictions", `id = '${ids.prediction}'`)).toEqual([`predictions_p${month(recent)}_default`]);
      expect((await c.query("SELECT swarm_id, source_event_id, failure_id FROM failure_sources")).rows).toEqual([
        { swarm_id: 1, source_event_id: "ev-1", failure_id: ids.failure },
      ]);
      const { rows: kinds } = await c.query("SELECT relname, relkind FROM pg_class WHERE relname = ANY($1) ORDER BY relname", [
        ["bottlenecks", "commands", "failures", "healings", "predictions"],
      ]);
      expect(kinds.map((k) => k.relkind)).toEqual(["p", "p", "p", "p", "p"]);
    });
  });
});
