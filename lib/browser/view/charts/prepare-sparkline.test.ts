// Sparkline preparation: scaling into the viewBox, gaps for missing values, nothing for an empty series.
import { describe, expect, it } from "vitest";
import { prepareSparkline } from "./prepare-sparkline";

describe("prepareSparkline", () => {
  it.each([
    { name: "empty", points: [], line: "", area: "" },
    { name: "only gaps", points: [{ at: 0, value: null }], line: "", area: "" },
    {
      name: "rising line scaled to the box, x by time",
      points: [
        { at: 0, value: 0 },
        { at: 50, value: 5 },
        { at: 100, value: 10 },
      ],
      line: "M0 20 L50 10 L100 0",
      area: "M0 20 L0 20 L50 10 L100 0 L100 20 Z",
    },
    {
      name: "a missing value is a gap, not zero",
      points: [
        { at: 0, value: 4 },
        { at: 50, value: null },
        { at: 100, value: 2 },
      ],
      line: "M0 0 M100 10",
      area: "M0 20 L0 0 L0 20 Z M100 20 L100 10 L100 20 Z",
    },
    {
      name: "all zeros stay on the baseline",
      points: [
        { at: 0, value: 0 },
        { at: 10, value: 0 },
      ],
      line: "M0 20 L100 20",
      area: "M0 20 L0 20 L100 20 L100 20 Z",
    },
  ])("$name", ({ points, line, area }) => {
    expect(prepareSparkline(points, 100, 20)).toEqual({ line, area });
  });
});
