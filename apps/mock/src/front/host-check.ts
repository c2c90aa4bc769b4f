// Which Host headers the mock answers to. A web page can point a name it controls at 127.0.0.1
// (DNS rebinding) and then read the mock as if it were its own origin; checking Host closes
// that, since the browser still sends the page's name. Loopback names and addresses, the bound
// address (and, bound to every interface, the machine's own addresses) and names given with
// --allowed-host pass.
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import type { Problem } from "../spec/problem.js";

/** The host part of a Host header, lower case, without port or IPv6 brackets. */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith("["))
    return value.slice(1, value.indexOf("]") === -1 ? undefined : value.indexOf("]"));
  const colon = value.lastIndexOf(":");
  return colon === -1 ? value : value.slice(0, colon);
}

function isLoopback(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1" || host === "::ffff:127.0.0.1";
}

const WILDCARDS = new Set(["0.0.0.0", "::", ""]);

function machineAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) =>
    (list ?? []).map((entry) => entry.address.toLowerCase()),
  );
}

export type HostCheck = (header: string | undefined) => Problem | undefined;

export function createHostCheck(boundHost: string, allowed: readonly string[]): HostCheck {
  const names = new Set([hostName(boundHost), ...allowed.map(hostName)]);
  if (WILDCARDS.has(hostName(boundHost)))
    for (const address of machineAddresses()) names.add(address);
  return (header) => {
    // HTTP/1.0 clients may send none; a browser always does.
    if (header === undefined) return undefined;
    const host = hostName(header);
    if (isLoopback(host) || names.has(host)) return undefined;
    return {
      status: 403,
      title: "Host not allowed",
      detail: `This mock does not answer to the host ${JSON.stringify(host)}: it takes loopback names and addresses and its own address; start it with --allowed-host ${host} to add it.`,
    };
  };
}
