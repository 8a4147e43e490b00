// Restore rules (pure), table-driven: hold keys, monotonic pauses, release timing, undo commands and step-by-step restores.
import { describe, expect, it } from "vitest";
import { holdKeyOf, monotonicPause, pendingRelease, releaseStep, restoreOffsets, stricterPause, undoCommands } from "./restore-rules";
import { degradationRestore } from "./strategy-gradual-degradation";
import { DEGRADATION_LEVELS } from "./strategy-degradation-levels";
import { restoreWhen } from "./strategy-resource-rebalance";
import { failure } from "./test-support";
import type { CommandSpec } from "./types";

const pause = (max_priority: string): CommandSpec => ({ kind: "pause_tasks", params: { max_priority } });
const tokensBelow = (percent: number) => ({ kind: "resource_below", resourceType: "tokens", percent }) as const;

describe("restore rules", () => {
  it.each([
    [pause("LOW"), "pause"],
    [{ kind: "resume_tasks", params: {} }, "pause"],
    [{ kind: "set_concurrency", params: { limit: 5 } }, "concurrency:*"],
    [{ kind: "set_concurrency", params: { agent_id: "a1", limit: null } }, "concurrency:a1"],
    [{ kind: "set_degradation", params: { level: 2 } }, "degradation"],
    [{ kind: "restart_agent", params: { agent_id: "a1" } }, null],
  ] as [CommandSpec, string | null][])("hold key of %j → %s", (spec, key) => {
    expect(holdKeyOf(spec)).toBe(key);
  });

  it.each([
    ["LOW", null, "LOW"],
    ["LOW", "MEDIUM", "MEDIUM"],
    ["MEDIUM", "LOW", "MEDIUM"],
    ["BACKGROUND", "HIGH", "HIGH"],
  ] as const)("a pause up to %s while %s is paused issues up to %s (never relaxes)", (requested, inEffect, issued) => {
    expect(stricterPause(requested, inEffect)).toBe(issued);
    expect(monotonicPause(pause(requested), inEffect).params.max_priority).toBe(issued);
  });

  it("monotonicPause leaves other commands and unknown levels alone", () => {
    const spec: CommandSpec = { kind: "set_concurrency", params: { limit: 2 } };
    expect(monotonicPause(spec, "MEDIUM")).toBe(spec);
    expect(monotonicPause(pause("NOPE"), "MEDIUM").params.max_priority).toBe("NOPE");
  });

  const stable = { kind: "stable", windowMs: 30_000, condition: tokensBelow(80) } as const;
  it.each([
    [
      "success, condition holds through the window",
      true,
      [
        [10_000, true],
        [30_999, true],
        [31_000, true],
      ],
      31_000,
    ],
    [
      "success, a lapse restarts the window",
      true,
      [
        [10_000, true],
        [20_000, false],
        [49_999, true],
        [50_000, true],
      ],
      50_000,
    ],
    [
      "success, never recovers: gives up at the max wait",
      true,
      [
        [100_000, false],
        [300_999, false],
        [301_000, false],
      ],
      301_000,
    ],
    ["failure: at once", false, [[1000, false]], 1000],
  ] as const)("%s", (_name, succeeded, checks, dueAt) => {
    let r = pendingRelease(succeeded, stable, null, 1000, 300_000);
    let firstDue: number | null = null;
    for (const [at, holds] of checks) {
      const step = releaseStep(r, holds, at);
      r = step.release;
      if (step.due && firstDue === null) firstDue = at;
    }
    expect(firstDue).toBe(dueAt);
  });

  it("a plan's restoreWhen replaces the verification's condition; verifications without a condition wait only the window", () => {
    expect(pendingRelease(true, stable, tokensBelow(32), 0, 300_000).condition).toEqual(tokensBelow(32));
    expect(pendingRelease(true, { kind: "agent_heartbeat", agentId: "a1", timeoutMs: 60_000 }, null, 0, 300_000)).toEqual({
      condition: null,
      windowMs: 0,
      since: 0,
      giveUpAt: 300_000,
    });
  });

  it.each([
    [[pause("LOW")], [{ kind: "resume_tasks", params: {} }]],
    [
      [{ ...pause("MEDIUM"), params: { max_priority: "MEDIUM", resource_type: "tokens" } }],
      [{ kind: "resume_tasks", params: { resource_type: "tokens" } }],
    ],
    [
      [pause("LOW"), { kind: "set_concurrency", params: { agent_id: "a1", limit: 2 } }],
      [
        { kind: "resume_tasks", params: {} },
        { kind: "set_concurrency", params: { agent_id: "a1", limit: null } },
      ],
    ],
    [[{ kind: "set_concurrency", params: { limit: 5 } }], [{ kind: "set_concurrency", params: { limit: null } }]],
    [[{ kind: "drain_agent", params: { agent_id: "a1" } }], []],
  ] as [CommandSpec[], CommandSpec[]][])("undo of %j → %j", (commands, undo) => {
    expect(undoCommands(commands)).toEqual(undo);
  });

  it("restore delays accumulate along the list", () => {
    const specs: CommandSpec[] = [pause("LOW"), { ...pause("LOW"), delayMs: 5 }, pause("LOW"), { ...pause("LOW"), delayMs: 7 }];
    expect(restoreOffsets(specs).map((s) => s.offsetMs)).toEqual([0, 5, 5, 12]);
  });

  it.each([
    [2, [1, 0], [0, 30_000]],
    [4, [3, 2, 1, 0], [0, 30_000, 60_000, 90_000]],
    [0, [0], [0]],
  ])("degradation from level %i steps back through %j, one window apart", (from, levels, offsets) => {
    const restore = degradationRestore(DEGRADATION_LEVELS[from]!, "tokens", 30_000);
    const steps = restoreOffsets(restore).filter((s) => s.spec.kind === "set_degradation");
    expect(steps.map((s) => s.spec.params.level)).toEqual(levels);
    expect(steps.map((s) => s.offsetMs)).toEqual(offsets);
    expect(restore.at(-1)).toEqual({ kind: "set_concurrency", params: { limit: null } });
  });

  it.each([
    ["detected", false, 92, 80],
    ["predicted, usage below the threshold", true, 32, 32],
    ["predicted, usage above the threshold", true, 86.5, 80],
    ["predicted, usage unknown", true, null, 80],
  ] as const)("rebalance resumes when (%s) the resource is below …", (_name, predicted, usage, percent) => {
    const f = failure("token_exhaustion", { context: predicted ? { predicted: true } : {} });
    expect(restoreWhen(f, tokensBelow(80), usage)).toEqual(tokensBelow(percent));
  });
});
