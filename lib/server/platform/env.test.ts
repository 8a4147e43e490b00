import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies the defaults", () => {
    expect(parseEnv({})).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      RETENTION_DAYS: 30,
      HISTORY_RETENTION_DAYS: 400,
      OWNER_LEASE_S: 8,
    });
  });

  it("treats an empty variable as unset", () => {
    const e = parseEnv({ DATABASE_URL: "", PORT: "", LOG_LEVEL: "" });
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e).toMatchObject({ PORT: 3000, LOG_LEVEL: "info" });
  });

  it.each([
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ PORT: "70000" }, "PORT"],
    [{ RETENTION_DAYS: "500", HISTORY_RETENTION_DAYS: "400" }, "HISTORY_RETENTION_DAYS"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("refuses %j, naming %s", (vars, name) => {
    expect(() => parseEnv(vars)).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${name}`));
  });
});
