// The built-in `demo` swarm (`DEMO`, docs/operations.md#configuration): a simulated swarm (lib/simulator/model) whose events go through the
// same validation and storage pipeline as any agent system, which suffers a gentle fault every few minutes, and
// which is a coordinator: it claims its healing commands like any other and executes them, so healing visibly
// changes the world (a restarted agent heartbeats again, a paused LOW tier lets the queue drain).
import type { Logger } from "pino";
import { claimCommands, LEASE_MS } from "../../commands/command-store";
import type pg from "pg";
import type { ClusterNode } from "../../cluster/cluster-node";
import { reportResult } from "../../commands/coordinator-api";
import type { Db } from "../../db/prisma";
import type { RollupBuffer } from "../../db/rollup-buffer";
import type { Clock } from "@/lib/engine";
import { ingestBatch } from "../../ingest/ingest-batch";
import type { IngestBatcher } from "../../ingest/ingest-batcher";
import type { IngestGate } from "../../platform/ingest-gate";
import { demoDecision } from "../../../simulator/demo-decision";
import { type FaultRecord, type ScenarioName, SwarmSimulator } from "../../../simulator/model";

/** Name of the built-in simulated swarm. */
export const DEMO_SWARM = "demo";

/** Faults the demo cycles through, one every `FAULT_EVERY_MS`, each wearing off by itself if nobody heals it. */
const DEMO_FAULTS: ScenarioName[] = [
  "agent_crash",
  "queue_flood",
  "slow_degradation",
  "flapping_heartbeats",
  "memory_pressure",
  "token_leak",
];
const FAULT_EVERY_MS = 3 * 60_000;
const FAULT_LASTS_MS = 2 * 60_000;

/** DEMO=on|off wins; otherwise on while `demo` is the only swarm or there is none. Logs which, and why, when given a logger. */
export async function demoEnabled(db: Db, override: "on" | "off" | undefined, log?: Logger): Promise<boolean> {
  const others = override
    ? []
    : await db.swarm.findMany({ where: { name: { not: DEMO_SWARM } }, orderBy: { createdAt: "asc" }, select: { name: true } });
  const decision = demoDecision(
    override,
    others.map((s) => s.name),
  );
  log?.info(decision.message);
  return decision.on;
}

/** Control of the running demo swarm (the admin API injects faults on demand). */
export type DemoControl = {
  /** Injects a fault now; it wears off after `durationMs` if nobody heals it. Null when no agent can take it. */
  inject: (scenario: ScenarioName, target: string | undefined, durationMs: number) => FaultRecord | null;
  /** Faults currently in effect. */
  faults: () => FaultRecord[];
  /** Stops the feed. */
  stop: () => void;
};

/** What the demo feed uses: the ingest pipeline (batcher, rollups), command claims and results (pool), the way to
 * the engine owner and ownership changes (cluster), whether new work is taken, its clock and its log. */
export type DemoFeedDeps = {
  db: Db;
  pool: pg.Pool;
  batcher: IngestBatcher;
  rollups: RollupBuffer;
  cluster: Pick<ClusterNode, "delivered" | "commandResult" | "onOwnership">;
  gate: IngestGate;
  clock: Clock;
  log: Logger;
};

/** The demo swarm of this instance: exists from construction, feeding while this instance owns `demo`. */
export class DemoSwarm {
  private control: DemoControl | undefined;
  private generation = 0;

  constructor(private readonly deps: DemoFeedDeps) {}

  /** The running feed, or undefined. */
  get running(): DemoControl | undefined {
    return this.control;
  }

  /** Runs the demo swarm on whichever instance owns its engine: started when this instance takes `demo` over,
   * stopped when it loses it (so exactly one instance feeds it). */
  async runOnOwner(): Promise<void> {
    await this.deps.db.swarm.upsert({ where: { name: DEMO_SWARM }, create: { name: DEMO_SWARM }, update: {} });
    this.deps.cluster.onOwnership((swarm, owned) => {
      if (swarm !== DEMO_SWARM) return;
      const mine = ++this.generation;
      this.stop();
      if (!owned) return;
      void startDemoFeed(this.deps)
        .then((demo) => (mine === this.generation ? (this.control = demo) : demo.stop()))
        .catch((e: Error) => this.deps.log.warn({ err: e.message }, "demo swarm: could not start"));
    });
  }

  /** Starts the feed on this instance now, whoever owns the swarm (tests drive the demo directly). */
  async start(): Promise<DemoControl> {
    ++this.generation;
    this.stop();
    this.control = await startDemoFeed(this.deps);
    return this.control;
  }

  /** Stops the feed, if it runs. */
  stop(): void {
    this.control?.stop();
    this.control = undefined;
  }
}

/** Starts the demo swarm: events every second, its commands executed, a fault every few minutes. */
async function startDemoFeed(deps: DemoFeedDeps): Promise<DemoControl> {
  const { db, pool, cluster, gate, clock, log } = deps;
  const swarm = await db.swarm.upsert({ where: { name: DEMO_SWARM }, create: { name: DEMO_SWARM }, update: {} });
  const identity = { swarmId: swarm.id, swarm: DEMO_SWARM, keyId: 0 };
  const start = clock.now();
  const sim = new SwarmSimulator({ seed: start % 100_000, startMs: start });
  let nextFault = start + 60_000;
  let faults = 0;
  let busy = false;

  const step = async () => {
    const now = clock.now();
    if (now >= nextFault) {
      const fault = sim.inject(DEMO_FAULTS[faults++ % DEMO_FAULTS.length]!, now, undefined, FAULT_LASTS_MS);
      if (fault) log.info({ scenario: fault.scenario, targets: fault.targets }, "demo swarm: fault injected");
      nextFault = now + FAULT_EVERY_MS;
    }
    const events = sim.advance(now);
    if (events.length > 0) await ingestBatch(deps, identity, events, now);
    for (const command of await claimCommands(pool, swarm.id, now, 20, LEASE_MS, "simulator")) {
      cluster.commandResult(DEMO_SWARM, command.id, { status: "dispatched", attempts: command.attempts });
      const outcome = sim.execute({ id: command.id, kind: command.kind, params: command.params }, now);
      await reportResult(deps, identity, command.id, outcome);
    }
  };

  const timer = setInterval(() => {
    if (busy || !gate.accepting) return;
    busy = true;
    step()
      .catch((e: Error) => log.warn({ err: e.message }, "demo swarm: step failed"))
      .finally(() => (busy = false));
  }, 1_000);
  timer.unref();
  return {
    inject: (scenario, target, durationMs) => {
      const fault = sim.inject(scenario, clock.now(), target, durationMs);
      if (fault) log.info({ scenario, targets: fault.targets }, "demo swarm: fault injected on request");
      return fault;
    },
    faults: () => sim.snapshot().faults,
    stop: () => clearInterval(timer),
  };
}
