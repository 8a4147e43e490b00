// GET/PUT /swarms/{swarm}/settings: the settings with defaults filled (retention: the effective days) and what the UI
// can offer; validated updates that are stored, applied to the running engine and the partitions, and audit-logged
// with before/after.
import { ApiError } from "../../http/errors";
import { audit } from "../audit/audit-log";
import type { Principal } from "../../auth/principal";
import { requireSwarm } from "../swarms/swarm-lists";
import { componentLogger } from "../../platform/logger";
import type { Runtime } from "../../platform/runtime";
import { preparePartitions } from "../../db/partition-upkeep";
import type { SettingsView, SwarmSettings } from "../../../contract/items/settings";
import { fillRetention, normalizeRetention, retentionDefaults, retentionErrors } from "./retention-settings";
import { saveSettings, storedSettings } from "./settings-store";
import { fillSettings, normalizeSettings, SETTINGS_DEFAULTS, settingsErrors, toSwarmConfig } from "./swarm-settings";

async function current(rt: Runtime, swarm: string) {
  const swarmId = await requireSwarm(rt.db, swarm);
  const row = await rt.db.swarm.findUniqueOrThrow({ where: { id: swarmId }, select: { settings: true } });
  return { swarmId, stored: storedSettings(row.settings), catalog: rt.engine.healingCatalog(swarm) };
}

const filled = (s: SwarmSettings, catalog: ReturnType<Runtime["engine"]["healingCatalog"]>) => fillRetention(fillSettings(s, catalog), retentionDefaults());

function view(swarm: string, stored: SwarmSettings, catalog: ReturnType<Runtime["engine"]["healingCatalog"]>): SettingsView {
  return {
    swarm,
    settings: filled(stored, catalog),
    defaults: filled(SETTINGS_DEFAULTS, catalog),
    strategies: catalog.strategies.map((s) => ({ name: s.name, failure_types: s.failureTypes })),
    failure_types: catalog.failureTypes,
  };
}

/** A swarm's settings with defaults filled, plus the strategies and failure types it can be configured with. */
export async function readSwarmSettings(rt: Runtime, swarm: string): Promise<SettingsView> {
  const { stored, catalog } = await current(rt, swarm);
  return view(swarm, stored, catalog);
}

/** Validates (400 with per-field errors, nothing stored), stores, applies to the engine and audits a settings change;
 * a changed retention gives the swarm its own sub-partitions from the next period on (a failure there is logged and
 * left to the hourly upkeep: the change is stored either way). */
export async function updateSwarmSettings(rt: Runtime, principal: Principal, swarm: string, body: SwarmSettings): Promise<SettingsView> {
  const { swarmId, stored, catalog } = await current(rt, swarm);
  const defaults = retentionDefaults();
  const errors = [...settingsErrors(body, catalog), ...retentionErrors(body, defaults)];
  if (errors.length > 0) throw new ApiError(400, "invalid_settings", "The settings are invalid.", { errors });
  const next = normalizeRetention(normalizeSettings(body, catalog), defaults);
  await saveSettings(rt.db, swarmId, next);
  rt.cluster.settingsChanged(swarm, toSwarmConfig(next));
  const before = filled(stored, catalog);
  const after = filled(next, catalog);
  if (before.events_retention_days !== after.events_retention_days || before.history_retention_days !== after.history_retention_days) {
    await preparePartitions(rt, Date.now()).catch((err: Error) => componentLogger("settings").warn({ swarm, err: err.message }, "retention sub-partitions not created yet"));
  }
  await audit(rt.db, { actor: principal, action: "swarm.settings.update", target: `swarm:${swarm}`, result: "ok", swarmId, detail: { before, after } });
  return view(swarm, next, catalog);
}
