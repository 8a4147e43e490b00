// The engine's prediction tunables in force (swarm-engine): early signs become proposals where the reference waits.
import { describe, expect, it } from "vitest";
import { manualClock } from "./model/clock";
import { createEngine } from "./engine";
import type { EngineEvent } from "./model/types";

let seq = 0;
const at = (s: number, type: string, data: Record<string, unknown>, agentId?: string): EngineEvent => ({
  id: `e${++seq}`,
  type,
  ts: s * 1000,
  ...(agentId ? { agentId } : {}),
  data: { type, ...data },
});
const beat = (s: number, state: string) => at(s, "heartbeat", { health_state: state }, "agent-1");
const tokens = (s: number, percent: number) => at(s, "resource_metric", { metadata: { token_usage_percent: percent } });
const queue = (s: number, depth: number) => at(s, "queue_metric", { metadata: { queue_depth: depth, high_priority_count: 0 } });

/** Open proposals (source, type, agent) the engine creates for a log replayed on event time, up to 2 s after its end. */
function proposals(log: EngineEvent[]): string[] {
  const engine = createEngine({
    clock: manualClock(0),
    newId: (() => {
      let n = 0;
      return () => `id-${++n}`;
    })(),
  });
  engine.setTimeMode("s", "event");
  const out: string[] = [];
  engine.on(
    "prediction.created",
    ({ prediction: p }) => void (p.status === "open" && out.push(`${p.source} ${p.failureType} ${p.agentId ?? "-"}`)),
  );
  engine.ingest("s", [...log, at((log[log.length - 1]?.ts ?? 0) / 1000 + 2, "heartbeat", {}, "agent-9")]);
  return out;
}

describe("engine prediction tunables", () => {
  it.each([
    [
      "two degraded heartbeats in a row",
      [beat(100, "healthy"), beat(105, "degraded"), beat(110, "degraded")],
      ["health agent_down agent-1"],
    ],
    ["one degraded heartbeat is only observed", [beat(100, "healthy"), beat(105, "degraded"), beat(110, "healthy")], []],
    [
      "after 4 flat minutes, a token budget the last minute's rate exhausts within 10 min, at 40 %",
      [...Array(24).fill(20), 25, 30, 35, 40].map((p, i) => tokens(100 + 10 * i, p)),
      ["trend token_exhaustion -"],
    ],
    ["the baseline spend", [20, 20.1, 20.2, 20.3, 20.4].map((p, i) => tokens(100 + 10 * i, p)), []],
    [
      "after 2 empty minutes, a queue at 32 from nothing within 5 s",
      [...Array(24).fill(0), 32].map((d, i) => queue(100 + 5 * i, d)),
      ["queue task_queue_backlog -"],
    ],
    [
      "a backlog held for 8 minutes is a detected fault, not a prediction",
      Array.from({ length: 97 }, (_, i) => queue(100 + 5 * i, 60)),
      [],
    ],
    ["an exhausted budget is no longer predicted", [100.5, 100.6, 100.7].map((p, i) => tokens(100 + 10 * i, p)), []],
    ["a normal queue", [0, 3, 7, 2].map((d, i) => queue(100 + 5 * i, d)), []],
  ])("%s", (_name, log, expected) => {
    expect(proposals(log)).toEqual(expected);
  });
});
