// /api/v1/swarms/{swarm}/webhook — the swarm's push target for healing commands (admin; the secret is never returned).
import { z } from "zod";
import { apiRoute } from "@/lib/server/http/route";
import { audit } from "@/lib/server/features/audit/audit-log";
import { setWebhook, webhookBody, webhookOf } from "@/lib/server/commands/webhook-config";
import { requireSwarm } from "@/lib/server/features/swarms/swarm-lists";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";
const params = z.object({ swarm: swarmNameSchema });

/** The configured webhook URL (without its secret). */
export const GET = apiRoute({ role: "admin", params }, async ({ rt, params }) => {
  const swarm = await rt.db.swarm.findUniqueOrThrow({ where: { id: await requireSwarm(rt.db, params.swarm) }, select: { settings: true } });
  const webhook = webhookOf(swarm.settings);
  return { url: webhook?.url ?? null, secret_set: webhook !== null };
});

/** Sets the webhook URL and secret. */
export const PUT = apiRoute({ role: "admin", params, body: webhookBody }, async ({ rt, principal, params, body }) => {
  const swarmId = await requireSwarm(rt.db, params.swarm);
  await setWebhook(rt.db, swarmId, body);
  await audit(rt.db, { actor: principal, action: "swarm.webhook.set", target: `swarm:${params.swarm}`, result: "ok", swarmId, detail: { url: body.url } });
  return { url: body.url, secret_set: true };
});

/** Removes the webhook (commands are then only delivered by pull). */
export const DELETE = apiRoute({ role: "admin", params }, async ({ rt, principal, params }) => {
  const swarmId = await requireSwarm(rt.db, params.swarm);
  await setWebhook(rt.db, swarmId, null);
  await audit(rt.db, { actor: principal, action: "swarm.webhook.remove", target: `swarm:${params.swarm}`, result: "ok", swarmId });
  return { url: null, secret_set: false };
});
