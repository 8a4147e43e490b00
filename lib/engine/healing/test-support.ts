// Test doubles and a golden-series player for the healer's tests (fake Coordinator port, mutable swarm view).
import type { EngineEvent } from "../model/types";
import type { SelfHealerOptions } from "./healer-options";
import type { AgentView, CommandResult, CoordinatorPort, IssueRequest, Priority, SwarmView } from "./ports";
import { SelfHealer } from "./self-healer";
import type { Failure, HealerChange, Trigger } from "./types";

/** Deterministic ids: prefix-1, prefix-2, ... */
export function counterIds(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** An in-memory Coordinator that records what was issued. */
export class FakePort implements CoordinatorPort {
  readonly issued: IssueRequest[] = [];
  private readonly ids = counterIds("cmd");
  issue(command: IssueRequest): string {
    this.issued.push(command);
    return this.ids();
  }
}

/** The mutable state behind a fake view. */
export type FakeViewState = {
  agents: AgentView[];
  agentCount: number | null;
  pending: Record<Priority, number> | null;
  resources: Record<string, number>;
  quota: number | null;
};

/** A view whose state tests change by hand; agentCount defaults to the non-failed agents. */
export function fakeView(init: Partial<FakeViewState> = {}): SwarmView & { state: FakeViewState } {
  const state: FakeViewState = { agents: [], agentCount: null, pending: null, resources: {}, quota: null, ...init };
  return {
    state,
    agents: () => state.agents,
    agentCount: () => state.agentCount ?? state.agents.filter((a) => a.state !== "failed").length,
    pendingByPriority: () => state.pending,
    resourcePercent: (r) => state.resources[r] ?? null,
    agentQuota: () => state.quota,
  };
}

/** An agent as the view shows it. */
export const agent = (id: string, healthScore = 0.9, state: AgentView["state"] = "active", currentTasks = 0): AgentView => ({
  id,
  healthScore,
  state,
  currentTasks,
});

/** A queue with the given LOW count (others zero). */
export const queue = (low: number): Record<Priority, number> => ({ CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: low, BACKGROUND: 0 });

/** An event as stored. */
export const ev = (type: string, extra: Partial<EngineEvent> = {}, data: Record<string, unknown> = {}): EngineEvent => ({
  id: `e-${type}`,
  type,
  ts: 0,
  data: { type, ...data },
  ...extra,
});

/** A failure record with sensible defaults. */
export const failure = (failureType: string, extra: Partial<Failure> = {}): Failure => ({
  id: `f-${failureType}`,
  failureType,
  agentId: null,
  taskId: null,
  severity: "high",
  context: {},
  detectedAt: 0,
  resolvedAt: null,
  ...extra,
});

/** A healer with a fake port and view. */
export function harness(opts: Partial<SelfHealerOptions> = {}) {
  const port = new FakePort();
  const view = fakeView({ agents: [agent("a1"), agent("a2", 0.7)] });
  const healer = new SelfHealer({ port, view, newId: counterIds("h"), ...opts });
  return { healer, port, view };
}

/** One line per change, compact enough for golden expectations. */
export function summarize(c: HealerChange): string {
  if (c.type === "command.updated") {
    const params = c.command.status === "pending" ? ` ${JSON.stringify(c.command.params)}` : "";
    return `command ${c.command.id} ${c.command.kind} ${c.command.status}${params}`;
  }
  if (c.type === "failure.resolved") return `failure.resolved ${c.failureId} @${c.resolvedAt}`;
  const h = c.healing;
  const end = c.type === "healing.finished" ? ` reason=${h.reason} heal=${h.healMs} mttr=${h.recoveryMs}` : "";
  return `${c.type} ${h.id} ${h.strategy} ${h.status}${end}`;
}

/** One step of a golden series. */
export type SeriesStep =
  | { at: number; failure: Failure; trigger?: Trigger }
  | { at: number; event: EngineEvent }
  | { at: number; result: [string, CommandResult["status"], (string | undefined)?] }
  | { at: number; tick: true }
  | { at: number; approve: string };

/** Plays a series and returns "t=<at> <summary>" lines (events are observed, then any failure they carry is detected by the caller). */
export function play(healer: SelfHealer, steps: SeriesStep[]): string[] {
  const lines: string[] = [];
  for (const s of steps) {
    let changes: HealerChange[];
    if ("failure" in s) changes = healer.onFailure(s.failure, s.trigger ?? "detected", s.at).changes;
    else if ("event" in s) changes = healer.observe(s.event, s.at);
    else if ("result" in s)
      changes = healer.commandResult(s.result[0], { status: s.result[1], ...(s.result[2] ? { detail: s.result[2] } : {}) }, s.at);
    else if ("approve" in s) changes = healer.approve(s.approve, s.at);
    else changes = healer.tick(s.at);
    lines.push(...changes.map((c) => `t=${s.at} ${summarize(c)}`));
  }
  return lines;
}

/** Steps that walk a command through dispatched → acknowledged → the given end state at `at`. */
export const complete = (id: string, at: number, end: CommandResult["status"] = "succeeded", detail?: string): SeriesStep[] => [
  { at, result: [id, "dispatched"] },
  { at, result: [id, "acknowledged"] },
  { at, result: [id, end, detail] },
];
