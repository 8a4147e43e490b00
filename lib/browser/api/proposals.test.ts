import { describe, expect, it } from "vitest";
import { ApiFetchError } from "./api-fetch";
import { decisionError } from "./proposals";

describe("decisionError", () => {
  it("names who decided first on a 409", () => {
    expect(decisionError(new ApiFetchError(409, "The proposal is no longer open (it is approved, decided by ops@example.com)."))).toBe(
      "Already decided by ops@example.com.",
    );
  });
  it("says when the proposal expired first", () => {
    expect(decisionError(new ApiFetchError(409, "The proposal is no longer open (it is expired, decided by system)."))).toBe(
      "This proposal expired before anyone decided.",
    );
  });
  it("explains a 403", () => {
    expect(decisionError(new ApiFetchError(403, "Forbidden"))).toBe("Your role may not decide proposals.");
  });
  it("asks for a second approver when the same operator approves a high-risk proposal twice", () => {
    expect(decisionError(new ApiFetchError(403, "This high-risk proposal needs a second approval by someone else."))).toBe(
      "You already approved it: a second operator must approve.",
    );
  });
  it("says when the proposal changed after it was shown", () => {
    expect(decisionError(new ApiFetchError(409, "The proposal is not the one you approved (its action differs); review it again."))).toBe(
      "This proposal changed since it was shown; review it again.",
    );
  });
});
