// The settings schema (defaults, per-field errors), filling, normalisation, catalog checks and the engine mapping.
import { describe, expect, it } from "vitest";
import { createDefaultRegistry, DEFAULT_SWARM_CONFIG } from "@/lib/engine";
import { fillSettings, normalizeSettings, SETTINGS_DEFAULTS, settingsErrors, swarmSettingsSchema, toSwarmConfig } from "./swarm-settings";

const catalog = createDefaultRegistry().catalog();
const parse = (input: unknown) => swarmSettingsSchema.parse(input);
const issues = (input: unknown) => {
  const r = swarmSettingsSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("swarmSettingsSchema", () => {
  it("fills the engine's defaults and maps to a config that changes nothing", () => {
    expect(SETTINGS_DEFAULTS).toEqual({
      policy: { detected: {}, preventive: {} },
      strategies: {},
      confidence_threshold: 0.7,
      guardrails: { max_heals_per_hour: 30, cooldown_ms: 30_000 },
      target_mttr_ms: 30_000,
      silence_intervals: 3,
      two_person_approval: [],
    });
    expect(toSwarmConfig(SETTINGS_DEFAULTS)).toEqual({ ...DEFAULT_SWARM_CONFIG, policies: { detected: {}, preventive: {} } });
  });

  it.each([
    { input: { confidence_threshold: 1.01 }, paths: ["confidence_threshold"] },
    { input: { confidence_threshold: "0.5" }, paths: ["confidence_threshold"] },
    {
      input: { guardrails: { max_heals_per_hour: 1.5, cooldown_ms: -1 } },
      paths: ["guardrails.max_heals_per_hour", "guardrails.cooldown_ms"],
    },
    { input: { target_mttr_ms: 0 }, paths: ["target_mttr_ms"] },
    { input: { silence_intervals: 1 }, paths: ["silence_intervals"] },
    { input: { silence_intervals: 21 }, paths: ["silence_intervals"] },
    { input: { silence_intervals: 2.5 }, paths: ["silence_intervals"] },
    { input: { silence_intervals: "3" }, paths: ["silence_intervals"] },
    { input: { policy: { detected: { agent_down: "sometimes" } } }, paths: ["policy.detected.agent_down"] },
    { input: { policy: { detected: { "Bad Type": "auto" } } }, paths: ["policy.detected.Bad Type"] },
    { input: { strategies: { agent_down: ["AgentRestartStrategy", "AgentRestartStrategy"] } }, paths: ["strategies.agent_down"] },
    { input: { extra: true }, paths: [""] },
    { input: { guardrails: { max_heals_per_hour: 5, typo: 1 } }, paths: ["guardrails"] },
  ])("rejects $input at $paths", ({ input, paths }) => {
    expect(issues(input)).toEqual(paths);
  });

  it("explains a silence_intervals out of range, and maps a valid one to the engine", () => {
    const r = swarmSettingsSchema.safeParse({ silence_intervals: 50 });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(["must be a whole number of intervals between 2 and 20"]);
    expect(toSwarmConfig(parse({ silence_intervals: 7 })).silenceIntervals).toBe(7);
  });

  it("keeps partial sections' other defaults", () => {
    expect(parse({ guardrails: { cooldown_ms: 0 } }).guardrails).toEqual({ max_heals_per_hour: 30, cooldown_ms: 0 });
  });
});

describe("catalog checks", () => {
  it.each([
    { settings: { policy: { detected: { agent_down: "approve" } } }, errors: [] },
    {
      settings: { policy: { preventive: { nope: "off" } } },
      errors: [{ path: "policy.preventive.nope", message: "unknown failure type nope" }],
    },
    { settings: { strategies: { nope: [] } }, errors: [{ path: "strategies.nope", message: "unknown failure type nope" }] },
    { settings: { strategies: { agent_down: ["X"] } }, errors: [{ path: "strategies.agent_down.0", message: "unknown strategy X" }] },
    {
      settings: { strategies: { agent_down: ["AgentRestartStrategy", "TaskRetryStrategy"] } },
      errors: [{ path: "strategies.agent_down.1", message: "TaskRetryStrategy does not heal agent_down" }],
    },
    { settings: { strategies: { agent_down: ["CircuitBreakerStrategy", "AgentRestartStrategy"] } }, errors: [] },
  ])("$settings → $errors", ({ settings, errors }) => {
    expect(settingsErrors(parse(settings), catalog)).toEqual(errors);
  });
});

describe("fill and normalise", () => {
  it("fills every failure type's policies and default chain", () => {
    const filled = fillSettings(parse({ policy: { detected: { agent_down: "off" } } }), catalog);
    expect(Object.keys(filled.policy.detected)).toEqual(catalog.failureTypes);
    expect(filled.policy.detected).toMatchObject({ agent_down: "off", task_failed: "auto" });
    expect(filled.policy.preventive.agent_down).toBe("approve");
    expect(filled.strategies.agent_down).toEqual(["AgentRestartStrategy"]);
    expect(filled.strategies.memory_pressure).toEqual([]);
  });

  it("stores only chains that differ from the default routing", () => {
    const filled = fillSettings(SETTINGS_DEFAULTS, catalog);
    expect(normalizeSettings(filled, catalog).strategies).toEqual({});
    const changed = {
      ...filled,
      strategies: {
        ...filled.strategies,
        agent_down: ["CircuitBreakerStrategy", "AgentRestartStrategy"],
        task_timeout: ["TaskRetryStrategy"],
      },
    };
    expect(normalizeSettings(changed, catalog).strategies).toEqual({
      agent_down: ["CircuitBreakerStrategy", "AgentRestartStrategy"],
      task_timeout: ["TaskRetryStrategy"],
    });
  });
});
