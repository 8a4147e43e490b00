// The only reader of process.env: typed, validated configuration for the server, CLI and tests.
import { z } from "zod";

const onOff = z.enum(["on", "off"]);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().url().optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DEMO: onOff.optional(),
    AUTH_SECRET: z.string().min(32).optional(),
    PUBLIC_URL: z.string().url().optional(),
    INTERNAL_URL: z.string().url().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATA_DIR: z.string().min(1).default(".data"),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
    INGEST_MAX_EVENTS_PER_S: z.coerce.number().int().min(1).default(50_000),
    INGEST_MAX_BYTES_PER_S: z.coerce
      .number()
      .int()
      .min(1024)
      .default(50 * 1024 * 1024),
    OWNER_LEASE_S: z.coerce.number().int().min(2).max(300).default(8),
    COMMAND_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  })
  .refine((e) => e.HISTORY_RETENTION_DAYS >= e.RETENTION_DAYS, {
    path: ["HISTORY_RETENTION_DAYS"],
    message: "must be at least RETENTION_DAYS",
  });

/** Validated configuration. */
export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validates variables; an empty one counts as unset (`DATABASE_URL= npm start` uses the embedded Postgres). Throws
 * with every problem listed when they are invalid. */
export function parseEnv(vars: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Reads and validates the environment once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The URL the server is reachable at (for links, auth origins and the first-start banner). */
export function publicUrl(e: Env = env()): string {
  return e.PUBLIC_URL ?? `http://${e.HOST === "0.0.0.0" ? "127.0.0.1" : e.HOST}:${e.PORT}`;
}
