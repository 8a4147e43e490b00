// GET /api/v1/health — no auth; 200 when healthy, 503 when degraded.
import { apiRoute, json } from "@/lib/server/features/api-route";

export const dynamic = "force-dynamic";

/** Reports health. */
export const GET = apiRoute({ role: "public" }, async ({ services }) => {
  const h = await services.health.check();
  return json(h, h.status === "ok" ? 200 : 503);
});
