// A minimal client of the product's public HTTP API with a personal access token.

/** A response: HTTP status and parsed JSON body (null when empty). */
export type Reply = { status: number; body: unknown; retryAfterS: number | null };

/** Calls the API at `base` as the holder of `token`. */
export class Api {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  /** Sends a request; never throws on an HTTP error status (transport errors do throw). */
  async call(method: "GET" | "POST", path: string, body?: unknown): Promise<Reply> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    const retry = res.headers.get("retry-after");
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, retryAfterS: retry === null ? null : Number(retry) };
  }

  /** GET that must answer 200. */
  async get<T>(path: string): Promise<T> {
    const r = await this.call("GET", path);
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  }

  /** Every item of a cursor-paged list (`query` without a leading "?"), newest first. */
  async listAll<T>(path: string, query = ""): Promise<T[]> {
    const items: T[] = [];
    for (let cursor: string | null = null; ;) {
      const q = [query, "limit=1000", cursor ? `cursor=${encodeURIComponent(cursor)}` : ""].filter(Boolean).join("&");
      const page: { items: T[]; next_cursor: string | null } = await this.get(`${path}?${q}`);
      items.push(...page.items);
      if (!page.next_cursor) return items;
      cursor = page.next_cursor;
    }
  }
}
