// The process-wide handover: what one module instance installs, another created apart (as Next.js bundles route
// handlers) reads; reading before anything is installed names what is missing.
import { describe, expect, it } from "vitest";
import { processSlot } from "./process-slot";

describe("processSlot", () => {
  it("shares the installed value between slots of the same name, and clears it", () => {
    const server = processSlot<{ n: number }>("swarm-medic.test-slot", "not installed");
    const route = processSlot<{ n: number }>("swarm-medic.test-slot", "not installed");
    const value = { n: 1 };
    server.install(value);
    expect(route.get()).toBe(value);
    server.install(undefined);
    expect(() => route.get()).toThrow("not installed");
  });
});
