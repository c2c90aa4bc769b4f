// Lets code in a browser page call the mock, from the mock's own origin and from the origins
// given with --cors-origin (an integrator's dev server) only: a page from anywhere else gets
// 403, so it can neither read a tenant nor act on one (reset it, say) with credentials the
// browser would add itself.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendProblem } from "../spec/problem.js";

/**
 * Adds the CORS headers for an allowed origin; answers a preflight, or refuses a request from
 * an origin that is not allowed. Returns true when the request has been answered.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: readonly string[],
): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  const own = req.headers.host ? `http://${req.headers.host.toLowerCase()}` : undefined;
  const wanted = origin.toLowerCase();
  if (wanted !== own && !allowed.includes(wanted)) {
    sendProblem(res, {
      status: 403,
      title: "Origin not allowed",
      detail: `Pages from ${origin} may not call this mock; start it with --cors-origin ${origin} to allow them.`,
    });
    return true;
  }
  res.setHeader("access-control-allow-origin", origin);
  res.setHeader("access-control-allow-credentials", "true");
  res.setHeader("access-control-expose-headers", "*");
  res.setHeader("vary", "Origin");
  const method = req.headers["access-control-request-method"];
  if (req.method !== "OPTIONS" || !method) return false;
  res.writeHead(204, {
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
    "access-control-max-age": "600",
    "content-length": "0",
  });
  res.end();
  return true;
}
