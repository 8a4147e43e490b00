// One incident per fault (docs/decisions.md#d29): a detected failure or an active bottleneck, with how it is handled right now — a
// healing running, a decision waiting, or an explicit "needs an operator" with the reason automation did not act.
import type { Failure } from "./healing";
import { resolvedByEvent } from "./healing/verification";
import type { IncidentRecord, IncidentState } from "./model/records";
import type { EngineEvent } from "./model/types";

/** What the book needs to know of the healer: the healing active on a target, if any. */
export type HealingLookup = (target: string) => { id: string; status: "pending" | "running" } | null;

/** How long an incident that needs an operator stays open without any new evidence. */
export const INCIDENT_QUIET_MS = 10 * 60_000;

/** How long a healed bottleneck may take to clear before it needs an operator after all. */
export const RECOVERING_MAX_MS = 2 * 60_000;

/** The state an open incident is in, given the healing on its target, how long ago a healing succeeded (a bottleneck
 * waiting to clear; null when none did) and the last reason recorded (pure). */
export function incidentState(
  active: ReturnType<HealingLookup>,
  healedAgoMs: number | null,
  lastReason: string | null,
): { state: IncidentState; reason: string | null } {
  if (active?.status === "running") return { state: "healing", reason: null };
  if (active?.status === "pending") return { state: "awaiting_decision", reason: "a healing waits for an operator's approval" };
  if (healedAgoMs !== null && healedAgoMs < RECOVERING_MAX_MS)
    return { state: "recovering", reason: "healed; waiting for the bottleneck to clear" };
  if (healedAgoMs !== null)
    return { state: "needs_operator", reason: `healed ${Math.round(healedAgoMs / 60_000)} min ago, but the bottleneck has not cleared` };
  return { state: "needs_operator", reason: lastReason ?? "no healing is running" };
}

type Entry = { record: IncidentRecord; failure: Failure | null; lastReason: string | null; healedAt: number | null };

/** The open incidents of one swarm (bounded); every change comes back from `take()` to be stored and published. */
export class IncidentBook {
  private readonly open = new Map<string, Entry>();
  private changed = new Map<string, IncidentRecord>();

  constructor(private readonly max = 5_000) {}

  /** A fault appeared; `failure` is kept for failures so later events can show it recovered. */
  openIncident(
    fields: Pick<IncidentRecord, "id" | "source" | "failureType" | "agentId" | "severity" | "target">,
    failure: Failure | null,
    now: number,
  ): void {
    if (this.open.has(fields.id)) return;
    const record: IncidentRecord = {
      ...fields,
      state: "needs_operator",
      reason: "not yet routed to a healing",
      healingId: null,
      openedAt: now,
      updatedAt: now,
      resolvedAt: null,
    };
    this.open.set(fields.id, { record, failure, lastReason: null, healedAt: null });
    if (this.open.size > this.max)
      this.close(this.open.keys().next().value as string, now, "too many open incidents; the oldest was closed");
    this.changed.set(record.id, record);
  }

  /** The fault's severity changed (a bottleneck that worsened or eased): the incident shows the current one. */
  setSeverity(id: string, severity: string, now: number): void {
    const e = this.open.get(id);
    if (!e || e.record.severity === severity) return;
    e.record = { ...e.record, severity, updatedAt: now };
    this.changed.set(id, e.record);
  }

  /** Records why automation did not act on the incidents of `target` (a routing decision, a failed healing). */
  noteReason(target: string, reason: string): void {
    for (const e of this.open.values()) if (e.record.target === target) e.lastReason = reason;
  }

  /** Links the incidents of `target` to a healing that started for them. */
  noteHealing(target: string, healingId: string): void {
    for (const e of this.open.values()) if (e.record.target === target) e.record = { ...e.record, healingId };
  }

  /** A healing ended: a success closes the incidents it healed; otherwise its outcome is why automation stopped. */
  noteHealingEnded(healingId: string, status: string, reason: string | null, now: number): void {
    for (const [id, e] of [...this.open]) {
      if (e.record.healingId !== healingId) continue;
      e.healedAt = status === "succeeded" ? now : null;
      if (e.healedAt !== null && e.record.source === "failure") this.close(id, now, "healed");
      else if (reason === "skipped: failure already resolved") this.close(id, now, "resolved before a healing acted");
      else if (e.healedAt === null) e.lastReason = `last healing ${status}${reason ? `: ${reason}` : ""}`;
    }
  }

  /** The incident ended: resolved with `reason` (e.g. "healed", "bottleneck cleared"). */
  close(id: string, now: number, reason: string): void {
    const e = this.open.get(id);
    if (!e) return;
    this.open.delete(id);
    this.changed.set(id, { ...e.record, state: "resolved", reason, updatedAt: now, resolvedAt: now });
  }

  /** The healer found the fault of `target` already gone: its failures' incidents close with `reason`; a bottleneck's
   * waits for the detector to clear it (recovering). */
  resolvedOnTarget(target: string, now: number, reason: string): void {
    for (const [id, e] of [...this.open]) {
      if (e.record.target !== target) continue;
      if (e.record.source === "failure") this.close(id, now, reason);
      else e.healedAt ??= now;
    }
  }

  /** An event that shows a failure recovered (its agent heard from again, its task completed) closes its incident. */
  observe(event: EngineEvent, now: number): void {
    for (const [id, e] of [...this.open])
      if (e.failure && e.record.state === "needs_operator" && resolvedByEvent(e.failure, event)) this.close(id, now, "recovered");
  }

  /** Re-reads each open incident's state from the healer; failures quiet for INCIDENT_QUIET_MS are closed. */
  evaluate(now: number, lookup: HealingLookup): void {
    for (const [id, e] of [...this.open]) {
      if (e.failure && e.record.state === "needs_operator" && now - e.record.updatedAt >= INCIDENT_QUIET_MS) {
        this.close(id, now, "no further evidence for 10 min");
        continue;
      }
      const active = lookup(e.record.target);
      const next = incidentState(active, e.healedAt === null ? null : now - e.healedAt, e.lastReason);
      const healingId = active?.id ?? e.record.healingId;
      if (next.state === e.record.state && next.reason === e.record.reason && healingId === e.record.healingId) continue;
      e.record = { ...e.record, ...next, healingId, updatedAt: now };
      this.changed.set(id, e.record);
    }
  }

  /** Open incidents, oldest first. */
  list(): IncidentRecord[] {
    return [...this.open.values()].map((e) => e.record);
  }

  /** The incidents changed since the last call, newest state each. */
  take(): IncidentRecord[] {
    const out = [...this.changed.values()];
    this.changed = new Map();
    return out;
  }
}
