import { describe, expect, it } from "vitest";
import { humanize, metricText } from "./labels";

describe("humanize", () => {
  it.each([
    ["task_queue_backlog", "Task queue backlog"],
    ["agent.down", "Agent down"],
    ["", ""],
  ])("%s → %s", (a, b) => expect(humanize(a)).toBe(b));
});

describe("metricText", () => {
  it.each([
    [1234, "1,234"],
    [0.756, "0.76"],
    [2.5, "2.5"],
    [3.0001, "3"],
    [null, "—"],
    [["a", 1], "a, 1"],
    [{ a: 1 }, "a 1"],
    [{ CRITICAL: 0, HIGH: 2, LOW: 1_180 }, "high 2 · low 1,180"],
    [{ CRITICAL: 0 }, "none"],
    [true, "true"],
  ])("%j → %s", (v, text) => expect(metricText(v)).toBe(text));
});
