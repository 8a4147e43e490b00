// GET /api/v1/swarms — every swarm with its health and live figures (viewer+).
import { apiRoute } from "@/lib/server/features/api-route";

export const dynamic = "force-dynamic";

/** Lists swarms. */
export const GET = apiRoute({ role: "viewer" }, ({ services }) => services.swarms.list());
