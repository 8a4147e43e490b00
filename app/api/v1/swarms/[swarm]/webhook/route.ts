// /api/v1/swarms/{swarm}/webhook — the swarm's push target for healing commands (admin; the secret is never returned).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { webhookBody } from "@/lib/server/features/webhooks/webhook-settings";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

const params = z.object({ swarm: swarmNameSchema });

/** The configured webhook URL (without its secret). */
export const GET = apiRoute({ role: "admin", params }, async ({ services, swarm }) => services.webhooks.get(swarm));

/** Sets the webhook URL and secret. */
export const PUT = apiRoute({ role: "admin", params, body: webhookBody }, async ({ services, principal, swarm, body }) =>
  services.webhooks.set(principal, swarm, body),
);

/** Removes the webhook (commands are then only delivered by pull). */
export const DELETE = apiRoute({ role: "admin", params }, async ({ services, principal, swarm }) =>
  services.webhooks.remove(principal, swarm),
);
