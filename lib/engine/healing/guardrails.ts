// Guardrails (docs/decisions.md#d22): a per-swarm cap on automatic healings per hour and a cooldown per (strategy, target).
import { capMap } from "./strategy";

/** Limits. */
export type GuardrailConfig = { maxAutoPerHour: number; cooldownMs: number; maxCooldownKeys: number };

/** Defaults: 30 automatic healings per hour, 30 s cooldown. */
export const GUARDRAIL_DEFAULTS: GuardrailConfig = { maxAutoPerHour: 30, cooldownMs: 30_000, maxCooldownKeys: 1000 };

const HOUR_MS = 3_600_000;

/** Guardrail state of one swarm: start times of automatic healings in the last hour, last start per key. */
export type GuardrailState = { autoStarts: number[]; lastStart: Map<string, number> };

/** Why a start is refused, or null when it may go ahead (pure). */
export function guardrailCheck(
  s: GuardrailState,
  key: string,
  cooldownMs: number,
  automatic: boolean,
  now: number,
  cfg: GuardrailConfig,
): string | null {
  const last = s.lastStart.get(key);
  if (last !== undefined && now - last < cooldownMs) return `cooldown (${cooldownMs - (now - last)} ms left)`;
  if (automatic && s.autoStarts.filter((t) => now - t < HOUR_MS).length >= cfg.maxAutoPerHour)
    return `hourly cap reached (${cfg.maxAutoPerHour} automatic healings)`;
  return null;
}

/** Guardrails of one swarm, bounded (docs/decisions.md#d3). */
export class Guardrails {
  private readonly state: GuardrailState = { autoStarts: [], lastStart: new Map() };

  constructor(private config: GuardrailConfig = GUARDRAIL_DEFAULTS) {}

  /** The limits in force. */
  get cfg(): GuardrailConfig {
    return this.config;
  }

  /** Changes the limits; recorded starts are kept, so a lower cap or longer cooldown applies at once. */
  configure(changes: Partial<GuardrailConfig>): void {
    this.config = { ...this.config, ...changes };
  }

  /** Why a start is refused now, or null. */
  check(key: string, cooldownMs: number, automatic: boolean, now: number): string | null {
    return guardrailCheck(this.state, key, cooldownMs, automatic, now, this.cfg);
  }

  /** Records a start. */
  record(key: string, automatic: boolean, now: number): void {
    this.state.lastStart.delete(key);
    this.state.lastStart.set(key, now);
    capMap(this.state.lastStart, this.cfg.maxCooldownKeys);
    if (automatic) this.state.autoStarts.push(now);
    this.prune(now);
  }

  /** Forgets starts older than an hour (every cooldown is shorter). */
  prune(now: number): void {
    this.state.autoStarts = this.state.autoStarts.filter((t) => now - t < HOUR_MS).slice(-this.cfg.maxAutoPerHour);
    for (const [key, t] of this.state.lastStart) if (now - t >= HOUR_MS) this.state.lastStart.delete(key);
  }

  /** Entries held. */
  size(): number {
    return this.state.autoStarts.length + this.state.lastStart.size;
  }
}
