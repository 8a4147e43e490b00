// Calls an app/api route handler the way Next.js would, with a token or a signed-in session, for integration tests.
import type { TestApp } from "./app";

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Who calls: a personal access token, a session cookie (sent same-origin), or nobody. */
export type Caller = { token: string } | { cookie: string } | null;

/** A parsed JSON body: tests read it loosely and assert its shape with expect. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-only: bodies are checked by assertions, not types
type Json = any;

/** A response with its parsed JSON body. */
export type Called = { status: number; body: Json; headers: Headers };

/** Calls `handler` with `method`, optional JSON body, route params and query string. */
export async function callRoute(
  app: TestApp,
  handler: Handler,
  opts: { caller: Caller; method?: string; body?: unknown; params?: Record<string, string>; query?: Record<string, string> },
): Promise<Called> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.caller && "token" in opts.caller) headers.authorization = `Bearer ${opts.caller.token}`;
  if (opts.caller && "cookie" in opts.caller)
    Object.assign(headers, { cookie: opts.caller.cookie, origin: app.url, host: new URL(app.url).host });
  const url = new URL(`${app.url}/api/v1/test`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const res = await handler(
    new Request(url, { method: opts.method ?? "GET", headers, body: opts.body === undefined ? null : JSON.stringify(opts.body) }),
    {
      params: Promise.resolve(opts.params ?? {}),
    },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}
