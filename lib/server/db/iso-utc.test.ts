// isoUtc is Date#toISOString without the Date: same text for every valid time value, including fractional and
// negative milliseconds, extended years and day boundaries visited in any order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoUtc } from "./iso-utc";

const MAX_TIME = 8.64e15;

describe("isoUtc", () => {
  it.each([
    0,
    -1,
    1,
    86_399_999,
    86_400_000,
    -86_400_000,
    951_782_400_000,
    1_764_547_199_999,
    -62_198_755_200_000,
    253_402_300_800_000,
    MAX_TIME,
    -MAX_TIME,
  ])("%d is written like toISOString", (ms) => expect(isoUtc(ms)).toBe(new Date(ms).toISOString()));

  it("matches toISOString on arbitrary times (integer and fractional ms, any order of days)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -MAX_TIME, max: MAX_TIME, noNaN: true }).map(Math.trunc),
          fc.double({ min: -MAX_TIME, max: MAX_TIME, noNaN: true }),
          fc.integer(),
        ),
        (ms) => {
          expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
