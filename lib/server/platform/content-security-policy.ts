// Content-Security-Policy for pages: a fresh nonce per request (no 'unsafe-inline' scripts), no framing, same-origin
// everything. Next.js reads the nonce from the request's CSP header and puts it on its own inline scripts, so the
// custom server sets the header on both the request (for Next) and the response (for the browser).
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The policy for one response; `dev` adds what Next's dev server needs (eval for fast refresh). */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, React style props) are not script; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sets the page's CSP (with a new nonce) on the request for Next.js and on the response for the browser. */
export function applyContentSecurityPolicy(req: IncomingMessage, res: ServerResponse, dev: boolean): void {
  const policy = contentSecurityPolicy(randomBytes(16).toString("base64"), dev);
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
}
