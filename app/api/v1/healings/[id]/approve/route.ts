// POST /api/v1/healings/{id}/approve — approve a healing waiting for approval (operator+); 409 when no longer open.
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { approveBody } from "@/lib/server/features/predictions/decide-proposal";

export const dynamic = "force-dynamic";

/** Approves the healing: the engine re-checks it and runs it. */
export const POST = apiRoute(
  { role: "operator", params: z.object({ id: z.string().max(64) }), body: approveBody },
  ({ services, principal, params, body }) =>
    services.healingDecisions.decide(
      principal,
      params.id,
      { decision: "approve", reason: body.reason, actionHash: body.action_hash },
      Date.now(),
    ),
);
