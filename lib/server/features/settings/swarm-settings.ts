// A swarm's healing settings as the API and storage see them (snake_case): the zod schema with the engine's defaults,
// the checks that need the swarm's strategy catalog, and the mapping to the engine's SwarmConfig.
import type { FieldError } from "../../http/errors";
import { type HealingCatalog, DEFAULT_SWARM_CONFIG, type SwarmConfig } from "@/lib/engine";
import { type HealingPolicy, type SwarmSettings, swarmSettingsSchema as settingsSchemaWith } from "../../../contract/items/settings";

/** PUT /swarms/{swarm}/settings body and the stored form (the contract's shape); omitted fields take the engine's defaults. */
export const swarmSettingsSchema = settingsSchemaWith({
  confidence_threshold: DEFAULT_SWARM_CONFIG.confidenceThreshold,
  max_heals_per_hour: DEFAULT_SWARM_CONFIG.guardrails.maxAutoPerHour,
  cooldown_ms: DEFAULT_SWARM_CONFIG.guardrails.cooldownMs,
  target_mttr_ms: DEFAULT_SWARM_CONFIG.targetMttrMs,
  silence_intervals: DEFAULT_SWARM_CONFIG.silenceIntervals,
});

/** A swarm's settings (the contract's type). */
export type { SwarmSettings };

/** The settings of a swarm that has none stored. */
export const SETTINGS_DEFAULTS: SwarmSettings = swarmSettingsSchema.parse({});

/** The settings with every failure type's policies (detected: auto, preventive: approve) and default chain filled in. */
export function fillSettings(s: SwarmSettings, catalog: HealingCatalog): SwarmSettings {
  const detected: Record<string, HealingPolicy> = {};
  const preventive: typeof detected = {};
  const strategies: Record<string, string[]> = {};
  for (const type of catalog.failureTypes) {
    detected[type] = s.policy.detected[type] ?? "auto";
    preventive[type] = s.policy.preventive[type] ?? "approve";
    strategies[type] = s.strategies[type] ?? catalog.defaultChains[type] ?? [];
  }
  return { ...s, policy: { detected, preventive }, strategies };
}

/** Drops chains that are empty or equal to the default routing: only real overrides become strategy chains. */
export function normalizeSettings(s: SwarmSettings, catalog: HealingCatalog): SwarmSettings {
  const same = (a: readonly string[], b: readonly string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);
  const strategies = Object.fromEntries(
    Object.entries(s.strategies).filter(([type, names]) => names.length > 0 && !same(names, catalog.defaultChains[type])),
  );
  return { ...s, strategies };
}

/** Per-field problems the schema cannot see: failure types and strategies this swarm does not know. */
export function settingsErrors(s: SwarmSettings, catalog: HealingCatalog): FieldError[] {
  const errors: FieldError[] = [];
  const types = new Set(catalog.failureTypes);
  const handles = new Map(catalog.strategies.map((x) => [x.name, new Set(x.failureTypes)]));
  for (const trigger of ["detected", "preventive"] as const) {
    for (const type of Object.keys(s.policy[trigger]))
      if (!types.has(type)) errors.push({ path: `policy.${trigger}.${type}`, message: `unknown failure type ${type}` });
  }
  s.two_person_approval.forEach((type, i) => {
    if (!types.has(type)) errors.push({ path: `two_person_approval.${i}`, message: `unknown failure type ${type}` });
  });
  for (const [type, names] of Object.entries(s.strategies)) {
    if (!types.has(type)) errors.push({ path: `strategies.${type}`, message: `unknown failure type ${type}` });
    names.forEach((name, i) => {
      const handled = handles.get(name);
      if (!handled) errors.push({ path: `strategies.${type}.${i}`, message: `unknown strategy ${name}` });
      else if (types.has(type) && !handled.has(type))
        errors.push({ path: `strategies.${type}.${i}`, message: `${name} does not heal ${type}` });
    });
  }
  return errors;
}

/** The engine's form of the settings. */
export function toSwarmConfig(s: SwarmSettings): SwarmConfig {
  return {
    policies: { detected: s.policy.detected, preventive: s.policy.preventive },
    chains: s.strategies,
    confidenceThreshold: s.confidence_threshold,
    guardrails: { maxAutoPerHour: s.guardrails.max_heals_per_hour, cooldownMs: s.guardrails.cooldown_ms },
    targetMttrMs: s.target_mttr_ms,
    silenceIntervals: s.silence_intervals,
  };
}
