// The faults a swarm has right now (detected failures and active bottlenecks), in the one vocabulary prediction and
// healing share (docs/decisions.md#d29): a candidate prediction of a fault that is already here is not a prediction.
import { confirms } from "./prediction/failure-maps";

/** One open fault: its failure type (a bottleneck's type for bottlenecks), agent, and since when. */
export type OpenFault = { failureType: string; agentId: string | null; since: number };

/** How long a detected failure that nothing resolved still counts as present. */
export const FAULT_TTL_MS = 10 * 60_000;

/** Whether an open fault is the fault a candidate (failure type, agent) predicts: the same or a confirming type, on
 * the candidate's agent (any agent when the candidate names none). */
export function faultCovers(fault: OpenFault, failureType: string, agentId: string | null): boolean {
  return confirms(failureType, fault.failureType) && (agentId === null || fault.agentId === agentId);
}

/** The open faults of one swarm, by failure or bottleneck id (bounded by FAULT_TTL_MS and `max`). */
export class OpenFaults {
  private readonly faults = new Map<string, OpenFault>();

  constructor(private readonly max = 10_000) {}

  /** A failure detected or a bottleneck became active. */
  open(id: string, fault: OpenFault): void {
    this.faults.set(id, fault);
    if (this.faults.size > this.max) this.faults.delete(this.faults.keys().next().value as string);
  }

  /** The fault ended (resolved, healed, or its bottleneck cleared). */
  close(id: string): void {
    this.faults.delete(id);
  }

  /** Whether a fault of this (failure type, agent) is open. */
  covers(failureType: string, agentId: string | null): boolean {
    for (const f of this.faults.values()) if (faultCovers(f, failureType, agentId)) return true;
    return false;
  }

  /** Forgets failures older than FAULT_TTL_MS (bottlenecks stay until resolved: `keep`). */
  prune(now: number, keep: (id: string) => boolean): void {
    for (const [id, f] of this.faults) if (now - f.since > FAULT_TTL_MS && !keep(id)) this.faults.delete(id);
  }
}
