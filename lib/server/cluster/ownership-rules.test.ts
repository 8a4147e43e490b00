// Ownership decisions: losing a swarm, the epoch fence, adopted healings' ends, lag.
import { describe, expect, it } from "vitest";
import { ADOPTED_VERIFICATION as V, adoptedOutcome, adoptedVerdict, lagMs, lostSwarms, mayWrite } from "./ownership-rules";

describe("lostSwarms", () => {
  it.each([
    { owned: [1, 2, 3], held: [1, 2, 3], fenced: [], lost: [] },
    { owned: [1, 2, 3], held: [1, 3], fenced: [], lost: [2] },
    { owned: [1, 2], held: [1, 2], fenced: [2], lost: [2] },
    { owned: [1], held: [], fenced: [1], lost: [1] },
    { owned: [], held: [4], fenced: [], lost: [] },
  ])("owned $owned, locks $held, fenced $fenced → lost $lost", ({ owned, held, fenced, lost }) => {
    expect(lostSwarms(owned, new Set(held), new Set(fenced))).toEqual(lost);
  });
});

describe("mayWrite (the epoch fence)", () => {
  it.each([
    { epoch: 3n, stored: 3n, ok: true },
    { epoch: 3n, stored: 4n, ok: false },
    { epoch: 4n, stored: 3n, ok: false },
    { epoch: 1n, stored: null, ok: false },
  ])("writer epoch $epoch, stored $stored → $ok", ({ epoch, stored, ok }) => expect(mayWrite(epoch, stored)).toBe(ok));
});

describe("adoptedOutcome", () => {
  it.each([
    { statuses: [], out: null },
    { statuses: ["dispatched"], out: null },
    { statuses: ["succeeded", "pending"], out: null },
    { statuses: ["succeeded"], out: { status: "succeeded", reason: null } },
    { statuses: ["succeeded", "succeeded"], out: { status: "succeeded", reason: null } },
    { statuses: ["succeeded", "timed_out"], out: { status: "failed", reason: "command timed_out (finished after an ownership change)" } },
    { statuses: ["failed"], out: { status: "failed", reason: "command failed (finished after an ownership change)" } },
  ])("$statuses → $out", ({ statuses, out }) => expect(adoptedOutcome(statuses)).toEqual(out));
});

describe("adoptedVerdict", () => {
  const timedOut = { status: "failed", reason: "verification timed out (verified after an ownership change)" };
  it.each([
    { byEvent: true, evidence: null, elapsed: 0, out: null },
    { byEvent: true, evidence: "pass", elapsed: 0, out: { status: "succeeded", reason: null } },
    {
      byEvent: true,
      evidence: "fail",
      elapsed: 0,
      out: { status: "failed", reason: "verification failed: the task failed again (verified after an ownership change)" },
    },
    { byEvent: true, evidence: null, elapsed: V.timeoutMs - 1, out: null },
    { byEvent: true, evidence: null, elapsed: V.timeoutMs, out: timedOut },
    { byEvent: false, evidence: null, elapsed: V.stableWindowMs - 1, out: null },
    { byEvent: false, evidence: null, elapsed: V.stableWindowMs, out: { status: "succeeded", reason: null } },
    {
      byEvent: false,
      evidence: "fail",
      elapsed: 0,
      out: { status: "failed", reason: "verification failed: the failure recurred (verified after an ownership change)" },
    },
  ] as const)("by event $byEvent, evidence $evidence after $elapsed ms → $out", ({ byEvent, evidence, elapsed, out }) =>
    expect(adoptedVerdict(byEvent, evidence, elapsed)).toEqual(out),
  );
});

describe("lagMs", () => {
  it.each([
    { oldest: null, now: 1_000, lag: 0 },
    { oldest: 400, now: 1_000, lag: 600 },
    { oldest: 1_200, now: 1_000, lag: 0 },
  ])("oldest unread $oldest at $now → $lag", ({ oldest, now, lag }) => expect(lagMs(oldest, now)).toBe(lag));
});
