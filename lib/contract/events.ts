import { z } from "zod";

/** Largest accepted `metadata`, in UTF-8 bytes of its JSON serialisation. */
export const MAX_METADATA_BYTES = 16 * 1024;

/** How far before "now" an event timestamp may lie (7 days, in ms). */
export const MAX_TIMESTAMP_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** How far after "now" an event timestamp may lie (5 minutes of clock skew, in ms). */
export const MAX_TIMESTAMP_SKEW_MS = 5 * 60 * 1000;

const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/;
const RESULTS = ["success", "failure", "timeout", "cancelled"] as const;
const TIMESTAMP_FORMAT_MESSAGE =
  "timestamp must be an ISO-8601 date-time with a timezone (e.g. 2026-11-22T10:00:00Z) or integer epoch milliseconds";

/** Error map giving a "required" message for a missing value and zod's default message otherwise. */
function requiredError(field: string, type?: string): z.core.$ZodErrorMap {
  const message = type === undefined ? `${field} is required` : `${field} is required for type "${type}"`;
  return (issue) => (issue.input === undefined ? message : undefined);
}

const idString = (error?: z.core.$ZodErrorMap) => z.string({ error }).min(1).max(128);
const nonNegative = (error?: z.core.$ZodErrorMap) => z.number({ error }).nonnegative();
const result = (error?: z.core.$ZodErrorMap) => z.enum(RESULTS, { error });
const label = z.string().max(64);

const timestampSchema = z.union(
  [
    z.iso.datetime({ offset: true, error: TIMESTAMP_FORMAT_MESSAGE }),
    z.int({ error: TIMESTAMP_FORMAT_MESSAGE }).nonnegative({ error: "timestamp epoch milliseconds must not be negative" }),
  ],
  { error: (issue) => (issue.input === undefined ? "timestamp is required" : TIMESTAMP_FORMAT_MESSAGE) },
);

/** True for objects whose prototype is Object.prototype or null, i.e. what JSON.parse produces. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Rejects metadata over the size limit, serialising it exactly once. */
function checkMetadataSize(ctx: z.core.ParsePayload<Record<string, unknown>>): void {
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(ctx.value), "utf8");
  } catch {
    ctx.issues.push({ code: "custom", message: "metadata must be JSON-serialisable", input: ctx.value });
    return;
  }
  if (bytes > MAX_METADATA_BYTES) {
    const message = `metadata is ${bytes} bytes as JSON; the limit is ${MAX_METADATA_BYTES}`;
    ctx.issues.push({ code: "custom", message, input: ctx.value });
  }
}

const metadataObject = <Shape extends z.ZodRawShape>(shape: Shape, required?: z.core.$ZodErrorMap) =>
  z
    .custom<Record<string, unknown>>(isPlainObject, {
      error: (issue) => required?.(issue) ?? "metadata must be a plain JSON object",
    })
    .pipe(z.looseObject(shape).check(checkMetadataSize));

/** Schema of one event with no type-specific requirements; unknown top-level fields are kept. */
export const eventSchema = z.looseObject({
  id: idString().optional(),
  type: z.string({ error: requiredError("type") }).regex(EVENT_TYPE_PATTERN, { error: "type must match ^[a-z][a-z0-9_.-]{0,63}$" }),
  timestamp: timestampSchema,
  agent_id: idString().optional(),
  task_id: idString().optional(),
  duration_ms: nonNegative().optional(),
  result: result().optional(),
  tokens_used: z.int().nonnegative().optional(),
  health_state: label.optional(),
  severity: label.optional(),
  resource_type: label.optional(),
  current_usage: nonNegative().optional(),
  limit: nonNegative().optional(),
  timeout_ms: nonNegative().optional(),
  current_agents: nonNegative().optional(),
  required_quorum: nonNegative().optional(),
  metadata: metadataObject({}).optional(),
});

/** An event that passed schema validation, as zod types it. */
export type EventInput = z.infer<typeof eventSchema>;

