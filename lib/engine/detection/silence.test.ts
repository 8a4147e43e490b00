// The silence verdict (docs/decisions.md#d30): k of its own intervals without a word makes an agent down, with the exceptions.
import { describe, expect, it } from "vitest";
import { isSilenceIntervals, type SilenceFacts, silenceVerdict, swarmStale } from "./silence";

const base: SilenceFacts = {
  now: 13_000,
  lastHeardAt: 10_000,
  intervalMs: 1000,
  k: 3,
  unregistered: false,
  alreadyDown: false,
  swarmLastEventAt: 12_900,
  swarmStale: false,
};

describe("silenceVerdict", () => {
  it.each([
    { name: "silent for exactly k intervals while the swarm talks", facts: {}, verdict: "silent" },
    { name: "silent for less than k intervals", facts: { now: 12_999 }, verdict: "heard" },
    { name: "a larger k gives it longer", facts: { k: 5 }, verdict: "heard" },
    { name: "a longer interval gives it longer", facts: { intervalMs: 2000 }, verdict: "heard" },
    { name: "no interval learned yet", facts: { intervalMs: null }, verdict: "learning" },
    { name: "it unregistered", facts: { unregistered: true }, verdict: "unregistered" },
    { name: "already down (reported, or detected this episode)", facts: { alreadyDown: true }, verdict: "already_down" },
    { name: "the whole swarm is stale", facts: { swarmStale: true }, verdict: "swarm_stale" },
    { name: "nothing from the swarm since the agent went quiet", facts: { swarmLastEventAt: 10_000 }, verdict: "swarm_quiet" },
    {
      name: "unregistered wins over everything",
      facts: { unregistered: true, swarmStale: true, alreadyDown: true },
      verdict: "unregistered",
    },
  ])("$name → $verdict", ({ facts, verdict }) => {
    expect(silenceVerdict({ ...base, ...facts })).toBe(verdict);
  });
});

describe("swarmStale", () => {
  it.each([
    { now: 20_000, last: 10_000, longest: 5000, k: 3, stale: false },
    { now: 25_000, last: 10_000, longest: 5000, k: 3, stale: true },
    { now: 25_000, last: 10_000, longest: 5000, k: 4, stale: false },
    { now: 99_000, last: null, longest: 5000, k: 3, stale: false },
    { now: 99_000, last: 10_000, longest: null, k: 3, stale: false },
  ])("last event $last, longest interval $longest, k $k, at $now → $stale", ({ now, last, longest, k, stale }) => {
    expect(swarmStale(now, last, longest, k)).toBe(stale);
  });
});

describe("isSilenceIntervals", () => {
  it.each([
    [2, true],
    [3, true],
    [20, true],
    [1, false],
    [21, false],
    [2.5, false],
    [Number.NaN, false],
  ])("%s → %s", (k, ok) => expect(isSilenceIntervals(k)).toBe(ok));
});
