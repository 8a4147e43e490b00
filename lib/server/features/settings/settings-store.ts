// Where a swarm's healing settings live: the `healing` key of swarms.settings (beside the webhook), and applying
// the stored ones to the engine when a swarm is taken over.
import type pino from "pino";
import type { Db } from "../../db/prisma";
import type { Engine } from "@/lib/engine";
import { SETTINGS_DEFAULTS, type SwarmSettings, swarmSettingsSchema, toSwarmConfig } from "./swarm-settings";

/** The healing settings in a swarm's settings JSON (defaults when none, or when they no longer parse). */
export function storedSettings(settings: unknown): SwarmSettings {
  const parsed = swarmSettingsSchema.safeParse((settings as { healing?: unknown } | null)?.healing ?? {});
  return parsed.success ? parsed.data : SETTINGS_DEFAULTS;
}

/** Stores a swarm's healing settings, atomically keeping its other settings (the webhook). */
export async function saveSettings(db: Db, swarmId: number, settings: SwarmSettings): Promise<void> {
  await db.$executeRaw`UPDATE swarms SET settings = settings || jsonb_build_object('healing', ${JSON.stringify(settings)}::jsonb) WHERE id = ${swarmId}`;
}

/** Applies a swarm's stored settings to the engine (on the instance taking the swarm over); settings that no longer
 * apply leave the defaults. */
export async function applyStoredSettings(db: Db, engine: Engine, log: pino.Logger, swarm: string): Promise<void> {
  const row = await db.swarm.findUnique({ where: { name: swarm }, select: { settings: true } });
  if (!row || (row.settings as { healing?: unknown } | null)?.healing === undefined) return;
  try {
    engine.configure(swarm, toSwarmConfig(storedSettings(row.settings)));
  } catch (err) {
    log.warn({ swarm, err }, "stored settings no longer apply; the swarm keeps the defaults");
  }
}
