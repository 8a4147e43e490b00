// Sign-in, sessions, personal access tokens and role checks, enforced in the handlers themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/v1/health/route";
import { GET as listSwarms } from "@/app/api/v1/swarms/route";
import { startTestApp, type TestApp } from "../../../test/app";
import { requirePrincipal } from "../http/audit-denial";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const call = (handler: (req: Request) => Promise<Response>, headers: Record<string, string> = {}) =>
  handler(new Request(`${app.url}/api/v1/x`, { headers }));

describe("API authentication", () => {
  it("health needs no credentials", async () => {
    const res = await call(health);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "ok",
      db: "ok",
      engine: "ok",
      retention: { events_retention_days: 30, history_retention_days: 400 },
    });
  });

  it("401 problem+json without credentials, with a bad token, or a bad cookie (also with x-middleware-subrequest)", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer smt_nope" },
      { cookie: "swarm-medic.session_token=forged" },
      { "x-middleware-subrequest": "middleware" },
    ];
    for (const headers of attempts) {
      const res = await call(listSwarms, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 401, title: "Unauthorized" });
    }
  });

  it("a signed-in user reads the swarm list through the session cookie", async () => {
    await app.ingestKey("auth-swarm");
    const { cookie } = await app.signIn("viewer");
    const res = await call(listSwarms, { cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).map((s: { name: string }) => s.name)).toContain("auth-swarm");
  });

  it("a wrong password does not sign in", async () => {
    const { email } = await app.signIn("viewer");
    const res = await fetch(`${app.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "wrong-password" }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().some((c) => c.includes("session_token=") && !c.includes("Max-Age=0"))).toBe(false);
  });

  it("a personal access token authenticates scripts and is stored only hashed", async () => {
    const token = await app.token("viewer");
    expect(token).toMatch(/^smt_/);
    expect((await call(listSwarms, { authorization: `Bearer ${token}` })).status).toBe(200);
    const { rows } = await app.pool.query("SELECT prefix, hash FROM personal_access_tokens");
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("revoked tokens and disabled users are refused", async () => {
    const token = await app.token("admin");
    await app.pool.query("UPDATE personal_access_tokens SET revoked_at = now()");
    expect((await call(listSwarms, { authorization: `Bearer ${token}` })).status).toBe(401);
    const { cookie, email } = await app.signIn("operator");
    await app.pool.query("UPDATE users SET disabled = true WHERE email = $1", [email]);
    expect((await call(listSwarms, { cookie })).status).toBe(401);
  });
});

describe("roles", () => {
  const table = [
    ["viewer", "viewer", true],
    ["viewer", "operator", false],
    ["viewer", "admin", false],
    ["operator", "operator", true],
    ["operator", "admin", false],
    ["admin", "admin", true],
    ["admin", "viewer", true],
  ] as const;

  it.each(table)("%s token on a %s route → allowed: %s", async (role, min, allowed) => {
    const token = await app.token(role);
    const attempt = requirePrincipal(new Headers({ authorization: `Bearer ${token}` }), min, app.services.access.authenticate);
    if (allowed) await expect(attempt).resolves.toMatchObject({ kind: "token", role });
    else await expect(attempt).rejects.toMatchObject({ status: 403 });
  });
});
