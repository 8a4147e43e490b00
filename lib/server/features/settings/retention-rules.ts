// The retention rules the partition upkeep enforces, from the server defaults and every swarm's stored settings.
import type { Db } from "../../db/prisma";
import type { RetentionRules } from "../../db/partitions";
import { fillRetention, type Retention, retentionDefaults } from "./retention-settings";
import { storedSettings } from "./settings-store";

/** Per table family, the default days and the swarms whose effective retention differs from it. */
export async function loadRetentionRules(db: Db, defaults: Retention = retentionDefaults()): Promise<RetentionRules> {
  const swarms = await db.swarm.findMany({ select: { id: true, settings: true } });
  const events = new Map<number, number>();
  const history = new Map<number, number>();
  for (const s of swarms) {
    const r = fillRetention(storedSettings(s.settings), defaults);
    if (r.events_retention_days !== defaults.events_retention_days) events.set(s.id, r.events_retention_days);
    if (r.history_retention_days !== defaults.history_retention_days) history.set(s.id, r.history_retention_days);
  }
  return {
    events: { defaultDays: defaults.events_retention_days, swarmDays: events },
    history: { defaultDays: defaults.history_retention_days, swarmDays: history },
  };
}
