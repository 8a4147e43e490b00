import { describe, expect, it } from "vitest";
import { parseHealingFilters, withHealingFilters } from "./healing-filters";

describe("parseHealingFilters", () => {
  it.each([
    ["", {}],
    ["strategy=TaskRetryStrategy", { strategy: "TaskRetryStrategy" }],
    ["trigger=preventive&status=failed", { trigger: "preventive", status: "failed" }],
    ["failure_type=agent_down&other=1", { failure_type: "agent_down" }],
    ["trigger=magic&status=done&strategy=", {}],
    ["strategy=a%20b%3Bdrop", {}],
  ])("?%s → %o", (qs, filters) => {
    expect(parseHealingFilters(new URLSearchParams(qs))).toEqual(filters);
  });
});

describe("withHealingFilters", () => {
  it("sets the given filters, removes cleared ones and keeps unrelated parameters", () => {
    const qs = withHealingFilters(new URLSearchParams("status=failed&tab=x"), { strategy: "TaskRetryStrategy", status: undefined });
    expect(qs.toString()).toBe("tab=x&strategy=TaskRetryStrategy");
  });

  it("round-trips through parse", () => {
    const f = { strategy: "AgentRestartStrategy", failure_type: "agent_down", trigger: "manual", status: "succeeded" } as const;
    expect(parseHealingFilters(withHealingFilters(new URLSearchParams(), f))).toEqual(f);
  });
});
