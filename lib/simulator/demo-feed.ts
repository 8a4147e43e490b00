// The built-in `demo` swarm (contract §2 DEMO): on by default while no real swarm exists, feeding generated
// events through the same validation and storage pipeline as any agent system.
import type { Logger } from "pino";
import type { Db } from "../db/prisma";
import type { Clock } from "../engine/clock";
import { ingestBatch } from "../ingest/ingest-batch";
import type { Runtime } from "../runtime";
import { DemoGenerator } from "./demo-generator";

/** Name of the built-in simulated swarm. */
export const DEMO_SWARM = "demo";

/** DEMO=on|off wins; otherwise on while `demo` is the only swarm or there is none. */
export async function demoEnabled(db: Db, override: "on" | "off" | undefined): Promise<boolean> {
  if (override) return override === "on";
  return (await db.swarm.count({ where: { name: { not: DEMO_SWARM } } })) === 0;
}

/** Starts feeding the demo swarm once a second; returns the stop function. */
export async function startDemoFeed(rt: Runtime, clock: Clock, log: Logger): Promise<() => void> {
  const swarm = await rt.db.swarm.upsert({ where: { name: DEMO_SWARM }, create: { name: DEMO_SWARM }, update: {} });
  const generator = new DemoGenerator(Date.now() % 100_000);
  let busy = false;
  const timer = setInterval(() => {
    if (busy || !rt.accepting) return;
    busy = true;
    const now = clock.now();
    ingestBatch(rt, { swarmId: swarm.id, swarm: DEMO_SWARM }, generator.next(now), now)
      .catch((e: Error) => log.warn({ err: e.message }, "demo swarm: batch not stored"))
      .finally(() => (busy = false));
  }, 1_000);
  timer.unref();
  return () => clearInterval(timer);
}
