import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../model/types";
import { TaskOutcomes } from "./task-success";

let seq = 0;
/** A task's end at second `s`: success or failure. */
const end = (s: number, task: string | undefined, ok: boolean): EngineEvent => ({
  id: `e${++seq}`,
  type: ok ? "task_complete" : "task_failed",
  ts: s * 1000,
  ...(task ? { taskId: task } : {}),
  data: ok ? { result: "success" } : {},
});

describe("TaskOutcomes", () => {
  it.each<[string, EngineEvent[], number, number | null]>([
    ["nothing finished: no rate", [], 10, null],
    ["other events are ignored", [{ id: "x", type: "heartbeat", ts: 1000, data: {} }], 10, null],
    ["successes over tasks", [end(1, "a", true), end(2, "b", false), end(3, "c", true), end(4, "d", true)], 10, 0.75],
    ["a failure then a successful retry is one task, a success", [end(1, "a", false), end(5, "a", true), end(6, "b", true)], 10, 1],
    ["a task failing twice is one failed task", [end(1, "a", false), end(5, "a", false), end(6, "b", true)], 10, 0.5],
    ["a retry that succeeds in a later minute still turns the failure into a success", [end(50, "a", false), end(70, "a", true)], 80, 1],
    ["a failure without a task id counts once and cannot be retried", [end(1, undefined, false), end(2, undefined, true)], 10, 0.5],
    ["results older than the window are left out", [end(1, "a", false), end(400, "b", true)], 400, 1],
    ["a silent swarm keeps no old results in its window", [end(1, "a", true)], 1_000, null],
  ])("%s", (_name, events, atS, rate) => {
    const t = new TaskOutcomes(5 * 60_000);
    for (const e of events) t.observe(e);
    expect(t.rate(atS * 1000)).toBe(rate);
  });

  it("reads as of the newest result by default", () => {
    const t = new TaskOutcomes(5 * 60_000);
    for (const e of [end(1, "a", false), end(500, "b", true), end(501, "c", false)]) t.observe(e);
    expect(t.rate()).toBe(0.5);
  });

  it("remembers a bounded number of failed tasks", () => {
    const t = new TaskOutcomes(5 * 60_000);
    for (let i = 0; i < 6_000; i++) t.observe(end(1, `t${i}`, false));
    t.observe(end(2, "t0", true)); // forgotten: counted as a new task
    t.observe(end(2, "t5999", true)); // remembered: its failure becomes a success
    expect(t.rate(10_000)).toBeCloseTo(2 / 6_001, 6);
  });
});
