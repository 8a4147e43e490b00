// A swarm's tunable healing settings (policies, strategy chains, proposal threshold, guardrails, target MTTR, silence),
// applied live by Engine.configure, and the engine's defaults for them.
import { DEFAULT_TARGET_MTTR_MS } from "./analytics";
import { DEFAULT_SILENCE_INTERVALS } from "./detection/silence";
import { GUARDRAIL_DEFAULTS, type PolicyConfig } from "./healing";
import { DEFAULT_PREDICTION_CONFIG } from "./prediction";

/** What Engine.configure sets for one swarm. */
export type SwarmConfig = {
  /** Policy per trigger and failure type; a type not listed keeps the default (detected: auto, preventive: approve). */
  policies: PolicyConfig;
  /** Ordered strategy chains (each falls back to the next) per failure type; a type not listed keeps the registry's routing. */
  chains: Record<string, readonly string[]>;
  /** Predictions at or above this confidence become proposals. */
  confidenceThreshold: number;
  /** Automatic healings allowed per hour, and the cooldown per (strategy, target). */
  guardrails: { maxAutoPerHour: number; cooldownMs: number };
  /** The MTTR the health score measures against. */
  targetMttrMs: number;
  /** Intervals of its own cadence an agent may stay silent before it is detected as down (docs/decisions.md#d30; 2..20). */
  silenceIntervals: number;
};

/** The engine's defaults: configuring a swarm with these changes nothing. */
export const DEFAULT_SWARM_CONFIG: SwarmConfig = {
  policies: {},
  chains: {},
  confidenceThreshold: DEFAULT_PREDICTION_CONFIG.confidenceThreshold,
  guardrails: { maxAutoPerHour: GUARDRAIL_DEFAULTS.maxAutoPerHour, cooldownMs: GUARDRAIL_DEFAULTS.cooldownMs },
  targetMttrMs: DEFAULT_TARGET_MTTR_MS,
  silenceIntervals: DEFAULT_SILENCE_INTERVALS,
};
