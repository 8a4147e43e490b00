// The demo swarm's controls for the API: list the scenarios and the faults in effect, inject one on demand (admin).
import { z } from "zod";
import { ApiError } from "../../http/errors";
import { audit } from "../audit/audit-log";
import type { Principal } from "../../auth/principal";
import type { Db } from "../../db/prisma";
import type { DemoControl, DemoSwarm } from "./demo-feed";
import { SCENARIO_NAMES, SCENARIOS } from "../../../simulator/model";
import type { DemoFault, DemoState } from "../../../contract/items/demo";

/** Body of POST /api/v1/demo/faults. */
export const injectBody = z.object({
  scenario: z.enum(SCENARIO_NAMES.filter((s) => s !== "control") as [string, ...string[]]),
  target: z.string().max(64).optional(),
  duration_s: z.coerce.number().int().min(10).max(3_600).default(120),
});

const faultItem = (f: { id: string; scenario: string; targets: string[]; startedAt: number; endsAt: number | null }): DemoFault => ({
  id: f.id,
  scenario: f.scenario,
  targets: f.targets,
  started_at: new Date(f.startedAt).toISOString(),
  ends_at: f.endsAt === null ? null : new Date(f.endsAt).toISOString(),
});

/** Whether the demo runs, the scenarios it can suffer, and the faults in effect. */
export function demoState(demo: DemoControl | undefined): DemoState {
  return {
    running: demo !== undefined,
    scenarios: SCENARIO_NAMES.filter((s) => s !== "control").map((name) => ({ name, description: SCENARIOS[name].description })),
    faults: (demo?.faults() ?? []).map(faultItem),
  };
}

/** Injects a fault into the demo swarm now (audit-logged); it wears off after its duration unless healed first. */
export async function injectDemoFault(
  { db, demo }: { db: Db; demo: DemoControl | undefined },
  principal: Principal,
  body: z.output<typeof injectBody>,
): Promise<DemoFault> {
  if (!demo) throw new ApiError(409, "demo_not_running", "The demo swarm is not running (DEMO=off or a real swarm exists).");
  const fault = demo.inject(body.scenario as (typeof SCENARIO_NAMES)[number], body.target, body.duration_s * 1000);
  await audit(db, { actor: principal, action: "demo.fault.inject", target: "swarm:demo", result: fault ? "ok" : "conflict", detail: body });
  if (!fault) throw new ApiError(409, "no_target", "No agent can take that fault right now.");
  return faultItem(fault);
}

/** The demo swarm's controls for the API routes. */
export class DemoApi {
  constructor(private readonly deps: { db: Db; demo: Pick<DemoSwarm, "running"> }) {}

  /** See demoState. */
  state() {
    return demoState(this.deps.demo.running);
  }

  /** See injectDemoFault. */
  inject(principal: Principal, body: z.output<typeof injectBody>): Promise<DemoFault> {
    return injectDemoFault({ db: this.deps.db, demo: this.deps.demo.running }, principal, body);
  }
}
