// The push side of the coordinator link (docs/contract.md#coordinator-link): due commands of swarms with a webhook are POSTed,
// signed `X-Swarm-Medic-Signature: sha256=<HMAC-SHA256(secret, raw body)>`; a 2xx `{status, detail?}` is the result.
// Anything else is retried with exponential backoff and jitter until the deadline — the command's lease is the
// retry timer, so pending retries live in Postgres (bounded by the commands themselves), never in memory. A target
// whose circuit is open gets no deliveries (its commands time out at their deadline); half-open, it gets one probe.
import { createHmac } from "node:crypto";
import type { Logger } from "pino";
import { z } from "zod";
import type { Db } from "../db/prisma";
import type { WebhookBreakers } from "./webhook-breakers";
import { claimCommands, type DeliveredCommand } from "./command-store";
import { type CommandResults, reportResult } from "./coordinator-api";
import { swarmsWithWebhooks, type WebhookConfig } from "./webhook-config";

/** The signature header value for a body. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Backoff before attempt `attempts + 1`: 0.5 s doubling to 30 s, with full jitter in [50 %, 100 %]. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.5 + random() / 2));
}

const answer = z.object({ status: z.enum(["succeeded", "failed"]), detail: z.string().max(2000).optional() });

/** Delivers one command; returns the receiver's result, or null to retry later. */
async function deliver(
  webhook: WebhookConfig,
  command: Omit<DeliveredCommand, "attempts" | "lease_until">,
  timeoutMs: number,
): Promise<z.infer<typeof answer> | null> {
  const body = JSON.stringify(command);
  try {
    const res = await fetch(webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-swarm-medic-signature": signBody(webhook.secret, body),
        "x-swarm-medic-command": command.id,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    if (!res.ok) return null;
    const parsed = answer.safeParse(await res.json().catch(() => null));
    return parsed.success ? parsed.data : { status: "failed", detail: "the webhook answered 2xx without {status}" };
  } catch {
    return null;
  }
}

/** What webhook dispatch uses: command results (pool, engine owner), the swarms' settings, and the circuits. */
export type WebhookDispatch = CommandResults & { db: Db; breakers: WebhookBreakers };

/** One dispatch round over every swarm with a webhook. */
export async function dispatchWebhooks(deps: WebhookDispatch, log: Logger, now = Date.now()): Promise<number> {
  let delivered = 0;
  for (const swarm of await swarmsWithWebhooks(deps.db)) {
    const circuit = deps.breakers.state(swarm.webhook.url);
    if (circuit === "open") continue;
    const claimed = await claimCommands(deps.pool, swarm.id, now, circuit === "half_open" ? 1 : 20, 15_000, "webhook");
    await Promise.all(
      claimed.map(async (c) => {
        let result: Awaited<ReturnType<typeof deliver>> = null;
        await deps.breakers.run(swarm.webhook.url, async () => {
          result = await deliver(
            swarm.webhook,
            { id: c.id, kind: c.kind, params: c.params, issued_at: c.issued_at, deadline: c.deadline },
            10_000,
          );
          return result !== null;
        });
        if (result) {
          await reportResult(deps, { swarmId: swarm.id, swarm: swarm.name, keyId: 0 }, c.id, result);
          delivered++;
          return;
        }
        const retryAt = Math.min(Date.parse(c.deadline), now + retryDelayMs(c.attempts));
        await deps.pool.query(
          "UPDATE commands SET lease_until = $3 WHERE id = $1 AND swarm_id = $2 AND issued_at = $4 AND status = 'dispatched'",
          [c.id, swarm.id, new Date(retryAt), new Date(c.issued_at)],
        );
        log.warn({ command: c.id, swarm: swarm.name, attempt: c.attempts }, "webhook delivery failed; will retry");
      }),
    );
  }
  return delivered;
}
