// POST /api/v1/predictions/{id}/reject — reject an open healing proposal (operator+); 409 when no longer open.
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { rejectBody } from "@/lib/server/features/predictions/decide-proposal";

export const dynamic = "force-dynamic";

/** Rejects the proposal. */
export const POST = apiRoute(
  { role: "operator", params: z.object({ id: z.string().max(64) }), body: rejectBody },
  ({ services, principal, params, body }) =>
    services.proposalDecisions.decide(principal, params.id, { decision: "reject", reason: body.reason }, Date.now()),
);
