// A swarm's push target for healing commands over the API (admin): read without its secret, set, or remove, each
// change audit-logged. Stored in the swarm's settings (lib/server/commands/webhook-config.ts).
import { setWebhook, webhookBody, webhookOf, type WebhookConfig } from "../../commands/webhook-config";
import type { Db } from "../../db/prisma";
import type { Principal } from "../../auth/principal";
import type { SwarmRef } from "../../http/route";
import { audit } from "../audit/audit-log";

/** Body of PUT /swarms/{swarm}/webhook. */
export { webhookBody };

/** The webhook as the API shows it: its URL, and whether a secret is set (the secret itself never leaves). */
export type WebhookView = { url: string | null; secret_set: boolean };

/** A swarm's webhook for the API routes. */
export class WebhookSettings {
  constructor(private readonly deps: { db: Db }) {}

  /** The configured webhook URL (without its secret). */
  async get(swarm: SwarmRef): Promise<WebhookView> {
    const row = await this.deps.db.swarm.findUniqueOrThrow({ where: { id: swarm.id }, select: { settings: true } });
    const webhook = webhookOf(row.settings);
    return { url: webhook?.url ?? null, secret_set: webhook !== null };
  }

  /** Sets the webhook URL and secret. */
  async set(principal: Principal, swarm: SwarmRef, body: WebhookConfig): Promise<WebhookView> {
    await setWebhook(this.deps.db, swarm.id, body);
    await audit(this.deps.db, {
      actor: principal,
      action: "swarm.webhook.set",
      target: `swarm:${swarm.name}`,
      result: "ok",
      swarmId: swarm.id,
      detail: { url: body.url },
    });
    return { url: body.url, secret_set: true };
  }

  /** Removes the webhook (commands are then only delivered by pull). */
  async remove(principal: Principal, swarm: SwarmRef): Promise<WebhookView> {
    await setWebhook(this.deps.db, swarm.id, null);
    await audit(this.deps.db, {
      actor: principal,
      action: "swarm.webhook.remove",
      target: `swarm:${swarm.name}`,
      result: "ok",
      swarmId: swarm.id,
    });
    return { url: null, secret_set: false };
  }
}
