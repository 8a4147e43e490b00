// Per-agent self-reported health from heartbeats: how many heartbeats in a row said "degraded" (bounded, docs/decisions.md#d3).
import type { EngineEvent } from "../model/types";
import { agentOf, metadataOf } from "./read-event";

/** An agent whose newest heartbeat reported degraded health, and how many in a row did. */
export type DegradedAgent = { agentId: string; streak: number };

/** The health state a heartbeat reports (top level, else metadata), lower-cased, or null. */
function healthStateOf(e: EngineEvent): string | null {
  const v = e.data.health_state ?? metadataOf(e).health_state;
  return typeof v === "string" ? v.toLowerCase() : null;
}

/** Newest heartbeat per agent with its run of degraded reports; the least recently seen agent is evicted first. */
export class HeartbeatHealth {
  private readonly agents = new Map<string, { ts: number; streak: number }>();

  constructor(private readonly maxAgents: number) {}

  /** Counts a `heartbeat` that states its health (older or stateless heartbeats and other events are ignored). */
  observe(e: EngineEvent): void {
    const agent = agentOf(e);
    const state = e.type === "heartbeat" ? healthStateOf(e) : null;
    if (agent === null || state === null) return;
    const last = this.agents.get(agent);
    if (last && e.ts < last.ts) return;
    this.agents.delete(agent);
    this.agents.set(agent, { ts: e.ts, streak: state === "degraded" ? (last?.streak ?? 0) + 1 : 0 });
    if (this.agents.size > this.maxAgents) this.agents.delete(this.agents.keys().next().value as string);
  }

  /** Agents whose newest heartbeat (at or after `from`) reported degraded health, by id. */
  degraded(from: number): DegradedAgent[] {
    const out: DegradedAgent[] = [];
    for (const [agentId, h] of this.agents) if (h.ts >= from && h.streak > 0) out.push({ agentId, streak: h.streak });
    return out.sort((a, b) => (a.agentId < b.agentId ? -1 : 1));
  }

  /** Forgets agents not heard from since `from`. */
  prune(from: number): void {
    for (const [agent, h] of this.agents) if (h.ts < from) this.agents.delete(agent);
  }

  /** Agents tracked. */
  get size(): number {
    return this.agents.size;
  }
}
