// TaskRetryStrategy: golden series (healthy agent, backoff, verification), docs/engine.md#s-14 vector 5 retry limit, docs/decisions.md#d18 expiry.
import { describe, expect, it } from "vitest";
import { agent, complete, ev, failure, harness, play } from "./test-support";
import { liveRetryCount, retryBackoffMs } from "./strategy-task-retry";

const timeout = (id: string, detectedAt: number) =>
  failure("task_timeout", { id, taskId: "t1", agentId: "a1", detectedAt, context: { task_id: "t1" } });

describe("TaskRetryStrategy", () => {
  it("golden: reassigns to the healthiest other agent, fails on a repeat timeout, backs off, then succeeds", () => {
    const { healer } = harness();
    const lines = play(healer, [
      { at: 0, failure: timeout("f-1", 0) },
      ...complete("cmd-1", 100),
      { at: 200, event: ev("task_timeout", { taskId: "t1", agentId: "a2" }) },
      { at: 200, failure: timeout("f-2", 200) },
      { at: 1199, tick: true },
      { at: 1200, tick: true },
      ...complete("cmd-2", 1500),
      { at: 4000, event: ev("task_complete", { taskId: "t1", agentId: "a2" }, { result: "success", duration_ms: 900 }) },
    ]);
    expect(lines).toEqual([
      "t=0 healing.started h-1 TaskRetryStrategy running",
      't=0 command cmd-1 reassign_task pending {"task_id":"t1","from_agent_id":"a1","to_agent_id":"a2","attempt":1}',
      "t=100 command cmd-1 reassign_task dispatched",
      "t=100 command cmd-1 reassign_task acknowledged",
      "t=100 command cmd-1 reassign_task succeeded",
      "t=200 healing.finished h-1 TaskRetryStrategy failed reason=verification failed: task t1 failed again heal=100 mttr=null",
      "t=200 healing.started h-2 TaskRetryStrategy running",
      't=1200 command cmd-2 reassign_task pending {"task_id":"t1","from_agent_id":"a1","to_agent_id":"a2","attempt":2}',
      "t=1500 command cmd-2 reassign_task dispatched",
      "t=1500 command cmd-2 reassign_task acknowledged",
      "t=1500 command cmd-2 reassign_task succeeded",
      "t=4000 failure.resolved f-2 @4000",
      "t=4000 healing.finished h-2 TaskRetryStrategy succeeded reason=null heal=300 mttr=3800",
    ]);
  });

  it("§14 v5: attempts 1–3 on the same task go ahead, the 4th fails with max retries exceeded", () => {
    const { healer } = harness();
    const outcomes = [0, 1, 2, 3].map((i) => {
      const at = i * 10_000;
      const r = healer.onFailure(timeout(`f-${i}`, at), "detected", at);
      healer.tick(at + 5000);
      healer.commandResult(`cmd-${i + 1}`, { status: "succeeded" }, at + 5000);
      healer.observe(ev("task_timeout", { taskId: "t1" }), at + 6000);
      return [r.healing?.status, r.healing?.reason];
    });
    expect(outcomes).toEqual([
      ["running", null],
      ["running", null],
      ["running", null],
      ["failed", "max retries exceeded (3/3)"],
    ]);
  });

  it("retries on the same agent when it is the only healthy one, and declines when none is healthy", () => {
    const { healer, view } = harness();
    view.state.agents = [agent("a1", 0.8), agent("a2", 0.2)];
    expect(healer.onFailure(timeout("f-1", 0), "detected", 0).changes[1]).toMatchObject({
      command: { kind: "retry_task", params: { task_id: "t1", agent_id: "a1", attempt: 1 } },
    });
    view.state.agents = [agent("a1", 0.1), agent("a3", 0.9, "failed")];
    view.state.agentCount = 2;
    const other = failure("task_failed", { id: "f-2", taskId: "t2", context: { task_id: "t2" } });
    expect(healer.onFailure(other, "detected", 0).healing).toMatchObject({ status: "failed", reason: "no healthy agent available" });
    view.state.agentCount = 0;
    expect(healer.onFailure({ ...other, id: "f-3", taskId: "t3" }, "detected", 0).healing?.reason).toBe("no agents available");
  });

  it.each([
    [1, 0],
    [2, 1000],
    [3, 2000],
    [4, 4000],
  ])("backoff before attempt %i is %i ms", (attempt, ms) => expect(retryBackoffMs(attempt, 1000)).toBe(ms));

  it.each([
    [undefined, 0, 0],
    [{ count: 3, lastAt: 0 }, 599_999, 3],
    [{ count: 3, lastAt: 0 }, 600_000, 0],
  ])("D18: retry count %j at %i ms counts as %i (counts expire)", (entry, now, count) =>
    expect(liveRetryCount(entry, now, 600_000)).toBe(count),
  );

  it("D18: after the retry window the same task may be retried again", () => {
    const { healer } = harness();
    for (let i = 0; i < 3; i++) {
      healer.onFailure(timeout(`f-${i}`, 0), "detected", i * 5000);
      healer.tick(i * 5000 + 4000);
      healer.commandResult(`cmd-${i + 1}`, { status: "succeeded" }, i * 5000 + 4000);
      healer.observe(ev("task_timeout", { taskId: "t1" }), i * 5000 + 4000);
    }
    expect(healer.onFailure(timeout("f-3", 0), "detected", 15_000).healing?.reason).toBe("max retries exceeded (3/3)");
    expect(healer.onFailure(timeout("f-4", 0), "detected", 610_001).healing?.status).toBe("running");
  });
});
