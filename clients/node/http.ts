// One HTTP attempt against Swarm Medic, classified for the retry loop (network error, retryable status, final error).
import { asError, isRetryableStatus, parseRetryAfter, type Attempt } from "./retry.js";
import type { FetchLike } from "./types.js";

/** A non-2xx answer; `problem` is the parsed application/problem+json body when there was one. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problem?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** Strips trailing slashes from a base URL and checks that it is absolute http(s). */
export function baseUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new TypeError(`url must be http(s): ${url}`);
  return url.replace(/\/+$/, "");
}

/** Request options of `attempt`: `signal` cancels for good (not retryable), `timeoutMs` bounds one try (retryable). */
export type AttemptInit = RequestInit & { timeoutMs?: number };

/** Sends one request and classifies it: 2xx → parsed value; 408/429/5xx/network/timeout → retryable; other statuses → final. */
export async function attempt<T>(
  fetchFn: FetchLike,
  url: string,
  init: AttemptInit,
  parse: (res: Response) => Promise<T>,
): Promise<Attempt<T>> {
  const { timeoutMs, signal: cancel, ...rest } = init;
  const controller = new AbortController();
  const onCancel = () => controller.abort(cancel?.reason);
  if (cancel?.aborted) onCancel();
  else cancel?.addEventListener("abort", onCancel, { once: true });
  const timer =
    timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  try {
    const res = await fetchFn(url, { ...rest, signal: controller.signal });
    if (res.ok) return { ok: true, value: await parse(res) };
    const problem = await readProblem(res);
    const detail = typeof problem?.detail === "string" ? `: ${problem.detail}` : "";
    return {
      ok: false,
      retryable: isRetryableStatus(res.status),
      error: new HttpError(`HTTP ${res.status} from ${rest.method ?? "GET"} ${new URL(url).pathname}${detail}`, res.status, problem),
      retryAfterMs: parseRetryAfter(res.headers.get("retry-after")),
    };
  } catch (err) {
    return { ok: false, retryable: !cancel?.aborted, error: asError(err) };
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener("abort", onCancel);
  }
}

/** Reads a JSON body, or undefined when it is empty or not JSON. */
export async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

async function readProblem(res: Response): Promise<Record<string, unknown> | undefined> {
  const body = await readJson(res);
  return isRecord(body) ? body : undefined;
}

/** True for a plain (non-array, non-null) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The headers every ingest-key call sends. */
export function authHeaders(key: string, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: "application/json" };
  if (json) headers["content-type"] = "application/json";
  return headers;
}
