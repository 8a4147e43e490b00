// Fault scenarios with a Jepsen-style checker (the clients log every acknowledged event id; afterwards the
// database is compared with that log):
// docs/reliability.md#f1 — kill -9 the server during sustained ingest: every acknowledged event stored exactly once after retries.
// docs/reliability.md#f7 — SIGTERM under load: exits 0 within 10 s, no 500 for any request, nothing acknowledged is lost.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createIngestKey } from "../lib/server/auth/ingest-keys";
import { openDatabase, type OpenDatabase } from "../lib/server/app/open-database";
import { cloneDatabase } from "./db";
import { freePort, type IngestLog, ingestUntilAcknowledged, startServerProcess } from "./server-process";

const BATCHES = 160;
const BATCH_SIZE = 50;

let databaseUrl: string;
let database: OpenDatabase;

beforeAll(async () => {
  databaseUrl = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
  database = await openDatabase(() => undefined, { url: databaseUrl, poolSize: 2 });
});
afterAll(() => database.close(false));

/** The checker: every acknowledged id is stored, no event is stored twice, and every batch was acknowledged. */
async function check(swarm: string, log: IngestLog): Promise<{ stored: number; distinct: number; missing: number }> {
  const { rows } = await database.pool.query<{ stored: string; distinct: string }>(
    "SELECT count(*) AS stored, count(DISTINCT e.event_id) AS distinct FROM events e JOIN swarms s ON s.id = e.swarm_id WHERE s.name = $1",
    [swarm],
  );
  const { rows: found } = await database.pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM events e JOIN swarms s ON s.id = e.swarm_id WHERE s.name = $1 AND e.event_id = ANY($2::text[])",
    [swarm, [...log.acked]],
  );
  return { stored: Number(rows[0]!.stored), distinct: Number(rows[0]!.distinct), missing: log.acked.size - Number(found[0]!.n) };
}

/** Resolves when `n` events have been acknowledged. */
function ackedAtLeast(n: number): { onAck: (acked: number) => void; reached: Promise<void> } {
  let resolve!: () => void;
  const reached = new Promise<void>((r) => (resolve = r));
  return { onAck: (acked) => acked >= n && resolve(), reached };
}

describe("chaos", () => {
  it("F1: kill -9 during sustained ingest → every acknowledged event stored exactly once", async () => {
    const swarm = "chaos-kill";
    const { key } = await createIngestKey(database.db, database.pepper, swarm);
    const port = await freePort();
    const first = await startServerProcess(databaseUrl, port);
    const halfway = ackedAtLeast((BATCHES * BATCH_SIZE) / 4);
    const clients = ingestUntilAcknowledged({
      url: `http://127.0.0.1:${port}`,
      key,
      batches: BATCHES,
      batchSize: BATCH_SIZE,
      concurrency: 8,
      idPrefix: "kill",
      onAck: halfway.onAck,
    });
    await halfway.reached;
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    const second = await startServerProcess(databaseUrl, port);
    const log = await clients;
    second.child.kill("SIGTERM");
    await second.exited;

    const result = await check(swarm, log);
    console.info(
      `F1: acked ${log.acked.size}, stored ${result.stored}, distinct ${result.distinct}, missing ${result.missing}, cut-off requests ${log.transportErrors}, statuses ${JSON.stringify(Object.fromEntries(log.statuses))}`,
    );
    expect(log.acked.size).toBe(BATCHES * BATCH_SIZE);
    expect(result).toEqual({ stored: BATCHES * BATCH_SIZE, distinct: BATCHES * BATCH_SIZE, missing: 0 });
    expect(log.transportErrors).toBeGreaterThan(0); // the kill did cut requests off
    expect([...log.statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
  }, 180_000);

  it("F7: SIGTERM under load → exit 0 within 10 s, no 500s, nothing acknowledged lost", async () => {
    const swarm = "chaos-term";
    const { key } = await createIngestKey(database.db, database.pepper, swarm);
    const port = await freePort();
    const first = await startServerProcess(databaseUrl, port);
    const halfway = ackedAtLeast((BATCHES * BATCH_SIZE) / 4);
    const clients = ingestUntilAcknowledged({
      url: `http://127.0.0.1:${port}`,
      key,
      batches: BATCHES,
      batchSize: BATCH_SIZE,
      concurrency: 8,
      idPrefix: "term",
      onAck: halfway.onAck,
    });
    await halfway.reached;
    const termAt = Date.now();
    first.child.kill("SIGTERM");
    const code = await first.exited;
    const drainMs = Date.now() - termAt;
    expect(code).toBe(0);
    expect(drainMs).toBeLessThan(10_000);
    const second = await startServerProcess(databaseUrl, port);
    const log = await clients;
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const result = await check(swarm, log);
    console.info(
      `F7: exit ${code} ${drainMs} ms after SIGTERM; acked ${log.acked.size}, stored ${result.stored}, distinct ${result.distinct}, missing ${result.missing}, statuses ${JSON.stringify(Object.fromEntries(log.statuses))}`,
    );
    expect(result).toEqual({ stored: BATCHES * BATCH_SIZE, distinct: BATCHES * BATCH_SIZE, missing: 0 });
    expect([...log.statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(log.retryAfterMissing).toBe(0);
  }, 180_000);
});
