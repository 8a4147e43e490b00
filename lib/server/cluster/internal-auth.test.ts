// Requests between instances: signed with the shared pepper, bound to their body, valid for a short time only.
import { describe, expect, it } from "vitest";
import { INTERNAL_AUTH_SKEW_MS, signInternal, verifyInternal } from "./internal-auth";

const PEPPER = "pepper-of-this-installation";
const BODY = JSON.stringify({ read: "agents", swarm: "fleet" });

describe("internal request auth", () => {
  it("accepts the signature of the same body and pepper within the skew", () => {
    const header = signInternal(PEPPER, BODY, 1_000_000);
    expect(verifyInternal(PEPPER, header, BODY, 1_000_000)).toBe(true);
    expect(verifyInternal(PEPPER, header, BODY, 1_000_000 + INTERNAL_AUTH_SKEW_MS)).toBe(true);
    expect(verifyInternal(PEPPER, header, BODY, 1_000_000 - INTERNAL_AUTH_SKEW_MS)).toBe(true);
  });

  it("refuses another body, another pepper, an old or future signature, and malformed or missing headers", () => {
    const header = signInternal(PEPPER, BODY, 1_000_000);
    expect(verifyInternal(PEPPER, header, BODY.replace("fleet", "other"), 1_000_000)).toBe(false);
    expect(verifyInternal("another-installation", header, BODY, 1_000_000)).toBe(false);
    expect(verifyInternal(PEPPER, header, BODY, 1_000_001 + INTERNAL_AUTH_SKEW_MS)).toBe(false);
    expect(verifyInternal(PEPPER, header, BODY, 999_999 - INTERNAL_AUTH_SKEW_MS)).toBe(false);
    expect(verifyInternal(PEPPER, `2000000.${header.split(".")[1]}`, BODY, 2_000_000)).toBe(false);
    expect(verifyInternal(PEPPER, "nonsense", BODY, 1_000_000)).toBe(false);
    expect(verifyInternal(PEPPER, undefined, BODY, 1_000_000)).toBe(false);
  });
});
