// GET /api/v1/demo — whether the demo swarm runs, its fault scenarios, and the faults in effect (viewer+).
import { apiRoute } from "@/lib/server/http/route";
import { demoState } from "@/lib/server/features/demo/demo-api";

export const dynamic = "force-dynamic";

/** The demo swarm's state. */
export const GET = apiRoute({ role: "viewer" }, async ({ rt }) => demoState(rt));
