// POST /api/v1/healings/{id}/reject — reject a healing waiting for approval, with a reason (operator+); 409 when no longer open.
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { rejectBody } from "@/lib/server/features/predictions/decide-proposal";

export const dynamic = "force-dynamic";

/** Rejects the healing: it is cancelled with the reason. */
export const POST = apiRoute(
  { role: "operator", params: z.object({ id: z.string().max(64) }), body: rejectBody },
  ({ services, principal, params, body }) =>
    services.healingDecisions.decide(principal, params.id, { decision: "reject", reason: body.reason }, Date.now()),
);
