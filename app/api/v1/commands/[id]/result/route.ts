// POST /api/v1/commands/{id}/result {status, detail?} — a coordinator (ingest key) reports a command's result; idempotent.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { reportResult, resultBody } from "@/lib/commands/coordinator-api";

export const dynamic = "force-dynamic";

/** Records the result. */
export const POST = apiRoute({ role: "ingest", params: z.object({ id: z.string().max(64) }), body: resultBody }, ({ rt, ingest, params, body }) =>
  reportResult(rt, ingest!, params.id, body),
);
