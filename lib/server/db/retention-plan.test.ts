// The retention decision per period: whole periods, per-swarm sub-partitions, the shared sub-partition's longest
// applicable rule, and the late window that keeps a LIST-partitioned period able to take late rows.
import { describe, expect, it } from "vitest";
import { dedicatedSwarm, expiredPartitions, LATE_WINDOW_MS, sharedDays, type RetentionRule } from "./retention-plan";

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 1, 12);
const rule = (swarmDays: Record<number, number> = {}): RetentionRule => ({
  defaultDays: 30,
  swarmDays: new Map(Object.entries(swarmDays).map(([k, v]) => [Number(k), v])),
});
/** A day partition that ended `ageDays` ago, LIST-partitioned with `dedicated` swarms' sub-partitions (or a plain one). */
const day = (ageDays: number, dedicated: number[] | null, shared = true) => {
  const name = "events_p20261001";
  const leaves = dedicated === null ? [] : [...(shared ? [`${name}_default`] : []), ...dedicated.map((s) => `${name}_s${s}`)];
  return { name, end: now - ageDays * DAY, partitioned: dedicated !== null, leaves };
};

describe("expiredPartitions", () => {
  it.each([
    { what: "plain period within the default", p: day(29, null), r: rule(), drops: [] },
    { what: "plain period past the default", p: day(30, null), r: rule(), drops: ["events_p20261001"] },
    { what: "plain period kept for a longer swarm with rows in it", p: day(40, null), r: rule({ 7: 90 }), drops: [] },
    { what: "plain period: a shorter swarm changes nothing", p: day(30, null), r: rule({ 7: 5 }), drops: ["events_p20261001"] },
    { what: "shorter swarm's sub-partition goes first", p: day(6, [7]), r: rule({ 7: 5 }), drops: ["events_p20261001_s7"] },
    { what: "everything expired: the whole period", p: day(30, [7]), r: rule({ 7: 5 }), drops: ["events_p20261001"] },
    {
      what: "longer swarm keeps its own; shared dropped past the late window",
      p: day(30, [7]),
      r: rule({ 7: 90 }),
      drops: ["events_p20261001_default"],
    },
    { what: "longer swarm without its own sub-partition keeps the shared one", p: day(30, [8]), r: rule({ 7: 90, 8: 90 }), drops: [] },
    {
      what: "shared already gone, last own expires: the whole period",
      p: day(90, [7], false),
      r: rule({ 7: 90 }),
      drops: ["events_p20261001"],
    },
    { what: "a deleted or reset swarm's sub-partition follows the default", p: day(30, [9]), r: rule(), drops: ["events_p20261001"] },
  ])("$what", ({ p, r, drops }) => {
    expect(expiredPartitions(p, r, now)).toEqual(drops);
  });

  it("keeps the shared sub-partition inside the late window while another sub-partition stays", () => {
    const r: RetentionRule = { defaultDays: 2, swarmDays: new Map([[7, 30]]) };
    expect(expiredPartitions(day(3, [7]), r, now)).toEqual([]);
    expect(expiredPartitions(day(LATE_WINDOW_MS / DAY, [7]), r, now)).toEqual(["events_p20261001_default"]);
  });
});

describe("helpers", () => {
  it("sharedDays: the default or the longest swarm without its own sub-partition", () => {
    expect(sharedDays(rule({ 7: 90, 8: 5 }), new Set([7]))).toBe(30);
    expect(sharedDays(rule({ 7: 90, 8: 5 }), new Set())).toBe(90);
  });

  it("dedicatedSwarm reads `<period>_s<id>` only", () => {
    expect(dedicatedSwarm("events_p20261001", "events_p20261001_s12")).toBe(12);
    expect(dedicatedSwarm("events_p20261001", "events_p20261001_default")).toBeNull();
    expect(dedicatedSwarm("events_p20261001", "events_p20261002_s12")).toBeNull();
  });
});
