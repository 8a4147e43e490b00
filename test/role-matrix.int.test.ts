// docs/reliability.md#s1 and docs/reliability.md#s5: every HTTP route of app/api × {anonymous, bad token, another swarm's ingest key, viewer, operator, admin}.
// Only the cells at or above the route's role get past authorization (whatever the handler then answers); the
// others get 401/403, checked in the handler itself, and every denial with credentials is audit-logged. The table
// below is the reviewed matrix; a route file or method missing from it fails the test.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./app";

type Min = "public" | "viewer" | "operator" | "admin";
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** route file (under app/api/v1) → method → the least role allowed. */
const MATRIX: Record<string, Partial<Record<Method, Min>>> = {
  health: { GET: "public" },
  audit: { GET: "admin" },
  demo: { GET: "viewer" },
  "demo/faults": { POST: "admin" },
  "healings/[id]/approve": { POST: "operator" },
  "healings/[id]/reject": { POST: "operator" },
  "predictions/[id]/approve": { POST: "operator" },
  "predictions/[id]/reject": { POST: "operator" },
  swarms: { GET: "viewer" },
  "swarms/[swarm]/agents": { GET: "viewer" },
  "swarms/[swarm]/agents/[agent]": { GET: "viewer" },
  "swarms/[swarm]/analytics/mttr": { GET: "viewer" },
  "swarms/[swarm]/analytics/overview": { GET: "viewer" },
  "swarms/[swarm]/analytics/strategies": { GET: "viewer" },
  "swarms/[swarm]/bottlenecks": { GET: "viewer" },
  "swarms/[swarm]/events": { GET: "viewer" },
  "swarms/[swarm]/events/count": { GET: "viewer" },
  "swarms/[swarm]/failures": { GET: "viewer" },
  "swarms/[swarm]/healings": { GET: "viewer" },
  "swarms/[swarm]/incidents": { GET: "viewer" },
  "swarms/[swarm]/patterns": { GET: "viewer" },
  "swarms/[swarm]/performance": { GET: "viewer" },
  "swarms/[swarm]/predictions": { GET: "viewer" },
  "swarms/[swarm]/settings": { GET: "viewer", PUT: "admin" },
  "swarms/[swarm]/keys": { GET: "admin", POST: "admin" },
  "swarms/[swarm]/keys/[id]": { DELETE: "admin" },
  "swarms/[swarm]/webhook": { GET: "admin", PUT: "admin", DELETE: "admin" },
  users: { GET: "admin", POST: "admin" },
  "users/[id]": { PATCH: "admin" },
};

const API = path.resolve(import.meta.dirname, "..", "app", "api", "v1");
const RANK: Record<Min, number> = { public: -1, viewer: 0, operator: 1, admin: 2 };
const CALLERS = ["anonymous", "bad-token", "ingest-key", "viewer", "operator", "admin"] as const;
type Caller = (typeof CALLERS)[number];

let app: TestApp;
const auth: Partial<Record<Caller, string>> = {};

function routeFiles(dir = API): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? routeFiles(path.join(dir, d.name)) : d.name === "route.ts" ? [path.relative(API, dir)] : []));
}

beforeAll(async () => {
  app = await startTestApp();
  auth["bad-token"] = "Bearer smt_not-a-real-token";
  auth["ingest-key"] = `Bearer ${await app.ingestKey("other-swarm")}`;
  await app.ingestKey("matrix-swarm");
  for (const role of ["viewer", "operator", "admin"] as const) auth[role] = `Bearer ${await app.token(role)}`;
});
afterAll(() => app.close());

describe("role × route matrix", () => {
  it("lists every route file and exported method", async () => {
    const found: Record<string, string[]> = {};
    for (const file of routeFiles()) {
      const mod = (await import(path.join(API, file, "route.ts"))) as Record<string, unknown>;
      found[file] = (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).filter((m) => typeof mod[m] === "function");
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(MATRIX).map(([f, ms]) => [f, Object.keys(ms)])));
  });

  const cells = Object.entries(MATRIX).flatMap(([file, methods]) =>
    Object.entries(methods).map(([method, min]) => ({ file, method: method as Method, min: min! })),
  );
  it.each(cells)("$method $file (least role: $min)", async ({ file, method, min }) => {
    const mod = (await import(path.join(API, file, "route.ts"))) as Record<
      Method,
      (req: Request, seg: { params: Promise<Record<string, string>> }) => Promise<Response>
    >;
    const url = `${app.url}/api/v1/${file.replace("[swarm]", "matrix-swarm").replace("[agent]", "agent-1").replace("[id]", "00000000-0000-4000-8000-000000000000")}`;
    const params = { swarm: "matrix-swarm", agent: "agent-1", id: "00000000-0000-4000-8000-000000000000" };
    for (const caller of CALLERS) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (auth[caller]) headers.authorization = auth[caller]!;
      const body = method === "GET" || method === "DELETE" ? null : "{}";
      const deniedBefore = await app.db.auditLog.count({ where: { action: "access.denied" } });
      const res = await mod[method](new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
      const allowed = min === "public" || (RANK[caller as Min] ?? -2) >= RANK[min];
      const cell = `${caller} → ${method} ${file}: ${res.status}`;
      if (allowed) expect([401, 403], cell).not.toContain(res.status);
      else {
        expect(res.status, cell).toBe(caller === "viewer" || caller === "operator" ? 403 : 401);
        expect(res.headers.get("content-type"), cell).toBe("application/problem+json");
        const logged = (await app.db.auditLog.count({ where: { action: "access.denied" } })) - deniedBefore;
        expect(logged, `${cell} is audit-logged (unless no credentials were sent)`).toBe(caller === "anonymous" ? 0 : 1);
      }
    }
  });
});
