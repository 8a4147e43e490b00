// Engine.configure: a swarm's settings change policies, strategy chains, guardrails, threshold and target MTTR live,
// without losing state (fixed clock, sequential ids).
import { describe, expect, it } from "vitest";
import { manualClock } from "./model/clock";
import { createEngine } from "./engine";
import type { HealingRecord } from "./model/records";
import { DEFAULT_SWARM_CONFIG, type SwarmConfig } from "./swarm-config";

const T0 = 1_800_000_000_000;

function setup() {
  let n = 0;
  const clock = manualClock(T0);
  const engine = createEngine({ clock, newId: () => `id-${++n}` });
  const healings: HealingRecord[] = [];
  const commands: string[] = [];
  engine.on("command.updated", ({ command }) => commands.push(`${command.kind}:${String(command.params.agent_id)}`));
  engine.on("healing.started", ({ healing }) => healings.push(healing));
  engine.on("healing.finished", ({ healing }) => healings.push(healing));
  let seq = 0;
  const agentDown = (agent: string) => {
    clock.advance(1_000);
    engine.ingest("s", [
      { id: `e${++seq}`, type: "agent_down", ts: clock.now(), agentId: agent, data: { type: "agent_down", agent_id: agent } },
    ]);
    return healings.at(-1);
  };
  return { clock, engine, healings, commands, agentDown };
}

const config = (changes: Partial<SwarmConfig>): SwarmConfig => ({ ...DEFAULT_SWARM_CONFIG, ...changes });

describe("Engine.configure", () => {
  it("switching agent_down from approve to auto makes the next failure start a healing instead of a proposal", () => {
    const { engine, agentDown } = setup();
    engine.configure("s", config({ policies: { detected: { agent_down: "approve" } } }));
    expect(agentDown("agent-1")).toMatchObject({ failureType: "agent_down", status: "pending", trigger: "detected" });
    engine.configure("s", config({ policies: { detected: { agent_down: "auto" } } }));
    expect(agentDown("agent-2")).toMatchObject({ failureType: "agent_down", status: "running", strategy: "AgentRestartStrategy" });
  });

  it.each([
    {
      name: "defaults heal at once",
      cfg: config({}),
      status: "running",
      strategy: "AgentRestartStrategy",
      issued: ["restart_agent:agent-1"],
    },
    {
      name: "policy off ignores the failure",
      cfg: config({ policies: { detected: { agent_down: "off" } } }),
      status: undefined,
      strategy: undefined,
      issued: [],
    },
    {
      name: "preventive policy leaves detected failures alone",
      cfg: config({ policies: { preventive: { agent_down: "off" } } }),
      status: "running",
      strategy: "AgentRestartStrategy",
      issued: ["restart_agent:agent-1"],
    },
    {
      name: "a chain falls through a declining strategy to the next",
      cfg: config({ chains: { agent_down: ["CircuitBreakerStrategy", "AgentRestartStrategy"] } }),
      status: "running",
      strategy: "CompositeHealingStrategy(agent_down)",
      issued: ["restart_agent:agent-1"],
    },
    {
      name: "a chain of one declining strategy fails the healing without commands",
      cfg: config({ chains: { agent_down: ["CircuitBreakerStrategy"] } }),
      status: "failed",
      strategy: "CompositeHealingStrategy(agent_down)",
      issued: [],
    },
  ])("$name", ({ cfg, status, strategy, issued }) => {
    const { engine, agentDown, commands } = setup();
    engine.configure("s", cfg);
    const h = agentDown("agent-1");
    expect(h?.status).toBe(status);
    expect(h?.strategy).toBe(strategy);
    expect(commands).toEqual(issued);
  });

  it("a lower hourly cap applies to automatic healings already counted", () => {
    const { engine, agentDown } = setup();
    expect(agentDown("agent-1")?.status).toBe("running");
    engine.configure("s", config({ guardrails: { maxAutoPerHour: 1, cooldownMs: 30_000 } }));
    expect(agentDown("agent-2")).toMatchObject({ status: "cancelled", reason: "skipped: hourly cap reached (1 automatic healings)" });
  });

  it("keeps active healings and learned state when reconfigured", () => {
    const { engine, agentDown, healings } = setup();
    const running = agentDown("agent-1");
    expect(engine.snapshot("s").events_total).toBe(1);
    engine.configure("s", config({ policies: { detected: { agent_down: "off" } }, chains: { agent_down: ["AgentRestartStrategy"] } }));
    expect(healings.filter((h) => h.id === running?.id).map((h) => h.status)).toEqual(["running"]);
    expect(engine.snapshot("s").events_total).toBe(1);
    engine.configure("s", DEFAULT_SWARM_CONFIG);
    expect(agentDown("agent-1")?.id).toBe(running?.id);
  });

  it("removing a chain restores the registry's routing", () => {
    const { engine, agentDown } = setup();
    engine.configure("s", config({ chains: { agent_down: ["CircuitBreakerStrategy", "AgentRestartStrategy"] } }));
    engine.configure("s", config({}));
    expect(agentDown("agent-1")?.strategy).toBe("AgentRestartStrategy");
  });

  it("rejects an unknown strategy or threshold without changing anything", () => {
    const { engine, agentDown } = setup();
    expect(() =>
      engine.configure("s", config({ chains: { agent_down: ["NopeStrategy"] }, policies: { detected: { agent_down: "off" } } })),
    ).toThrow("unknown strategy NopeStrategy");
    expect(() => engine.configure("s", config({ confidenceThreshold: 1.5, policies: { detected: { agent_down: "off" } } }))).toThrow(
      RangeError,
    );
    expect(agentDown("agent-1")?.status).toBe("running");
  });

  it("lists every strategy and failure type, with the default routing per type", () => {
    const { engine } = setup();
    const catalog = engine.healingCatalog("s");
    expect(catalog.strategies.map((s) => s.name)).toEqual([
      "AgentRestartStrategy",
      "CircuitBreakerStrategy",
      "DynamicScalingStrategy",
      "GradualDegradationStrategy",
      "PreemptiveLoadShedStrategy",
      "QuorumRecoveryStrategy",
      "ResourceRebalanceStrategy",
      "TaskRetryStrategy",
    ]);
    expect(catalog.failureTypes).toContain("agent_down");
    expect(catalog.defaultChains.agent_down).toEqual(["AgentRestartStrategy"]);
    expect(catalog.defaultChains.task_timeout).toEqual(["PreemptiveLoadShedStrategy", "TaskRetryStrategy"]);
    engine.configure("s", config({ chains: { agent_down: ["CircuitBreakerStrategy", "AgentRestartStrategy"] } }));
    expect(engine.healingCatalog("s").defaultChains.agent_down).toEqual(["AgentRestartStrategy"]);
  });
});
