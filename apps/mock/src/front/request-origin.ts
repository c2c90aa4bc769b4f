// The origin a request reached the mock at, for pages that name it. The Host header is used
// only after the host check let it through (server.ts runs that check first) and only when it
// is a plain host and port: its port part is not checked there, and what this returns is
// written into HTML and JSON. Anything else falls back to the address the connection came in on.
import type { IncomingMessage } from "node:http";

const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function requestOrigin(req: IncomingMessage): string {
  const host = req.headers.host;
  if (host !== undefined && PLAIN_HOST.test(host)) return `http://${host.toLowerCase()}`;
  const address = (req.socket.localAddress ?? "127.0.0.1").replace(/^::ffff:(?=\d)/, "");
  const shown = address.includes(":") ? `[${address}]` : address;
  return `http://${shown}:${req.socket.localPort ?? 80}`;
}
