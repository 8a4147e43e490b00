// GET/PUT /swarms/{swarm}/settings: the settings with defaults filled and what the UI can offer; validated updates
// that are stored, applied to the running engine and audit-logged with before/after.
import { ApiError } from "../api/errors";
import { audit } from "../audit/audit-log";
import type { Principal } from "../auth/principal";
import { requireSwarm } from "../read/swarm-lists";
import type { Runtime } from "../runtime";
import { saveSettings, storedSettings } from "./settings-store";
import { fillSettings, normalizeSettings, SETTINGS_DEFAULTS, settingsErrors, type SwarmSettings, toSwarmConfig } from "./swarm-settings";

/** The body of GET (and PUT) /swarms/{swarm}/settings. */
export type SettingsView = {
  swarm: string;
  settings: SwarmSettings;
  defaults: SwarmSettings;
  strategies: { name: string; failure_types: string[] }[];
  failure_types: string[];
};

async function current(rt: Runtime, swarm: string) {
  const swarmId = await requireSwarm(rt.db, swarm);
  const row = await rt.db.swarm.findUniqueOrThrow({ where: { id: swarmId }, select: { settings: true } });
  return { swarmId, stored: storedSettings(row.settings), catalog: rt.engine.healingCatalog(swarm) };
}

function view(swarm: string, stored: SwarmSettings, catalog: ReturnType<Runtime["engine"]["healingCatalog"]>): SettingsView {
  return {
    swarm,
    settings: fillSettings(stored, catalog),
    defaults: fillSettings(SETTINGS_DEFAULTS, catalog),
    strategies: catalog.strategies.map((s) => ({ name: s.name, failure_types: s.failureTypes })),
    failure_types: catalog.failureTypes,
  };
}

/** A swarm's settings with defaults filled, plus the strategies and failure types it can be configured with. */
export async function readSwarmSettings(rt: Runtime, swarm: string): Promise<SettingsView> {
  const { stored, catalog } = await current(rt, swarm);
  return view(swarm, stored, catalog);
}

/** Validates (400 with per-field errors, nothing stored), stores, applies to the engine and audits a settings change. */
export async function updateSwarmSettings(rt: Runtime, principal: Principal, swarm: string, body: SwarmSettings): Promise<SettingsView> {
  const { swarmId, stored, catalog } = await current(rt, swarm);
  const errors = settingsErrors(body, catalog);
  if (errors.length > 0) throw new ApiError(400, "invalid_settings", "The settings are invalid.", { errors });
  const next = normalizeSettings(body, catalog);
  await saveSettings(rt.db, swarmId, next);
  rt.engine.configure(swarm, toSwarmConfig(next));
  rt.cluster.settingsChanged(swarm);
  const before = fillSettings(stored, catalog);
  const after = fillSettings(next, catalog);
  await audit(rt.db, { actor: principal, action: "swarm.settings.update", target: `swarm:${swarm}`, result: "ok", swarmId, detail: { before, after } });
  return view(swarm, next, catalog);
}
