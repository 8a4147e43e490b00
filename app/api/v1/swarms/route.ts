// GET /api/v1/swarms — every swarm with its health and live figures (viewer+).
import { apiRoute } from "@/lib/server/http/route";
import { listSwarms } from "@/lib/server/features/swarms/list-swarms";

export const dynamic = "force-dynamic";

/** Lists swarms. */
export const GET = apiRoute({ role: "viewer" }, ({ rt }) => listSwarms(rt));
