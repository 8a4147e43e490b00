// The built-in `demo` swarm (`DEMO`, docs/operations.md#configuration): a simulated swarm (lib/simulator/model) whose events go through the
// same validation and storage pipeline as any agent system, which suffers a gentle fault every few minutes, and
// which is a coordinator: it claims its healing commands like any other and executes them, so healing visibly
// changes the world (a restarted agent heartbeats again, a paused LOW tier lets the queue drain).
import type { Logger } from "pino";
import { claimCommands, LEASE_MS } from "../../commands/command-store";
import { reportResult } from "../../commands/coordinator-api";
import type { Db } from "../../db/prisma";
import type { Clock } from "../../../engine/clock";
import { ingestBatch } from "../../ingest/ingest-batch";
import type { Runtime } from "../../platform/runtime";
import { demoDecision } from "../../../simulator/demo-decision";
import { type FaultRecord, type ScenarioName, SwarmSimulator } from "../../../simulator/model";

/** Name of the built-in simulated swarm. */
export const DEMO_SWARM = "demo";

/** Faults the demo cycles through, one every `FAULT_EVERY_MS`, each wearing off by itself if nobody heals it. */
const DEMO_FAULTS: ScenarioName[] = ["agent_crash", "queue_flood", "slow_degradation", "flapping_heartbeats", "memory_pressure", "token_leak"];
const FAULT_EVERY_MS = 3 * 60_000;
const FAULT_LASTS_MS = 2 * 60_000;

/** DEMO=on|off wins; otherwise on while `demo` is the only swarm or there is none. Logs which, and why, when given a logger. */
export async function demoEnabled(db: Db, override: "on" | "off" | undefined, log?: Logger): Promise<boolean> {
  const others = override ? [] : await db.swarm.findMany({ where: { name: { not: DEMO_SWARM } }, orderBy: { createdAt: "asc" }, select: { name: true } });
  const decision = demoDecision(override, others.map((s) => s.name));
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

/** Runs the demo swarm on whichever instance owns its engine: started when this instance takes `demo` over, stopped
 * when it loses it (so exactly one instance feeds it). */
export async function runDemoOnOwner(rt: Runtime, clock: Clock, log: Logger): Promise<void> {
  await rt.db.swarm.upsert({ where: { name: DEMO_SWARM }, create: { name: DEMO_SWARM }, update: {} });
  let generation = 0;
  rt.cluster.onOwnership((swarm, owned) => {
    if (swarm !== DEMO_SWARM) return;
    const mine = ++generation;
    rt.demo?.stop();
    rt.demo = undefined;
    if (!owned) return;
    void startDemoFeed(rt, clock, log)
      .then((demo) => (mine === generation ? (rt.demo = demo) : demo.stop()))
      .catch((e: Error) => log.warn({ err: e.message }, "demo swarm: could not start"));
  });
}

/** Starts the demo swarm: events every second, its commands executed, a fault every few minutes. */
export async function startDemoFeed(rt: Runtime, clock: Clock, log: Logger): Promise<DemoControl> {
  const swarm = await rt.db.swarm.upsert({ where: { name: DEMO_SWARM }, create: { name: DEMO_SWARM }, update: {} });
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
    if (events.length > 0) await ingestBatch(rt, identity, events, now);
    for (const command of await claimCommands(rt.pool, swarm.id, now, 20, LEASE_MS, "simulator")) {
      rt.cluster.commandResult(DEMO_SWARM, command.id, { status: "dispatched", attempts: command.attempts });
      const outcome = sim.execute({ id: command.id, kind: command.kind, params: command.params }, now);
      await reportResult(rt, identity, command.id, outcome);
    }
  };

  const timer = setInterval(() => {
    if (busy || !rt.accepting) return;
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
