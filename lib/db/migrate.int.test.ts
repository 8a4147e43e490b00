// The migration runner: applies once, records Prisma-compatible rows, refuses edited migrations, serialises instances.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cloneDatabase } from "../../test/db";
import { ensureDatabase, withDatabase } from "./connection";
import { migrate, readMigrations } from "./migrate";

let url: string;
let client: pg.Client;

beforeAll(async () => {
  // An empty database: clone the template, then start from a blank one beside it.
  const base = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
  url = withDatabase(base, `${new URL(base).pathname.slice(1)}_blank`);
  await ensureDatabase(base, new URL(url).pathname.slice(1));
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());

describe("migrate", () => {
  it("applies every migration once and records it like Prisma Migrate", async () => {
    const files = readMigrations("prisma/migrations");
    const first = await Promise.all([migrate(url), migrate(url)]);
    expect(first.flat().sort()).toEqual(files.map((f) => f.name));
    expect(await migrate(url)).toEqual([]);
    const { rows } = await client.query("SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count, r.rolled_back_at])).toEqual(files.map((f) => [f.name, f.checksum, 1, null]));
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
    fs.writeFileSync(path.join(dir, "29990101000000_broken", "migration.sql"), "CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;");
    await expect(migrate(url, dir)).rejects.toThrow(/29990101000000_broken failed/);
    const { rows } = await client.query("SELECT to_regclass('half_done') AS t, (SELECT count(*) FROM _prisma_migrations WHERE migration_name = '29990101000000_broken') AS n");
    expect(rows[0]).toEqual({ t: null, n: "0" });
  });
});
