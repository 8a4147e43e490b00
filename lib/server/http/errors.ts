// The one error type of the API, and its mapping to application/problem+json (RFC 9457).
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "../db/pool";
import type { FieldError, ProblemBody } from "../../contract/items/problem";

/** A per-field validation problem, as reported in `errors` (the contract's type). */
export type { FieldError };

/** An error with an HTTP status that is safe to show to the caller. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { errors?: FieldError[]; retryAfterS?: number } = {},
  ) {
    super(message);
  }
}

const TITLES: Record<number, string> = {
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
  413: "Payload Too Large", 415: "Unsupported Media Type", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable",
};

/** A rendered problem: status, headers and JSON body. */
export type Problem = { status: number; headers: Record<string, string>; body: ProblemBody };

/** Maps any thrown value to a problem; internals of unexpected errors never leak. */
export function toProblem(err: unknown, requestId?: string): Problem {
  let e: ApiError;
  if (err instanceof ApiError) e = err;
  else if (err instanceof ZodError) {
    e = new ApiError(400, "invalid_request", "The request is invalid.", {
      errors: err.issues.slice(0, 100).map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  } else if (isDatabaseUnavailable(err)) e = new ApiError(503, "storage_unavailable", "Storage is unavailable; retry later.", { retryAfterS: 5 });
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
