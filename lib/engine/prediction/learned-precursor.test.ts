// From events to a proposal (docs/decisions.md#d9 revised): memory_pressure reliably 20 s before its agent's heartbeat_failed is learned
// with its lead time; its predictions observe until 3 of them hit, then it proposes.
import { describe, expect, it } from "vitest";
import { PatternLearner } from "../patterns";
import { PredictiveHealing } from "./predictive-healing";
import { T0, counterIds, ev } from "./test-fixtures";

const MIN = 60_000;

describe("a real precursor, learned and proven", () => {
  it("is learned with its 20 s lead, observes while unproven and proposes once its predictions hit 3 times", () => {
    const learner = new PatternLearner();
    const ph = new PredictiveHealing({ newId: counterIds() });
    const feed = (type: string, ts: number, agent: string) => {
      const e = ev(type, ts, {}, agent);
      learner.observe(e);
      ph.observe(e);
    };
    for (let k = 0; k < 6; k++) feed("high_latency", T0 + k * 7 * MIN, `agent-${k % 3}`);
    for (let k = 0; k < 4; k++) {
      feed("memory_pressure", T0 + (5 + 10 * k) * MIN, `agent-${k}`);
      feed("heartbeat_failed", T0 + (5 + 10 * k) * MIN + 20_000, `agent-${k}`);
    }
    const learned = learner.learn(T0 + 45 * MIN);
    expect(learned.map((p) => [p.id, p.failureType, p.support, p.leadMs])).toEqual([
      ["corr:memory_pressure+heartbeat_failed", "agent_down", 4, 20_000],
    ]);

    const statuses: string[] = [];
    for (let k = 0; k < 4; k++) {
      const at = T0 + (50 + 10 * k) * MIN;
      feed("memory_pressure", at, `agent-${k}`);
      const [p] = ph.predict(at + 1000, { patterns: learner.patterns() });
      expect(p).toMatchObject({ source: "pattern", failureType: "agent_down", agentId: `agent-${k}`, expectedAt: at + 20_000 });
      statuses.push(`${p!.status} ${p!.confidence}`);
      ph.recordFailure({ failureType: "agent_down", agentId: `agent-${k}`, ts: at + 19_000 });
      ph.settleOutcomes(at + 20_000);
    }
    expect(statuses).toEqual(["observed 0.6999", "observed 0.6999", "observed 0.6999", "open 0.84"]);
    expect(ph.stats().pattern_accuracy["corr:memory_pressure+heartbeat_failed"]).toMatchObject({ correct: 4, false_positive: 0 });
  });
});
