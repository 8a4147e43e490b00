// GET /api/v1/health — no auth; 200 when healthy, 503 when degraded.
import { apiRoute, json } from "@/lib/server/http/route";
import { checkHealth } from "@/lib/server/platform/health";

export const dynamic = "force-dynamic";

/** Reports health. */
export const GET = apiRoute({ role: "public" }, async ({ rt }) => {
  const h = await checkHealth(rt);
  return json(h, h.status === "ok" ? 200 : 503);
});
