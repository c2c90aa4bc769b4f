// Lets code in a browser page on another origin (an integrator's dev server) call the mock
// with credentials, as browsers require for the Authorization header.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Adds the CORS headers when the request comes from a page; returns true if it was a preflight. */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  res.setHeader("access-control-allow-origin", origin);
  res.setHeader("access-control-allow-credentials", "true");
  res.setHeader("access-control-expose-headers", "*");
  res.setHeader("vary", "Origin");
  const wanted = req.headers["access-control-request-method"];
  if (req.method !== "OPTIONS" || !wanted) return false;
  res.writeHead(204, {
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
    "access-control-max-age": "600",
    "content-length": "0",
  });
  res.end();
  return true;
}
