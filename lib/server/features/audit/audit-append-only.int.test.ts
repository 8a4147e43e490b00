// docs/reliability.md#s10: the application can add audit rows and read them, but not change, delete or truncate them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../../test/app";
import { audit } from "./audit-log";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe("audit log integrity", () => {
  it("accepts inserts and refuses UPDATE, DELETE and TRUNCATE, through Prisma and raw SQL", async () => {
    await audit(app.db, {
      actor: { kind: "token", id: "token:1", name: "t", role: "admin" },
      action: "test.append",
      target: "x",
      result: "ok",
    });
    const row = await app.db.auditLog.findFirstOrThrow({ where: { action: "test.append" } });
    await expect(app.db.auditLog.update({ where: { id: row.id }, data: { result: "forged" } })).rejects.toThrow(/append-only/);
    await expect(app.db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(app.pool.query("UPDATE audit_log SET actor_id = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(app.pool.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(app.pool.query("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    expect(await app.db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});
