// Where the mock may listen. Tenants are told apart by user name alone (the documented design
// of a local test tool), so on an address other machines reach, anyone there could read and
// reset every tenant. A non-loopback address is therefore refused unless MOCK_AUTH lists the
// credentials that pass (their passwords are then checked) or --public says that is wanted
// (decision in docs/adr/0034-loopback-only-by-default.md).
import { isIP } from "node:net";
import type { MockConfig } from "./config.js";

export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (name === "localhost") return true;
  if (isIP(name) === 4) return name.startsWith("127.");
  return name === "::1";
}

type ListenSettings = Pick<MockConfig, "host" | "auth" | "public">;

/** Why the mock must not listen where it is asked to, or undefined when it may. */
export function listenRefusal(config: ListenSettings): string | undefined {
  if (isLoopbackHost(config.host) || config.auth.kind === "list" || config.public) return undefined;
  return (
    `${config.host} is reachable from other machines, and without MOCK_AUTH anyone there could ` +
    "read and reset every tenant. List the credentials that pass in MOCK_AUTH " +
    "(basic:user:password,...), or give --public (MOCK_PUBLIC=1) to serve everyone who can reach it."
  );
}

/** A line for the banner when the mock listens beyond loopback; undefined on loopback. */
export function listenNotice(config: ListenSettings): string | undefined {
  if (isLoopbackHost(config.host)) return undefined;
  return config.auth.kind === "list"
    ? `listening on ${config.host}: only the credentials MOCK_AUTH lists pass, passwords checked`
    : `listening on ${config.host} with --public: anyone who reaches it can read and reset every tenant`;
}
