// Mapping errors to problem+json: known errors keep their status, internals never leak.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, toProblem } from "./errors";

describe("toProblem", () => {
  it("keeps an ApiError's status, detail, errors and Retry-After", () => {
    const p = toProblem(
      new ApiError(503, "storage_unavailable", "later", { retryAfterS: 5, errors: [{ index: 0, path: "a", message: "m" }] }),
      "rid",
    );
    expect(p).toEqual({
      status: 503,
      headers: { "content-type": "application/problem+json", "retry-after": "5" },
      body: {
        type: "https://swarm-medic.dev/problems/storage_unavailable",
        title: "Service Unavailable",
        status: 503,
        detail: "later",
        errors: [{ index: 0, path: "a", message: "m" }],
        request_id: "rid",
      },
    });
  });

  it("keeps the status of an ApiError thrown by another instance of this module (services composed by server.ts, routes bundled by Next.js)", async () => {
    vi.resetModules();
    const other = await import("./errors");
    const err = new other.ApiError(409, "not_open", "decided already");
    expect(err instanceof ApiError).toBe(false);
    expect(toProblem(err)).toMatchObject({
      status: 409,
      body: { type: "https://swarm-medic.dev/problems/not_open", detail: "decided already" },
    });
  });

  it("maps a zod error from another copy of zod to 400", () => {
    const foreign = Object.assign(new Error("invalid"), { name: "ZodError", issues: [{ path: ["a"], message: "expected number" }] });
    expect(toProblem(foreign)).toMatchObject({ status: 400, body: { errors: [{ path: "a", message: "expected number" }] } });
  });

  it("maps a ZodError to 400 with field paths", () => {
    const r = z.object({ a: z.number() }).safeParse({ a: "x" });
    const p = toProblem(r.error);
    expect(p.status).toBe(400);
    expect(p.body.errors).toEqual([{ path: "a", message: expect.any(String) }]);
  });

  it.each([{ code: "ECONNREFUSED" }, { code: "57P01" }, new Error("Connection terminated unexpectedly")])(
    "maps database unavailability %j to 503",
    (err) => {
      const p = toProblem(err);
      expect(p.status).toBe(503);
      expect(p.headers["retry-after"]).toBe("5");
    },
  );

  it("hides unexpected errors behind a generic 500", () => {
    const p = toProblem(new Error("secret internal detail at /srv/x.ts:12"));
    expect(p.status).toBe(500);
    expect(JSON.stringify(p.body)).not.toContain("secret");
  });
});
