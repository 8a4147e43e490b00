// GET/PUT /swarms/{swarm}/settings: the settings with defaults filled (retention: the effective days) and what the UI
// can offer; validated updates that are stored, applied to the running engine and the partitions, and audit-logged
// with before/after.
import { ApiError } from "../../http/errors";
import { audit } from "../audit/audit-log";
import type { Principal } from "../../auth/principal";
import type { Logger } from "pino";
import type { ClusterNode } from "../../cluster/cluster-node";
import type { Db } from "../../db/prisma";
import type { SwarmRef } from "../../http/route";
import type { Engine } from "@/lib/engine";
import type { SettingsView, SwarmSettings } from "../../../contract/items/settings";
import { fillRetention, normalizeRetention, retentionDefaults, retentionErrors } from "./retention-settings";
import { saveSettings, storedSettings } from "./settings-store";
import { fillSettings, normalizeSettings, SETTINGS_DEFAULTS, settingsErrors, toSwarmConfig } from "./swarm-settings";

/** What the settings use: the store, the engine they configure, the way to the swarm's engine owner, and the
 * partition upkeep a changed retention calls (given by the composition root: the db layer stays below features). */
export type SettingsDeps = {
  db: Db;
  engine: Pick<Engine, "healingCatalog">;
  cluster: Pick<ClusterNode, "settingsChanged">;
  preparePartitions: (now: number) => Promise<unknown>;
  log: Logger;
};

async function current({ db, engine }: Pick<SettingsDeps, "db" | "engine">, swarm: SwarmRef) {
  const swarmId = swarm.id;
  const row = await db.swarm.findUniqueOrThrow({ where: { id: swarmId }, select: { settings: true } });
  return { swarmId, stored: storedSettings(row.settings), catalog: engine.healingCatalog(swarm.name) };
}

type Catalog = ReturnType<Engine["healingCatalog"]>;

const filled = (s: SwarmSettings, catalog: Catalog) => fillRetention(fillSettings(s, catalog), retentionDefaults());

function view(swarm: string, stored: SwarmSettings, catalog: Catalog): SettingsView {
  return {
    swarm,
    settings: filled(stored, catalog),
    defaults: filled(SETTINGS_DEFAULTS, catalog),
    strategies: catalog.strategies.map((s) => ({ name: s.name, failure_types: s.failureTypes })),
    failure_types: catalog.failureTypes,
  };
}

/** A swarm's settings with defaults filled, plus the strategies and failure types it can be configured with. */
export async function readSwarmSettings(deps: Pick<SettingsDeps, "db" | "engine">, swarm: SwarmRef): Promise<SettingsView> {
  const { stored, catalog } = await current(deps, swarm);
  return view(swarm.name, stored, catalog);
}

/** Validates (400 with per-field errors, nothing stored), stores, applies to the engine and audits a settings change;
 * a changed retention gives the swarm its own sub-partitions from the next period on (a failure there is logged and
 * left to the hourly upkeep: the change is stored either way). */
export async function updateSwarmSettings(
  deps: SettingsDeps,
  principal: Principal,
  swarm: SwarmRef,
  body: SwarmSettings,
): Promise<SettingsView> {
  const { swarmId, stored, catalog } = await current(deps, swarm);
  const defaults = retentionDefaults();
  const errors = [...settingsErrors(body, catalog), ...retentionErrors(body, defaults)];
  if (errors.length > 0) throw new ApiError(400, "invalid_settings", "The settings are invalid.", { errors });
  const next = normalizeRetention(normalizeSettings(body, catalog), defaults);
  await saveSettings(deps.db, swarmId, next);
  deps.cluster.settingsChanged(swarm.name, toSwarmConfig(next));
  const before = filled(stored, catalog);
  const after = filled(next, catalog);
  if (before.events_retention_days !== after.events_retention_days || before.history_retention_days !== after.history_retention_days) {
    await deps
      .preparePartitions(Date.now())
      .catch((err: Error) => deps.log.warn({ swarm: swarm.name, err: err.message }, "retention sub-partitions not created yet"));
  }
  await audit(deps.db, {
    actor: principal,
    action: "swarm.settings.update",
    target: `swarm:${swarm.name}`,
    result: "ok",
    swarmId,
    detail: { before, after },
  });
  return view(swarm.name, next, catalog);
}

/** A swarm's settings for the API routes. */
export class SettingsService {
  constructor(private readonly deps: SettingsDeps) {}

  /** See readSwarmSettings. */
  read(swarm: SwarmRef): Promise<SettingsView> {
    return readSwarmSettings(this.deps, swarm);
  }

  /** See updateSwarmSettings. */
  update(principal: Principal, swarm: SwarmRef, body: SwarmSettings): Promise<SettingsView> {
    return updateSwarmSettings(this.deps, principal, swarm, body);
  }
}
