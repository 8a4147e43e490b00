import { describe, expect, it } from "vitest";
import { ApiFetchError } from "./api-fetch";
import { decisionError } from "./proposals";

describe("decisionError", () => {
  it("names who decided first on a 409", () => {
    expect(decisionError(new ApiFetchError(409, "The proposal is no longer open (it is approved, decided by ops@example.com)."))).toBe("Already decided by ops@example.com.");
  });
  it("says when the proposal expired first", () => {
    expect(decisionError(new ApiFetchError(409, "The proposal is no longer open (it is expired, decided by system)."))).toBe("This proposal expired before anyone decided.");
  });
  it("explains a 403", () => {
    expect(decisionError(new ApiFetchError(403, "Forbidden"))).toBe("Your role may not decide proposals.");
  });
});
