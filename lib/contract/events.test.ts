import { describe, expect, it } from "vitest";
import {
  MAX_METADATA_BYTES,
  MAX_TIMESTAMP_AGE_MS,
  MAX_TIMESTAMP_SKEW_MS,
  eventSchemaFor,
  timestampToEpochMs,
  timestampWindowError,
} from "./events";

const BASE = { type: "custom.event", timestamp: "2026-11-22T10:00:00Z" };

function issuesOf(event: Record<string, unknown>) {
  const result = eventSchemaFor(event.type).safeParse(event);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

function pathsOf(event: Record<string, unknown>) {
  return issuesOf(event).map((issue) => issue.path);
}

/** Metadata whose JSON serialisation is exactly `bytes` bytes long. */
function metadataOfSize(bytes: number) {
  return { pad: "x".repeat(bytes - '{"pad":""}'.length) };
}

describe("type", () => {
  it.each(["a", "custom.event-v2_x", "constructor", "quorum_loss", "a".repeat(64)])("accepts %j", (type) => {
    expect(issuesOf({ ...BASE, type })).toEqual([]);
  });

  it.each(["", "Task", "1abc", "_x", "a b", "a".repeat(65), 5, null])("rejects %j", (type) => {
    expect(pathsOf({ ...BASE, type })).toEqual(["type"]);
  });

  it("reports a missing type as required", () => {
    expect(issuesOf({ timestamp: BASE.timestamp })).toEqual([{ path: "type", message: "type is required" }]);
  });
});

describe("timestamp", () => {
  it.each([
    "2026-11-22T10:00:00Z",
    "2026-11-22T10:00:00.123+02:00",
    "2026-11-22T10:00:00.123456Z",
    "2026-11-22T10:00:00-05:30",
    "2024-02-29T00:00:00Z",
    1795341600000,
    0,
  ])("accepts %j", (timestamp) => {
    expect(issuesOf({ ...BASE, timestamp })).toEqual([]);
  });

  it.each([
    "yesterday",
    "1700000000000",
    "2026-11-22",
    "2026-11-22T10:00:00",
    "2026-11-22 10:00:00Z",
    "2026-02-30T10:00:00Z",
    "2026-11-22T10:00:00+0200",
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    null,
    true,
    {},
  ])("rejects %j with a single timestamp issue", (timestamp) => {
    expect(pathsOf({ ...BASE, timestamp })).toEqual(["timestamp"]);
  });

  it("explains the accepted formats", () => {
    expect(issuesOf({ ...BASE, timestamp: "yesterday" })[0]?.message).toMatch(/ISO-8601.*epoch milliseconds/);
  });

  it("reports a missing timestamp as required", () => {
    expect(issuesOf({ type: "x" })).toEqual([{ path: "timestamp", message: "timestamp is required" }]);
  });
});

describe("optional fields", () => {
  it.each<[string, unknown]>([
    ["id", ""],
    ["id", "x".repeat(129)],
    ["agent_id", 5],
    ["task_id", ""],
    ["duration_ms", -1],
    ["duration_ms", Number.NaN],
    ["duration_ms", Number.POSITIVE_INFINITY],
    ["duration_ms", "5"],
    ["result", "ok"],
    ["tokens_used", 1.5],
    ["tokens_used", -1],
    ["tokens_used", Number.MAX_SAFE_INTEGER + 1],
    ["health_state", "x".repeat(65)],
    ["severity", 3],
    ["resource_type", null],
    ["current_usage", -0.1],
    ["limit", Number.POSITIVE_INFINITY],
    ["timeout_ms", -1],
    ["current_agents", Number.NaN],
    ["required_quorum", -1],
    ["metadata", []],
    ["metadata", null],
    ["metadata", "x"],
    ["metadata", new Date()],
    ["metadata", new Map()],
  ])("rejects %s = %j", (field, value) => {
    expect(pathsOf({ ...BASE, [field]: value })).toEqual([field]);
  });

  it.each<[string, unknown]>([
    ["id", "x".repeat(128)],
    ["agent_id", "a"],
    ["duration_ms", 0],
    ["duration_ms", 12.5],
    ["result", "cancelled"],
    ["tokens_used", Number.MAX_SAFE_INTEGER],
    ["health_state", "x".repeat(64)],
    ["required_quorum", 3],
    ["metadata", {}],
    ["metadata", Object.create(null) as object],
  ])("accepts %s = %j", (field, value) => {
    expect(issuesOf({ ...BASE, [field]: value })).toEqual([]);
  });

  it("keeps unknown top-level fields in the parsed output", () => {
    const result = eventSchemaFor("custom.event").safeParse({ ...BASE, extra: { nested: true }, swarm: "s1" });
    expect(result.success && result.data).toMatchObject({ extra: { nested: true }, swarm: "s1" });
  });
});

describe("metadata size", () => {
  it("accepts metadata of exactly the limit", () => {
    expect(issuesOf({ ...BASE, metadata: metadataOfSize(MAX_METADATA_BYTES) })).toEqual([]);
  });

  it("rejects metadata one byte over the limit", () => {
    expect(issuesOf({ ...BASE, metadata: metadataOfSize(MAX_METADATA_BYTES + 1) })).toEqual([
      { path: "metadata", message: `metadata is ${MAX_METADATA_BYTES + 1} bytes as JSON; the limit is ${MAX_METADATA_BYTES}` },
    ]);
  });

  it("counts UTF-8 bytes, not characters", () => {
    const metadata = { pad: "é".repeat(8190) };
    expect(JSON.stringify(metadata).length).toBeLessThan(MAX_METADATA_BYTES);
    expect(pathsOf({ ...BASE, metadata })).toEqual(["metadata"]);
  });

  it("applies to type-specific metadata too", () => {
    const event = { ...BASE, type: "resource_snapshot", metadata: metadataOfSize(MAX_METADATA_BYTES + 1) };
    expect(pathsOf(event)).toEqual(["metadata"]);
  });

  it.each([
    [
      "a circular object",
      (() => {
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        return circular;
      })(),
    ],
    ["a bigint", { big: BigInt(1) }],
  ])("rejects %s as not JSON-serialisable", (_label, metadata) => {
    expect(issuesOf({ ...BASE, metadata })).toEqual([{ path: "metadata", message: "metadata must be JSON-serialisable" }]);
  });
});

describe("type-specific requirements", () => {
  const agentTypes = [
    "task_start",
    "task_complete",
    "task_success",
    "task_error",
    "heartbeat",
    "heartbeat_failed",
    "agent_failed",
    "agent_down",
    "agent_registered",
    "agent_unregistered",
  ];
  const freeTypes = [
    "resource_exhaustion",
    "quota_exceeded",
    "quorum_loss",
    "consensus_failed",
    "high_latency",
    "memory_pressure",
    "token_warning",
  ];

  it.each<[string, Record<string, unknown>]>([
    ...agentTypes.map((type): [string, Record<string, unknown>] => [type, { agent_id: "a1" }]),
    ...freeTypes.map((type): [string, Record<string, unknown>] => [type, {}]),
    ["task_failed", { agent_id: "a1", task_id: "t1" }],
    ["task_timeout", { task_id: "t1" }],
    ["resource_snapshot", { metadata: {} }],
    [
      "resource_snapshot",
      {
        metadata: {
          tokens: { total_budget: 1000, consumed: 10, currency: "usd" },
          agents: { total_quotas: 5, active_agents: 3 },
          queue: { pending_tasks: 4, by_priority: { high: 1, low: 3 } },
          region: "eu",
        },
      },
    ],
    ["resource_metric", { metadata: { queue_depth: 0 } }],
    ["resource_metric", { metadata: { token_usage_percent: 42.5, memory_usage_percent: 10, other: "x" } }],
    ["queue_metric", { metadata: { queue_depth: 3, high_priority_count: 0 } }],
    ["consensus_round", { duration_ms: 10, result: "success" }],
  ])("accepts a minimal %s", (type, fields) => {
    expect(issuesOf({ ...BASE, type, ...fields })).toEqual([]);
  });

  it.each(agentTypes)("%s requires agent_id", (type) => {
    expect(issuesOf({ ...BASE, type })).toEqual([{ path: "agent_id", message: `agent_id is required for type "${type}"` }]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["task_failed", {}, ["agent_id", "task_id"]],
    ["task_failed", { agent_id: "a1" }, ["task_id"]],
    ["task_timeout", {}, ["task_id"]],
    ["task_timeout", { task_id: "" }, ["task_id"]],
    ["resource_snapshot", {}, ["metadata"]],
    ["resource_snapshot", { metadata: { tokens: [] } }, ["metadata.tokens"]],
    ["resource_snapshot", { metadata: { tokens: { consumed: -1 } } }, ["metadata.tokens.consumed"]],
    ["resource_snapshot", { metadata: { tokens: { total_budget: "9" } } }, ["metadata.tokens.total_budget"]],
    ["resource_snapshot", { metadata: { agents: 3 } }, ["metadata.agents"]],
    ["resource_snapshot", { metadata: { agents: { active_agents: "2" } } }, ["metadata.agents.active_agents"]],
    ["resource_snapshot", { metadata: { agents: { total_quotas: -2 } } }, ["metadata.agents.total_quotas"]],
    ["resource_snapshot", { metadata: { queue: { pending_tasks: -1 } } }, ["metadata.queue.pending_tasks"]],
    ["resource_snapshot", { metadata: { queue: { by_priority: [] } } }, ["metadata.queue.by_priority"]],
    ["resource_snapshot", { metadata: { queue: { by_priority: { high: -1 } } } }, ["metadata.queue.by_priority.high"]],
    ["resource_metric", {}, ["metadata"]],
    ["resource_metric", { metadata: {} }, ["metadata"]],
    ["resource_metric", { metadata: { cpu: 5 } }, ["metadata"]],
    ["resource_metric", { metadata: { queue_depth: -1 } }, ["metadata.queue_depth"]],
    ["resource_metric", { metadata: { active_agents: "3" } }, ["metadata.active_agents"]],
    ["queue_metric", {}, ["metadata"]],
    ["queue_metric", { metadata: {} }, ["metadata.queue_depth", "metadata.high_priority_count"]],
    ["queue_metric", { metadata: { queue_depth: 1 } }, ["metadata.high_priority_count"]],
    ["queue_metric", { metadata: { queue_depth: "1", high_priority_count: 0 } }, ["metadata.queue_depth"]],
    ["consensus_round", {}, ["duration_ms", "result"]],
    ["consensus_round", { duration_ms: 5, result: "ok" }, ["result"]],
  ])("%s with %j fails at %j", (type, fields, paths) => {
    expect(pathsOf({ ...BASE, type, ...fields })).toEqual(paths);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["task_failed", { agent_id: "a1" }, 'task_id is required for type "task_failed"'],
    ["resource_snapshot", {}, 'metadata is required for type "resource_snapshot"'],
    [
      "resource_metric",
      { metadata: {} },
      "metadata must include at least one of token_usage_percent, memory_usage_percent, queue_depth, active_agents",
    ],
    ["queue_metric", { metadata: { queue_depth: 1 } }, 'metadata.high_priority_count is required for type "queue_metric"'],
    ["consensus_round", { result: "success" }, 'duration_ms is required for type "consensus_round"'],
  ])("%s with %j explains %j", (type, fields, message) => {
    expect(issuesOf({ ...BASE, type, ...fields }).map((issue) => issue.message)).toEqual([message]);
  });
});

describe("timestampToEpochMs", () => {
  it.each<[string | number, number]>([
    ["2026-11-22T10:00:00Z", Date.UTC(2026, 10, 22, 10)],
    ["2026-11-22T10:00:00.123+02:00", Date.UTC(2026, 10, 22, 8, 0, 0, 123)],
    [1795341600000, 1795341600000],
  ])("converts %j", (timestamp, expected) => {
    expect(timestampToEpochMs(timestamp)).toBe(expected);
  });
});

describe("timestampWindowError", () => {
  const now = Date.UTC(2026, 10, 22, 10);

  it.each<[string, number, string | undefined]>([
    ["now", now, undefined],
    ["exactly 7 days ago", now - MAX_TIMESTAMP_AGE_MS, undefined],
    ["just over 7 days ago", now - MAX_TIMESTAMP_AGE_MS - 1, "timestamp is more than 7 days in the past"],
    ["exactly 5 minutes ahead", now + MAX_TIMESTAMP_SKEW_MS, undefined],
    ["just over 5 minutes ahead", now + MAX_TIMESTAMP_SKEW_MS + 1, "timestamp is more than 5 minutes in the future"],
  ])("%s", (_label, ts, expected) => {
    expect(timestampWindowError(ts, now)).toBe(expected);
  });
});
