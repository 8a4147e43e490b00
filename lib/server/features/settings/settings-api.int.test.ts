// GET/PUT /swarms/{swarm}/settings against real Postgres: roles, per-field 400 with nothing stored, audit with
// before/after, applied live to the engine, re-applied at boot, and retention (effective days, own sub-partitions).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/v1/swarms/[swarm]/settings/route";
import { periodName, periodStart } from "../../db/partition-periods";
import { startTestApp, startTestAppOn, type TestApp } from "../../../../test/app";
import { callRoute, type Caller } from "../../../../test/call-route";

const SWARM = "settings-swarm";
let app: TestApp;
let key: string;
let admin: Caller;

beforeAll(async () => {
  app = await startTestApp();
  key = await app.ingestKey(SWARM);
  admin = { token: await app.token("admin") };
});
afterAll(() => app.close());

const get = (caller: Caller, swarm = SWARM) => callRoute(app, GET, { caller, params: { swarm } });
const put = (caller: Caller, body: unknown) => callRoute(app, PUT, { caller, method: "PUT", body, params: { swarm: SWARM } });
const storedSettings = async () => (await app.db.swarm.findUniqueOrThrow({ where: { name: SWARM } })).settings;

/** Posts an agent_down for `agent` and returns the healing the engine stored for it. */
async function agentDown(agent: string) {
  const res = await fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify([{ type: "agent_down", agent_id: agent, timestamp: Date.now() }]),
  });
  expect(res.status).toBe(202);
  await app.drainEngineOutputs();
  const failure = await app.db.failure.findFirstOrThrow({ where: { agentId: agent } });
  return app.db.healing.findFirst({ where: { swarmId: failure.swarmId, failureId: failure.id } });
}

describe("GET settings", () => {
  it("401 without credentials, 404 for an unknown swarm, defaults filled for viewers", async () => {
    expect((await get(null)).status).toBe(401);
    expect((await get({ token: await app.token("viewer") }, "no-such-swarm")).status).toBe(404);
    const res = await get({ token: await app.token("viewer") });
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({
      confidence_threshold: 0.7,
      guardrails: { max_heals_per_hour: 30, cooldown_ms: 30_000 },
      target_mttr_ms: 30_000,
      silence_intervals: 3,
      policy: { detected: { agent_down: "auto", task_failed: "auto" }, preventive: { agent_down: "approve" } },
      strategies: { agent_down: ["AgentRestartStrategy"], task_timeout: ["PreemptiveLoadShedStrategy", "TaskRetryStrategy"] },
    });
    expect(res.body.defaults).toEqual(res.body.settings);
    expect(res.body.failure_types).toContain("agent_down");
    expect(res.body.strategies).toContainEqual({ name: "CircuitBreakerStrategy", failure_types: expect.arrayContaining(["agent_down"]) });
  });
});

