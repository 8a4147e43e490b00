// The demo swarm's controls for the API: list the scenarios and the faults in effect, inject one on demand (admin).
import { z } from "zod";
import { ApiError } from "../../http/errors";
import { audit } from "../audit/audit-log";
import type { Principal } from "../../auth/principal";
import type { Runtime } from "../../platform/runtime";
import { SCENARIO_NAMES, SCENARIOS } from "../../../simulator/model";
import type { DemoFault, DemoState } from "../../../contract/items/demo";

/** Body of POST /api/v1/demo/faults. */
export const injectBody = z.object({
  scenario: z.enum(SCENARIO_NAMES.filter((s) => s !== "control") as [string, ...string[]]),
  target: z.string().max(64).optional(),
  duration_s: z.coerce.number().int().min(10).max(3_600).default(120),
});

const faultItem = (f: { id: string; scenario: string; targets: string[]; startedAt: number; endsAt: number | null }): DemoFault => ({
  id: f.id, scenario: f.scenario, targets: f.targets, started_at: new Date(f.startedAt).toISOString(), ends_at: f.endsAt === null ? null : new Date(f.endsAt).toISOString(),
});

/** Whether the demo runs, the scenarios it can suffer, and the faults in effect. */
export function demoState(rt: Runtime): DemoState {
  return {
    running: rt.demo !== undefined,
    scenarios: SCENARIO_NAMES.filter((s) => s !== "control").map((name) => ({ name, description: SCENARIOS[name].description })),
    faults: (rt.demo?.faults() ?? []).map(faultItem),
  };
}

/** Injects a fault into the demo swarm now (audit-logged); it wears off after its duration unless healed first. */
export async function injectDemoFault(rt: Runtime, principal: Principal, body: z.output<typeof injectBody>): Promise<DemoFault> {
  if (!rt.demo) throw new ApiError(409, "demo_not_running", "The demo swarm is not running (DEMO=off or a real swarm exists).");
  const fault = rt.demo.inject(body.scenario as (typeof SCENARIO_NAMES)[number], body.target, body.duration_s * 1000);
  await audit(rt.db, { actor: principal, action: "demo.fault.inject", target: "swarm:demo", result: fault ? "ok" : "conflict", detail: body });
  if (!fault) throw new ApiError(409, "no_target", "No agent can take that fault right now.");
  return faultItem(fault);
}
