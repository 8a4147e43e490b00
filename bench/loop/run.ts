// One live-loop run: a fresh database, the product server on it with the demo swarm, a socket subscriber, the fault
// watcher and the scripted operator (approve-all or reject-all) for the run's length; then the final state through
// the HTTP API. The latency probe (and its background ingest) may run beside it on the same server, for the whole run.
import type { Socket } from "socket.io-client";
import { DEMO_SWARM } from "../../lib/server/features/demo/demo-feed";
import { freePort } from "../../test/server-process";
import { Api } from "./api";
import { CONTROL_SWARM, createRunDatabase, PROBE_SWARM, type RunDatabase } from "./database";
import { startOperator } from "./operator";
import { type ProbeResult, runLatencyProbe } from "./probe";
import { type ProductServer, startControlSwarm, startProductServer } from "./product-server";
import type { BottleneckRow, FailureRow, HealingRow, IncidentRow, PredictionRow, RunRecord } from "./records";
import { connectSocket, recordHealth, recordSwarm, subscribe, watchFaults } from "./recorder";

/** Run settings; `probe` (null: none) runs for the whole run, `probes` caps its number of probes (null: no cap). */
export type RunOptions = {
  minutes: number;
  injectEveryS: number;
  probe: { probes: number | null; everyMs: number; eventsPerS: number } | null;
};

/** A prepared run: its database and running server. */
export type PreparedRun = { mode: "approve" | "reject"; db: RunDatabase; server: ProductServer };

/** What a run produced: the records, the probe's figures, and the side counts the report shows. */
export type RunOutput = {
  record: RunRecord;
  probe: ProbeResult | null;
  operatorRateLimited: number;
  socketReconnects: number;
  faultPollsFailed: number;
  injected: number;
  injectRefused: number;
};

/** Faults the injector cycles through: the demo's own mix, plus quorum loss. */
const INJECTED = ["agent_crash", "queue_flood", "slow_degradation", "flapping_heartbeats", "memory_pressure", "token_leak", "quorum_loss"];

/** Creates the run's database and starts its server. */
export async function prepareRun(serverUrl: string, mode: "approve" | "reject"): Promise<PreparedRun> {
  const db = await createRunDatabase(serverUrl, mode);
  try {
    return { mode, db, server: await startProductServer(db.url, await freePort(), mode) };
  } catch (e) {
    await db.drop();
    throw e;
  }
}

/** Stops the run's server and drops its database. */
export async function disposeRun(run: PreparedRun): Promise<void> {
  await run.server.stop();
  await run.db.drop();
}

/** Injects a fault through the admin API every `everyS` (when > 0); counts what was accepted and refused. */
function startInjector(admin: Api, everyS: number) {
  let n = 0;
  let refused = 0;
  const timer =
    everyS > 0
      ? setInterval(() => {
          const scenario = INJECTED[n++ % INJECTED.length];
          void admin.call("POST", "/api/v1/demo/faults", { scenario, duration_s: 120 }).then(
            (r) => r.status === 201 || refused++,
            () => refused++,
          );
        }, everyS * 1000)
      : null;
  return { stop: () => (timer && clearInterval(timer), { injected: n - refused, refused }) };
}

/** Drives a prepared run for `opts.minutes` and collects its records. */
export async function driveRun(run: PreparedRun, opts: RunOptions, log: (line: string) => void): Promise<RunOutput> {
  const { url } = run.server;
  const c = run.db.credentials;
  const admin = new Api(url, c.admin);
  const operators = [new Api(url, c.operators[0]), new Api(url, c.operators[1])] as const;
  const socket: Socket = await connectSocket(url, c.admin);
  const control = startControlSwarm(url, c.controlKey);
  try {
    await subscribe(socket, DEMO_SWARM);
    await subscribe(socket, CONTROL_SWARM);
    const controlHealth = recordHealth(socket, CONTROL_SWARM);
    const operator = startOperator(DEMO_SWARM, run.mode, operators);
    const live = recordSwarm(
      socket,
      DEMO_SWARM,
      (event) => (event === "prediction.created" || event === "healing.started") && operator.poke(),
    );
    const faults = watchFaults(admin);
    const injector = startInjector(admin, opts.injectEveryS);
    const startedAt = Date.now();
    const endAt = startedAt + opts.minutes * 60_000;
    const probe = opts.probe
      ? subscribe(socket, PROBE_SWARM).then(() =>
          runLatencyProbe({
            url,
            socket,
            probeSwarm: PROBE_SWARM,
            probeKey: c.probeKey,
            loadKey: c.loadKey,
            ...opts.probe!,
            untilMs: endAt,
          }),
        )
      : Promise.resolve(null);
    const progress = setInterval(
      () =>
        log(
          `[${run.mode}] ${Math.round((Date.now() - startedAt) / 60_000)}/${opts.minutes} min: ${faults.faults().length} faults, ${operator.decisions.length} decisions, ${live.socket.length} socket messages`,
        ),
      60_000,
    );
    await new Promise((r) => setTimeout(r, endAt - Date.now()));
    clearInterval(progress);
    await operator.stop();
    faults.stop();
    const inj = injector.stop();
    const probed = await probe;
    const endedAt = Date.now();
    await new Promise((r) => setTimeout(r, 3_000)); // the last outputs reach storage
    const readAt = Date.now();
    const list = <T>(what: string, query = "") => admin.listAll<T>(`/api/v1/swarms/${DEMO_SWARM}/${what}`, query); // the whole (fresh) database
    const record: RunRecord = {
      mode: run.mode,
      startedAt,
      endedAt,
      readAt,
      faults: faults.faults(),
      failures: await list<FailureRow>("failures"),
      bottlenecks: await list<BottleneckRow>("bottlenecks"),
      predictions: await list<PredictionRow>("predictions"),
      healings: await list<HealingRow>("healings"),
      incidents: await list<IncidentRow>("incidents", "state=all"),
      incidentUpdates: live.incidents,
      decisions: operator.decisions,
      socket: live.socket,
      health: live.health,
      controlHealth: [...controlHealth],
    };
    return {
      record,
      probe: probed,
      operatorRateLimited: operator.rateLimited(),
      socketReconnects: live.reconnects(),
      faultPollsFailed: faults.failedPolls(),
      injected: inj.injected,
      injectRefused: inj.refused,
    };
  } finally {
    socket.close();
    await control.stop();
  }
}
