// A swarm's settings as PUT /swarms/{swarm}/settings takes them and GET answers them (snake_case): the body's shape
// and ranges; the defaults of omitted fields are the engine's, which the server passes in.
import { z } from "zod";
import { RETENTION_DAYS_RANGE, SILENCE_INTERVALS_RANGE } from "./settings-ranges";

/** The values omitted fields take (the server passes the engine's defaults). */
export type SettingsDefaults = {
  confidence_threshold: number;
  max_heals_per_hour: number;
  cooldown_ms: number;
  target_mttr_ms: number;
  silence_intervals: number;
};

const policy = z.enum(["auto", "approve", "off"]);
const failureType = z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, "not a failure type");
const chain = z
  .array(z.string().min(1).max(100))
  .max(10, "at most 10 strategies in a chain")
  .refine((names) => new Set(names).size === names.length, "a strategy may appear once in a chain");

const silenceRange = `must be a whole number of intervals between ${SILENCE_INTERVALS_RANGE.min} and ${SILENCE_INTERVALS_RANGE.max}`;

const retentionRange = `must be between ${RETENTION_DAYS_RANGE.min} and ${RETENTION_DAYS_RANGE.max} days`;
const retentionDays = z
  .number()
  .int("a whole number of days")
  .min(RETENTION_DAYS_RANGE.min, retentionRange)
  .max(RETENTION_DAYS_RANGE.max, retentionRange);

/** The settings body (and stored form) whose omitted fields take `defaults`. */
export function swarmSettingsSchema(defaults: SettingsDefaults) {
  return z.strictObject({
    policy: z
      .strictObject({ detected: z.record(failureType, policy).default({}), preventive: z.record(failureType, policy).default({}) })
      .prefault({}),
    strategies: z.record(failureType, chain).default({}),
    confidence_threshold: z
      .number()
      .min(0, "must be between 0 and 1")
      .max(1, "must be between 0 and 1")
      .default(defaults.confidence_threshold),
    guardrails: z
      .strictObject({
        max_heals_per_hour: z.number().int().min(0).max(10_000).default(defaults.max_heals_per_hour),
        cooldown_ms: z.number().int().min(0).max(86_400_000).default(defaults.cooldown_ms),
      })
      .prefault({}),
    target_mttr_ms: z.number().int().min(1).max(86_400_000).default(defaults.target_mttr_ms),
    /** Intervals of its own cadence an agent may stay silent before Swarm Medic detects it as down (docs/decisions.md#d30). */
    silence_intervals: z
      .number(silenceRange)
      .int(silenceRange)
      .min(SILENCE_INTERVALS_RANGE.min, silenceRange)
      .max(SILENCE_INTERVALS_RANGE.max, silenceRange)
      .default(defaults.silence_intervals),
    /** High-risk failure types whose proposals need two different approvers (docs/reliability.md#s2). */
    two_person_approval: z
      .array(failureType)
      .max(100)
      .refine((types) => new Set(types).size === types.length, "a failure type may appear once")
      .default([]),
    /** Days raw events are kept; omitted: the server's RETENTION_DAYS. */
    events_retention_days: retentionDays.optional(),
    /** Days the history (rollups, and bottlenecks, predictions, failures, healings, commands) is kept; omitted: HISTORY_RETENTION_DAYS. */
    history_retention_days: retentionDays.optional(),
  });
}

/** A swarm's settings, defaults applied (retention omitted: the server's). */
export type SwarmSettings = z.output<ReturnType<typeof swarmSettingsSchema>>;

/** A healing policy: heal automatically, propose for approval, or do nothing. */
export type HealingPolicy = z.output<typeof policy>;

/** The effective retention of a swarm, in days. */
export type Retention = { events_retention_days: number; history_retention_days: number };

/** GET (and the answer of PUT) /swarms/{swarm}/settings: settings and defaults filled, and what can be configured. */
export type SettingsView = {
  swarm: string;
  settings: SwarmSettings & Retention;
  defaults: SwarmSettings & Retention;
  strategies: { name: string; failure_types: string[] }[];
  failure_types: string[];
};

/** GET /swarms/{swarm}/webhook: the URL (never the secret). */
export type WebhookView = { url: string | null; secret_set: boolean };
