// Security headers on pages: a nonce-based CSP without 'unsafe-inline' scripts, no framing, nosniff, a referrer
// policy — and the signed-in page still hydrates and goes live under it, with no CSP violation reported.
import { expect, test } from "./fixtures";

test("pages carry a nonce CSP, and the live page runs under it without violations", async ({ page, signedInPage }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  const res = await page.goto("/");
  const headers = res?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc =
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");

  // Each response has its own nonce.
  const again = await page.request.get("/");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);

  // Hydrated: the socket connects and the live indicator says so.
  await signedInPage.expectLive();
  expect(violations).toEqual([]);
});
