// GET /api/v1/swarms — every swarm with its health and live figures (viewer+).
import { apiRoute } from "@/lib/api/route";
import { listSwarms } from "@/lib/swarms/list-swarms";

export const dynamic = "force-dynamic";

/** Lists swarms. */
export const GET = apiRoute({ role: "viewer" }, ({ rt }) => listSwarms(rt));
