// The DEMO default (on while `demo` is the only swarm), its overrides, and the log line that says which and why.
import { expect, it } from "vitest";
import { demoDecision } from "./demo-decision";

it.each([
  [
    "no other swarm",
    undefined,
    [],
    true,
    "demo swarm on: it is the only swarm (it turns off once another swarm exists; set DEMO=on to keep it, DEMO=off to stop it)",
  ],
  ["another swarm exists", undefined, ["my-swarm"], false, "demo swarm off: other swarms exist (my-swarm); set DEMO=on to keep it running"],
  [
    "many other swarms",
    undefined,
    ["a", "b", "c", "d", "e"],
    false,
    "demo swarm off: other swarms exist (a, b, c, +2 more); set DEMO=on to keep it running",
  ],
  ["DEMO=on beside other swarms", "on", ["my-swarm"], true, "demo swarm on: DEMO=on"],
  ["DEMO=off with no other swarm", "off", [], false, "demo swarm off: DEMO=off"],
] as const)("%s", (_, override, others, on, message) => {
  expect(demoDecision(override, [...others])).toEqual({ on, message });
});