const RESOURCE_METRIC_FIELDS = ["token_usage_percent", "memory_usage_percent", "queue_depth", "active_agents"] as const;

const resourceSnapshotShape = {
  tokens: z.looseObject({ total_budget: nonNegative().optional(), consumed: nonNegative().optional() }).optional(),
  agents: z.looseObject({ total_quotas: nonNegative().optional(), active_agents: nonNegative().optional() }).optional(),
  queue: z
    .looseObject({
      pending_tasks: nonNegative().optional(),
      by_priority: z.record(z.string(), nonNegative()).optional(),
    })
    .optional(),
};

const resourceMetricShape = Object.fromEntries(RESOURCE_METRIC_FIELDS.map((field) => [field, nonNegative().optional()])) as Record<
  (typeof RESOURCE_METRIC_FIELDS)[number],
  z.ZodOptional<z.ZodNumber>
>;

const requiredAgent = (type: string) => idString(requiredError("agent_id", type));
const requiredTask = (type: string) => idString(requiredError("task_id", type));

/** Per known type, the base schema tightened with that type's requirements; other types (e.g. quorum_loss) need nothing extra. */
const TYPE_SCHEMAS: ReadonlyArray<readonly [readonly string[], (type: string) => z.ZodType<EventInput>]> = [
  [
    [
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
    ],
    (type) => eventSchema.extend({ agent_id: requiredAgent(type) }),
  ],
  [["task_failed"], (type) => eventSchema.extend({ agent_id: requiredAgent(type), task_id: requiredTask(type) })],
  [["task_timeout"], (type) => eventSchema.extend({ task_id: requiredTask(type) })],
  [
    ["resource_snapshot"],
    (type) => eventSchema.extend({ metadata: metadataObject(resourceSnapshotShape, requiredError("metadata", type)) }),
  ],
  [
    ["resource_metric"],
    (type) =>
      eventSchema.extend({
        metadata: metadataObject(resourceMetricShape, requiredError("metadata", type)).refine(
          (metadata) => RESOURCE_METRIC_FIELDS.some((field) => metadata[field] !== undefined),
          { error: `metadata must include at least one of ${RESOURCE_METRIC_FIELDS.join(", ")}` },
        ),
      }),
  ],
  [
    ["queue_metric"],
    (type) =>
      eventSchema.extend({
        metadata: metadataObject(
          {
            queue_depth: nonNegative(requiredError("metadata.queue_depth", type)),
            high_priority_count: nonNegative(requiredError("metadata.high_priority_count", type)),
          },
          requiredError("metadata", type),
        ),
      }),
  ],
  [
    ["consensus_round"],
    (type) =>
      eventSchema.extend({
        duration_ms: nonNegative(requiredError("duration_ms", type)),
        result: result(requiredError("result", type)),
      }),
  ],
];

const SCHEMAS_BY_TYPE = new Map(TYPE_SCHEMAS.flatMap(([types, schemaFor]) => types.map((type) => [type, schemaFor(type)] as const)));

/** Returns the prebuilt schema for an event's `type` value, falling back to the base schema for other types. */
export function eventSchemaFor(type: unknown): z.ZodType<EventInput> {
  return (typeof type === "string" && SCHEMAS_BY_TYPE.get(type)) || eventSchema;
}

/** Converts a schema-valid timestamp (ISO-8601 string or epoch ms) to epoch milliseconds. */
export function timestampToEpochMs(timestamp: string | number): number {
  return typeof timestamp === "number" ? timestamp : Date.parse(timestamp);
}

/** Explains why epoch-ms `ts` falls outside [now − 7 d, now + 5 min], or returns undefined when it is inside. */
export function timestampWindowError(ts: number, now: number): string | undefined {
  if (ts < now - MAX_TIMESTAMP_AGE_MS) return "timestamp is more than 7 days in the past";
  if (ts > now + MAX_TIMESTAMP_SKEW_MS) return "timestamp is more than 5 minutes in the future";
  return undefined;
}
