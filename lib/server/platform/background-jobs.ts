// The server's periodic work: the engine's 1 Hz tick (of the swarms this instance owns), rollup flushes, webhook pushes, overdue sweeps, partition upkeep and retention.
import type { Logger } from "pino";
import { sweepOverdue } from "../features/healings/sweep-overdue";
import { dispatchWebhooks } from "../commands/webhook-dispatcher";
import type { Runtime } from "./runtime";
import { upkeepPartitions } from "../db/partition-upkeep";

/** Starts the timers; the returned function stops them. */
export function startBackgroundJobs(rt: Runtime, log: Logger): () => void {
  const tick = setInterval(() => rt.metrics.timeEngineTick(() => rt.engine.tick(rt.cluster.ownedSwarms())), 1_000);
  const flush = setInterval(() => void rt.rollups.flush().catch((e: Error) => log.warn({ err: e.message }, "rollup flush failed; will retry")), 1_000);
  const upkeep = setInterval(() => {
    upkeepPartitions(rt, Date.now())
      .then(({ dropped }) => dropped.length && log.info({ dropped }, "retention dropped partitions"))
      .catch((e: Error) => log.warn({ err: e.message }, "partition upkeep failed"));
  }, 3_600_000);
  const sweep = setInterval(() => {
    sweepOverdue(rt.pool, rt.rollups, Date.now(), rt.publish)
      .then(({ no_data, ...r }) => {
        if (r.commands || r.proposals) log.info(r, "overdue commands timed out / proposals expired by storage");
        if (no_data.healings.length || no_data.bottlenecks || no_data.proposals || no_data.incidents) log.info(no_data, "silent swarms: open healings, bottlenecks, proposals and incidents closed as no data");
      })
      .catch((e: Error) => log.warn({ err: e.message }, "overdue sweep failed"));
  }, 5_000);
  let pushing = false;
  const push = setInterval(() => {
    if (pushing || !rt.accepting) return;
    pushing = true;
    dispatchWebhooks(rt, log)
      .catch((e: Error) => log.warn({ err: e.message }, "webhook dispatch failed"))
      .finally(() => (pushing = false));
  }, 500);
  for (const t of [tick, flush, upkeep, sweep, push]) t.unref();
  return () => [tick, flush, upkeep, sweep, push].forEach(clearInterval);
}
