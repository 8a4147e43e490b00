// The demo swarm's state as GET /api/v1/demo answers it, and a fault as POST /api/v1/demo/faults answers it.

/** A fault in effect on the demo swarm. */
export type DemoFault = { id: string; scenario: string; targets: string[]; started_at: string; ends_at: string | null };

/** GET /api/v1/demo: whether the demo runs, the scenarios it can suffer, and the faults in effect. */
export type DemoState = { running: boolean; scenarios: { name: string; description: string }[]; faults: DemoFault[] };
