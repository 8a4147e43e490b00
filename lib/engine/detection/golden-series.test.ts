// Golden series (docs/reliability.md#i7): timed events in, exact bottleneck lifecycle out at given times, one per type.
// Ticks are 1 s apart; `at` and `resolvedAt` are seconds from the start. Hold-down is the default 30 s.
import { describe, expect, it } from "vitest";
import { BottleneckDetector } from "./bottleneck-detector";
import { sequentialIds } from "./load-fixture";
import { consensusRoundEvent, ev, runSeries, snapshot, taskDone, type Change } from "./test-events";
import type { EngineEvent } from "../model/types";

const T = 1_700_000_000_000;
const at = (s: number) => T + s * 1000;
const seconds = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const detector = (windowMs: number) => new BottleneckDetector(sequentialIds("b"), { windowMs, bucketMs: 1000 });

describe("golden series", () => {
  it("token_exhaustion: medium → high → critical as usage rises, then resolves 30 s after the budget is raised (D5, D8)", () => {
    const consumed = [70_000, 82_000, 87_000, 92_000];
    const events = seconds(0, 12).map((i) => {
      const s = i * 5;
      const tokens = i < consumed.length ? { total_budget: 100_000, consumed: consumed[i] } : { total_budget: 200_000, consumed: 92_000 };
      return snapshot(at(s), { tokens });
    });
    const d = detector(60_000);
    expect(runSeries(d, T, events, 60)).toEqual<Change[]>([
      { at: 5, change: "detected", key: "token_exhaustion:global", severity: "medium", impact: 0.48 },
      { at: 10, change: "updated", key: "token_exhaustion:global", severity: "high", impact: 0.68 },
      { at: 15, change: "updated", key: "token_exhaustion:global", severity: "critical", impact: 0.84 },
      { at: 50, change: "resolved", key: "token_exhaustion:global", severity: "critical", impact: 0.84, resolvedAt: 20 },
    ]);
  });

  it("quota_exceeded: high → critical → high; a flap inside the hold-down keeps the bottleneck, which resolves 30 s after the last clear", () => {
    const quota: Array<[number, number]> = [
      [0, 8],
      [5, 9],
      [10, 10],
      [15, 9],
      [20, 5],
      [35, 9],
      [40, 5],
      [50, 5],
      [60, 5],
    ];
    const events = quota.map(([s, active]) => snapshot(at(s), { agents: { total_quotas: 10, active_agents: active } }));
    const d = detector(60_000);
    const changes = runSeries(d, T, events, 80);
    expect(changes).toEqual<Change[]>([
      { at: 5, change: "detected", key: "quota_exceeded:agents", severity: "high", impact: 0.6 },
      { at: 10, change: "updated", key: "quota_exceeded:agents", severity: "critical", impact: 0.8 },
      { at: 15, change: "updated", key: "quota_exceeded:agents", severity: "high", impact: 0.6 },
      { at: 70, change: "resolved", key: "quota_exceeded:agents", severity: "high", impact: 0.6, resolvedAt: 40 },
    ]);
  });

  it("slow_agent: a slow agent (medium) and a failing agent (high) are tracked separately, update as they recover, and resolve after hold-down", () => {
    const events: EngineEvent[] = [];
    for (const s of seconds(1, 60)) {
      events.push(taskDone("a", at(s), 1000), taskDone("b", at(s), 1000));
      events.push(taskDone("c", at(s), s <= 20 ? 5000 : 1000));
      events.push(taskDone("d", at(s), 1000, s <= 20 ? "failure" : "success"));
    }
    const d = detector(10_000);
    expect(runSeries(d, T, events, 70)).toEqual<Change[]>([
      { at: 1, change: "detected", key: "slow_agent:c", severity: "medium", impact: 0.5 },
      { at: 1, change: "detected", key: "slow_agent:d", severity: "high", impact: 0.799 },
      { at: 22, change: "updated", key: "slow_agent:d", severity: "high", impact: 0.727 },
      { at: 24, change: "updated", key: "slow_agent:c", severity: "medium", impact: 0.433 },
      { at: 24, change: "updated", key: "slow_agent:d", severity: "high", impact: 0.655 },
      { at: 26, change: "updated", key: "slow_agent:d", severity: "medium", impact: 0.555 },
      { at: 27, change: "updated", key: "slow_agent:d", severity: "medium", impact: 0.464 },
      { at: 56, change: "resolved", key: "slow_agent:c", severity: "medium", impact: 0.433, resolvedAt: 26 },
      { at: 58, change: "resolved", key: "slow_agent:d", severity: "medium", impact: 0.464, resolvedAt: 28 },
    ]);
  });

  it("task_queue_backlog: medium, raised to high by ≥ 10 CRITICAL+HIGH, critical above 100 with the raise, resolved after the queue drains (D5)", () => {
    const samples: Array<[number, number, number]> = [
      [0, 40, 2],
      [2, 60, 4],
      [4, 60, 12],
      [6, 150, 12],
      [8, 300, 0],
      [10, 30, 0],
    ];
    const events = samples.map(([s, depth, hp]) =>
      ev("queue_metric", at(s), { metadata: { queue_depth: depth, high_priority_count: hp } }),
    );
    const d = detector(60_000);
    expect(runSeries(d, T, events, 45)).toEqual<Change[]>([
      { at: 2, change: "detected", key: "task_queue_backlog:task_queue", severity: "medium", impact: 0.44 },
      { at: 4, change: "updated", key: "task_queue_backlog:task_queue", severity: "high", impact: 0.64 },
      { at: 6, change: "updated", key: "task_queue_backlog:task_queue", severity: "critical", impact: 0.9 },
      { at: 40, change: "resolved", key: "task_queue_backlog:task_queue", severity: "critical", impact: 0.9, resolvedAt: 10 },
    ]);
  });

  it("consensus_timeout: the timeout rate climbs medium → high → critical, dilutes and resolves; when old rounds leave the window it fires again as a new bottleneck (D6)", () => {
    const rounds = (s: number, n: number, result: string) => Array.from({ length: n }, () => consensusRoundEvent(at(s), 2000, result));
    const events = [
      ...rounds(1, 10, "success"),
      ...rounds(2, 2, "timeout"),
      ...rounds(3, 4, "timeout"),
      ...rounds(4, 4, "timeout"),
      ...rounds(5, 80, "success"),
    ];
    const d = detector(60_000);
    const changes = runSeries(d, T, events, 100);
    expect(changes).toEqual<Change[]>([
      { at: 2, change: "detected", key: "consensus_timeout:consensus", severity: "medium", impact: 0.533 },
      { at: 3, change: "updated", key: "consensus_timeout:consensus", severity: "high", impact: 0.775 },
      { at: 4, change: "updated", key: "consensus_timeout:consensus", severity: "critical", impact: 0.833 },
      { at: 35, change: "resolved", key: "consensus_timeout:consensus", severity: "critical", impact: 0.833, resolvedAt: 5 },
      { at: 62, change: "detected", key: "consensus_timeout:consensus", severity: "medium", impact: 0.422 },
      { at: 93, change: "resolved", key: "consensus_timeout:consensus", severity: "medium", impact: 0.422, resolvedAt: 63 },
    ]);
  });

  it("emits full records: the same id from detection to resolution, a new id on re-detection", () => {
    const d = detector(60_000);
    const roundsAt = (s: number, n: number, result: string) => Array.from({ length: n }, () => consensusRoundEvent(at(s), 2000, result));
    d.observe(roundsAt(1, 10, "timeout"), at(1));
    const detected = d.detect(at(1)).detected[0];
    d.observe(roundsAt(2, 90, "success"), at(2));
    expect(d.detect(at(2))).toEqual({ detected: [], updated: [], resolved: [] });
    expect(d.active().map((b) => b.id)).toEqual(["b-1"]);
    const resolved = d.detect(at(32)).resolved[0];
    expect(resolved).toEqual({ ...detected, status: "resolved", updatedAt: at(32), resolvedAt: at(2) });
    expect(d.active()).toEqual([]);
    d.observe(roundsAt(33, 20, "timeout"), at(33));
    expect(d.detect(at(33)).detected.map((b) => [b.id, b.severity])).toEqual([["b-2", "high"]]);
  });
});
