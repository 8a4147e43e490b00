// Credential generation, hashing and parsing.
import { describe, expect, it } from "vitest";
import { bearerToken, credentialPrefix, hashCredential, hashesEqual, newCredential, PREFIX_LENGTH } from "./credentials";

describe("credentials", () => {
  it("are random, prefixed and 256-bit", () => {
    const a = newCredential("smk");
    expect(a).toMatch(/^smk_[A-Za-z0-9_-]{43}$/);
    expect(newCredential("smk")).not.toBe(a);
    expect(newCredential("smt")).toMatch(/^smt_/);
    expect(credentialPrefix(a)).toHaveLength(PREFIX_LENGTH);
  });

  it("hash with the pepper: same input same hash, other pepper other hash", () => {
    const k = newCredential("smk");
    expect(hashCredential("p1", k)).toBe(hashCredential("p1", k));
    expect(hashCredential("p2", k)).not.toBe(hashCredential("p1", k));
    expect(hashesEqual(hashCredential("p1", k), hashCredential("p1", k))).toBe(true);
    expect(hashesEqual(hashCredential("p1", k), hashCredential("p2", k))).toBe(false);
    expect(hashesEqual("abcd", "abcdef")).toBe(false);
  });

  it.each([
    ["Bearer smk_abc", "smk_abc"],
    ["bearer   smt_x", "smt_x"],
    ["Basic abc", undefined],
    ["Bearer", undefined],
    ["Bearer a b", undefined],
    [null, undefined],
  ])("bearerToken(%j) → %j", (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
