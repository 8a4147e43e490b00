// The one wrapper every app/api route uses: request id, auth + role check in the handler, zod-parsed
// params/query/body, the route's swarm resolved once, JSON out, every error mapped to problem+json. The wrapper is
// generic over the services it hands to handlers; lib/server/features/api-route.ts binds it to the composed ones.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Role } from "../../generated/prisma/enums";
import { bearerToken } from "../auth/credentials";
import type { IngestIdentity } from "../auth/ingest-keys";
import type { Principal } from "../auth/principal";
import { type Gatekeeper, requireRoleAudited } from "./audit-denial";
import { ApiError, notFound, toProblem } from "./errors";

type Schema = z.ZodType;

/** A stored swarm, as resolved from a route's `swarm` parameter. */
export type SwarmRef = { id: number; name: string };

/** What the wrapper resolves a request with: the services for handlers, the role check, ingest keys, swarm lookup. */
export type RouteResources<S> = Gatekeeper & {
  services: S;
  verifyIngestKey: (key: string | undefined) => Promise<IngestIdentity | null>;
  findSwarm: (name: string) => Promise<SwarmRef | null>;
};

/** What a handler receives: `services`, and `swarm` on routes with a `swarm` parameter (resolved once, 404 when
 * unknown); `ingest` is the swarm of the ingest key on ingest-key routes. */
export type RouteContext<S, P, Q, B> = {
  req: Request;
  services: S;
  swarm: P extends { swarm: string } ? SwarmRef : undefined;
  principal: Principal;
  ingest: IngestIdentity | null;
  params: P;
  query: Q;
  body: B;
  requestId: string;
};

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

/** The swarm named by parsed route params, or undefined when the route has no `swarm` parameter; 404 when unknown. */
async function routeSwarm(params: unknown, findSwarm: RouteResources<unknown>["findSwarm"]): Promise<SwarmRef | undefined> {
  const name = (params as { swarm?: unknown } | undefined)?.swarm;
  if (typeof name !== "string") return undefined;
  const swarm = await findSwarm(name);
  if (!swarm) throw notFound(`Swarm "${name}"`);
  return swarm;
}

/** Makes the route wrapper over `resources` (read per request, so it follows what the server installed):
 * `export const GET = apiRoute({ role: "viewer" }, async (ctx) => data)`. */
export function routeWrapper<S>(resources: () => RouteResources<S>) {
  return function apiRoute<
    PS extends Schema | undefined = undefined,
    QS extends Schema | undefined = undefined,
    BS extends Schema | undefined = undefined,
  >(opts: RouteOptions<PS, QS, BS>, handler: (ctx: RouteContext<S, Out<PS>, Out<QS>, Out<BS>>) => Promise<unknown>) {
    return async (req: Request, segment?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
      const requestId = req.headers.get("x-request-id") ?? randomUUID();
      try {
        const r = resources();
        const ingest = opts.role === "ingest" ? await r.verifyIngestKey(bearerToken(req.headers.get("authorization"))) : null;
        if (opts.role === "ingest" && !ingest)
          throw new ApiError(401, "unauthorized", "A valid ingest key is required (Authorization: Bearer smk_…).");
        const principal: Principal =
          opts.role === "public" || opts.role === "ingest"
            ? { kind: "token", id: ingest ? `ingest-key:${ingest.keyId}` : "anonymous", name: ingest?.swarm ?? null, role: "viewer" }
            : await requireRoleAudited(req, opts.role, r);
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
        const swarm = (await routeSwarm(params, r.findSwarm)) as RouteContext<S, Out<PS>, Out<QS>, Out<BS>>["swarm"];
        const result = await handler({ req, services: r.services, swarm, principal, ingest, params, query, body, requestId });
        return result instanceof Response ? result : json(result);
      } catch (err) {
        return problemResponse(err, requestId);
      }
    };
  };
}
