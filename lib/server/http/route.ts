// The one wrapper every app/api route uses: request id, auth + role check in the handler, zod-parsed
// params/query/body, JSON out, every error mapped to problem+json.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Role } from "../../generated/prisma/enums";
import { bearerToken } from "../auth/credentials";
import type { IngestIdentity } from "../auth/ingest-keys";
import type { Principal } from "../auth/principal";
import { getRuntime, type Runtime } from "../platform/runtime";
import { requireRoleAudited } from "./audit-denial";
import { ApiError, toProblem } from "./errors";

type Schema = z.ZodType;

/** What a handler receives (`ingest` is the swarm of the ingest key on coordinator routes). */
export type RouteContext<P, Q, B> = { req: Request; rt: Runtime; principal: Principal; ingest: IngestIdentity | null; params: P; query: Q; body: B; requestId: string };

/** Route options: minimum role, "public", or "ingest" (an agent system's ingest key), and the schemas of params, query and body. */
export type RouteOptions<PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined> = {
  role: Role | "public" | "ingest";
  params?: PS;
  query?: QS;
  body?: BS;
};

type Out<S> = S extends Schema ? z.output<S> : undefined;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** CSRF guard for cookie-authenticated changes: the browser's Origin must be this server (`Origin: null` is refused). */
function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const host = req.headers.get("host") ?? new URL(req.url).host;
  const sameOrigin = origin ? origin !== "null" && URL.canParse(origin) && new URL(origin).host === host : site === "same-origin";
  if (!sameOrigin) throw new ApiError(403, "cross_origin", "Cross-origin requests may not change anything.");
}

/** JSON response helper with a status. */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json", ...headers } });
}

/** Renders any error as a problem+json response. */
export function problemResponse(err: unknown, requestId?: string): Response {
  const p = toProblem(err, requestId);
  return new Response(JSON.stringify(p.body), { status: p.status, headers: { ...p.headers, "x-request-id": requestId ?? "" } });
}

/** Wraps a route handler: `export const GET = apiRoute({ role: "viewer" }, async (ctx) => data)`. */
export function apiRoute<PS extends Schema | undefined = undefined, QS extends Schema | undefined = undefined, BS extends Schema | undefined = undefined>(
  opts: RouteOptions<PS, QS, BS>,
  handler: (ctx: RouteContext<Out<PS>, Out<QS>, Out<BS>>) => Promise<unknown>,
) {
  return async (req: Request, segment?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? randomUUID();
    try {
      const rt = getRuntime();
      const ingest = opts.role === "ingest" ? await rt.ingestKeys.verify(bearerToken(req.headers.get("authorization"))) : null;
      if (opts.role === "ingest" && !ingest) throw new ApiError(401, "unauthorized", "A valid ingest key is required (Authorization: Bearer smk_…).");
      const principal: Principal =
        opts.role === "public" || opts.role === "ingest"
          ? { kind: "token", id: ingest ? `ingest-key:${ingest.keyId}` : "anonymous", name: ingest?.swarm ?? null, role: "viewer" }
          : await requireRoleAudited(rt, req, opts.role);
      const rawParams = (await segment?.params) ?? {};
      const params = (opts.params ? opts.params.parse(rawParams) : undefined) as Out<PS>;
      const query = (opts.query ? opts.query.parse(Object.fromEntries(new URL(req.url).searchParams)) : undefined) as Out<QS>;
      if (principal.kind === "user" && !SAFE_METHODS.has(req.method)) assertSameOrigin(req);
      let body = undefined as Out<BS>;
      if (opts.body) {
        const text = await req.text();
        let raw: unknown = {};
        try {
          if (text.trim()) raw = JSON.parse(text);
        } catch {
          throw new ApiError(400, "malformed_json", "The body is not valid JSON.");
        }
        body = opts.body.parse(raw) as Out<BS>;
      }
      const result = await handler({ req, rt, principal, ingest, params, query, body, requestId });
      return result instanceof Response ? result : json(result);
    } catch (err) {
      return problemResponse(err, requestId);
    }
  };
}
