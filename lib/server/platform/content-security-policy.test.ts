// The page CSP: nonce-only scripts (no 'unsafe-inline'), no framing; Next.js can read the nonce back from it.
import { describe, expect, it } from "vitest";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { contentSecurityPolicy } from "./content-security-policy";

describe("contentSecurityPolicy", () => {
  it.each([
    { dev: false, evalAllowed: false },
    { dev: true, evalAllowed: true },
  ])("dev=$dev: scripts by nonce only, frame-ancestors 'none', eval only in dev", ({ dev, evalAllowed }) => {
    const policy = contentSecurityPolicy("abc123==", dev);
    const script = policy.split("; ").find((d) => d.startsWith("script-src"));
    expect(script).toContain("'nonce-abc123=='");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script?.includes("'unsafe-eval'")).toBe(evalAllowed);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("is parsed by Next.js into the nonce it stamps on its inline scripts", () => {
    expect(getScriptNonceFromHeader(contentSecurityPolicy("Zm9vYmFy", false))).toBe("Zm9vYmFy");
  });
});
