// The pull side of the coordinator link (docs/contract.md#coordinator-link): long-polled claims and idempotent results, each
// reported to the swarm's engine so healings follow their commands.
import { z } from "zod";
import { notFound } from "../http/errors";
import type { IngestIdentity } from "../auth/ingest-keys";
import { env } from "../platform/env";
import type pg from "pg";
import type { ClusterNode } from "../cluster/cluster-node";
import type { IngestGate } from "../platform/ingest-gate";
import type { CommandSignal } from "./command-signal";
import { claimCommands, type DeliveredCommand, recordCommandResult } from "./command-store";

/** Query of GET /api/v1/commands. */
export const pollQuery = z.object({
  wait: z.coerce.number().min(0).max(25).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** Body of POST /api/v1/commands/{id}/result. */
export const resultBody = z.object({ status: z.enum(["succeeded", "failed"]), detail: z.string().max(2000).optional() });

/** What recording a command's result uses: the pool, and the way to the swarm's engine owner. */
export type CommandResults = { pool: pg.Pool; cluster: Pick<ClusterNode, "commandResult"> };

/** What long polls use besides: whether new work is taken, and the wake-ups of stored commands. */
export type CommandPolls = CommandResults & { gate: IngestGate; commandSignal: CommandSignal };

/** Claims the swarm's due commands for COMMAND_LEASE_MS, waiting up to `q.wait` seconds for one to appear. */
export async function pollCommands(
  deps: CommandPolls,
  who: IngestIdentity,
  q: z.output<typeof pollQuery>,
  signal?: AbortSignal,
): Promise<Omit<DeliveredCommand, "attempts" | "lease_until">[]> {
  const until = Date.now() + q.wait * 1000;
  for (;;) {
    const claimed = await claimCommands(deps.pool, who.swarmId, Date.now(), q.limit, env().COMMAND_LEASE_MS);
    for (const c of claimed)
      deps.cluster.commandResult(who.swarm, c.id, { status: "dispatched", attempts: c.attempts, leaseUntil: Date.parse(c.lease_until) });
    const left = until - Date.now();
    if (claimed.length > 0 || left <= 0 || signal?.aborted || !deps.gate.accepting)
      return claimed.map(({ id, kind, params, issued_at, deadline }) => ({ id, kind, params, issued_at, deadline }));
    await deps.commandSignal.wait(who.swarm, Math.min(left, 1_000), signal);
  }
}

/** Records a command's result (idempotent) and tells the engine when it changed anything. */
export async function reportResult(deps: CommandResults, who: IngestIdentity, id: string, body: z.output<typeof resultBody>) {
  if (!z.uuid().safeParse(id).success) throw notFound("Command");
  const outcome = await recordCommandResult(deps.pool, who.swarmId, id, body, Date.now());
  if (!outcome) throw notFound("Command");
  if (outcome.changed) deps.cluster.commandResult(who.swarm, id, { status: body.status, detail: body.detail });
  return { id: outcome.id, status: outcome.status, detail: outcome.detail };
}
