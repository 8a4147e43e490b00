// `npm run bench:ingest [-- --duration S | --quick] [--profile]`: ingest throughput against same-run baselines —
// API batches of 100 vs raw Postgres COPY, single-event POSTs vs a bare node:http server — with correctness checks
// (stored = acknowledged, atomic batches, no non-2xx, dedup). Fresh database per run, dropped at the end.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createIngestKey } from "../lib/auth/ingest-keys";
import { withClient, withDatabase } from "../lib/db/connection";
import { openDatabase, type OpenDatabase } from "../lib/db/open-database";
import { testServerUrl } from "../test/db";
import { type ChildServer, startChild, stopAllChildren } from "./child";
import { createCopyTable, runCopy } from "./copy-baseline";
import { quiesce } from "./quiesce";
import { cpuLine, cpuPerUnit, cpuSnapshot, type CpuUsage, cpuUsage } from "./cpu";
import { type LoadResult, type LoadSpec, runLoad } from "./load";
import { type Cost, cpuTable, ratio, type Row, table, writeResults } from "./report";
import { checkDedup, checkStorage, settle, type StorageCheck } from "./verify";

const { values: args } = parseArgs({ options: { duration: { type: "string" }, quick: { type: "boolean" }, profile: { type: "boolean" } } });
const DURATION_S = args.quick ? 3 : Number(args.duration ?? 10);
if (!(DURATION_S > 0)) throw new Error(`--duration must be a positive number of seconds, got ${args.duration}`);
const WARMUP_S = Math.max(1, Math.round(DURATION_S / 5));
const BATCH = 100;
const BATCH_CONNECTIONS = 32;
const SINGLE_CONNECTIONS = 32;
const COPY_BATCH_ROWS = 10_000;
const COPY_STREAMS = 2;
const HERE = import.meta.dirname;

const log = (msg: string) => process.stdout.write(`${msg}\n`);
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const summary = ({ answered: _a, firstBody: _f, ...rest }: Phase) => rest;

/** A measured load phase with the CPU it got. */
type Phase = LoadResult & { cpu: CpuUsage | null };

const admin = (serverUrl: string, sql: string) => withClient(serverUrl, (c) => c.query(sql));

type Target = { spec: Omit<LoadSpec, "durationS" | "key" | "tag">; keys: { warm?: string; run?: string }; tag: string; pool: pg.Pool; pid: number };

