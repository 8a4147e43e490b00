// A swarm's retention settings: the server defaults they fall back to, the effective values, what is stored (only
// values that differ from the default), and the check that needs both fields (history at least as long as events).
import type { FieldError } from "../../http/errors";
import { env, type Env } from "../../platform/env";
import type { Retention, SwarmSettings } from "../../../contract/items/settings";

/** The effective retention of a swarm, in days (the contract's type). */
export type { Retention };

/** The server's retention (RETENTION_DAYS, HISTORY_RETENTION_DAYS), which swarms without their own follow. */
export function retentionDefaults(e: Env = env()): Retention {
  return { events_retention_days: e.RETENTION_DAYS, history_retention_days: e.HISTORY_RETENTION_DAYS };
}

/** The settings with the effective retention filled in. */
export function fillRetention(s: SwarmSettings, defaults: Retention): SwarmSettings & Retention {
  return {
    ...s,
    events_retention_days: s.events_retention_days ?? defaults.events_retention_days,
    history_retention_days: s.history_retention_days ?? defaults.history_retention_days,
  };
}

/** The settings to store: a retention equal to the default is left out, so the swarm follows the default. */
export function normalizeRetention(s: SwarmSettings, defaults: Retention): SwarmSettings {
  const { events_retention_days: events, history_retention_days: history, ...rest } = s;
  return {
    ...rest,
    ...(events !== undefined && events !== defaults.events_retention_days && { events_retention_days: events }),
    ...(history !== undefined && history !== defaults.history_retention_days && { history_retention_days: history }),
  };
}

/** Per-field problems across the two fields: rollups must outlive the raw events they summarise. */
export function retentionErrors(s: SwarmSettings, defaults: Retention): FieldError[] {
  const r = fillRetention(s, defaults);
  return r.history_retention_days < r.events_retention_days
    ? [{ path: "history_retention_days", message: `must be at least the events retention (${r.events_retention_days} days)` }]
    : [];
}
