// Golden series, one per source: timed events in → exact predictions (and their lifecycle) at given tick times.
import { describe, expect, it } from "vitest";
import type { BottleneckInput } from "./inputs";
import { PredictiveHealing } from "./predictive-healing";
import { T0, counterIds, ev, pattern, queueMetric, replay, resourceMetric } from "./test-fixtures";

const s = (n: number) => T0 + n * 1000;
const fresh = () => new PredictiveHealing({ newId: counterIds() });

describe("golden series", () => {
  it("trend: token usage 70→88 every 10 s; proposal expires at expected_at, settles false_positive, then re-predicts", () => {
    const events = [70, 76, 82, 88].map((t, i) => resourceMetric(s(i * 10), t, 50));
    const ticks = [10, 20, 30, 49, 50, 110].map((n) => ({ at: s(n) }));
    expect(replay(fresh(), events, ticks)).toEqual({
      10_000: [],
      20_000: ["created p-1 trend token_exhaustion - 0.82 eta=30000 open"],
      30_000: [],
      49_000: [],
      50_000: ["updated p-1 expired"],
      110_000: ["updated p-1 expired false_positive", "created p-2 trend token_exhaustion - 0.88 eta=20000 open"],
    });
  });

  it("queue: depth 30→60 predicts a backlog; the high-priority pile-up shares its key and is deduplicated", () => {
    const events = [queueMetric(s(0), 30, 2), queueMetric(s(10), 45, 4), queueMetric(s(20), 60, 6), queueMetric(s(30), 70, 12)];
    expect(
      replay(
        fresh(),
        events,
        [10, 20, 30].map((n) => ({ at: s(n) })),
      ),
    ).toEqual({
      10_000: [],
      20_000: ["created p-1 queue task_queue_backlog - 1 eta=93333 open"],
      30_000: [],
    });
  });

  it("health: an observed agent_down is followed by an open proposal once confidence crosses 0.7; a slowing agent predicts task_timeout", () => {
    const events = [
      ev("task_complete", s(0), { result: "success" }, "w-1"),
      ev("task_failed", s(5), {}, "w-1"),
      ev("task_failed", s(10), {}, "w-1"),
      ev("task_failed", s(15), {}, "w-1"),
      ...[4000, 5000, 9000].map((d, i) => ev("task_success", s(i), { duration_ms: d }, "w-2")),
    ];
    expect(
      replay(
        fresh(),
        events,
        [10, 20, 30].map((n) => ({ at: s(n) })),
      ),
    ).toEqual({
      10_000: ["created p-1 health task_timeout w-2 1 eta=180000 open", "created p-2 health agent_down w-1 0.6667 eta=120000 observed"],
      20_000: ["created p-3 health agent_down w-1 0.75 eta=120000 open"],
      30_000: [],
    });
  });

  it("bottleneck: severity sets confidence and ETA; only slow_agent names an agent", () => {
    const b = (type: string, severity: string, affectedResources: string[]): BottleneckInput => ({
      type,
      severity,
      impactScore: 0.9,
      affectedResources,
      metrics: {},
      recommendations: [`fix ${type}`],
    });
    const bottlenecks = [
      b("slow_agent", "high", ["w-9", "w-3"]),
      b("quota_exceeded", "critical", ["agents"]),
      b("task_queue_backlog", "medium", ["task_queue"]),
      b("consensus_timeout", "low", ["consensus"]),
      b("token_exhaustion", "unusual", ["global"]),
    ];
    expect(
      replay(
        fresh(),
        [],
        [
          { at: s(0), inputs: { bottlenecks } },
          { at: s(1), inputs: { bottlenecks } },
        ],
      ),
    ).toEqual({
      0: [
        "created p-1 bottleneck resource_exhaustion - 0.95 eta=60000 open",
        "created p-2 bottleneck agent_down w-9 0.85 eta=180000 open",
        "created p-3 bottleneck task_queue_backlog - 0.75 eta=300000 open",
        "created p-4 bottleneck token_exhaustion - 0.7 eta=300000 open",
        "created p-5 bottleneck consensus_failed - 0.65 eta=600000 observed",
      ],
      1000: [],
    });
  });

  it("pattern: a precursor fires while within its lead (ETA = the rest of the lead); unproven, it is stored as observed (D9 revised, D12)", () => {
    const patterns = [
      pattern({
        id: "corr:high_latency+task_timeout",
        events: ["high_latency", "task_timeout"],
        failureType: "task_failed",
        confidence: 0.8,
        leadMs: 180_000,
        lastSeen: s(-240),
      }),
      pattern({
        id: "corr:memory_pressure+heartbeat_failed",
        events: ["memory_pressure", "heartbeat_failed"],
        failureType: "agent_down",
        confidence: 0.6,
        leadMs: 60_000,
        lastSeen: s(-1200),
      }),
    ];
    const events = [ev("high_latency", s(-120), {}, "a"), ev("memory_pressure", s(-10))];
    expect(
      replay(fresh(), events, [
        { at: s(0), inputs: { patterns } },
        { at: s(200), inputs: { patterns } },
      ]),
    ).toEqual({
      0: ["created p-1 pattern task_failed a 0.6999 eta=60000 observed", "created p-2 pattern agent_down - 0.53 eta=50000 observed"],
      200_000: ["updated p-1 observed false_positive", "updated p-2 observed false_positive"],
    });
  });
});
