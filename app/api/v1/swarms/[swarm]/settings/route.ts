// /api/v1/swarms/{swarm}/settings — healing policies, strategy chains, threshold, guardrails and target MTTR
// (read: viewer+, change: admin; applied live to the engine and audit-logged).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { swarmSettingsSchema } from "@/lib/server/features/settings/swarm-settings";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";
const params = z.object({ swarm: swarmNameSchema });

/** The settings with defaults filled, plus the strategies and failure types on offer. */
export const GET = apiRoute({ role: "viewer", params }, ({ services, swarm }) => services.settings.read(swarm));

/** Replaces the settings (omitted fields take the defaults). */
export const PUT = apiRoute({ role: "admin", params, body: swarmSettingsSchema }, ({ services, principal, swarm, body }) =>
  services.settings.update(principal, swarm, body),
);
