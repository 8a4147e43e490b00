// The restore step (golden series): work paused by a healing resumes once the resource stayed recovered, not while
// another pausing healing is still active, and a pause in effect never relaxes.
import { describe, expect, it } from "vitest";
import { complete, failure, harness, play, type SeriesStep } from "./test-support";

const tokens = failure("resource_exhaustion", { id: "f-t", severity: "critical", context: { resource_type: "tokens" } });
const memory = failure("memory_exhaustion", { id: "f-m", severity: "high", context: { resource_type: "memory" } });
const ticks = (...at: number[]): SeriesStep[] => at.map((t) => ({ at: t, tick: true }));
const quiet = (lines: string[]) => lines.filter((l) => !/dispatched|acknowledged/.test(l));

describe("restore after healing", () => {
  it("golden: exhaustion → pause_tasks → recovery → resume_tasks one stability window later, attributed to the healing", () => {
    const { healer, port, view } = harness();
    view.state.resources = { tokens: 95 };
    const lines = play(healer, [{ at: 0, failure: tokens }, ...complete("cmd-1", 1000), ...ticks(4000)]);
    view.state.resources.tokens = 70;
    lines.push(...play(healer, ticks(5000, 34_999, 35_000, 36_000)));
    expect(quiet(lines)).toEqual([
      "t=0 healing.started h-1 ResourceRebalanceStrategy running",
      't=0 command cmd-1 pause_tasks pending {"max_priority":"MEDIUM","resource_type":"tokens"}',
      "t=1000 command cmd-1 pause_tasks succeeded",
      "t=5000 failure.resolved f-t @5000",
      "t=5000 healing.finished h-1 ResourceRebalanceStrategy succeeded reason=null heal=1000 mttr=5000",
      't=35000 command cmd-2 resume_tasks pending {"resource_type":"tokens"}',
    ]);
    expect(port.issued.at(-1)).toEqual({ healingId: "h-1", kind: "resume_tasks", params: { resource_type: "tokens" }, deadline: 65_000 });
    expect(play(healer, [...complete("cmd-2", 36_000), ...ticks(100_000)]).filter((l) => l.includes("pending"))).toEqual([]);
  });

  it("a relapse inside the window restarts it", () => {
    const { healer, view } = harness();
    view.state.resources = { tokens: 95 };
    const lines = play(healer, [{ at: 0, failure: tokens }, ...complete("cmd-1", 1000), ...ticks(20_000)]);
    view.state.resources.tokens = 70;
    lines.push(...play(healer, ticks(21_000, 30_000)));
    view.state.resources.tokens = 85;
    lines.push(...play(healer, ticks(40_000)));
    view.state.resources.tokens = 70;
    lines.push(...play(healer, ticks(41_000, 69_999, 70_000)));
    expect(quiet(lines).filter((l) => l.includes("resume_tasks") || l.includes("finished"))).toEqual([
      "t=21000 healing.finished h-1 ResourceRebalanceStrategy succeeded reason=null heal=1000 mttr=21000",
      't=70000 command cmd-2 resume_tasks pending {"resource_type":"tokens"}',
    ]);
  });

  it("golden: no resume while a second pausing healing is active; the pause never relaxes; the last one restores", () => {
    const { healer, view } = harness();
    view.state.resources = { tokens: 95, memory: 95 };
    const lines = play(healer, [
      { at: 0, failure: tokens },
      ...complete("cmd-1", 500),
      { at: 1000, failure: memory },
      ...complete("cmd-2", 1500),
      ...complete("cmd-3", 2000),
    ]);
    view.state.resources.tokens = 70;
    lines.push(...play(healer, ticks(3000, 20_000, 33_000)));
    view.state.resources.memory = 60;
    lines.push(...play(healer, ticks(34_000, 62_999, 63_000)));
    expect(quiet(lines)).toEqual([
      "t=0 healing.started h-1 ResourceRebalanceStrategy running",
      't=0 command cmd-1 pause_tasks pending {"max_priority":"MEDIUM","resource_type":"tokens"}',
      "t=500 command cmd-1 pause_tasks succeeded",
      "t=1000 healing.started h-2 ResourceRebalanceStrategy running",
      't=1000 command cmd-2 pause_tasks pending {"max_priority":"MEDIUM","resource_type":"memory"}',
      "t=1500 command cmd-2 pause_tasks succeeded",
      't=1500 command cmd-3 set_concurrency pending {"limit":5}',
      "t=2000 command cmd-3 set_concurrency succeeded",
      "t=3000 failure.resolved f-t @3000",
      "t=3000 healing.finished h-1 ResourceRebalanceStrategy succeeded reason=null heal=500 mttr=3000",
      "t=33000 failure.resolved f-m @33000",
      "t=33000 healing.finished h-2 ResourceRebalanceStrategy succeeded reason=null heal=1000 mttr=33000",
      't=63000 command cmd-4 resume_tasks pending {"resource_type":"memory"}',
      't=63000 command cmd-5 set_concurrency pending {"limit":null}',
    ]);
  });

  it("a failed pausing healing lets go at once: resumed at the next tick", () => {
    const { healer, view } = harness();
    view.state.resources = { tokens: 95 };
    const lines = play(healer, [{ at: 0, failure: tokens }, ...complete("cmd-1", 500), { at: 2000, failure: tokens }, ...ticks(3000)]);
    expect(lines.filter((l) => l.includes(" failed reason") || l.includes("resume_tasks"))).toEqual([
      "t=2000 healing.finished h-1 ResourceRebalanceStrategy failed reason=verification failed: failure recurred heal=500 mttr=null",
      't=3000 command cmd-2 resume_tasks pending {"resource_type":"tokens"}',
    ]);
  });
});
