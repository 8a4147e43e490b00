// Work held in paused lanes: it is left out of the queue source's depth and does not make a backlog predict timeouts.
import { describe, expect, it } from "vitest";
import { DEFAULT_PREDICTION_CONFIG } from "./config";
import { openPending, pausedChanged, pausedPrioritiesOf } from "./held-work";
import type { BottleneckInput } from "./inputs";
import { Observations } from "./observations";
import { bottleneckCandidates } from "./source-bottleneck";
import { T0, ev } from "./test-fixtures";

const lanes = { CRITICAL: 1, HIGH: 2, MEDIUM: 3, LOW: 30, BACKGROUND: 24 };

describe("openPending", () => {
  it.each([
    [60, lanes, [], 60],
    [60, lanes, ["LOW", "BACKGROUND"], 6],
    [60, lanes, ["MEDIUM", "LOW", "BACKGROUND"], 3],
    [60, undefined, ["LOW"], 60],
    [10, lanes, ["LOW", "BACKGROUND"], 0],
  ])("%i pending, paused %j → %i open", (pending, byPriority, paused, open) => {
    expect(openPending(pending, byPriority, paused)).toBe(open);
  });

  it.each([
    [{ queue: { paused_priorities: ["LOW", "BACKGROUND"] } }, ["LOW", "BACKGROUND"]],
    [{ queue: { paused_priorities: [] } }, []],
    [{ queue: {} }, null],
    [{}, null],
  ])("paused priorities of %j → %j", (meta, paused) => {
    expect(pausedPrioritiesOf(meta)).toEqual(paused);
  });
});

describe("held backlog", () => {
  const backlog = (pending: number): BottleneckInput => ({
    type: "task_queue_backlog",
    severity: "medium",
    impactScore: 0.5,
    affectedResources: ["task_queue"],
    metrics: { pending_tasks: pending, by_priority: lanes, threshold: 50 },
  });

  it.each([
    ["nothing paused", 60, [], 1],
    ["the backlog is paused LOW/BACKGROUND work", 60, ["LOW", "BACKGROUND"], 0],
    ["open work alone is still a backlog", 120, ["LOW", "BACKGROUND"], 1],
  ])("%s → %i prediction(s)", (_name, pending, paused, n) => {
    expect(bottleneckCandidates([backlog(pending)], paused)).toHaveLength(n);
  });

  it("the queue depth series leaves out the lanes the newest snapshot reports as paused", () => {
    const obs = new Observations(DEFAULT_PREDICTION_CONFIG);
    const queue = (ts: number) => ev("queue_metric", ts, { metadata: { queue_depth: 60, by_priority: lanes } });
    for (const e of [
      ev("resource_snapshot", T0 - 5000, { metadata: { queue: { paused_priorities: ["LOW", "BACKGROUND"] } } }),
      queue(T0 - 1000),
      queue(T0),
    ])
      obs.observe(e);
    expect(obs.view(T0).queueDepth).toEqual([6, 6]);
  });

  it.each([
    [[], [], false],
    [["LOW", "BACKGROUND"], ["BACKGROUND", "LOW"], false],
    [["LOW", "BACKGROUND"], [], true],
    [[], ["LOW"], true],
    [["LOW", "BACKGROUND"], ["MEDIUM", "LOW", "BACKGROUND"], true],
  ])("paused %j → %j changed: %s", (before, after, changed) => {
    expect(pausedChanged(before, after)).toBe(changed);
  });

  it("a change of the paused lanes (a pause, a resume) starts the depth series afresh: the open depth steps, it does not trend", () => {
    const obs = new Observations(DEFAULT_PREDICTION_CONFIG);
    const queue = (ts: number) => ev("queue_metric", ts, { metadata: { queue_depth: 60, by_priority: lanes } });
    const snapshot = (ts: number, paused: string[]) => ev("resource_snapshot", ts, { metadata: { queue: { paused_priorities: paused } } });
    for (const e of [queue(T0 - 3000), snapshot(T0 - 2000, ["LOW", "BACKGROUND"]), queue(T0 - 1000), snapshot(T0 - 500, []), queue(T0)])
      obs.observe(e);
    const view = obs.view(T0);
    expect(view.queueDepth).toEqual([60]);
    expect(view.pausedPriorities).toEqual([]);
  });

  it("a paused set reported before the window says nothing now", () => {
    const obs = new Observations(DEFAULT_PREDICTION_CONFIG);
    obs.observe(ev("resource_snapshot", T0 - 400_000, { metadata: { queue: { paused_priorities: ["LOW"] } } }));
    expect(obs.view(T0 - 300_000).pausedPriorities).toEqual(["LOW"]);
    expect(obs.view(T0).pausedPriorities).toEqual([]);
  });
});