/** Runs a warm-up (not measured, on its own swarm) and then the measured phase. */
async function measure(what: string, t: Target): Promise<Phase> {
  log(`› ${what}: warm-up ${WARMUP_S} s, then ${DURATION_S} s, ${t.spec.connections} connections, ${t.spec.batch} event(s)/request`);
  await quiesce(t.pool);
  await runLoad({ ...t.spec, key: t.keys.warm, durationS: WARMUP_S, tag: `w${t.tag}` });
  const before = await cpuSnapshot(t.pool, t.pid);
  const r = await runLoad({ ...t.spec, key: t.keys.run, durationS: DURATION_S, tag: t.tag });
  const cpu = cpuUsage(before, await cpuSnapshot(t.pool, t.pid));
  log(`  ${int(r.reqPerS)} req/s, ${int(r.eventsPerS)} accepted ev/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
  log(`  ${cpuLine(cpu)}`);
  return { ...r, cpu };
}

function reportCheck(what: string, c: StorageCheck): void {
  log(`  ${c.ok ? "OK  " : "FAIL"} ${what}: stored ${int(c.stored)} = accepted ${int(c.accepted)} + ${int(c.cutOffStored)} from requests cut off at phase end`);
  for (const p of c.problems) log(`       ${p}`);
}

async function run(database: OpenDatabase, dbUrl: string): Promise<boolean> {
  const pool = database.pool;
  const pgInfo = await pool.query<{ v: string; sc: string; sb: string }>(
    "SELECT current_setting('server_version') AS v, current_setting('synchronous_commit') AS sc, current_setting('shared_buffers') AS sb",
  );
  const postgres = pgInfo.rows[0]!;
  const key = async (swarm: string) => (await createIngestKey(database.db, database.pepper, swarm)).key;
  const keys = { warm: await key("bench-warmup"), batch: await key("bench-batch"), single: await key("bench-single") };
  const swarmIds = new Map((await pool.query<{ id: number; name: string }>("SELECT id, name FROM swarms")).rows.map((r) => [r.name, r.id]));
  const swarmId = (name: string) => swarmIds.get(name)!;
  log(`Postgres ${postgres.v} (synchronous_commit=${postgres.sc}, shared_buffers=${postgres.sb}); ${os.cpus().length} CPUs; node ${process.version}`);

  await createCopyTable(pool, Date.now());
  const copyPhase = async (withKeys: boolean) => {
    log(`› raw Postgres COPY${withKeys ? " of events + their idempotency keys" : " of events"}: ${DURATION_S} s, batches of ${int(COPY_BATCH_ROWS)} rows, ${COPY_STREAMS} connections`);
    await quiesce(pool);
    const before = await cpuSnapshot(pool);
    const r = await runCopy(pool, { durationS: DURATION_S, batchRows: COPY_BATCH_ROWS, streams: COPY_STREAMS, swarmId: swarmId("bench-batch"), withKeys });
    const measured = { ...r, cpu: cpuUsage(before, await cpuSnapshot(pool)) };
    log(`  ${int(measured.rowsPerS)} events/s (${int(measured.rows)} in ${measured.durationS.toFixed(1)} s)`);
    log(`  ${cpuLine(measured.cpu)}`);
    return measured;
  };
  const copy = await copyPhase(false);
  const copyKeyed = await copyPhase(true);

  const profileDir = args.profile ? fs.mkdtempSync(path.join(os.tmpdir(), "swarm-medic-bench-prof-")) : undefined;
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  // The per-key ingest limiter (default 50,000 events/s) would cap a fast machine below its COPY baseline: it is tested
  // on its own; here it is lifted so the bench measures the ingest path.
  const app: ChildServer = await startChild(path.join(HERE, "bench-server.ts"), { DATABASE_URL: dbUrl, LOG_LEVEL: "silent", NODE_ENV: "production", INGEST_MAX_EVENTS_PER_S: "10000000", INGEST_MAX_BYTES_PER_S: "10000000000" }, nodeArgs);
  log(`  app server ready on ${app.url} (pid ${app.pid})`);
  const onApp = { pool, pid: app.pid };
  const batch = await measure("API ingest, batches of 100", { ...onApp, spec: { url: app.url, connections: BATCH_CONNECTIONS, batch: BATCH }, keys: { warm: keys.warm, run: keys.batch }, tag: "b" });
  await settle(pool, swarmId("bench-batch"));
  const batchCheck = await checkStorage(pool, swarmId("bench-batch"), batch, BATCH);
  reportCheck("batch storage", batchCheck);
  const dedup = batch.firstBody ? await checkDedup(app.url, keys.batch, batch.firstBody, BATCH) : { ok: false, status: 0, answer: "no batch was answered" };
  log(`  ${dedup.ok ? "OK  " : "FAIL"} dedup re-send of a stored batch: ${dedup.status} ${dedup.answer}`);

  const single = await measure("single-event POST, app", { ...onApp, spec: { url: app.url, connections: SINGLE_CONNECTIONS, batch: 1 }, keys: { warm: keys.warm, run: keys.single }, tag: "s" });
  await settle(pool, swarmId("bench-single"));
  const singleCheck = await checkStorage(pool, swarmId("bench-single"), single, 1);
  reportCheck("single-event storage", singleCheck);
  await app.stop();
  if (profileDir) log(`  CPU profile of the app server written to ${profileDir}`);

  const raw = await startChild(path.join(HERE, "raw-http-server.ts"), {});
  const rawSingle = await measure("single-event POST, raw node:http", { pool, pid: raw.pid, spec: { url: raw.url, connections: SINGLE_CONNECTIONS, batch: 1 }, keys: {}, tag: "x" });
  await raw.stop();

  // The API stores each event durably as two rows (the event and its idempotency key): the raw lower bound for
  // those same writes is COPY of both. COPY of the event rows alone is shown beside it for context.
  const rows: Row[] = [
    {
      measure: "API ingest, batches of 100",
      value: batch.eventsPerS,
      unit: "ev/s",
      latency: batch.latencyMs,
      baselineLabel: "raw COPY events+keys",
      baseline: copyKeyed.rowsPerS,
      baselineUnit: "ev/s",
      target: 0.5,
    },
    {
      measure: "API ingest, batches of 100",
      value: batch.eventsPerS,
      unit: "ev/s",
      latency: batch.latencyMs,
      baselineLabel: "raw COPY events only",
      baseline: copy.rowsPerS,
      baselineUnit: "ev/s",
    },
    {
      measure: "single-event POST",
      value: single.reqPerS,
      unit: "req/s",
      latency: single.latencyMs,
      baselineLabel: "raw node:http",
      baseline: rawSingle.reqPerS,
      baselineUnit: "req/s",
      baselineLatency: rawSingle.latencyMs,
      target: 0.3,
    },
  ];
  const correct = batchCheck.ok && singleCheck.ok && dedup.ok;
  log("");
  log(table(rows));
  log("");
  const costs: Cost[] = [
    { phase: "raw COPY, events only", perS: copy.rowsPerS, unit: "ev/s", cpu: copy.cpu },
    { phase: "raw COPY, events + keys", perS: copyKeyed.rowsPerS, unit: "ev/s", cpu: copyKeyed.cpu },
    { phase: "API ingest, batches of 100", perS: batch.eventsPerS, unit: "ev/s", cpu: batch.cpu },
    { phase: "single-event POST, app", perS: single.reqPerS, unit: "req/s", cpu: single.cpu },
    { phase: "single-event POST, raw node:http", perS: rawSingle.reqPerS, unit: "req/s", cpu: rawSingle.cpu },
  ];
  log(cpuTable(costs));
  log("");
  log(`correctness: ${correct ? "PASS" : "FAIL"} (batch storage ${batchCheck.ok ? "ok" : "FAILED"}, single-event storage ${singleCheck.ok ? "ok" : "FAILED"}, dedup ${dedup.ok ? "ok" : "FAILED"})`);
  const at = new Date();
  const file = writeResults(
    {
      at: at.toISOString(),
      settings: { durationS: DURATION_S, warmupS: WARMUP_S, batch: BATCH, batchConnections: BATCH_CONNECTIONS, singleConnections: SINGLE_CONNECTIONS, copyBatchRows: COPY_BATCH_ROWS, copyStreams: COPY_STREAMS },
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}`, loadavg: os.loadavg() },
      postgres: { version: postgres.v, synchronousCommit: postgres.sc, sharedBuffers: postgres.sb },
      results: rows.map((r) => ({ ...r, ...ratio(r) })),
      phases: { copy, copyKeyed, apiBatch: summary(batch), apiSingle: summary(single), rawSingle: summary(rawSingle) },
      cpu: costs.map((c) => ({ ...c, usPerUnit: cpuPerUnit(c.cpu, c.perS) })),
      checks: { correct, batchStorage: batchCheck, singleStorage: singleCheck, dedup },
    },
    at,
  );
  log(`results written to ${path.relative(process.cwd(), file)}`);
  return correct;
}

async function main(): Promise<number> {
  const serverUrl = await testServerUrl();
  const dbName = `sm_bench_${randomBytes(4).toString("hex")}`;
  const dbUrl = withDatabase(serverUrl, dbName);
  let database: OpenDatabase | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await stopAllChildren();
      await database?.close(false);
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      log(`dropped database ${dbName}`);
    })());
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void cleanup().finally(() => process.exit(130)));
  try {
    log(`creating database ${dbName}`);
    await admin(serverUrl, `CREATE DATABASE "${dbName}"`);
    database = await openDatabase(() => undefined, { url: dbUrl, poolSize: COPY_STREAMS + 2 });
    return (await run(database, dbUrl)) ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench:ingest failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
