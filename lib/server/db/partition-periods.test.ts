// Period bounds and partition names, by UTC day and UTC month.
import { describe, expect, it } from "vitest";
import { parsePeriodName, periodName, periodStart } from "./partition-periods";

const t = Date.UTC(2026, 11, 31, 23, 59);

describe("partition periods", () => {
  it("starts and moves days and months in UTC, across the year end", () => {
    expect(periodStart("day", t)).toBe(Date.UTC(2026, 11, 31));
    expect(periodStart("day", t, 1)).toBe(Date.UTC(2027, 0, 1));
    expect(periodStart("month", t)).toBe(Date.UTC(2026, 11, 1));
    expect(periodStart("month", t, 1)).toBe(Date.UTC(2027, 0, 1));
    expect(periodStart("month", t, -12)).toBe(Date.UTC(2025, 11, 1));
  });

  it("names and parses periods, refusing other tables, units and impossible dates", () => {
    expect(periodName("events", "day", t)).toBe("events_p20261231");
    expect(periodName("rollup_hour", "month", t)).toBe("rollup_hour_p202612");
    expect(parsePeriodName("events", "day", "events_p20261231")).toBe(Date.UTC(2026, 11, 31));
    expect(parsePeriodName("rollup_hour", "month", "rollup_hour_p202612")).toBe(Date.UTC(2026, 11, 1));
    for (const name of ["events_default", "events_p20261231_s7", "events_p20261331", "events_p202612", "rollup_day_p202612"]) {
      expect(parsePeriodName("events", "day", name)).toBeNull();
    }
  });
});
