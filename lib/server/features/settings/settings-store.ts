// Where a swarm's healing settings live: the `healing` key of swarms.settings (beside the webhook), and applying
// the stored ones to the engine at boot.
import type pino from "pino";
import type { Db } from "../../db/prisma";
import type { Engine } from "../../../engine/engine";
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

/** Applies every swarm's (or only `swarm`'s) stored settings to the engine (boot, takeover); a swarm whose settings
 * no longer apply keeps the defaults. */
export async function applyStoredSettings(db: Db, engine: Engine, log: pino.Logger, swarm?: string): Promise<void> {
  const swarms = await db.swarm.findMany({ where: swarm === undefined ? {} : { name: swarm }, select: { name: true, settings: true } });
  for (const s of swarms) {
    if ((s.settings as { healing?: unknown } | null)?.healing === undefined) continue;
    try {
      engine.configure(s.name, toSwarmConfig(storedSettings(s.settings)));
    } catch (err) {
      log.warn({ swarm: s.name, err }, "stored settings no longer apply; the swarm keeps the defaults");
    }
  }
}
