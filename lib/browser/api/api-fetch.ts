// Browser fetch helper: JSON in/out, problem+json errors surfaced with their detail, 401 → sign-in.
import type { FieldError, ProblemBody } from "@/lib/contract/items/problem";

/** An API error carrying the problem's status, detail and per-field errors. */
export class ApiFetchError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** Sends `body` as JSON with `method` (PUT, POST, PATCH, DELETE) and returns the JSON answer. */
export function apiSend<T>(method: string, url: string, body?: unknown): Promise<T> {
  return apiFetch<T>(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

/** Fetches JSON from our API with the session cookie. */
export async function apiFetch<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, credentials: "same-origin", headers: { accept: "application/json", ...init?.headers } });
  if (res.status === 401 && typeof window !== "undefined") {
    window.location.assign(new URL(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`, window.location.origin).href);
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as Partial<ProblemBody> | null;
    throw new ApiFetchError(res.status, problem?.detail ?? `Request failed (${res.status})`, problem?.errors ?? []);
  }
  return (await res.json()) as T;
}
