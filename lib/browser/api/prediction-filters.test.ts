import { describe, expect, it } from "vitest";
import { parsePredictionFilters, withPredictionFilters } from "./prediction-filters";

describe("parsePredictionFilters", () => {
  it.each([
    ["", { status: "all" }],
    ["status=open", { status: "open" }],
    ["status=nope", { status: "all" }],
    ["min_confidence=0.7", { status: "all", min_confidence: 0.7 }],
    ["min_confidence=0", { status: "all" }],
    ["min_confidence=2", { status: "all" }],
    ["min_confidence=abc&status=expired", { status: "expired" }],
  ])("?%s → %o", (qs, filters) => {
    expect(parsePredictionFilters(new URLSearchParams(qs))).toEqual(filters);
  });
});

describe("withPredictionFilters", () => {
  it.each([
    [{ status: "all" } as const, ""],
    [{ status: "open", min_confidence: 0.5 } as const, "status=open&min_confidence=0.5"],
  ])("%o → ?%s", (filters, qs) => {
    expect(withPredictionFilters(new URLSearchParams("status=rejected&min_confidence=0.9"), filters).toString()).toBe(qs);
  });
});
