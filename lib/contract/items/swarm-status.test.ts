// The swarm status decision (silent past 60 s without events) and how a silence reads.
import { describe, expect, it } from "vitest";
import { noDataReason, SILENT_AFTER_MS, silenceText, silentForMs, swarmStatus } from "./swarm-status";

const NOW = 1_800_000_000_000;
const none = { eventsPerS: 0, activeAgents: 0, eventsTotal: 0, lastEventAt: null };

describe("swarmStatus", () => {
  it.each([
    ["never sent anything", none, "new"],
    ["sending, seen by this instance's engine", { ...none, eventsPerS: 3, eventsTotal: 90, lastEventAt: NOW - 1_000 }, "active"],
    ["sending, engine runs elsewhere (stored last event only)", { ...none, lastEventAt: NOW - 5_000 }, "active"],
    ["last event exactly at the threshold", { ...none, lastEventAt: NOW - SILENT_AFTER_MS }, "active"],
    ["last event just past the threshold", { ...none, lastEventAt: NOW - SILENT_AFTER_MS - 1 }, "silent"],
    [
      "silent although the engine still counts agents",
      { ...none, activeAgents: 4, eventsTotal: 500, lastEventAt: NOW - 7 * 60_000 },
      "silent",
    ],
    ["engine knows events that storage no longer holds", { ...none, eventsTotal: 12 }, "idle"],
  ] as const)("%s → %s", (_, inputs, status) => {
    expect(swarmStatus(inputs, NOW)).toBe(status);
  });
});

describe("silentForMs", () => {
  it.each([
    [null, null],
    [NOW - 10_000, null],
    [NOW - SILENT_AFTER_MS, null],
    [NOW - 7 * 60_000, 7 * 60_000],
  ] as const)("last event %s → %s", (last, silent) => {
    expect(silentForMs(last, NOW)).toBe(silent);
  });
});

describe("silenceText", () => {
  it.each([
    [45_000, "45 s"],
    [61_000, "1 min"],
    [7 * 60_000 + 59_000, "7 min"],
    [3 * 3_600_000 + 1, "3 h"],
    [86_400_000, "1 day"],
    [5 * 86_400_000, "5 days"],
  ] as const)("%i ms → %s", (ms, text) => {
    expect(silenceText(ms)).toBe(text);
  });

  it("states the no-data reason with the silence", () => {
    expect(noDataReason(12 * 60_000)).toBe("no data: the swarm has sent no events for 12 min, so this could not finish or be verified");
  });
});