describe("PUT settings", () => {
  it("403 for viewers and operators", async () => {
    for (const role of ["viewer", "operator"] as const) expect((await put({ token: await app.token(role) }, {})).status).toBe(403);
  });

  it("400 with per-field errors and nothing stored or audited", async () => {
    const before = await storedSettings();
    const schema = await put(admin, { confidence_threshold: 2, guardrails: { max_heals_per_hour: -1 }, bogus: 1 });
    expect(schema.status).toBe(400);
    expect(schema.headers.get("content-type")).toBe("application/problem+json");
    expect(schema.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "",
      "confidence_threshold",
      "guardrails.max_heals_per_hour",
    ]);
    const silence = await put(admin, { silence_intervals: 1 });
    expect(silence.status).toBe(400);
    expect(silence.headers.get("content-type")).toBe("application/problem+json");
    expect(silence.body.errors).toEqual([{ path: "silence_intervals", message: "must be a whole number of intervals between 2 and 20" }]);
    const catalog = await put(admin, {
      policy: { detected: { nope_failure: "auto" } },
      strategies: { agent_down: ["NopeStrategy", "QuorumRecoveryStrategy"] },
    });
    expect(catalog.status).toBe(400);
    expect(catalog.body.errors).toEqual([
      { path: "policy.detected.nope_failure", message: "unknown failure type nope_failure" },
      { path: "strategies.agent_down.0", message: "unknown strategy NopeStrategy" },
      { path: "strategies.agent_down.1", message: "QuorumRecoveryStrategy does not heal agent_down" },
    ]);
    expect(await storedSettings()).toEqual(before);
    expect(await app.db.auditLog.count({ where: { action: "swarm.settings.update" } })).toBe(0);
  });

  it("stores, audits with before/after, and applies live: approve → proposal, auto → healing", async () => {
    const { cookie, email } = await app.signIn("admin");
    const current = (await get(admin)).body.settings;
    const approve = {
      ...current,
      policy: { ...current.policy, detected: { ...current.policy.detected, agent_down: "approve" } },
      confidence_threshold: 0.8,
    };
    const res = await put({ cookie }, approve);
    expect(res.status).toBe(200);
    expect(res.body.settings.policy.detected.agent_down).toBe("approve");
    expect(res.body.settings.confidence_threshold).toBe(0.8);
    expect(await storedSettings()).toMatchObject({ healing: { confidence_threshold: 0.8, strategies: {} } });
    const log = await app.db.auditLog.findFirstOrThrow({ where: { action: "swarm.settings.update" } });
    expect(log).toMatchObject({ actorId: email, target: `swarm:${SWARM}`, result: "ok" });
    expect(log.detail).toMatchObject({
      before: { policy: { detected: { agent_down: "auto" } } },
      after: { policy: { detected: { agent_down: "approve" } }, confidence_threshold: 0.8 },
    });

    expect(await agentDown("agent-a")).toMatchObject({ status: "pending", trigger: "detected" });
    const auto = { ...approve, policy: { ...approve.policy, detected: { ...approve.policy.detected, agent_down: "auto" } } };
    expect((await put(admin, auto)).status).toBe(200);
    expect(await agentDown("agent-b")).toMatchObject({ status: "running", trigger: "detected", strategy: "AgentRestartStrategy" });
  });

  it("a configured chain runs as a composite with fallbacks", async () => {
    const current = (await get(admin)).body.settings;
    const res = await put(admin, {
      ...current,
      strategies: { ...current.strategies, agent_down: ["CircuitBreakerStrategy", "AgentRestartStrategy"] },
    });
    expect(res.body.settings.strategies.agent_down).toEqual(["CircuitBreakerStrategy", "AgentRestartStrategy"]);
    const healing = await agentDown("agent-c");
    expect(healing).toMatchObject({ status: "running", strategy: "CompositeHealingStrategy(agent_down)" });
    expect(await app.db.command.findMany({ where: { healingId: healing!.id }, select: { kind: true } })).toEqual([
      { kind: "restart_agent" },
    ]);
  });

  it("re-applies the stored settings at boot", async () => {
    const current = (await get(admin)).body.settings;
    expect(
      (await put(admin, { ...current, policy: { ...current.policy, detected: { ...current.policy.detected, agent_down: "off" } } })).status,
    ).toBe(200);
    await app.close();
    app = await startTestAppOn(app.databaseUrl);
    admin = { token: await app.token("admin") };
    expect((await get(admin)).body.settings.policy.detected.agent_down).toBe("off");
    const res = await fetch(`${app.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify([{ type: "agent_down", agent_id: "agent-d", timestamp: Date.now() }]),
    });
    expect(res.status).toBe(202);
    await app.drainEngineOutputs();
    const failure = await app.db.failure.findFirst({ where: { agentId: "agent-d" } });
    expect(failure ? await app.db.healing.findMany({ where: { swarmId: failure.swarmId, failureId: failure.id } }) : []).toEqual([]);
  });
});

describe("retention settings", () => {
  const audits = () => app.db.auditLog.findMany({ where: { action: "swarm.settings.update" }, orderBy: { id: "asc" } });

  it("shows the effective retention: the server defaults while the swarm has none of its own", async () => {
    const res = await get(admin);
    expect(res.body.settings).toMatchObject({ events_retention_days: 30, history_retention_days: 400 });
    expect(res.body.defaults).toMatchObject({ events_retention_days: 30, history_retention_days: 400 });
  });

  it.each([
    { body: { events_retention_days: 0 }, errors: [{ path: "events_retention_days", message: "must be between 1 and 3650 days" }] },
    {
      body: { history_retention_days: 3651, events_retention_days: 2.5 },
      errors: [
        { path: "events_retention_days", message: "a whole number of days" },
        { path: "history_retention_days", message: "must be between 1 and 3650 days" },
      ],
    },
    {
      body: { events_retention_days: 90, history_retention_days: 60 },
      errors: [{ path: "history_retention_days", message: "must be at least the events retention (90 days)" }],
    },
    {
      body: { events_retention_days: 500 },
      errors: [{ path: "history_retention_days", message: "must be at least the events retention (500 days)" }],
    },
  ])("400 problem+json for $body, nothing stored or audited", async ({ body, errors }) => {
    const before = { settings: await storedSettings(), audits: (await audits()).length };
    const current = (await get(admin)).body.settings;
    const res = await put(admin, { ...current, ...body });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body.errors).toEqual(errors.map((e) => expect.objectContaining(e)));
    expect(await storedSettings()).toEqual(before.settings);
    expect((await audits()).length).toBe(before.audits);
  });

  it("stores only a retention that differs from the default, audits it, and gives the swarm its own sub-partitions from the next period", async () => {
    const { id } = await app.db.swarm.findUniqueOrThrow({ where: { name: SWARM } });
    const current = (await get(admin)).body.settings;
    const res = await put(admin, { ...current, events_retention_days: 7, history_retention_days: 500 });
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({ events_retention_days: 7, history_retention_days: 500 });
    expect(await storedSettings()).toMatchObject({ healing: { events_retention_days: 7, history_retention_days: 500 } });
    const log = (await audits()).at(-1);
    expect(log?.detail).toMatchObject({
      before: { events_retention_days: 30, history_retention_days: 400 },
      after: { events_retention_days: 7, history_retention_days: 500 },
    });

    const tomorrow = periodName("events", "day", Date.now() + 86_400_000);
    const nextMonth = periodName("rollup_hour", "month", periodStart("month", Date.now(), 1));
    const { rows } = await app.pool.query("SELECT relname FROM pg_class WHERE relname = ANY($1) ORDER BY relname", [
      [`${tomorrow}_s${id}`, `${nextMonth}_s${id}`],
    ]);
    expect(rows.map((r) => r.relname)).toEqual([`${tomorrow}_s${id}`, `${nextMonth}_s${id}`].sort());

    expect((await put(admin, { ...res.body.settings, events_retention_days: 30 })).status).toBe(200);
    const stored = (await storedSettings()) as { healing: Record<string, unknown> };
    expect(stored.healing).not.toHaveProperty("events_retention_days");
    expect(stored.healing.history_retention_days).toBe(500);
  });
});
