// Where the other instances reach this one: INTERNAL_URL when set, else the address the server listens on (a wildcard
// address replaced by this host's first external IPv4 address, which other hosts and containers can reach).
import type { AddressInfo } from "node:net";
import os from "node:os";

const WILDCARDS = new Set(["0.0.0.0", "::"]);

/** This host's first non-internal IPv4 address, if it has one. */
function externalIPv4(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string | undefined {
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .find((i) => i.family === "IPv4" && !i.internal)?.address;
}

/** This instance's internal URL (no trailing slash), from the configured one or the server's listening address. */
export function internalUrl(address: AddressInfo, configured?: string, interfaces = os.networkInterfaces()): string {
  if (configured) return configured.replace(/\/+$/, "");
  const host = WILDCARDS.has(address.address) ? (externalIPv4(interfaces) ?? "127.0.0.1") : address.address;
  return `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
}
