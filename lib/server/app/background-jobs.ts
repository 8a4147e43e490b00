// The server's periodic work: the engine's 1 Hz tick (of the swarms this instance owns), rollup flushes, webhook pushes, overdue sweeps, partition upkeep and retention.
import type { Logger } from "pino";
import { sweepOverdue } from "../features/healings/sweep-overdue";
import { dispatchWebhooks } from "../commands/webhook-dispatcher";
import { upkeepPartitions } from "../db/partition-upkeep";
import type { Composition } from "./create-services";

/** Starts the timers; the returned function stops them. */
export function startBackgroundJobs(c: Composition, log: Logger): () => void {
  const tick = setInterval(() => c.metrics.timeEngineTick(() => c.engine.tick(c.cluster.ownedSwarms())), 1_000);
  const flush = setInterval(
    () => void c.rollups.flush().catch((e: Error) => log.warn({ err: e.message }, "rollup flush failed; will retry")),
    1_000,
  );
  const upkeep = setInterval(() => {
    upkeepPartitions(c.partitions, Date.now())
      .then(({ dropped }) => dropped.length && log.info({ dropped }, "retention dropped partitions"))
      .catch((e: Error) => log.warn({ err: e.message }, "partition upkeep failed"));
  }, 3_600_000);
  const sweep = setInterval(() => {
    sweepOverdue(c.pool, c.rollups, Date.now(), c.publisher.publish)
      .then(({ no_data, ...r }) => {
        if (r.commands || r.proposals) log.info(r, "overdue commands timed out / proposals expired by storage");
        if (no_data.healings.length || no_data.bottlenecks || no_data.proposals || no_data.incidents)
          log.info(no_data, "silent swarms: open healings, bottlenecks, proposals and incidents closed as no data");
      })
      .catch((e: Error) => log.warn({ err: e.message }, "overdue sweep failed"));
  }, 5_000);
  let pushing = false;
  const push = setInterval(() => {
    if (pushing || !c.gate.accepting) return;
    pushing = true;
    dispatchWebhooks({ db: c.db, pool: c.pool, cluster: c.cluster, breakers: c.webhookBreakers }, log)
      .catch((e: Error) => log.warn({ err: e.message }, "webhook dispatch failed"))
      .finally(() => (pushing = false));
  }, 500);
  for (const t of [tick, flush, upkeep, sweep, push]) t.unref();
  return () => [tick, flush, upkeep, sweep, push].forEach(clearInterval);
}
