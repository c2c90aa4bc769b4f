// One HTTP exchange with the upstream instance: the request as the caller sent it (with the
// caller's own credentials), the answer's bytes as they came. Failures are named for the
// caller: 504 when the upstream is silent past the timeout, 502 when it cannot be reached.
import {
  request as httpRequest,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
} from "node:http";
import { request as httpsRequest } from "node:https";

export interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class UpstreamError extends Error {
  constructor(
    readonly status: 502 | 504,
    message: string,
  ) {
    super(message);
    this.name = "UpstreamError";
  }
}

/** Caller headers worth sending on; the rest (host, cookies, hop-by-hop) stay here. */
const FORWARDED = ["authorization", "content-type", "accept", "accept-language", "user-agent"];

export function forwardedHeaders(from: IncomingHttpHeaders, body: Buffer): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const name of FORWARDED) {
    const value = from[name];
    if (value !== undefined) headers[name] = value;
  }
  // Answers are checked as JSON: ask for them uncompressed.
  headers["accept-encoding"] = "identity";
  if (body.length > 0) headers["content-length"] = body.length;
  return headers;
}

/** Where failures name the upstream: its origin, never a path or credentials. */
export function upstreamName(url: URL): string {
  return url.origin;
}

export function callUpstream(
  url: URL,
  method: string,
  headers: OutgoingHttpHeaders,
  body: Buffer,
  timeoutMs: number,
): Promise<UpstreamAnswer> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method, headers });
    // The whole exchange counts, not only the silence between packets: an upstream that
    // trickles its answer is as stuck as one that sends nothing.
    const timer = setTimeout(() => {
      request.destroy(
        new UpstreamError(
          504,
          `The upstream ${upstreamName(url)} did not answer within ${timeoutMs / 1000} s (--upstream-timeout).`,
        ),
      );
    }, timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(
        error instanceof UpstreamError
          ? error
          : new UpstreamError(
              502,
              `The upstream ${upstreamName(url)} cannot be reached: ${(error as NodeJS.ErrnoException).code ?? error.message}.`,
            ),
      );
    };
    request.on("error", fail);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", fail);
      response.on("end", () => {
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 502,
          headers: response.headers,
          body: Buffer.concat(chunks),
        });
      });
    });
    request.end(body.length > 0 ? body : undefined);
  });
}
