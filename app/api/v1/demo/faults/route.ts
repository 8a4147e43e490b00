// POST /api/v1/demo/faults {scenario, target?, duration_s?} — inject a fault into the demo swarm now (admin).
import { apiRoute, json } from "@/lib/server/features/api-route";
import { injectBody } from "@/lib/server/features/demo/demo-api";

export const dynamic = "force-dynamic";

/** Injects a fault. */
export const POST = apiRoute({ role: "admin", body: injectBody }, async ({ services, principal, body }) =>
  json(await services.demo.inject(principal, body), 201),
);
