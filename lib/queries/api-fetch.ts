// Browser fetch helper: JSON in/out, problem+json errors surfaced with their detail, 401 → sign-in.

/** An API error carrying the problem's status and detail. */
export class ApiFetchError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Fetches JSON from our API with the session cookie. */
export async function apiFetch<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, credentials: "same-origin", headers: { accept: "application/json", ...init?.headers } });
  if (res.status === 401 && typeof window !== "undefined") {
    window.location.assign(new URL(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`, window.location.origin).href);
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
    throw new ApiFetchError(res.status, problem?.detail ?? `Request failed (${res.status})`);
  }
  return (await res.json()) as T;
}
