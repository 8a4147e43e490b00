// A swarm's push target (docs/contract.md#coordinator-link): webhook URL and signing secret, kept in the swarm's settings.
import { z } from "zod";
import type { Db } from "../db/prisma";
import type { Prisma } from "../../generated/prisma/client";

/** Body of PUT /swarms/{swarm}/webhook. */
export const webhookBody = z.object({
  url: z.url({ protocol: /^https?$/, error: "url must be an http(s) URL" }).max(2000),
  secret: z.string().min(16, "secret must be at least 16 characters").max(256),
});

/** A configured webhook. */
export type WebhookConfig = z.infer<typeof webhookBody>;

/** The webhook of a swarm's settings, if any. */
export function webhookOf(settings: unknown): WebhookConfig | null {
  const parsed = webhookBody.safeParse((settings as { webhook?: unknown } | null)?.webhook);
  return parsed.success ? parsed.data : null;
}

/** Sets (or with null, removes) a swarm's webhook, keeping its other settings. */
export async function setWebhook(db: Db, swarmId: number, webhook: WebhookConfig | null): Promise<void> {
  const swarm = await db.swarm.findUniqueOrThrow({ where: { id: swarmId }, select: { settings: true } });
  const settings = { ...((swarm.settings as Record<string, unknown>) ?? {}) };
  if (webhook) settings.webhook = webhook;
  else delete settings.webhook;
  await db.swarm.update({ where: { id: swarmId }, data: { settings: settings as Prisma.InputJsonValue } });
}

/** Every swarm with a webhook. */
export async function swarmsWithWebhooks(db: Db): Promise<{ id: number; name: string; webhook: WebhookConfig }[]> {
  const swarms = await db.swarm.findMany({ select: { id: true, name: true, settings: true } });
  return swarms.flatMap((s) => {
    const webhook = webhookOf(s.settings);
    return webhook ? [{ id: s.id, name: s.name, webhook }] : [];
  });
}
