// `npm run bench:ingest [-- --duration S] [--rounds N] [--quick] [--profile]`: ingest throughput against same-run baselines —
// API batches of 100 vs raw Postgres COPY, single-event POSTs vs a bare node:http server — with correctness checks
// (stored = acknowledged, atomic batches, no non-2xx, dedup). Fresh database per run, dropped at the end.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createIngestKey } from "../lib/server/auth/ingest-keys";
import { withClient, withDatabase } from "../lib/server/db/connection";
import { openDatabase, type OpenDatabase } from "../lib/server/app/open-database";
import { testServerUrl } from "../test/db";
import { type ChildServer, startChild, stopAllChildren } from "./child";
import { runCopy } from "./copy-baseline";
import { quiesce } from "./quiesce";
import { cpuLine, cpuPerUnit, cpuSnapshot, type CpuUsage, cpuUsage } from "./cpu";
import { type LoadResult, type LoadSpec, runLoad } from "./load";
import { type Cost, cpuTable, meanCpu, ratio, roundsTable, type Row, table, writeResults } from "./report";
import { mean, median } from "./stats";
import { checkDedup, checkStorage, settle, type StorageCheck } from "./verify";

const { values: args } = parseArgs({
  options: { duration: { type: "string" }, rounds: { type: "string" }, quick: { type: "boolean" }, profile: { type: "boolean" } },
});
const DURATION_S = args.quick ? 3 : Number(args.duration ?? 8);
if (!(DURATION_S > 0)) throw new Error(`--duration must be a positive number of seconds, got ${args.duration}`);
const ROUNDS = args.quick ? 1 : Number(args.rounds ?? 3);
if (!(Number.isInteger(ROUNDS) && ROUNDS > 0)) throw new Error(`--rounds must be a positive whole number, got ${args.rounds}`);
const WARMUP_S = Math.max(1, Math.round(DURATION_S / 5));
const SERVER_WARMUP_S = args.quick ? 2 : 8;
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

type Target = {
  spec: Omit<LoadSpec, "durationS" | "key" | "tag">;
  keys: { warm?: string | undefined; run?: string | undefined };
  tag: string;
  pool: pg.Pool;
  pid: number;
};

