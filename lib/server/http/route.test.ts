// The route wrapper over its resources: the route's swarm resolved once and handed over as ctx.swarm (404
// problem+json when unknown, before the handler runs), the services handed over as they are, the role check first.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Principal } from "../auth/principal";
import { type RouteResources, routeWrapper, type SwarmRef } from "./route";

const admin: Principal = { kind: "token", id: "token:1", name: "t", role: "admin" };

function harness(swarms: SwarmRef[], principal: Principal | null = admin) {
  const lookups: string[] = [];
  const denials: number[] = [];
  const resources: RouteResources<{ greeting: string }> = {
    services: { greeting: "hello" },
    authenticate: async () => principal,
    recordDenial: async (_actor, _target, status) => void denials.push(status),
    verifyIngestKey: async () => null,
    findSwarm: async (name) => {
      lookups.push(name);
      return swarms.find((s) => s.name === name) ?? null;
    },
  };
  return { apiRoute: routeWrapper(() => resources), lookups, denials };
}

const call = (
  handler: (req: Request, segment?: { params?: Promise<Record<string, string>> }) => Promise<Response>,
  params?: Record<string, string>,
) =>
  handler(
    new Request("http://localhost/api/v1/x", { headers: { authorization: "Bearer smt_x" } }),
    params && { params: Promise.resolve(params) },
  );

describe("routeWrapper", () => {
  it("hands a /swarms/[swarm] handler the swarm row, looked up once, and the services", async () => {
    const { apiRoute, lookups } = harness([{ id: 7, name: "fleet" }]);
    const GET = apiRoute({ role: "viewer", params: z.object({ swarm: z.string() }) }, async ({ swarm, services }) => ({
      swarm,
      greeting: services.greeting,
    }));
    const res = await call(GET, { swarm: "fleet" });
    expect(await res.json()).toEqual({ swarm: { id: 7, name: "fleet" }, greeting: "hello" });
    expect(lookups).toEqual(["fleet"]);
  });

  it("answers 404 problem+json for an unknown swarm without running the handler", async () => {
    const { apiRoute } = harness([]);
    let ran = false;
    const GET = apiRoute({ role: "viewer", params: z.object({ swarm: z.string() }) }, async () => (ran = true));
    const res = await call(GET, { swarm: "nope" });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 404, detail: 'Swarm "nope" was not found.' });
    expect(ran).toBe(false);
  });

  it("looks no swarm up on routes without a swarm parameter", async () => {
    const { apiRoute, lookups } = harness([]);
    const GET = apiRoute({ role: "viewer", params: z.object({ id: z.string() }) }, async ({ swarm, params }) => ({
      swarm: swarm ?? null,
      id: params.id,
    }));
    expect(await (await call(GET, { id: "42" })).json()).toEqual({ swarm: null, id: "42" });
    expect(lookups).toEqual([]);
  });

  it("checks the role before resolving the swarm, and records the denial", async () => {
    const { apiRoute, lookups, denials } = harness([{ id: 7, name: "fleet" }], { ...admin, role: "viewer" });
    const PUT = apiRoute({ role: "admin", params: z.object({ swarm: z.string() }) }, async () => "changed");
    expect((await call(PUT, { swarm: "fleet" })).status).toBe(403);
    expect(denials).toEqual([403]);
    expect(lookups).toEqual([]);
  });
});
