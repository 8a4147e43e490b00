// GET /api/v1/demo — whether the demo swarm runs, its fault scenarios, and the faults in effect (viewer+).
import { apiRoute } from "@/lib/server/features/api-route";

export const dynamic = "force-dynamic";

/** The demo swarm's state. */
export const GET = apiRoute({ role: "viewer" }, async ({ services }) => services.demo.state());
