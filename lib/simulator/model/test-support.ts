// Helpers for the model's tests: a fixed start time, running a simulator for a while, and event filters.
import type { EngineEvent } from "@/lib/engine";
import { SwarmSimulator } from "./simulator";
import type { SimEvent, SimulatorOptions } from "./types";

/** Start of every test simulation (epoch ms). */
export const T0 = Date.UTC(2026, 0, 1);

/** A simulator starting at T0 with the given options. */
export const simulator = (options: Partial<SimulatorOptions> = {}): SwarmSimulator =>
  new SwarmSimulator({ seed: 1, startMs: T0, ...options });

/** Advances to `untilSec` seconds after T0 in one-second calls and returns every event. */
export function runUntil(sim: SwarmSimulator, untilSec: number): SimEvent[] {
  const out: SimEvent[] = [];
  for (let ms = sim.now + 1000 - ((sim.now - T0) % 1000); ms <= T0 + untilSec * 1000; ms += 1000) out.push(...sim.advance(ms));
  return out;
}

/** Events of one type (optionally of one agent). */
export const ofType = (events: readonly SimEvent[], type: string, agentId?: string): SimEvent[] =>
  events.filter((e) => e.type === type && (agentId === undefined || e.agent_id === agentId));

/** Events at or after `sec` seconds after T0. */
export const after = (events: readonly SimEvent[], sec: number): SimEvent[] =>
  events.filter((e) => (e.timestamp as number) >= T0 + sec * 1000);

/** A metadata field of an event. */
export const meta = (e: SimEvent | undefined, key: string): unknown => (e?.metadata as Record<string, unknown> | undefined)?.[key];

/** The event as the engine stores it. */
export const toEngineEvent = (e: SimEvent): EngineEvent => ({
  id: String(e.id),
  type: String(e.type),
  ts: e.timestamp as number,
  agentId: typeof e.agent_id === "string" ? e.agent_id : undefined,
  taskId: typeof e.task_id === "string" ? e.task_id : undefined,
  data: e,
});
