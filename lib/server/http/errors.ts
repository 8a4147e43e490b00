// The one error type of the API, and its mapping to application/problem+json (RFC 9457).
import { ZodError } from "zod";
import type { FieldError, ProblemBody } from "../../contract/items/problem";

/** A per-field validation problem, as reported in `errors` (the contract's type). */
export type { FieldError };

const API_ERROR = Symbol.for("swarm-medic.api-error");

/** An error with an HTTP status that is safe to show to the caller. */
export class ApiError extends Error {
  /** The brand isApiError reads: the services server.ts composes and the route handlers Next.js bundles load this
   * module apart, so `instanceof` cannot tell an ApiError thrown across that line. */
  readonly [API_ERROR] = true;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { errors?: FieldError[]; retryAfterS?: number } = {},
  ) {
    super(message);
  }
}

/** True for an ApiError from any module instance of this file. */
export function isApiError(err: unknown): err is ApiError {
  return typeof err === "object" && err !== null && (err as { [API_ERROR]?: unknown })[API_ERROR] === true;
}

/** True for a zod validation error from any copy of zod (the route bundle's, or the one the services loaded). */
function isZodError(err: unknown): err is ZodError {
  return (
    err instanceof ZodError || (err instanceof Error && err.name === "ZodError" && Array.isArray((err as { issues?: unknown }).issues))
  );
}

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08006",
  "25006",
]);

/** True when an error means "the database is unreachable or refusing work right now" (→ 503), told by its
 * shape: a node-postgres / Postgres error code or a connection-loss message, here or in its cause. */
function isDatabaseUnavailable(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  const err = e as { code?: string; message?: string; cause?: unknown };
  if (err.code && UNAVAILABLE_CODES.has(err.code)) return true;
  const msg = err.message ?? "";
  if (
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
      msg,
    )
  )
    return true;
  return err.cause ? isDatabaseUnavailable(err.cause) : false;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** A rendered problem: status, headers and JSON body. */
export type Problem = { status: number; headers: Record<string, string>; body: ProblemBody };

/** Maps any thrown value to a problem; internals of unexpected errors never leak. */
export function toProblem(err: unknown, requestId?: string): Problem {
  let e: ApiError;
  if (isApiError(err)) e = err;
  else if (isZodError(err)) {
    e = new ApiError(400, "invalid_request", "The request is invalid.", {
      errors: err.issues.slice(0, 100).map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  } else if (isDatabaseUnavailable(err))
    e = new ApiError(503, "storage_unavailable", "Storage is unavailable; retry later.", { retryAfterS: 5 });
  else e = new ApiError(500, "internal", "An unexpected error occurred.");
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (e.extra.retryAfterS !== undefined) headers["retry-after"] = String(e.extra.retryAfterS);
  const body: ProblemBody = {
    type: `https://swarm-medic.dev/problems/${e.code}`,
    title: TITLES[e.status] ?? "Error",
    status: e.status,
    detail: e.message,
  };
  if (e.extra.errors) body.errors = e.extra.errors;
  if (requestId) body.request_id = requestId;
  return { status: e.status, headers, body };
}

/** 401: missing or invalid credentials. */
export const unauthorized = (msg = "Valid credentials are required.") => new ApiError(401, "unauthorized", msg);
/** 403: authenticated but the role is too low. */
export const forbidden = (msg = "Your role does not allow this.") => new ApiError(403, "forbidden", msg);
/** 404: no such resource. */
export const notFound = (what: string) => new ApiError(404, "not_found", `${what} was not found.`);
