// The embedded Postgres: initialises under a data dir, runs unprivileged when we are root, is adopted when
// already running (e.g. after a crash of the server), and stops cleanly.
import fs from "node:fs";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres";

const DIR = ".data/test-embedded";
let first: EmbeddedPostgres | undefined;

afterAll(async () => {
  await first?.stop();
  fs.rmSync(DIR, { recursive: true, force: true });
});

async function version(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ server_version: string }>("SHOW server_version");
  await c.end();
  return rows[0]!.server_version;
}

it("initialises, serves, is adopted while running, and stops", async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  first = await startEmbeddedPostgres(DIR, 54359, () => undefined);
  expect(first.startedByUs).toBe(true);
  expect(await version(first.url)).toMatch(/^\d+/);
  const owner = fs.statSync(`${DIR}/pg`).uid;
  if (process.getuid?.() === 0) expect(owner).not.toBe(0);
  else expect(owner).toBe(process.getuid?.());
  expect(fs.statSync(`${DIR}/pg-password`).mode & 0o077).toBe(0);

  const second = await startEmbeddedPostgres(DIR, 54359, () => undefined);
  expect(second.startedByUs).toBe(false);
  expect(second.port).toBe(first.port);

  await first.stop();
  expect(fs.existsSync(`${DIR}/pg/postmaster.pid`)).toBe(false);
  const again = await startEmbeddedPostgres(DIR, 54359, () => undefined);
  expect(again.startedByUs).toBe(true);
  expect(await version(again.url)).toMatch(/^\d+/);
  first = again;
}, 120_000);
