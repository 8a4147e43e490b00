// A swarm's healing settings as the API and storage see them (snake_case): the zod schema with the engine's defaults,
// the checks that need the swarm's strategy catalog, and the mapping to the engine's SwarmConfig.
import { z } from "zod";
import type { FieldError } from "../../http/errors";
import type { HealingCatalog } from "../../../engine/healing";
import { SILENCE_INTERVALS_RANGE } from "../../../engine/detection/silence";
import { DEFAULT_SWARM_CONFIG, type SwarmConfig } from "../../../engine/swarm-config";

const policy = z.enum(["auto", "approve", "off"]);
const failureType = z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, "not a failure type");
const chain = z
  .array(z.string().min(1).max(100))
  .max(10, "at most 10 strategies in a chain")
  .refine((names) => new Set(names).size === names.length, "a strategy may appear once in a chain");

const silenceRange = `must be a whole number of intervals between ${SILENCE_INTERVALS_RANGE.min} and ${SILENCE_INTERVALS_RANGE.max}`;

const retentionDays = z.number().int("a whole number of days").min(1, "must be between 1 and 3650 days").max(3650, "must be between 1 and 3650 days");

/** PUT /swarms/{swarm}/settings body and the stored form; omitted fields take the engine's defaults. */
export const swarmSettingsSchema = z.strictObject({
  policy: z
    .strictObject({ detected: z.record(failureType, policy).default({}), preventive: z.record(failureType, policy).default({}) })
    .prefault({}),
  strategies: z.record(failureType, chain).default({}),
  confidence_threshold: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").default(DEFAULT_SWARM_CONFIG.confidenceThreshold),
  guardrails: z
    .strictObject({
      max_heals_per_hour: z.number().int().min(0).max(10_000).default(DEFAULT_SWARM_CONFIG.guardrails.maxAutoPerHour),
      cooldown_ms: z.number().int().min(0).max(86_400_000).default(DEFAULT_SWARM_CONFIG.guardrails.cooldownMs),
    })
    .prefault({}),
  target_mttr_ms: z.number().int().min(1).max(86_400_000).default(DEFAULT_SWARM_CONFIG.targetMttrMs),
  /** Intervals of its own cadence an agent may stay silent before Swarm Medic detects it as down (docs/decisions.md#d30). */
  silence_intervals: z
    .number(silenceRange)
    .int(silenceRange)
    .min(SILENCE_INTERVALS_RANGE.min, silenceRange)
    .max(SILENCE_INTERVALS_RANGE.max, silenceRange)
    .default(DEFAULT_SWARM_CONFIG.silenceIntervals),
  /** High-risk failure types whose proposals need two different approvers (docs/reliability.md#s2). */
  two_person_approval: z
    .array(failureType)
    .max(100)
    .refine((types) => new Set(types).size === types.length, "a failure type may appear once")
    .default([]),
  /** Days raw events are kept; omitted: the server's RETENTION_DAYS (./retention-settings.ts). */
  events_retention_days: retentionDays.optional(),
  /** Days the history (rollups, and bottlenecks, predictions, failures, healings, commands) is kept; omitted: HISTORY_RETENTION_DAYS. */
  history_retention_days: retentionDays.optional(),
});

/** A swarm's settings. */
export type SwarmSettings = z.output<typeof swarmSettingsSchema>;

/** The settings of a swarm that has none stored. */
export const SETTINGS_DEFAULTS: SwarmSettings = swarmSettingsSchema.parse({});

/** The settings with every failure type's policies (detected: auto, preventive: approve) and default chain filled in. */
export function fillSettings(s: SwarmSettings, catalog: HealingCatalog): SwarmSettings {
  const detected: Record<string, SwarmSettings["policy"]["detected"][string]> = {};
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
  const strategies = Object.fromEntries(Object.entries(s.strategies).filter(([type, names]) => names.length > 0 && !same(names, catalog.defaultChains[type])));
  return { ...s, strategies };
}

/** Per-field problems the schema cannot see: failure types and strategies this swarm does not know. */
export function settingsErrors(s: SwarmSettings, catalog: HealingCatalog): FieldError[] {
  const errors: FieldError[] = [];
  const types = new Set(catalog.failureTypes);
  const handles = new Map(catalog.strategies.map((x) => [x.name, new Set(x.failureTypes)]));
  for (const trigger of ["detected", "preventive"] as const) {
    for (const type of Object.keys(s.policy[trigger])) if (!types.has(type)) errors.push({ path: `policy.${trigger}.${type}`, message: `unknown failure type ${type}` });
  }
  s.two_person_approval.forEach((type, i) => {
    if (!types.has(type)) errors.push({ path: `two_person_approval.${i}`, message: `unknown failure type ${type}` });
  });
  for (const [type, names] of Object.entries(s.strategies)) {
    if (!types.has(type)) errors.push({ path: `strategies.${type}`, message: `unknown failure type ${type}` });
    names.forEach((name, i) => {
      const handled = handles.get(name);
      if (!handled) errors.push({ path: `strategies.${type}.${i}`, message: `unknown strategy ${name}` });
      else if (types.has(type) && !handled.has(type)) errors.push({ path: `strategies.${type}.${i}`, message: `${name} does not heal ${type}` });
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
