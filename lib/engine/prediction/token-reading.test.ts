// Token usage readings, and skipExhaustedBudget: a spent budget is a present failure, and the queue waits for tokens.
import { describe, expect, it } from "vitest";
import { PredictiveHealing } from "./predictive-healing";
import type { BottleneckInput } from "./inputs";
import { T0, counterIds, ev, queueMetric, resourceMetric } from "./test-fixtures";
import { tokenPercentOf } from "./token-reading";

describe("tokenPercentOf", () => {
  it.each([
    ["resource_metric", ev("resource_metric", T0, { metadata: { token_usage_percent: 81.5 } }), 81.5],
    ["resource_snapshot", ev("resource_snapshot", T0, { metadata: { tokens: { usage_percent: 100.3 } } }), 100.3],
    ["resource_exhaustion on tokens", ev("resource_exhaustion", T0, { resource_type: "tokens", current_usage: 101, limit: 100 }), 101],
    ["token_warning on token", ev("token_warning", T0, { resource_type: "Token", current_usage: 80, limit: 100 }), 80],
    [
      "resource_exhaustion on memory",
      ev("resource_exhaustion", T0, { resource_type: "memory", current_usage: 100, limit: 100 }),
      undefined,
    ],
    ["no limit", ev("resource_exhaustion", T0, { resource_type: "tokens", current_usage: 100 }), undefined],
    ["another event", ev("heartbeat", T0, { metadata: { token_usage_percent: 99 } }), undefined],
  ])("%s → %s", (_name, e, percent) => {
    expect(tokenPercentOf(e)).toBe(percent);
  });
});

describe("skipExhaustedBudget", () => {
  const backlog: BottleneckInput = {
    type: "task_queue_backlog",
    severity: "high",
    impactScore: 0.7,
    affectedResources: ["task_queue"],
    metrics: {},
  };
  const predicted = (skip: boolean, events: ReturnType<typeof ev>[], bottlenecks: BottleneckInput[] = []) => {
    const ph = new PredictiveHealing({ newId: counterIds(), config: { skipExhaustedBudget: skip } });
    for (const e of events) ph.observe(e);
    return ph.predict(T0, { bottlenecks }).map((p) => `${p.source} ${p.failureType}`);
  };
  const growingQueue = [60, 80, 100].map((d, i) => queueMetric(T0 - (2 - i) * 5000, d, 12 + i));
  const spent = ev("resource_snapshot", T0 - 1000, { metadata: { tokens: { usage_percent: 100.4 } } });
  const unspent = ev("resource_snapshot", T0 - 1000, { metadata: { tokens: { usage_percent: 60 } } });
  const rising = [98, 99.5, 101].map((u, i) => resourceMetric(T0 - (2 - i) * 10_000, u));
  const exhaustion = ev("resource_exhaustion", T0 - 5000, { resource_type: "tokens", current_usage: 100, limit: 100 });

  it.each([
    ["reference: over 100 % is still predicted (ETA 0)", false, rising, ["trend token_exhaustion"]],
    ["the newest reading is 101 %: nothing to predict", true, rising, []],
    ["a resource_exhaustion on tokens after the last sample", true, [...rising.slice(0, 2), exhaustion], []],
    [
      "the newest reading is below 100 %",
      true,
      [97, 98, 99.5].map((u, i) => resourceMetric(T0 - (2 - i) * 10_000, u)),
      ["trend token_exhaustion"],
    ],
  ])("%s", (_name, skip, events, expected) => {
    expect(predicted(skip, events)).toEqual(expected);
  });

  it.each([
    ["reference: a growing queue behind a spent budget predicts a backlog", false, spent, ["queue task_queue_backlog"]],
    ["a growing queue behind a spent budget waits for tokens", true, spent, []],
    ["with tokens left it predicts a backlog", true, unspent, ["queue task_queue_backlog"]],
  ])("%s", (_name, skip, snapshot, expected) => {
    expect(predicted(skip, [...growingQueue, snapshot])).toEqual(expected);
  });

  it.each([
    ["a spent budget: no prediction", spent, []],
    ["tokens left: task_queue_backlog", unspent, ["bottleneck task_queue_backlog"]],
  ])("a task_queue_backlog bottleneck with %s", (_name, snapshot, expected) => {
    expect(predicted(true, [snapshot], [backlog])).toEqual(expected);
  });
});
