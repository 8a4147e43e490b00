// internalUrl: the configured URL wins; else the listening address, a wildcard replaced by an external IPv4 address.
import type os from "node:os";
import { describe, expect, it } from "vitest";
import { internalUrl } from "./internal-url";

const nic = (address: string, family: "IPv4" | "IPv6", internal: boolean) => ({ address, family, internal }) as os.NetworkInterfaceInfo;
const interfaces = { lo: [nic("127.0.0.1", "IPv4", true)], eth0: [nic("fe80::1", "IPv6", false), nic("10.0.3.7", "IPv4", false)] };

describe("internalUrl", () => {
  it("uses INTERNAL_URL when it is set, without a trailing slash", () => {
    expect(internalUrl({ address: "0.0.0.0", family: "IPv4", port: 3000 }, "http://medic-1.internal:3000/", interfaces)).toBe(
      "http://medic-1.internal:3000",
    );
  });

  it("uses the listening address and port", () => {
    expect(internalUrl({ address: "127.0.0.1", family: "IPv4", port: 41_234 }, undefined, interfaces)).toBe("http://127.0.0.1:41234");
    expect(internalUrl({ address: "fd00::5", family: "IPv6", port: 3000 }, undefined, interfaces)).toBe("http://[fd00::5]:3000");
  });

  it("replaces a wildcard address by the first external IPv4 address, or loopback when there is none", () => {
    expect(internalUrl({ address: "0.0.0.0", family: "IPv4", port: 3000 }, undefined, interfaces)).toBe("http://10.0.3.7:3000");
    expect(internalUrl({ address: "::", family: "IPv6", port: 3000 }, undefined, { lo: interfaces.lo })).toBe("http://127.0.0.1:3000");
  });
});