/** Runs a warm-up (not measured, on its own swarm) and then the measured phase. */
async function measure(what: string, t: Target): Promise<Phase> {
  log(`› ${what}: warm-up ${WARMUP_S} s, then ${DURATION_S} s, ${t.spec.connections} connections, ${t.spec.batch} event(s)/request`);
  await quiesce(t.pool);
  await runLoad({ ...t.spec, key: t.keys.warm, durationS: WARMUP_S, tag: `w${t.tag}` });
  const before = await cpuSnapshot(t.pool, t.pid);
  const r = await runLoad({ ...t.spec, key: t.keys.run, durationS: DURATION_S, tag: t.tag });
  const cpu = cpuUsage(before, await cpuSnapshot(t.pool, t.pid));
  log(
    `  ${int(r.reqPerS)} req/s, ${int(r.eventsPerS)} accepted ev/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
  );
  log(`  ${cpuLine(cpu)}`);
  return { ...r, cpu };
}

function reportCheck(what: string, c: StorageCheck): void {
  log(
    `  ${c.ok ? "OK  " : "FAIL"} ${what}: stored ${int(c.stored)} = accepted ${int(c.accepted)} + ${int(c.cutOffStored)} from requests cut off at phase end`,
  );
  for (const p of c.problems) log(`       ${p}`);
}

/** The phases of one round, measured back to back so each ratio compares figures taken minutes apart at most. */
type Round = { copy: CopyPhase; copyKeyed: CopyPhase; batch: Phase; single: Phase; rawSingle: Phase; checks: StorageCheck[] };
type CopyPhase = Awaited<ReturnType<typeof runCopy>> & { cpu: CpuUsage | null };

async function run(database: OpenDatabase, dbUrl: string): Promise<boolean> {
  const pool = database.pool;
  const pgInfo = await pool.query<{ v: string; sc: string; sb: string }>(
    "SELECT current_setting('server_version') AS v, current_setting('synchronous_commit') AS sc, current_setting('shared_buffers') AS sb",
  );
  const postgres = pgInfo.rows[0]!;
  const key = async (swarm: string) => (await createIngestKey(database.db, database.pepper, swarm)).key;
  const keys = { warm: await key("bench-warmup"), batch: [] as string[], single: [] as string[] };
  for (let r = 1; r <= ROUNDS; r++) {
    keys.batch.push(await key(`bench-batch-${r}`));
    keys.single.push(await key(`bench-single-${r}`));
  }
  const swarmIds = new Map((await pool.query<{ id: number; name: string }>("SELECT id, name FROM swarms")).rows.map((r) => [r.name, r.id]));
  const swarmId = (name: string) => swarmIds.get(name)!;
  // The COPY baseline writes under a swarm id no swarm has: no engine owner reads those rows back, as the app's own
  // owner would for a real swarm (costing the baseline's phase CPU for work the API phase does not have).
  const copySwarm = (await pool.query<{ id: number }>("SELECT coalesce(max(id), 0) + 1000 AS id FROM swarms")).rows[0]!.id;
  log(
    `Postgres ${postgres.v} (synchronous_commit=${postgres.sc}, shared_buffers=${postgres.sb}); ${os.cpus().length} CPUs; node ${process.version}`,
  );
  log(
    `${ROUNDS} round(s) of every phase, interleaved: a ratio compares figures measured minutes apart at most, and the result is the median round`,
  );

  const copyPhase = async (withKeys: boolean, round: number): Promise<CopyPhase> => {
    log(
      `› raw Postgres COPY into events${withKeys ? " + their idempotency keys into event_keys" : ""}: ${DURATION_S} s, batches of ${int(COPY_BATCH_ROWS)} rows, ${COPY_STREAMS} connections`,
    );
    await quiesce(pool);
    const before = await cpuSnapshot(pool);
    const r = await runCopy(pool, {
      durationS: DURATION_S,
      batchRows: COPY_BATCH_ROWS,
      streams: COPY_STREAMS,
      swarmId: copySwarm,
      withKeys,
      tag: `c${withKeys ? "k" : ""}r${round}`,
    });
    const measured = { ...r, cpu: cpuUsage(before, await cpuSnapshot(pool)) };
    log(`  ${int(measured.rowsPerS)} events/s (${int(measured.rows)} in ${measured.durationS.toFixed(1)} s)`);
    log(`  ${cpuLine(measured.cpu)}`);
    return measured;
  };

  const profileDir = args.profile ? fs.mkdtempSync(path.join(os.tmpdir(), "swarm-medic-bench-prof-")) : undefined;
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  // The per-key ingest limiter (default 50,000 events/s) would cap a fast machine below its COPY baseline: it is tested
  // on its own; here it is lifted so the bench measures the ingest path.
  const app: ChildServer = await startChild(
    path.join(HERE, "bench-server.ts"),
    {
      DATABASE_URL: dbUrl,
      LOG_LEVEL: "silent",
      NODE_ENV: "production",
      INGEST_MAX_EVENTS_PER_S: "10000000",
      INGEST_MAX_BYTES_PER_S: "10000000000",
    },
    nodeArgs,
  );
  log(`  app server ready on ${app.url} (pid ${app.pid})`);
  const raw = await startChild(path.join(HERE, "raw-http-server.ts"), {});
  log(`  raw node:http server ready on ${raw.url} (pid ${raw.pid})`);
  const onApp = { pool, pid: app.pid };
  // A server that has just started compiles and optimises its hot path under the first load: without this, the
  // first round's API phases measured 10–30 % below the later rounds'. Not measured; on the warm-up swarm.
  log(`› server warm-up (not measured): ${SERVER_WARMUP_S} s of batches, then ${SERVER_WARMUP_S} s of single events, on each server`);
  for (const batch of [BATCH, 1]) {
    const connections = batch === 1 ? SINGLE_CONNECTIONS : BATCH_CONNECTIONS;
    await runLoad({ url: app.url, key: keys.warm, connections, batch, durationS: SERVER_WARMUP_S, tag: `ws${batch}` });
  }
  await runLoad({ url: raw.url, connections: SINGLE_CONNECTIONS, batch: 1, durationS: SERVER_WARMUP_S, tag: "wsx" });

  const rounds: Round[] = [];
  let dedup: Awaited<ReturnType<typeof checkDedup>> | undefined;
  for (let r = 0; r < ROUNDS; r++) {
    log(`\n— round ${r + 1} of ${ROUNDS}`);
    const copy = await copyPhase(false, r);
    const copyKeyed = await copyPhase(true, r);
    const batchSwarm = swarmId(`bench-batch-${r + 1}`);
    const batch = await measure("API ingest, batches of 100", {
      ...onApp,
      spec: { url: app.url, connections: BATCH_CONNECTIONS, batch: BATCH },
      keys: { warm: keys.warm, run: keys.batch[r] },
      tag: `b${r}`,
    });
    await settle(pool, batchSwarm);
    const batchCheck = await checkStorage(pool, batchSwarm, batch, BATCH);
    reportCheck("batch storage", batchCheck);
    if (!dedup) {
      dedup = batch.firstBody
        ? await checkDedup(app.url, keys.batch[r]!, batch.firstBody, BATCH)
        : { ok: false, status: 0, answer: "no batch was answered" };
      log(`  ${dedup.ok ? "OK  " : "FAIL"} dedup re-send of a stored batch: ${dedup.status} ${dedup.answer}`);
    }
    const singleSwarm = swarmId(`bench-single-${r + 1}`);
    const single = await measure("single-event POST, app", {
      ...onApp,
      spec: { url: app.url, connections: SINGLE_CONNECTIONS, batch: 1 },
      keys: { warm: keys.warm, run: keys.single[r] },
      tag: `s${r}`,
    });
    await settle(pool, singleSwarm);
    const singleCheck = await checkStorage(pool, singleSwarm, single, 1);
    reportCheck("single-event storage", singleCheck);
    const rawSingle = await measure("single-event POST, raw node:http", {
      pool,
      pid: raw.pid,
      spec: { url: raw.url, connections: SINGLE_CONNECTIONS, batch: 1 },
      keys: {},
      tag: `x${r}`,
    });
    rounds.push({ copy, copyKeyed, batch, single, rawSingle, checks: [batchCheck, singleCheck] });
  }
  await app.stop();
  await raw.stop();
  if (profileDir) log(`  CPU profile of the app server written to ${profileDir}`);

  // The API stores each event durably as two rows (the event and its idempotency key): the raw lower bound for
  // those same writes is COPY of both. COPY of the event rows alone is shown beside it for context.
  const perRound = rounds.map((x, i) => ({
    round: i + 1,
    batch: x.batch.eventsPerS,
    copyKeyed: x.copyKeyed.rowsPerS,
    copy: x.copy.rowsPerS,
    single: x.single.reqPerS,
    rawSingle: x.rawSingle.reqPerS,
    batchRatio: x.batch.eventsPerS / x.copyKeyed.rowsPerS,
    batchRatioEventsOnly: x.batch.eventsPerS / x.copy.rowsPerS,
    singleRatio: x.single.reqPerS / x.rawSingle.reqPerS,
  }));
  const mid = (pick: (x: (typeof perRound)[number]) => number) => median(perRound.map(pick))!;
  const midLatency = (pick: (x: Round) => Phase) => ({
    p50: median(rounds.map((x) => pick(x).latencyMs.p50))!,
    p99: median(rounds.map((x) => pick(x).latencyMs.p99))!,
  });
  const rows: Row[] = [
    {
      measure: "API ingest, batches of 100",
      value: mid((x) => x.batch),
      unit: "ev/s",
      latency: midLatency((x) => x.batch),
      baselineLabel: "raw COPY events+keys",
      baseline: mid((x) => x.copyKeyed),
      baselineUnit: "ev/s",
      ratio: mid((x) => x.batchRatio),
      target: 0.5,
    },
    {
      measure: "API ingest, batches of 100",
      value: mid((x) => x.batch),
      unit: "ev/s",
      latency: midLatency((x) => x.batch),
      baselineLabel: "raw COPY events only",
      baseline: mid((x) => x.copy),
      baselineUnit: "ev/s",
      ratio: mid((x) => x.batchRatioEventsOnly),
    },
    {
      measure: "single-event POST",
      value: mid((x) => x.single),
      unit: "req/s",
      latency: midLatency((x) => x.single),
      baselineLabel: "raw node:http",
      baseline: mid((x) => x.rawSingle),
      baselineUnit: "req/s",
      baselineLatency: midLatency((x) => x.rawSingle),
      ratio: mid((x) => x.singleRatio),
      target: 0.3,
    },
  ];
  const correct = rounds.every((x) => x.checks.every((c) => c.ok)) && dedup!.ok;
  log("");
  log(`Medians of ${ROUNDS} round(s); ratio = the median of the rounds' ratios.`);
  log(table(rows));
  log("");
  log(roundsTable(perRound));
  log("");
  const meanOf = (pick: (x: Round) => { cpu: CpuUsage | null }) => meanCpu(rounds.map((x) => pick(x).cpu));
  const costs: Cost[] = [
    { phase: "raw COPY, events only", perS: mean(perRound.map((x) => x.copy)), unit: "ev/s", cpu: meanOf((x) => x.copy) },
    { phase: "raw COPY, events + keys", perS: mean(perRound.map((x) => x.copyKeyed)), unit: "ev/s", cpu: meanOf((x) => x.copyKeyed) },
    { phase: "API ingest, batches of 100", perS: mean(perRound.map((x) => x.batch)), unit: "ev/s", cpu: meanOf((x) => x.batch) },
    { phase: "single-event POST, app", perS: mean(perRound.map((x) => x.single)), unit: "req/s", cpu: meanOf((x) => x.single) },
    {
      phase: "single-event POST, raw node:http",
      perS: mean(perRound.map((x) => x.rawSingle)),
      unit: "req/s",
      cpu: meanOf((x) => x.rawSingle),
    },
  ];
  log(`CPU, mean of the rounds:`);
  log(cpuTable(costs));
  log("");
  log(
    `correctness: ${correct ? "PASS" : "FAIL"} (storage of every phase ${rounds.every((x) => x.checks.every((c) => c.ok)) ? "ok" : "FAILED"}, dedup ${dedup!.ok ? "ok" : "FAILED"})`,
  );
  const at = new Date();
  const file = writeResults(
    {
      at: at.toISOString(),
      settings: {
        rounds: ROUNDS,
        durationS: DURATION_S,
        warmupS: WARMUP_S,
        batch: BATCH,
        batchConnections: BATCH_CONNECTIONS,
        singleConnections: SINGLE_CONNECTIONS,
        copyBatchRows: COPY_BATCH_ROWS,
        copyStreams: COPY_STREAMS,
      },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        loadavg: os.loadavg(),
      },
      postgres: { version: postgres.v, synchronousCommit: postgres.sc, sharedBuffers: postgres.sb },
      results: rows.map((r) => ({ ...r, ...ratio(r) })),
      rounds: perRound,
      phases: rounds.map((x) => ({
        copy: x.copy,
        copyKeyed: x.copyKeyed,
        apiBatch: summary(x.batch),
        apiSingle: summary(x.single),
        rawSingle: summary(x.rawSingle),
      })),
      cpu: costs.map((c) => ({ ...c, usPerUnit: cpuPerUnit(c.cpu, c.perS) })),
      checks: { correct, storage: rounds.map((x) => x.checks), dedup },
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
