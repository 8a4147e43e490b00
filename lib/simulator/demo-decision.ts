// Whether `npm start` runs the built-in `demo` swarm, and the log line that says so and why (pure). The default
// keeps the demo only while no real swarm exists: once an operator creates a key for their own swarm, the demo's
// faults, proposals and healings would mix into their dashboard, analytics and alerts; the log says it is off and
// how to keep it.

/** The decision and the sentence `npm start` logs about it. */
export type DemoDecision = { on: boolean; message: string };

/** Other swarms named in the log line before "+N more". */
const NAMED = 3;

/** DEMO=on|off wins; otherwise on while there is no swarm but `demo` (`others`: names of the other swarms). */
export function demoDecision(override: "on" | "off" | undefined, others: string[]): DemoDecision {
  if (override === "on") return { on: true, message: "demo swarm on: DEMO=on" };
  if (override === "off") return { on: false, message: "demo swarm off: DEMO=off" };
  if (others.length === 0)
    return {
      on: true,
      message: "demo swarm on: it is the only swarm (it turns off once another swarm exists; set DEMO=on to keep it, DEMO=off to stop it)",
    };
  const named = others.slice(0, NAMED).join(", ") + (others.length > NAMED ? `, +${others.length - NAMED} more` : "");
  return { on: false, message: `demo swarm off: other swarms exist (${named}); set DEMO=on to keep it running` };
}
